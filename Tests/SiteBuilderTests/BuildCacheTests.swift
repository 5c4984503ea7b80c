import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// serve's rebuilds reuse the work for articles that did not change.
struct BuildCacheTests {
    @Test func unchangedArticlesAreReusedAndAnythingTheyDependOnInvalidatesThem() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: A", body: "Eleanor Whitcombe spoke.")
        try site.article("2014-01-02-b.md", "title: B", body: "Graham Pell replied.")
        try site.article("2014-01-03-c.md", "title: C\ndraft: true", body: "Not yet.")
        let cache = BuildCache()
        let builder = SiteBuilder(options: BuildOptions(source: site.site), cache: cache)
        #expect(try await builder.build().reused == 0)

        try site.article("2014-01-02-b.md", "title: B, edited", body: "Graham Pell replied at length.")
        let second = try await builder.build()
        #expect(second.reused == 2)  // A, and the draft C
        #expect(site.output("articles/a/index.html")?.contains("Eleanor Whitcombe") == true)
        #expect(site.output("articles/b/index.html")?.contains("replied at length") == true)
        #expect(site.output("index.html")?.contains("B, edited") == true)

        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Content/articles/2014-01-01-a.md"))
        #expect(try await builder.build().reused == 2)
        #expect(site.output("articles/a/index.html") == nil)

        // A template change touches every page: no page is kept, but the articles are rendered again
        // from the kept source and enrichment rather than read from Content/.
        let footer = site.site.appendingPathComponent("Templates/partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(
            to: footer, atomically: true, encoding: .utf8)
        let afterTemplate = try await builder.build()
        #expect(afterTemplate.reused == 1)  // the draft, which has no page
        #expect(afterTemplate.rerendered == 1)
        #expect(afterTemplate.reusedPages == 0)
        #expect(site.output("articles/b/index.html")?.contains("<!-- changed -->") == true)
        #expect(site.output("index.html")?.contains("<!-- changed -->") == true)
    }

    @Test func aFailedRebuildLeavesNothingStaleForTheNextOne() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: A", body: "First version.")
        try site.article("2014-01-02-b.md", "title: B", body: "Graham Pell replied.")
        let builder = SiteBuilder(options: BuildOptions(source: site.site), cache: BuildCache())
        _ = try await builder.build()
        // A is rendered in the failed build, whose output is thrown away with the broken B.
        try site.article("2014-01-01-a.md", "title: A", body: "Second version.")
        try site.write("Content/articles/2014-01-02-b.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        await #expect(throws: DiagnosticError.self) { try await builder.build() }
        #expect(site.output("articles/a/index.html")?.contains("First version.") == true)
        try site.article("2014-01-02-b.md", "title: B", body: "Graham Pell replied.")
        _ = try await builder.build()
        #expect(site.output("articles/a/index.html")?.contains("Second version.") == true)
    }
}

/// A rebuild that reuses pages must write exactly what a full build writes.
struct IncrementalEquivalenceTests {
    /// Every file under `folder` with its bytes.
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    @Test(arguments: EditedArchive.edits)
    func anEditedArchiveRebuildsToWhatAFullBuildWrites(edit: String) async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let cache = BuildCache()
        let builder = SiteBuilder(options: BuildOptions(source: site.site), cache: cache)
        _ = try await builder.build()
        try EditedArchive.apply(edit, to: site)
        let report = try await builder.build()
        try await expectSameAsFullBuild(site, edit: edit)
        EditedArchive.expectKeptPages(report, after: edit)
    }

    /// Edits one after another, with a failed build among them: each rebuild starts from the last
    /// good one, and the result is still a full build's.
    @Test func successiveEditsAndAFailureRebuildToWhatAFullBuildWrites() async throws {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/\npaginate: 2\n")
        defer { site.remove() }
        let people = ["Eleanor Whitcombe", "Graham Pell", "Ravi Chandran", "Margaret Ellery"]
        for (index, name) in people.enumerated() {
            try site.article(
                "2015-0\(index + 1)-0\(index + 1)-story-\(index).md", "title: Story \(index)\ntags: [t\(index % 2)]",
                body: "\(name), who chairs the board, said: \"Number \(index).\"\n\nShe met Graham Pell in Leeds.")
        }
        let builder = SiteBuilder(options: BuildOptions(source: site.site), cache: BuildCache())
        _ = try await builder.build()
        try site.article(
            "2015-01-01-story-0.md", "title: Story 0\ntags: [t0]", body: "Ananya Rao, who runs the trust, spoke.")
        _ = try await builder.build()
        try site.write("Content/articles/2015-02-02-story-1.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        await #expect(throws: DiagnosticError.self) { try await builder.build() }
        try site.article(
            "2015-02-02-story-1.md", "title: Story 1\ntags: [t1]",
            body: "Ravi Chandran said: \"Number one, again.\" He met Ananya Rao in Leeds.")
        _ = try await builder.build()
        try site.article(
            "2015-03-03-story-2.md", "title: Story 2\ndate: 2014-06-01\ntags: [t0]", body: "Margaret Ellery spoke.")
        _ = try await builder.build()
        try await expectSameAsFullBuild(site, edit: "successive")
    }

    func expectSameAsFullBuild(_ site: TemporarySite, edit: String) async throws {
        let incremental = try files(site.output)
        let fresh = site.folder.appendingPathComponent("Fresh")
        _ = try await SiteBuilder(options: BuildOptions(source: site.site, output: fresh)).build()
        let full = try files(fresh)
        #expect(Set(incremental.keys) == Set(full.keys))
        for (path, data) in full where incremental[path] != data {
            Issue.record("\(edit): \(path) differs from a full build")
        }
    }
}

/// The build reports its progress and what it found.
struct BuildProgressTests {
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var events: [BuildProgress] = []
        func add(_ event: BuildProgress) { lock.withLock { events.append(event) } }
    }

    @Test func progressCountsUpToEveryArticleAndPageAndTheSummaryCountsFindings() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for index in 0..<6 {
            try site.article(
                "2015-01-0\(index + 1)-s\(index).md", "title: S\(index)",
                body: "Graham Pell, who chairs the board, said: \"Point \(index).\"")
        }
        let recorder = Recorder()
        let report = try await SiteBuilder(options: BuildOptions(source: site.site), progress: { recorder.add($0) })
            .build()
        let articles = recorder.events.filter { $0.stage == .articles }
        let pages = recorder.events.filter { $0.stage == .pages }
        #expect(articles.map(\.done) == Array(1...6))
        #expect(articles.allSatisfy { $0.total == 6 })
        #expect(pages.last?.done == pages.last?.total)
        #expect(pages.last?.total == report.pages - report.articles)
        #expect(report.quotes == 6)
        #expect(report.entities == 1)
    }
}
