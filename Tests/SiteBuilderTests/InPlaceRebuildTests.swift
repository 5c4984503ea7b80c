import Foundation
import SiteBuilder
import TestSupport
import Testing

/// `build` after edits that show on no page but the edited article's own: that page alone is
/// written, nothing else read, and the output is what a full build makes. Any edit that shows
/// elsewhere goes the whole way.
struct InPlaceRebuildTests {
    /// The edited archive with a one-entry site feed, so that the third story's body is on no
    /// page but its own.
    func site() throws -> TemporarySite {
        let site = try EditedArchive.make()
        try site.write(
            "Content/site.yml", "title: T\nbase_url: https://example.org/news/\npaginate: 2\nfeed_limit: 1\n")
        return site
    }

    func build(_ site: TemporarySite) async throws -> BuildReport {
        try await SiteBuilder(options: BuildOptions(source: site.site)).build()
    }

    /// A story (the third unless told) with a sentence added at the end, below its quotation.
    func addSentence(_ text: String, to site: TemporarySite, story: Int = 2) throws {
        let names = ["Eleanor Whitcombe", "Graham Pell", "Ravi Chandran", "Margaret Ellery", "Ananya Rao"]
        try site.article(
            "2015-0\(story + 1)-0\(story + 1)-story-\(story).md",
            "title: Story \(story)\ntags: [t\(story % 2), shared]",
            body: "\(names[story]), who chairs the board, said: \"Number \(story) matters.\"\n\n"
                + "She met Graham Pell in London. \(text)")
    }

    @Test func aSentenceBelowTheQuotationsRewritesThatArticlesPageAlone() async throws {
        let site = try site()
        defer { site.remove() }
        let first = try await build(site)
        let others = [
            "index.html", "articles/story-1/index.html", "people/ravi-chandran/index.html", "quotes/index.html",
            "data/quotes.json", "feed.xml", "sitemap.xml",
        ]
        let before = try others.map(site.outputInode)
        #expect(!before.contains(nil), "a page the test looks at was not built")
        try addSentence("They spoke for an hour.", to: site)
        let report = try await build(site)
        #expect(report.inPlace)
        #expect(report.reused == first.articles - 1)
        #expect(report.articles == first.articles && report.pages == first.pages && report.quotes == first.quotes)
        #expect(site.output("articles/story-2/index.html")?.contains("They spoke for an hour.") == true)
        #expect(try others.map(site.outputInode) == before, "a page other than the article's was written")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "sentence")

        // Again, another article: the cache the first edit patched serves the second.
        try addSentence("Nobody else came.", to: site, story: 1)
        #expect(try await build(site).inPlace)
        #expect(site.output("articles/story-2/index.html")?.contains("They spoke for an hour.") == true)
        #expect(site.output("articles/story-1/index.html")?.contains("Nobody else came.") == true)
        // And a build that must go the whole way reads every article of that cache.
        try EditedArchive.apply("quote", to: site)
        let whole = try await build(site)
        #expect(!whole.inPlace)
        #expect(whole.reused == first.articles - 1, "the patched cache was not read whole")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "after two edits in place")
        #expect(try await build(site).unchanged)
    }

    /// The site feed carries the newest articles' bodies: after an edit to one of them it is
    /// rendered again, from its articles' summaries alone.
    @Test(arguments: [1, 20])
    func aSentenceInAnArticleOfTheSiteFeedRewritesItsPageAndTheFeed(feedLimit: Int) async throws {
        let site = try site()
        defer { site.remove() }
        try site.write(
            "Content/site.yml", "title: T\nbase_url: https://example.org/news/\npaginate: 2\nfeed_limit: \(feedLimit)\n"
        )
        let first = try await build(site)
        let others = ["index.html", "articles/story-2/index.html", "people/ananya-rao/index.html", "data/quotes.json"]
        let before = try others.map(site.outputInode)
        try addSentence("The feed shows this.", to: site, story: 4)
        let report = try await build(site)
        #expect(report.inPlace)
        #expect(report.reused == first.articles - 1)
        #expect(site.output("feed.xml")?.contains("The feed shows this.") == true)
        #expect(site.output("feed.json")?.contains("The feed shows this.") == true)
        #expect(try others.map(site.outputInode) == before, "a page other than the article's was written")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "newest, feed of \(feedLimit)")
        // The cache with the new tail serves the next build (here, a whole one).
        try EditedArchive.apply("quote", to: site)
        let whole = try await build(site)
        #expect(!whole.inPlace && whole.reused == first.articles - 1)
        #expect(site.output("feed.xml")?.contains("The feed shows this.") == true)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "after edits to the feed")
    }

