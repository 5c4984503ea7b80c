import Foundation
import Testing

@testable import Knowledge

/// The built-in lists read from their resource files line by line, comments and blanks skipped.
struct BuiltInKnowledgeTests {
    @Test(arguments: [
        ("common-words", "txt"), ("first-names", "txt"), ("honorifics", "txt"), ("titles", "txt"), ("places", "tsv"),
    ])
    func resourceLinesAreTheFileLinesWithoutCommentsOrBlanks(name: String, fileExtension: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: fileExtension))
        let text = try String(contentsOf: url, encoding: .utf8)
        let expected = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        #expect(BuiltInKnowledge.lines(name, extension: fileExtension) == expected)
        #expect(expected.count > 10)
    }

    @Test func placesKeepEveryField() {
        let places = BuiltInKnowledge.places()
        #expect(places.count > 1000)
        #expect(places.allSatisfy { !$0.id.isEmpty && !$0.name.isEmpty && $0.type == .place })
        #expect(places.contains { $0.geonames != nil && !$0.aliases.isEmpty })
    }
}
