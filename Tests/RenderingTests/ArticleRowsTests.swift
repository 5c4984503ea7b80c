import ArchiveModel
import Rendering
import SiteIndex
import TestSupport
import Testing

/// A patched export or search index must be, byte for byte, the file a full render of the edited
/// archive gives: checked over random in-place edits of a generated archive, for every file made
/// of article rows, with articles gaining and losing all their quotations (the first row of a file
/// and the empty file are the awkward cases).
struct ArticleRowsTests {
    static let config = SiteConfig(title: "Rows", baseURL: "https://example.org/news/")

    /// Every file of rows the site has, for an index.
    static func files(_ index: SiteIndex) -> [(String, ArticleRows)] {
        let exporter = DataExporter(index: index, config: config)
        let search = SearchIndexRenderer(index: index, config: config)
        return DataExporter.File.allCases.compactMap { file in exporter.rows(file).map { (file.rawValue, $0) } } + [
            ("search/index.json", search.indexRows), ("search/quotes.json", search.quoteRows),
        ]
    }

    /// The new file: the pieces, new bytes or ranges of the old file, in order.
    func apply(_ pieces: [RowPiece], to old: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .bytes(let new): bytes += new
            case .copy(let offset, let length): bytes += old[offset..<offset + length]
            }
        }
        return bytes
    }

    /// The row files as the last render left them.
    typealias Rendered = [(name: String, bytes: [UInt8], layout: RowLayout)]

    static func render(_ index: SiteIndex) -> Rendered {
        files(index).map { name, rows in (name, Array(rows.render().utf8), rows.render(bytes: { _ in })) }
    }

    /// Patches every row file of `index` from `files` with `sources`, checks each against a full
    /// render and keeps the new ones in `files`; how many files were patched and pieces copied.
    func patchAll(_ files: inout Rendered, to index: SiteIndex, sources: [Int?], trial: Int) -> (Int, Int) {
        var patched = 0
        var copied = 0
        for (number, (name, rows)) in Self.files(index).enumerated() {
            let full = Array(rows.render().utf8)
            let previous = files[number]
            #expect(previous.name == name)
            if let patch = rows.patch(previous: previous.layout, sources: sources) {
                // Compared as a Bool: a failure printing two whole files says nothing more.
                let same = apply(patch.pieces, to: previous.bytes) == full
                #expect(same, "trial \(trial): \(name) patched wrongly")
                #expect(patch.layout == rows.render(bytes: { _ in }), "trial \(trial): \(name) laid out wrongly")
                patched += 1
                copied += patch.pieces.count { if case .copy = $0 { true } else { false } }
            } else {
                // Only the quotations of the search index, when the speakers' ranking changed.
                #expect(name == SearchIndexRenderer.quotesPath, "trial \(trial): \(name) not patched")
            }
            files[number] = (name, full, rows.render(bytes: { _ in }))
        }
        return (patched, copied)
    }

    @Test(arguments: [40, 3])
    func aPatchedFileIsWhatAFullRenderGives(articles: Int) throws {
        var random = GeneratedSummaries(seed: UInt64(articles))
        var summaries = (0..<articles).map { random.summary($0, date: random.date()) }
        var index = SiteIndex(summaries: summaries)
        // Rendered as text here, as bytes by `render`: both give the same layout.
        var files: Rendered = Self.files(index).map { name, rows in
            var text = ""
            let layout = rows.render { text += $0 }
            return (name: name, bytes: Array(text.utf8), layout: layout)
        }
        var patched = 0
        var copied = 0
        for trial in 0..<200 {
            var edits: [SiteIndex.Edit] = []
            for _ in 0..<1 + random.below(3) {
                let number = random.below(summaries.count)
                guard !edits.contains(where: { $0.summary.path == summaries[number].path }) else { continue }
                let old = summaries[number]
                var new = random.summary(number, date: old.date, title: old.title)
                // Often no quotations at all, so that whole files go empty and fill again.
                if random.below(2) == 0 {
                    new = ArticleSummary(
                        slug: new.slug, title: new.title, date: new.date, updated: nil, authors: [], standfirst: nil,
                        tags: new.tags, publication: nil, path: new.path, entities: new.entities, quotes: [])
                }
                summaries[number] = new
                edits.append(SiteIndex.Edit(summary: new, hash: new.hashValue, dataHash: new.hashValue))
            }
            let updated = try #require(index.updating(edits, entityDetails: { _ in nil }))
            index = updated.index
            let changed = Set(updated.positions)
            let sources = (0..<index.articles.count).map { changed.contains($0) ? nil : $0 }
            let (done, copies) = patchAll(&files, to: index, sources: sources, trial: trial)
            patched += done
            copied += copies
        }
        #expect(patched > 200 * 4, "too few files patched to tell")
        #expect(copied > 0, "nothing was ever copied from the last file")
    }

    /// Articles added, removed, moved to another date and edited, a few each time: the rows of
    /// the others are copied, and the file is still what a full render gives.
    @Test func aFileIsPatchedAfterArticlesAreAddedRemovedAndMoved() throws {
        var random = GeneratedSummaries(seed: 11)
        var summaries = (0..<40).map { random.summary($0, date: random.date()) }
        var index = SiteIndex(summaries: summaries)
        var files = Self.render(index)
        var added = 40
        var patched = 0
        var copied = 0
        for trial in 0..<100 {
            for _ in 0..<random.below(3) where summaries.count > 5 {
                summaries.remove(at: random.below(summaries.count))
            }
            for _ in 0..<random.below(3) {
                summaries.append(random.summary(added, date: random.date()))
                added += 1
            }
            if random.below(2) == 0 {
                // Another date (so another place in every list), or other rows altogether.
                let number = random.below(summaries.count)
                let old = summaries[number]
                summaries[number] =
                    random.below(2) == 0
                    ? ArticleSummary(
                        slug: old.slug, title: old.title, date: random.date(), updated: nil, authors: old.authors,
                        standfirst: nil, tags: old.tags, publication: nil, path: old.path, entities: old.entities,
                        quotes: old.quotes)
                    : random.summary(Int(old.slug.dropFirst("story-".count))!, date: old.date, title: old.title)
            }
            let next = SiteIndex(summaries: summaries)
            let (done, copies) = patchAll(
                &files, to: next, sources: ArticleRows.sources(from: index, to: next), trial: trial)
            patched += done
            copied += copies
            index = next
        }
        #expect(patched > 100 * 4, "too few files patched to tell")
        #expect(copied > 100 * 4, "the rows of unchanged articles were not copied")
    }

    @Test func aPatchNeedsTheSameArticlesAndDependency() throws {
        var random = GeneratedSummaries(seed: 3)
        let index = SiteIndex(summaries: (0..<5).map { random.summary($0, date: random.date()) })
        let rows = try #require(DataExporter(index: index, config: Self.config).rows(.quotes))
        let layout = rows.render(bytes: { _ in })
        var other = layout
        other.lengths.removeLast()
        let unchanged = Array(0..<5)
        #expect(rows.patch(previous: other, sources: unchanged) == nil)
        other = layout
        other.dependency += 1
        #expect(rows.patch(previous: other, sources: unchanged) == nil)
        #expect(rows.patch(previous: layout, sources: Array(unchanged.dropLast())) == nil)
        #expect(rows.patch(previous: layout, sources: unchanged) != nil)
    }
}
