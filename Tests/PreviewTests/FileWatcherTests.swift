import Foundation
import TestSupport
import Testing

@testable import Preview

/// The watcher reports changes under the paths the build knows them by: serve's rebuilds look at
/// the files it names and at no other.
@Suite(.serialized)
struct FileWatcherTests {
    /// The paths reported within `seconds` after `change`, once `until` is among them.
    func reported(
        in site: TemporarySite, until expected: String, seconds: Double = 3, after change: () throws -> Void
    ) async throws -> Set<String> {
        let watcher = FileWatcher(site: site.site)
        defer { watcher.stop() }
        let stream = watcher.changes()
        try change()
        let collected = Task {
            var paths: Set<String> = []
            for await path in stream {
                paths.insert(path)
                if paths.contains(expected) { break }
            }
            return paths
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(seconds))
            collected.cancel()
            watcher.stop()
        }
        defer { timeout.cancel() }
        return await collected.value
    }

    @Test func aLinkToAFolderAboveIsNotFollowedAndEditsKeepTheirOwnPaths() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2016-07-04-flood.md", "title: Flood")
        let statics = site.site.appendingPathComponent("Content/static")
        try FileManager.default.createDirectory(at: statics, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: statics.appendingPathComponent("loop"), withDestinationURL: site.folder)
        let article = "Content/articles/2016-07-04-flood.md"
        let paths = try await reported(in: site, until: article) {
            try site.article("2016-07-04-flood.md", "title: Flood, edited")
        }
        #expect(paths.contains(article))
        #expect(!paths.contains { $0.contains("loop/") }, "\(paths)")
    }

    @Test func articlesKeptElsewhereThroughALinkAreWatchedUnderTheSitesPath() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2016-07-04-flood.md", "title: Flood")
        let articles = site.site.appendingPathComponent("Content/articles")
        let store = site.folder.appendingPathComponent("store")
        try FileManager.default.moveItem(at: articles, to: store)
        try FileManager.default.createSymbolicLink(at: articles, withDestinationURL: store)
        let article = "Content/articles/2016-07-04-flood.md"
        let paths = try await reported(in: site, until: article) {
            try site.article("2016-07-04-flood.md", "title: Flood, edited")
        }
        #expect(paths.contains(article), "\(paths)")
    }

    @Test func aFolderMovedInIsReportedAsTheFolder() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2016-07-04-flood.md", "title: Flood")
        let outside = site.folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "---\ntitle: Late\n---\nText.\n".write(
            to: outside.appendingPathComponent("2020-01-01-late.md"), atomically: true, encoding: .utf8)
        let paths = try await reported(in: site, until: "Content/articles/batch") {
            try FileManager.default.moveItem(
                at: outside, to: site.site.appendingPathComponent("Content/articles/batch"))
        }
        #expect(paths.contains("Content/articles/batch"))
    }
}
