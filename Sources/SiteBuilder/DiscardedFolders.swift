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
        if let process = spawnDetached("/bin/rm", ["rm", "-rf", "--", folder.path]) {
            // Reaped when it ends, so that a long-lived process (serve, tests) keeps no zombie.
            Thread.detachNewThread { waitpid(process, nil, 0) }
        } else {
            Thread.detachNewThread { try? FileManager.default.removeItem(at: folder) }
        }
    }

    /// Starts a program with /dev/null for its standard streams, or returns nil. Holding
    /// Broadsheet's, a deletion would keep a pipe the build writes to (`broadsheet build | tee`,
    /// `$(broadsheet build)`) open until it ended, seconds or minutes after the build.
    static func spawnDetached(_ executable: String, _ words: [String]) -> pid_t? {
        var process: pid_t = 0
        let arguments = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for stream: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", stream == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        return posix_spawn(&process, executable, &actions, nil, arguments, environ) == 0 ? process : nil
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
