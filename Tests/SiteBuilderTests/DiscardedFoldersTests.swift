import Foundation
import Testing

@testable import SiteBuilder

/// The background deletion of a replaced output folder must not hold on to the build's output
/// streams: a pipe the build writes to would stay open until the deletion ended.
struct DiscardedFoldersTests {
    @Test func aBackgroundProcessGetsNoneOfTheBuildsStreams() throws {
        let process = try #require(OutputStage.spawnDetached("/bin/sleep", ["sleep", "30"]))
        defer {
            kill(process, SIGKILL)
            waitpid(process, nil, 0)
        }
        for stream in 0...2 {
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process)/fd/\(stream)")
            #expect(target == "/dev/null", "stream \(stream) is \(target)")
        }
    }

    @Test func aDiscardedFolderIsDeleted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discarded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("a/b/page.html"))
        OutputStage.removeInBackground(folder)
        for _ in 0..<200 where FileManager.default.fileExists(atPath: folder.path) {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
