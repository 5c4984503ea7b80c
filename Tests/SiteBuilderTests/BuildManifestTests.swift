import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// `build` leaves the output as it is when nothing it was made from changed, and only then.
struct BuildManifestTests {
    func site() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.article("2015-03-01-one.md", "title: One", body: "Eleanor Whitcombe said: \"First.\"")
        try site.article("2015-03-02-two.md", "title: Two", body: "Graham Pell replied.")
        return site
    }

    func build(_ site: TemporarySite, _ configure: (inout BuildOptions) -> Void = { _ in }) async throws -> BuildReport
    {
        var options = BuildOptions(source: site.site)
        configure(&options)
        return try await SiteBuilder(options: options).build()
    }

    func modified(_ site: TemporarySite, _ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[
            .modificationDate] as? Date
    }

    @Test func anUnchangedSiteIsLeftAsItIsAndReportsTheLastCounts() async throws {
        let site = try site()
        defer { site.remove() }
        let first = try await build(site)
        #expect(!first.unchanged)
        let written = try modified(site, "index.html")
        let second = try await build(site)
        #expect(second.unchanged)
        #expect(second.pages == first.pages)
        #expect(second.articles == 2)
        #expect(try modified(site, "index.html") == written)
    }

    @Test(arguments: ["edit", "add", "template", "base-url", "drafts", "force", "output deleted", "corrupt"])
    func anyChangeBuildsAgain(change: String) async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        var configure: (inout BuildOptions) -> Void = { _ in }
        switch change {
        case "edit": try site.article("2015-03-02-two.md", "title: Two", body: "Graham Pell replied at length.")
        case "add": try site.article("2015-03-03-three.md", "title: Three")
        case "template":
            let footer = site.site.appendingPathComponent("Templates/partials/footer.mustache")
            try (String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(
                to: footer, atomically: true, encoding: .utf8)
        case "base-url": configure = { $0.baseURL = "https://example.org/elsewhere/" }
        case "drafts": configure = { $0.includeDrafts = true }
        case "force": configure = { $0.reusesUnchangedOutput = false }
        case "output deleted": try FileManager.default.removeItem(at: site.output)
        default:
            let manifest = site.site.appendingPathComponent(".Output.cache/manifest")
            #expect(FileManager.default.fileExists(atPath: manifest.path))
            try Data("broadsheet-manifest 2\ngarbage".utf8).write(to: manifest)
        }
        let report = try await build(site, configure)
        #expect(!report.unchanged, "\(change)")
        #expect(site.output("index.html") != nil)
        if change == "edit" { #expect(site.output("articles/two/index.html")?.contains("at length") == true) }
        // Built again, the same inputs are then left alone.
        #expect(try await build(site, configure).unchanged == (change != "force"))
    }

    /// Content/articles may be a link to a folder elsewhere: its files count as the site's.
    @Test func anEditToArticlesKeptElsewhereThroughALinkBuildsAgain() async throws {
        let site = try site()
        defer { site.remove() }
        let articles = site.site.appendingPathComponent("Content/articles")
        let store = site.folder.appendingPathComponent("store")
        try FileManager.default.moveItem(at: articles, to: store)
        try FileManager.default.createSymbolicLink(at: articles, withDestinationURL: store)
        #expect(try await build(site).articles == 2)
        try site.article("2015-03-02-two.md", "title: Two", body: "Graham Pell replied at length.")
        let report = try await build(site)
        #expect(!report.unchanged)
        #expect(site.output("articles/two/index.html")?.contains("at length") == true)
        try site.article("2015-03-03-three.md", "title: Three")
        #expect(try await build(site).articles == 3)
        #expect(try await build(site).unchanged)
    }

    @Test func aBuildWithWarningsIsNeverSkippedSoTheyAreShownAgain() async throws {
        let site = try site()
        defer { site.remove() }
        try site.article(
            "2015-03-04-pinned.md", "title: Pinned\nentities: {\"the chair\": no-such-entity}",
            body: "She met the chair.")
        let first = try await build(site)
        #expect(!first.warnings.isEmpty)
        let second = try await build(site)
        #expect(!second.unchanged)
        #expect(!second.warnings.isEmpty)
    }
}
