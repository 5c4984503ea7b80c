import Foundation
import TestSupport
import Testing

@testable import SiteBuilder

/// serve's rebuilds take the file watcher's word for what changed; what it cannot vouch for
/// (a new folder, Content/articles itself) sends the build back to listing every file.
struct ChangedPathsTests {
    let previous = [
        "Content/articles/2015/a.md", "Content/articles/2015/b.md", "Content/articles/2016/c.md",
        "Content/articles/d.md",
    ]

    func site() throws -> TemporarySite {
        let site = try TemporarySite()
        for path in previous { try site.write(path, "---\ntitle: T\n---\nText.\n") }
        return site
    }

    func paths(after changes: Set<String>, in site: TemporarySite) -> [String]? {
        ChangedPaths.articlePaths(after: changes, previous: previous, source: site.site)
    }

    @Test func editsAndReportsOutsideTheArticlesKeepTheListAsItWas() throws {
        let site = try site()
        defer { site.remove() }
        #expect(paths(after: [], in: site) == previous)
        #expect(paths(after: ["Content/articles/2015/a.md", "Templates/base.mustache"], in: site) == previous)
        #expect(paths(after: ["Content/entities.yml", "Content/static/logo.png"], in: site) == previous)
    }

    @Test func addedFilesJoinInOrderAndOnlyArticleNamesCount() throws {
        let site = try site()
        defer { site.remove() }
        for path in ["Content/articles/2015/aa.md", "Content/articles/2015/notes.jpg", "Content/articles/e.txt~"] {
            try site.write(path, "x")
        }
        let added = paths(
            after: ["Content/articles/2015/aa.md", "Content/articles/2015/notes.jpg", "Content/articles/e.txt~"],
            in: site)
        #expect(
            added == [
                "Content/articles/2015/a.md", "Content/articles/2015/aa.md", "Content/articles/2015/b.md",
                "Content/articles/2016/c.md", "Content/articles/d.md",
            ])
    }

    @Test func deletedFilesAndFoldersMovedAwayLeaveTheList() throws {
        let site = try site()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Content/articles/d.md"))
        try FileManager.default.moveItem(
            at: site.site.appendingPathComponent("Content/articles/2015"),
            to: site.folder.appendingPathComponent("elsewhere"))
        // The watcher reports a folder moved away as the folder alone.
        #expect(
            paths(after: ["Content/articles/d.md", "Content/articles/2015"], in: site) == ["Content/articles/2016/c.md"]
        )
    }

    @Test func aNewFolderOrTheArticlesFolderItselfNeedsAFullScan() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("Content/articles/2017/f.md", "---\ntitle: F\n---\nText.\n")
        #expect(paths(after: ["Content/articles/2017"], in: site) == nil)
        #expect(paths(after: ["Content/articles"], in: site) == nil)
        #expect(paths(after: ["Content"], in: site) == nil)
    }

    @Test func hiddenFilesAndFoldersAreNeverArticles() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("Content/articles/.drafts/g.md", "x")
        try site.write("Content/articles/.h.md", "x")
        #expect(paths(after: ["Content/articles/.drafts/g.md", "Content/articles/.h.md"], in: site) == previous)
    }
}

/// A build told which paths changed looks at those and no other file, and ends where a full build does.
struct ReportedChangesBuildTests {
    /// Makes `edit` and returns what a watcher would report: every path under Content/ added,
    /// removed or rewritten.
    func applyReportingChanges(_ edit: String, to site: TemporarySite) throws -> Set<String> {
        let content = site.site.appendingPathComponent("Content")
        let before = try IncrementalEquivalenceTests().files(content)
        try EditedArchive.apply(edit, to: site)
        let after = try IncrementalEquivalenceTests().files(content)
        return Set(Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.map { "Content/" + $0 })
    }

    @Test(arguments: EditedArchive.edits)
    func anEditReportedByPathRebuildsToWhatAFullBuildWrites(edit: String) async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let cache = BuildCache()
        _ = try await SiteBuilder(options: BuildOptions(source: site.site), cache: cache).build()
        let changed = try applyReportingChanges(edit, to: site)
        #expect(!changed.isEmpty)
        var options = BuildOptions(source: site.site)
        options.changedPaths = changed
        let report = try await SiteBuilder(options: options, cache: cache).build()
        #expect(report.reused == report.articles - (edit == "delete" ? 0 : 1), "\(edit)")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: edit)
    }

    /// serve's way: the site in memory, each generation started from the last.
    @Test(arguments: EditedArchive.edits)
    func theSiteInMemoryAfterAnEditHasWhatAFullBuildWrites(edit: String) async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let served = try await ServedSite(site)
        _ = try await served.rebuild(changes: try applyReportingChanges(edit, to: site))
        try await served.expectSameAsFullBuild(into: "Fresh", after: edit)
    }

    @Test func aFileNobodyReportedIsTakenAsItWasUntilEveryFileIsChecked() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let cache = BuildCache()
        _ = try await SiteBuilder(options: BuildOptions(source: site.site), cache: cache).build()
        try site.article("2015-01-01-story-0.md", "title: Story 0, unreported", body: "Unreported text.")
        try site.article("2015-02-02-story-1.md", "title: Story 1, reported", body: "Reported text.")
        var options = BuildOptions(source: site.site)
        options.changedPaths = ["Content/articles/2015-02-02-story-1.md"]
        _ = try await SiteBuilder(options: options, cache: cache).build()
        #expect(site.output("articles/story-1/index.html")?.contains("Reported text.") == true)
        #expect(site.output("articles/story-0/index.html")?.contains("Unreported text.") == false)
        // Without a report (serve after missed events) every file is looked at again.
        _ = try await SiteBuilder(options: BuildOptions(source: site.site), cache: cache).build()
        #expect(site.output("articles/story-0/index.html")?.contains("Unreported text.") == true)
    }

    @Test func articlesInANewFolderAppearThoughOnlyTheFolderWasReported() async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        let cache = BuildCache()
        _ = try await SiteBuilder(options: BuildOptions(source: site.site), cache: cache).build()
        try site.article("2020/2020-01-01-filed.md", "title: Filed late", body: "Ravi Chandran spoke.")
        var options = BuildOptions(source: site.site)
        options.changedPaths = ["Content/articles/2020"]
        _ = try await SiteBuilder(options: options, cache: cache).build()
        #expect(site.output("articles/filed/index.html")?.contains("Filed late") == true)
    }
}
