import ArchiveModel
import Rendering
import SiteIndex
import TestSupport
import Testing

/// After an edit in place, a rebuild looks only at the list and quotation pages the renderers say
/// can have changed. Checked against the fingerprints of every page before and after random edits
/// of a generated archive: a page whose fingerprint changed must have been named.
struct ChangedPagesTests {
    @Test func everyPageWhoseFingerprintChangesIsNamed() throws {
        let templates = try TemplateSet.load(from: Repository.root.appendingPathComponent("Templates"))
        let config = SiteConfig(title: "T", baseURL: "https://example.org/", pageSize: 4)
        var random = GeneratedSummaries(seed: 23)
        var summaries = (0..<200).map { random.summary($0, date: random.date()) }
        var index = SiteIndex(summaries: summaries)
        var named = (lists: 0, quotes: 0)
        for trial in 0..<60 {
            var edits: [SiteIndex.Edit] = []
            for _ in 0..<1 + random.below(2) {
                let number = random.below(summaries.count)
                guard !edits.contains(where: { $0.summary.path == summaries[number].path }) else { continue }
                var new = random.summary(number, date: summaries[number].date, title: summaries[number].title)
                // Mostly the same tags, as most edits keep them.
                if random.below(4) != 0 {
                    new = ArticleSummary(
                        slug: new.slug, title: new.title, date: new.date, updated: nil, authors: [], standfirst: nil,
                        tags: summaries[number].tags, publication: nil, path: new.path, entities: new.entities,
                        quotes: new.quotes)
                }
                summaries[number] = new
                edits.append(SiteIndex.Edit(summary: new, hash: new.hashValue, dataHash: new.hashValue))
            }
            let updated = try #require(index.updating(edits, entityDetails: { _ in nil }))
            let before = (
                lists: IndexPageRenderer(index: index, templates: templates, config: config),
                quotes: QuotePageRenderer(index: index, templates: templates, config: config)
            )
            let after = (
                lists: IndexPageRenderer(index: updated.index, templates: templates, config: config),
                quotes: QuotePageRenderer(index: updated.index, templates: templates, config: config)
            )
            if let pages = after.lists.pagesChanged(at: updated.positions, from: index) {
                named.lists += 1
                #expect(before.lists.pages == after.lists.pages, "trial \(trial)")
                for page in after.lists.pages where before.lists.fingerprint(page) != after.lists.fingerprint(page) {
                    #expect(pages.contains(page), "trial \(trial): \(page) changed but was not named")
                }
            }
            if let numbers = after.quotes.indexPagesChanged(at: updated.positions, from: index) {
                named.quotes += 1
                for page in after.quotes.pages {
                    guard case .index(let number) = page,
                        before.quotes.fingerprint(page) != after.quotes.fingerprint(page)
                    else { continue }
                    #expect(
                        numbers.contains(number), "trial \(trial): quotation page \(number) changed but was not named")
                }
            }
            index = updated.index
        }
        // Most trials keep tags and the page count, and so name pages rather than asking for all.
        #expect(named.lists > 30 && named.quotes > 30, "\(named)")
    }
}
