import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Folders a build no longer needs — the output it replaced, the emptied staging folder of a
/// patch — renamed beside the output and deleted in the background.
extension OutputStage {
    /// A new name beside `output` for a folder to delete in the background (`.Output.old-<n>`),
    /// which the next build deletes too if it is still there.
    static func discarded(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(
            discardedPrefix(of: output) + "\(UInt32.random(in: 0...UInt32.max))")
    }

    private static func discardedPrefix(of output: URL) -> String { ".\(output.lastPathComponent).old-" }

    /// Deletes a folder in a process of its own (`rm -rf`), which goes on after Broadsheet exits;
    /// where it cannot be started, on a thread of this process.
    static func removeInBackground(_ folder: URL) {
        var process: pid_t = 0
        let words: [String] = ["rm", "-rf", "--", folder.path]
        let arguments = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        if posix_spawn(&process, "/bin/rm", nil, nil, arguments, environ) == 0 {
            // Reaped when it ends, so that a long-lived process (serve, tests) keeps no zombie.
            let spawned = process
            Thread.detachNewThread { waitpid(spawned, nil, 0) }
        } else {
            Thread.detachNewThread { try? FileManager.default.removeItem(at: folder) }
        }
    }

    /// Discarded folders whose deletion was cut short (the machine stopped, say), deleted in the
    /// background.
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = discardedPrefix(of: output)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) {
            removeInBackground(parent.appendingPathComponent(name))
        }
    }
}
