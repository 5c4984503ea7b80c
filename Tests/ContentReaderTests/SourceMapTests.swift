import ArchiveModel
import ContentReader
import TestSupport
import Testing

/// Every scalar of a text unit maps back to the scalar it came from in the file.
struct SourceMapTests {
    static let equivalents: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "\u{201C}": ["\""], "\u{201D}": ["\""], "\u{2018}": ["'"], "\u{2019}": ["'"],
        "\u{2013}": ["-"], "\u{2014}": ["-"], "\u{2026}": ["."], " ": ["\n", "\r", "\t"],
    ]

    /// The units whose text does not line up with the file, described for the failure message.
    func misalignments(in article: Article, file: [Unicode.Scalar]) -> [String] {
        var problems: [String] = []
        for unit in article.textUnits where !unit.sourceMap.isEmpty {
            for (offset, scalar) in unit.text.unicodeScalars.enumerated() {
                guard let source = unit.sourceMap.sourceOffset(of: offset), source < file.count else {
                    problems.append("\(unit.role) offset \(offset): unmapped")
                    continue
                }
                let found = file[source]
                if found != scalar && !(Self.equivalents[scalar]?.contains(found) ?? false) {
                    problems.append("\(unit.role) “\(unit.text.prefix(30))” offset \(offset): \(scalar) ≠ \(found)")
                }
            }
        }
        return problems
    }

    @Test func plainTextSeedUnitsMapBackToTheFile() throws {
        let bytes = try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt")
        let article = try #require(ArticleReader.read(path: "seed.txt", bytes: bytes).article)
        let file = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        #expect(misalignments(in: article, file: file).isEmpty)
        #expect(article.textUnits.map(\.role).prefix(4) == [.headline, .standfirst, .caption, .paragraph])
        #expect(article.textUnits[2].text.hasSuffix("Credit: Photo: Reuters"))
    }

    @Test func markdownUnitsMapThroughMarkupEscapesAndSmartPunctuation() throws {
        let text = """
            ---
            title: "Café"
            date: 2014-11-07
            ---

            Sir Bernard said: "We *cannot* allow -- the **internet** to become [dark](https://x.org/a_b)."
            He added: 'it's \\*not\\* over' &amp; more... said Mr Hannigan, in São Paulo.

            > ## A heading with `code`
            > - a list item about Britain's police
            """
        let bytes = Array(text.utf8)
        let article = try #require(ArticleReader.read(path: "a.md", bytes: bytes).article)
        let file = Array(text.unicodeScalars)
        #expect(misalignments(in: article, file: file).isEmpty)
        let units = article.textUnits.filter { !$0.sourceMap.isEmpty }
        #expect(units.count == 3)
        let paragraph = try #require(units.first)
        let start = try #require(paragraph.text.unicodeScalars.firstIndex(of: "H"))
        let offset = paragraph.text.unicodeScalars.distance(from: paragraph.text.unicodeScalars.startIndex, to: start)
        #expect(
            paragraph.sourceMap.sourceOffset(of: offset) == text.unicodeScalars.count
                - text.drop(while: { $0 != "H" }).unicodeScalars.count)
        let mr = try #require(paragraph.text.range(of: "Mr Hannigan"))
        let mrStart = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: mr.lowerBound)
        let range = try #require(paragraph.sourceMap.sourceRange(start: mrStart, end: mrStart + 11))
        #expect(String(String.UnicodeScalarView(file[range])) == "Mr Hannigan")
    }

    @Test func byteOrderMarkAndWindowsLineEndingsShiftOffsetsCorrectly() throws {
        let text = "\u{FEFF}Headline\r\n\r\nStandfirst\r\n\r\nBody “one”\r\nline two\r\n"
        let article = try #require(ArticleReader.read(path: "b.txt", bytes: Array(text.utf8)).article)
        #expect(misalignments(in: article, file: Array(text.unicodeScalars)).isEmpty)
        let body = try #require(article.textUnits.last)
        #expect(body.text == "Body “one” line two")
        #expect(body.sourceMap.sourceOffset(of: 0) == 27)  // BOM, two CRLF-ended paragraphs before it
    }
}
