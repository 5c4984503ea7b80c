import Foundation
import TestSupport
import Testing

/// Two builds of one site at once: they take turns on the output folder's lock, and what is left
/// is exactly what one build alone writes.
@Suite(.serialized)
struct ConcurrentBuildTests {
    @Test func twoBuildsAtOnceLeaveTheSiteOneBuildWrites() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for number in 0..<40 {
            try site.article(
                "2020-01-\(String(format: "%02d", number % 28 + 1))-story-\(number).md",
                "title: Story \(number)\ndate: 2020-01-\(String(format: "%02d", number % 28 + 1))",
                body: "Councillor Ann Reyes said: \"Item \(number) is settled.\" The ferry runs to Bristol.")
        }
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        try site.article("2020-02-01-new.md", "title: A new story\ndate: 2020-02-01", body: "Fresh words.")
        // Both at once: the second waits for the first.
        let runs = try [["build"], ["build", "--force"]].map { arguments in
            let process = Process()
            process.executableURL = Broadsheet.binary
            process.arguments = arguments
            process.currentDirectoryURL = site.site
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            return (process, errors)
        }
        var messages = ""
        for (process, errors) in runs {
            messages += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(messages)")
        }
        #expect(!messages.contains("error"), "\(messages)")
        // What one build writes from scratch, into another folder.
        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(try Broadsheet.run(["build", "--quiet", "--force", "--output", fresh.path], in: site.site).status == 0)
        let together = FolderSnapshot(site.output)
        let alone = FolderSnapshot(fresh)
        #expect(together.files.keys.sorted() == alone.files.keys.sorted())
        #expect(together == alone)
        #expect(site.output("articles/new/index.html")?.contains("Fresh words.") == true)
        // No lock, staging folder or old output is left beside the site.
        let left = try FileManager.default.contentsOfDirectory(atPath: site.site.path)
        #expect(!left.contains(".Output.lock") && !left.contains(".Output.staging"))
    }
}
