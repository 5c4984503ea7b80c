import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// End-to-end builds of small sites into temporary folders.
struct SiteBuildTests {
    func build(_ site: TemporarySite, baseURL: String? = nil, drafts: Bool = false) async throws(DiagnosticError)
        -> BuildReport
    {
        try await SiteBuilder(options: BuildOptions(source: site.site, baseURL: baseURL, includeDrafts: drafts)).build()
    }

    func errors(_ site: TemporarySite) async -> [Diagnostic] {
        do {
            _ = try await build(site)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    func threeArticles(_ site: TemporarySite) throws {
        try site.article(
            "2014-11-07-first.md", "title: First piece\ntags: [Policing]", body: "See [the second](/articles/second/).")
        try site.article("2015-02-01-second.md", "title: Second piece\ntags: [policing, Courts]")
        try site.write("Content/articles/letters/undated-letter.txt", "A letter\n\nFrom a reader\n\nThe body.\n")
        try site.write("Content/static/images/p.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
    }

    @Test func buildsEveryPageKindUnderASubPathWithNoBrokenLinks() async throws {
        let site = try TemporarySite(siteYAML: "title: Test\nbase_url: https://example.org/archive/\npaginate: 1\n")
        defer { site.remove() }
        try threeArticles(site)
        let report = try await build(site)
        #expect(report.articles == 3)
        for page in [
            "index.html", "page/2/index.html", "page/3/index.html", "404.html", "articles/first/index.html",
            "articles/undated-letter/index.html", "archive/index.html", "archive/2015/index.html",
            "archive/2014/11/index.html", "archive/undated/index.html", "tags/index.html", "tags/policing/index.html",
            "tags/policing/page/2/index.html", "tags/courts/index.html", "assets/style.css", "images/p.svg",
        ] {
            #expect(site.output(page) != nil, "missing \(page)")
        }
        #expect(site.output("page/4/index.html") == nil)
        let first = try #require(site.output("articles/first/index.html"))
        #expect(first.contains("href=\"/archive/articles/second/\""))
        #expect(first.contains("href=\"/archive/tags/policing/\""))
        let home = try #require(site.output("index.html"))
        #expect(home.contains("Second piece"))
        #expect(home.contains("rel=\"next\" href=\"/archive/page/2/\""))
        let broken = await LinkCheck.brokenLinks(in: site.output, basePath: "/archive/")
        #expect(broken.isEmpty, "broken links: \(broken)")
    }

    @Test func baseURLFlagOverridesSiteYAML() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try threeArticles(site)
        _ = try await build(site, baseURL: "https://mirror.example.net/news")
        let home = try #require(site.output("index.html"))
        #expect(home.contains("href=\"/news/articles/second/\""))
        #expect(await LinkCheck.brokenLinks(in: site.output, basePath: "/news/").isEmpty)
    }

    @Test func aFailingBuildLeavesThePreviousOutputUntouched() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try threeArticles(site)
        _ = try await build(site)
        let before = try #require(site.output("articles/first/index.html"))
        try site.article("2015-02-01-second.md", "title: Second piece\ndate: not a date")
        try site.article("2014-11-07-first.md", "title: First piece, edited")
        let found = await errors(site)
        #expect(found.map(\.file) == ["Content/articles/2015-02-01-second.md"])
        #expect(site.output("articles/first/index.html") == before)
        #expect(site.output("articles/second/index.html") != nil)
        // The last good build's manifest (.Output.cache) stays; no staging folder may.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter {
            $0.hasPrefix(".") && $0 != ".Output.cache"
        }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    /// A full build over an existing output swaps the new one in and leaves the old one to be
    /// deleted in the background, as a build from the cache leaves its emptied staging folder: each
    /// is gone soon after, and nothing else is touched.
    @Test func aFullRebuildDeletesThePreviousOutputInTheBackground() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try threeArticles(site)
        _ = try await build(site)
        try site.article("2014-11-07-first.md", "title: First piece, edited")
        var options = BuildOptions(source: site.site)
        options.reusesUnchangedOutput = false
        _ = try await SiteBuilder(options: options).build()
        #expect(site.output("articles/first/index.html")?.contains("First piece, edited") == true)
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: site.site.path).filter { $0.hasPrefix(".Output.old") }
        }
        for _ in 0..<100 where try !leftovers().isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try leftovers().isEmpty, "the previous output was not deleted")
        try site.article("2014-11-07-first.md", "title: First piece, edited again")
        #expect(try await build(site).reused == 2)
        #expect(site.output("articles/first/index.html")?.contains("edited again") == true)
        for _ in 0..<100 where try !leftovers().isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try leftovers().isEmpty, "the emptied staging folder was not deleted")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: site.site.path).sorted()
                == [
                    ".Output.cache", "Content", "Output", "Templates",
                ].filter { FileManager.default.fileExists(atPath: site.site.appendingPathComponent($0).path) })
    }

    @Test func duplicateSlugsFailTheBuildNamingBothFiles() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-story.md", "title: One")
        try site.article("2015-01-01-other.md", "title: Two\nslug: story")
        let found = await errors(site)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Content/articles/2014-01-01-story.md") == true)
        #expect(found.first?.file == "Content/articles/2015-01-01-other.md")
    }

    @Test func everyBrokenFileIsReportedInOneRun() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: [broken")
        try site.article("b.md", "title: B")
        try site.write("Content/articles/c.txt", bytes: [0x48, 0x69, 0x0A, 0xFF])
        let files = Set(await errors(site).map(\.file))
        #expect(files == ["Content/articles/2014-01-01-a.md", "Content/articles/b.md", "Content/articles/c.txt"])
    }

    @Test func draftsAreSkippedUnlessAskedFor() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-draft.md", "title: Draft\ndraft: true")
        let skipped = try await build(site)
        #expect(skipped.drafts == 1 && skipped.articles == 0)
        #expect(site.output("articles/draft/index.html") == nil)
        _ = try await build(site, drafts: true)
        #expect(site.output("articles/draft/index.html") != nil)
    }

    @Test func brokenOrMissingTemplatesFailWithTheirPath() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: A")
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Templates/list.mustache"))
        try site.write("Templates/tag.mustache", "{{<base}}\n{{$main}}\n{{#articles}}\n{{/main}}\n{{/base}}\n")
        let found = await errors(site)
        #expect(found.contains { $0.file == "Templates/list.mustache" && $0.message == "missing template `list`" })
        #expect(found.contains { $0.file == "Templates/tag.mustache" && $0.line != nil })
        #expect(site.output("index.html") == nil)
    }

    @Test func refusesToReplaceAFolderBroadsheetDidNotMake() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: A")
        try site.write("Output/thesis.docx", "precious")
        let found = await errors(site)
        #expect(found.first?.message.contains("was not made by Broadsheet") == true)
        #expect(site.output("thesis.docx") == "precious")
    }

    @Test func unknownSiteSettingFailsTheBuild() async throws {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/\ncolour: red\n")
        defer { site.remove() }
        let found = await errors(site)
        #expect(found.map(\.description).first?.hasPrefix("Content/site.yml:3:1: error: unknown key `colour`") == true)
    }

    @Test func theSampleSiteBuildsWithoutErrorsAndItsLinksResolve() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "broadsheet-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        let options = BuildOptions(source: Repository.root, output: output, baseURL: "https://example.org/sub/path/")
        let report = try await SiteBuilder(options: options).build()
        #expect(report.articles >= 5)
        #expect(report.warnings.filter { $0.severity == .error }.isEmpty)
        #expect(await LinkCheck.brokenLinks(in: output, basePath: "/sub/path/").isEmpty)
        let seed = try String(
            contentsOf: output.appendingPathComponent("articles/internet-dark-and-ungoverned-space/index.html"),
            encoding: .utf8)
        #expect(seed.contains("Photo: Reuters"))
    }
}
