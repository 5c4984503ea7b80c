import ContentReader
import Testing

/// File lists come out in byte order, however the names begin and end.
struct ContentScannerTests {
    @Test func pathsSortInByteOrderWhateverTheirFirstBytes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["2016-07-13-", "2016-07-1", "articles/", "é", "z", "a", "-", "Zoë", "", "2016-07-13-inside"]
        var paths = (0..<2_000).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        // Names that differ only after 32 bytes, and one that is a prefix of another.
        paths += [
            "articles/2016-07-13-b.md", "articles/2016-07-13-a.md", "articles/2016-07-13", "articles/2016-07-1",
            "articles/2016-07-13-inside-the-fight-b.md", "articles/2016-07-13-inside-the-fight-a.md",
        ]
        let expected = paths.sorted(by: ContentScanner.bytesPrecede)
        #expect(ContentScanner.sortedByBytes(paths) == expected)
        #expect(expected.firstIndex(of: "articles/2016-07-13")! < expected.firstIndex(of: "articles/2016-07-13-a.md")!)
    }

    @Test(arguments: [
        ("Content/articles/a.md", true), ("Content/articles/2015/B.MD", true), ("x.Markdown", true),
        ("notes.txt", true), ("é.md", true), ("Content/articles/.hidden.md", false), ("x.md~", false),
        ("x.mdx", false), ("README", false), ("folder.md/file", false), ("x.", false),
    ])
    func articleNamesAreKnownByTheirExtensionInAnyCase(path: String, isArticle: Bool) {
        #expect(ContentScanner.isArticleName(path) == isArticle)
    }
}
