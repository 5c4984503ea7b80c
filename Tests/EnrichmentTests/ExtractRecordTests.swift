import ArchiveModel
import ContentReader
import Foundation
import Knowledge
import Rendering
import Testing

@testable import Enrichment

/// The `broadsheet extract` contract: offsets in Unicode scalars from the start of the file.
struct ExtractRecordTests {
    let markdown = """
        ---
        title: "Café row: Mr Hannigan's warning"
        date: 2014-11-07
        ---

        Speaking in *São Paulo*, Robert Hannigan -- the "spy chief" -- said Britain's firms must act.

        > Later, Mr Hannigan told the BBC: "It's time."
        """

    func record() throws -> JSONValue {
        let bytes = Array(markdown.utf8)
        let article = try #require(ArticleReader.read(path: "a.md", bytes: bytes).article)
        let recognizer = EntityRecognizer(gazetteer: Gazetteer(entities: [], knowledge: BuiltInKnowledge.shared))
        let units = article.textUnits
        return ExtractRecord.json(
            file: "a.md", source: Array(markdown.unicodeScalars), units: units, annotations: recognizer.annotate(units))
    }

    @Test func offsetsPointAtTheMentionInTheFile() throws {
        let json = try record().serialized()
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(decoded["file"] as? String == "a.md")
        #expect((decoded["quotes"] as? [Any])?.isEmpty == true)
        let entities = try #require(decoded["entities"] as? [[String: Any]])
        let scalars = Array(markdown.unicodeScalars)
        var seen: [String] = []
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                let text = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(text == mention["text"] as? String)
                seen.append("\(entity["id"] ?? ""): \(text)")
            }
        }
        #expect(seen.contains("sao-paulo: São Paulo"))
        #expect(seen.contains("robert-hannigan: Robert Hannigan"))
        #expect(seen.contains("robert-hannigan: Mr Hannigan"))
        #expect(seen.contains("united-kingdom: Britain"))
        #expect(seen.contains("bbc: BBC"))
        // The title lives in front matter: its mention is not exported.
        #expect(seen.filter { $0.hasSuffix("Mr Hannigan") }.count == 1)
    }

    @Test func theRecordIsDeterministicWithFieldsInContractOrder() throws {
        let first = try record().serialized()
        #expect(first == (try record().serialized()))
        #expect(first.hasPrefix("{\"file\":\"a.md\",\"entities\":[{\"id\":"))
        #expect(first.hasSuffix("\"quotes\":[]}"))
        #expect(!first.contains("\n"))
    }
}

/// Enrichment's own scalar conversions agree with the standard library on any text.
struct ScalarTextTests {
    @Test(arguments: ["", "plain ASCII", "Café “quoted” – São Paulo’s 😀 ünïcödé", "\u{FEFF}bom\r\n", "日本語のテキスト"])
    func conversionsMatchTheStandardLibrary(text: String) {
        let scalars = ScalarText.scalars(of: text)
        #expect(scalars == Array(text.unicodeScalars))
        #expect(ScalarText.string(scalars, 0..<scalars.count) == text)
    }
}
