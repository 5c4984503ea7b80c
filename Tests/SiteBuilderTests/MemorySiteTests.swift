import Foundation
import SiteIndex
import TestSupport
import Testing

@testable import SiteBuilder

/// serve's site in memory keeps no page: each is rendered when asked for, by the newest renderer
/// of its kind, and is what a full build writes after any series of edits.
struct MemorySiteTests {
    /// Edits one after another (every kind `EditedArchive` knows, some moving articles between
    /// pages and adding or removing tags), each rebuild starting from the last.
    @Test func pagesAskedForAfterEachOfManyEditsAreWhatAFullBuildWrites() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let served = try await ServedSite(site)
        let edits = ["title", "tags", "theme", "quote", "date", "add", "entity", "delete", "above"]
        for (round, edit) in edits.enumerated() {
            if edit == "theme" {
                // A template change: every page made again by the new templates, no article read.
                let footer = site.site.appendingPathComponent("Templates/partials/footer.mustache")
                let text = try String(contentsOf: footer, encoding: .utf8)
                try (text + "<p>Edited footer</p>\n").write(to: footer, atomically: true, encoding: .utf8)
            } else {
                try EditedArchive.apply(edit, to: site)
            }
            _ = try await served.rebuild()
            try await served.expectSameAsFullBuild(into: "Fresh\(round)", after: edit)
            if edit == "theme" {
                #expect(served.page("articles/story-0/index.html")?.contains("Edited footer") == true)
            }
        }
    }

    @Test func everyPageIsRenderedOnRequestAndNoneIsKept() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let memory = try await ServedSite(site).memory
        let pages = memory.snapshot.filter { $0.key.hasSuffix("/index.html") }
        #expect(pages.count > 20)
        for (path, file) in pages {
            #expect(file.isRenderedOnRequest, "\(path) is kept as bytes")
            // Asked twice, made twice, the same both times.
            #expect(!file.data.isEmpty && file.data == file.data, "\(path)")
        }
        #expect(memory.file("articles/story-2/index.html")?.isRenderedOnRequest == true)
        // Feeds, the exports, the search index and the sitemap too: one request does not keep them
        // for the session.
        for path in [
            "feed.xml", "feed.json", "robots.txt", "data/quotes.json", "data/quotes.csv", "search/index.json",
            "sitemap.xml",
        ] {
            let file = try #require(memory.file(path), "\(path)")
            #expect(file.isRenderedOnRequest, "\(path) is kept as bytes")
            #expect(!file.data.isEmpty && file.data == file.data, "\(path)")
        }
    }

    /// serve started after a `build` takes that build's articles from its cache on disk rather
    /// than enriching them again, all but the one edited since; what it serves is still what a full
    /// build writes, then and after more edits.
    @Test func serveStartsFromTheCacheBuildLeft() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        try EditedArchive.apply("title", to: site)
        let served = try await ServedSite(site)
        #expect(served.first.articles == 5)
        #expect(served.first.reused == 4, "the articles were enriched again, not taken from build's cache")
        try await served.expectSameAsFullBuild(into: "Fresh", after: "start")
        for (round, edit) in ["quote", "delete", "add"].enumerated() {
            try EditedArchive.apply(edit, to: site)
            _ = try await served.rebuild()
            try await served.expectSameAsFullBuild(into: "Fresh\(round)", after: edit)
        }
    }

    /// serve does not take a cache made from other settings, nor a damaged one: it reads and
    /// annotates every article instead, and serves what a full build writes.
    @Test(arguments: ["other settings", "a damaged cache"])
    func serveIgnoresACacheItCannotTrust(_ spoiler: String) async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let options = BuildOptions(source: site.site)
        _ = try await SiteBuilder(options: options).build()
        if spoiler == "other settings" {
            try "title: Other\nbase_url: https://example.org/news/\npaginate: 2\n".write(
                to: site.site.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        } else {
            let file = BuildCacheFile.location(for: options.output)
            var bytes = try [UInt8](Data(contentsOf: file))
            bytes[bytes.count / 2] ^= 0x20
            try Data(bytes).write(to: file)
        }
        let served = try await ServedSite(site)
        #expect(served.first.reused == 0, "\(spoiler)")
        try await served.expectSameAsFullBuild(into: "Fresh", after: spoiler)
    }

    /// A page that a rebuild keeps is made by the newest renderer, so the last build's site index
    /// (every article's summary) is freed once the rebuild is in place.
    @Test func aRebuildLetsGoOfTheLastSiteIndex() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let served = try await ServedSite(site)
        weak let edited = served.cache.index?.articles.first { $0.slug == "story-2" }
        #expect(edited != nil)
        // A new headline: shown on lists, tag and entity pages, so some are rendered again and
        // most are kept.
        try EditedArchive.apply("title", to: site)
        let report = try await served.rebuild()
        #expect(report.reusedPages > 0)
        // The last generation is freed in the background, after the rebuild.
        for _ in 0..<100 where edited != nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(edited == nil, "a kept page still holds the previous build's index")
        #expect(served.page("articles/story-2/index.html")?.contains("Renamed") == true)
    }
}

/// A site built into memory as serve builds it, rebuilt from its cache after each edit.
struct ServedSite {
    let site: TemporarySite
    let memory = MemorySite()
    let cache = BuildCache()
    var options: BuildOptions
    /// The report of the first build.
    var first: BuildReport!

    init(_ site: TemporarySite) async throws {
        self.site = site
        options = BuildOptions(source: site.site)
        options.memorySite = memory
        first = try await rebuild()
    }

    func rebuild(changes: Set<String>? = nil) async throws -> BuildReport {
        var options = options
        options.changedPaths = changes
        return try await SiteBuilder(options: options, cache: cache).build()
    }

    /// The page at a path, rendered now.
    func page(_ path: String) -> String? {
        memory.file(path).map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// Expects every file to be what a full build into `folder` (inside the site's folder) writes.
    func expectSameAsFullBuild(into folder: String, after edit: String) async throws {
        let fresh = site.folder.appendingPathComponent(folder)
        _ = try await SiteBuilder(options: BuildOptions(source: site.site, output: fresh)).build()
        let full = try IncrementalEquivalenceTests().files(fresh).filter { !$0.key.hasPrefix(".") }
        #expect(memory.count == full.count, "after \(edit)")
        for (path, data) in full where memory.file(path)?.data != data {
            Issue.record("after \(edit): \(path) differs from a full build")
        }
    }
}
