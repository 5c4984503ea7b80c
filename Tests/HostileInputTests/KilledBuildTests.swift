import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Builds killed (SIGKILL) at twenty moments from start to end, the moves into the output folder
/// among them: the output folder is always there and every page in it whole, old or new; a full
/// build's is the old site or the new one entire; and the next build writes the new site exactly.
@Suite(.serialized)
struct KilledBuildTests {
    @Test(arguments: [false, true])
    func aKilledBuildLeavesWholePagesAndTheNextBuildIsRight(force: Bool) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try write(site, articles: 0..<60, words: "The old words.")
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        let old = FolderSnapshot(site.output)
        // The new site: ten articles reworded, one added, one deleted.
        try write(site, articles: 0..<10, words: "The new words.")
        try write(site, articles: 60..<61, words: "A new story.")
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Content/articles/\(name(59))"))
        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(try Broadsheet.run(["build", "--quiet", "--force", "--output", fresh.path], in: site.site).status == 0)
        let new = FolderSnapshot(fresh)
        let arguments = ["build", "--quiet"] + (force ? ["--force"] : [])
        let whole = try duration(of: arguments, site: site, restoring: old)
        var sawOld = false
        var sawNew = false
        for point in 0..<20 {
            try restore(site, to: old)
            let process = Process()
            process.executableURL = Broadsheet.binary
            process.arguments = arguments
            process.currentDirectoryURL = site.site
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From the start to past the end (the last few usually find the build done; on a busy
            // machine they may not, so no kill point is required to land after the commit).
            usleep(UInt32(whole * Double(point) / 13 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let left = FolderSnapshot(site.output)
            #expect(!left.files.isEmpty, "no output after a kill at \(point)/20")
            for (path, bytes) in left.files {
                #expect(bytes == old.files[path] || bytes == new.files[path], "\(path) is neither old nor new")
            }
            for path in Set(old.files.keys).intersection(new.files.keys) {
                #expect(left.files[path] != nil, "\(path) missing after a kill at \(point)/20")
            }
            if force { #expect(left == old || left == new, "a full build left a mix at \(point)/20") }
            sawOld = sawOld || left == old
            sawNew = sawNew || left == new
            // The next build finishes the work.
            #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
            #expect(FolderSnapshot(site.output) == new, "the build after a kill at \(point)/20 is not right")
        }
        // Some kills landed before the commit (and the invariants held wherever they landed).
        #expect(sawOld, "no kill landed before the commit (new site seen: \(sawNew))")
    }

    private func name(_ number: Int) -> String {
        "2020-01-\(String(format: "%02d", number % 28 + 1))-story-\(number).md"
    }

    private func write(_ site: TemporarySite, articles: Range<Int>, words: String) throws {
        for number in articles {
            let day = String(format: "%02d", number % 28 + 1)
            try site.article(
                name(number), "title: Story \(number)\ndate: 2020-01-\(day)\ntags: [harbour]",
                body: "Councillor Ann Reyes said: \"\(words)\" The ferry runs to Bristol.")
        }
    }

    /// Puts the output folder back as the old build left it (and that build's cache with it).
    private func restore(_ site: TemporarySite, to old: FolderSnapshot) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: site.site.path) where name.hasPrefix(".Output") {
            try? manager.removeItem(at: site.site.appendingPathComponent(name))
        }
        try? manager.removeItem(at: site.output)
        try manager.copyItem(at: saved(site), to: site.output)
        try manager.copyItem(at: savedCache(site), to: site.site.appendingPathComponent(".Output.cache"))
        #expect(FolderSnapshot(site.output) == old)
    }

    private func saved(_ site: TemporarySite) -> URL { site.folder.appendingPathComponent("saved-output") }
    private func savedCache(_ site: TemporarySite) -> URL { site.folder.appendingPathComponent("saved-cache") }

    /// How long the build takes uninterrupted, from the old output (saved for `restore`).
    private func duration(of arguments: [String], site: TemporarySite, restoring old: FolderSnapshot) throws -> Double {
        try FileManager.default.copyItem(at: site.output, to: saved(site))
        try FileManager.default.copyItem(
            at: site.site.appendingPathComponent(".Output.cache"), to: savedCache(site))
        let start = Date()
        #expect(try Broadsheet.run(arguments, in: site.site).status == 0)
        return Date().timeIntervalSince(start)
    }
}