    @Test(arguments: ["title", "quote", "entity", "above", "newest title", "warning", "draft", "and a new file"])
    func anEditThatShowsElsewhereGoesTheWholeWay(edit: String) async throws {
        let site = try site()
        defer { site.remove() }
        let first = try await build(site)
        switch edit {
        case "newest title":
            // The newest story, whose body is in the site feed, renamed.
            try site.article(
                "2015-05-05-story-4.md", "title: Renamed\ntags: [t0, shared]",
                body: "Ananya Rao, who chairs the board, said: \"Number 4 matters.\"\n\nShe met Graham Pell in London.")
        case "warning":
            // A sentence no other page shows, with a link to an entity nothing knows: a warning.
            try addSentence("The [board](entity:no-such-entity) agreed.", to: site)
        case "draft":
            try site.article(
                "2015-03-03-story-2.md", "title: Story 2\ntags: [t0, shared]\ndraft: true",
                body:
                    "Ravi Chandran, who chairs the board, said: \"Number 2 matters.\"\n\nShe met Graham Pell in London."
            )
        case "and a new file":
            try addSentence("They spoke for an hour.", to: site)
            try site.article("2014-01-01-older.md", "title: Older", body: "Nothing to see.")
        default:
            try EditedArchive.apply(edit, to: site)
        }
        let report = try await build(site)
        #expect(!report.inPlace, "\(edit) was rebuilt in place")
        switch edit {
        case "newest title": #expect(site.output("feed.xml")?.contains("Renamed") == true)
        case "warning": #expect(report.warnings.contains { $0.message.contains("no-such-entity") })
        case "draft": #expect(report.articles == first.articles - 1)
        case "and a new file": #expect(report.articles == first.articles + 1)
        default: #expect(report.reused == first.articles - 1)
        }
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: edit)
    }

    /// A damaged cache is never used in place: the edit goes the whole way, and that build, finding
    /// the cache damaged too, builds everything.
    @Test(arguments: ["segment", "footer", "manifest"])
    func aDamagedCacheIsNotUsedInPlace(damage: String) async throws {
        let site = try site()
        defer { site.remove() }
        let first = try await build(site)
        let file = site.site.appendingPathComponent(".Output.cache/" + (damage == "manifest" ? "manifest" : "articles"))
        var bytes = try [UInt8](Data(contentsOf: file))
        switch damage {
        case "segment": bytes[bytes.count / 4] ^= 0x20
        case "footer": bytes[bytes.count - 40] ^= 0x20
        default: bytes[bytes.count - 3] ^= 0x20  // an article's stamp digest
        }
        try Data(bytes).write(to: file)
        try addSentence("They spoke for an hour.", to: site)
        let report = try await build(site)
        #expect(!report.inPlace)
        #expect(report.reused == (damage == "manifest" ? first.articles - 1 : 0))
        #expect(site.output("articles/story-2/index.html")?.contains("They spoke for an hour.") == true)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "damaged \(damage)")
    }

    /// Each edit in place appends to the cache file; once most of it would be stale a whole build
    /// writes it afresh, so it never grows without end.
    @Test func theCacheFileStaysSmallOverManyEditsInPlace() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let cache = site.site.appendingPathComponent(".Output.cache/articles")
        func size() throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: cache.path)[.size] as? Int)
        }
        let fresh = try size()
        var inPlace = 0
        for round in 0..<8 {
            // Story 4 is in the site feed: its edits append a new tail as well.
            try addSentence("Round \(round).", to: site, story: round % 5)
            if try await build(site).inPlace { inPlace += 1 }
            #expect(try size() <= 3 * fresh, "round \(round)")
        }
        #expect(inPlace >= 4)
        #expect(inPlace < 8, "the cache file was never written afresh")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "many edits")
    }
}
