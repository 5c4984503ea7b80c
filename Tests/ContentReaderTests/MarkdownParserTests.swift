import ArchiveModel
import ContentReader
import Foundation
import TestSupport
import Testing

struct MarkdownParserTests {
    @Test func smartPunctuationCurlsQuotesAndKeepsTextRunsWhole() throws {
        let blocks = MarkdownParser.parse("He said \"it's *not* over\" -- and left...")
        guard case .paragraph(let inlines)? = blocks.first?.kind else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(inlines.plainText == "He said “it’s not over” – and left…")
        #expect(inlines.first == .text("He said “it’s "))
        #expect(inlines[1] == .emphasis([.text("not")]))
    }

    @Test func blocksCarryTheirFileLineAfterTheFrontMatter() {
        let blocks = MarkdownParser.parse("First.\n\n## Heading\n\n- one\n- two\n", firstLine: 10)
        #expect(blocks.map(\.location.line) == [10, 12, 14])
        #expect(blocks[1].kind == .heading(level: 2, [.text("Heading")]))
        guard case .list(let ordered, _, let tight, let items) = blocks[2].kind else {
            Issue.record("expected a list")
            return
        }
        #expect(!ordered && tight && items.count == 2)
    }

    @Test func rawHTMLIsKeptAsHTMLNodesForTheRendererToDecide() {
        let blocks = MarkdownParser.parse("<script>alert(1)</script>\n\nText <b>bold</b>")
        #expect(blocks.first?.kind == .html("<script>alert(1)</script>\n"))
        guard case .paragraph(let inlines)? = blocks.last?.kind else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(inlines.contains(.html("<b>")))
    }

    @Test func linksImagesCodeAndQuotesAreMirrored() {
        let markdown =
            "> A [link](https://x.org \"T\") and ![alt](/a.png) and `code`\n\n```swift\nlet x = 1\n```\n\n---\n"
        let blocks = MarkdownParser.parse(markdown)
        guard case .blockQuote(let inner) = blocks[0].kind, case .paragraph(let inlines)? = inner.first?.kind else {
            Issue.record("expected a block quote holding a paragraph")
            return
        }
        #expect(inlines.contains(.link(destination: "https://x.org", title: "T", [.text("link")])))
        #expect(inlines.contains(.image(source: "/a.png", title: "", alt: [.text("alt")])))
        #expect(inlines.contains(.code("code")))
        #expect(blocks[1].kind == .codeBlock(info: "swift", literal: "let x = 1\n"))
        #expect(blocks[2].kind == .thematicBreak)
    }
}

/// Inputs the fuzzer found (`Tests/Fuzz/fuzz.sh`), kept in its seed corpus and read here.
struct FuzzFoundTests {
    /// NUL bytes, which cmark reads as U+FFFD, after a soft line break at the end of a file
    /// put the source map past the file's end (a trap).
    @Test func nulBytesAfterALineBreakAreReadWithoutATrap() throws {
        let path = "Tests/Fuzz/corpus/frontmatter/nul-after-softbreak.md"
        let bytes = [UInt8](try Data(contentsOf: Repository.root.appendingPathComponent(path)))
        #expect(bytes.contains(0))
        let result = ArticleReader.read(path: "Content/articles/2020-01-01-x.md", bytes: bytes)
        #expect(result.article != nil || result.diagnostics.contains { $0.severity == .error })
    }
}
