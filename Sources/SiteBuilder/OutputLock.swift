import ArchiveModel
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two builds of one output folder apart: an exclusive `flock` on `.Output.lock` beside the
/// folder (where the staging folder and the cache also live), held from before the last build's
/// cache is read until the new output is committed. A second build waits for the first, saying
/// which process it waits for; the kernel lets go of the lock when a process ends, however it
/// ends, so a killed build never leaves the site locked. The holder deletes the file when it is
/// done; a build that locked a file already deleted that way tries again with a new one.
final class OutputLock: Sendable {
    private let descriptor: Int32
    private let path: String

    /// The lock file for an output folder.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    /// The lock for a build into `output`, after checking that the output may be replaced (before
    /// the lock too, so that a refused output gets no lock file beside it); a wait is logged.
    static func forBuild(output: URL, source: URL, logger: Logger) throws(DiagnosticError) -> OutputLock {
        do throws(Diagnostic) {
            try OutputStage.checkReplaceable(output: output, source: source)
            return try OutputLock(for: output) { logger.notice("\($0)") }
        } catch {
            throw DiagnosticError([error])
        }
    }

    /// Takes the lock, waiting while another process holds it (`waiting` is told so once, with
    /// the holder's process id when it is known).
    init(for output: URL, waiting: (String) -> Void) throws(Diagnostic) {
        path = Self.location(for: output).path
        try? FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        var told = false
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw Diagnostic(
                    file: path, message: "cannot create the build's lock file: \(String(cString: strerror(errno)))",
                    hint: "check that the folder containing the output folder is writable")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                if !told {
                    let holder = Self.holder(descriptor).map { " (process \($0))" } ?? ""
                    waiting("waiting for another build of \(output.path)\(holder) to finish")
                    told = true
                }
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = String(cString: strerror(errno))
                        close(descriptor)
                        throw Diagnostic(file: path, message: "cannot lock the output folder: \(reason)")
                    }
                }
            }
            if Self.isStillAt(path, descriptor) {
                self.descriptor = descriptor
                break
            }
            // The build before deleted the file while this one waited for it: lock a new one.
            close(descriptor)
        }
        // The holder's process id, for a build that has to wait.
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Whether the open file is the one at `path` (not one deleted since it was opened).
    private static func isStillAt(_ path: String, _ descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino
            && opened.st_dev == named.st_dev
    }

    /// The process id written by the build holding the lock, if it wrote one.
    private static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int(text) != nil ? text : nil
    }

    /// Deletes the file, then lets go of the lock (closing the file does), in that order: a build
    /// waiting on this file then sees it deleted and locks a new one.
    deinit {
        unlink(path)
        close(descriptor)
    }
}
