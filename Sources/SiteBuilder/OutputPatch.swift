import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An incremental build's commit: the output folder patched in place rather than replaced.
extension OutputStage {
    /// Deletes the previous build's files that this one did not make, then moves the new files into
    /// the output folder (deleting first, so a file that became a folder, or the reverse, is no
    /// obstacle). Not atomic: the caller has removed the manifest and cache first, so a patch
    /// stopped half-way is followed by a full build.
    func patch(replacing previousFiles: Set<String>) throws(Diagnostic) {
        for file in ledger.missing(from: previousFiles) where file != Self.marker {
            let target = output.appendingPathComponent(file)
            guard unlink(target.path) == 0 || errno == ENOENT else {
                throw Diagnostic(file: target.path, message: "cannot delete: \(String(cString: strerror(errno)))")
            }
            // Folders left empty go too (`rmdir` refuses any that is not empty).
            var folder = target.deletingLastPathComponent()
            while folder.path.count > output.path.count, rmdir(folder.path) == 0 {
                folder.deleteLastPathComponent()
            }
        }
        // On every core: a page's unlink and rename do not wait for another's (moving the 7,100
        // pages an added article changes took 1.4 s one at a time).
        let files = ledger.writtenFiles
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, max(1, files.count / 32))
        let failures = [Diagnostic?](unsafeUninitializedCapacity: chunks) { buffer, initialized in
            // Each task writes its own element.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = files.count * chunk / chunks..<files.count * (chunk + 1) / chunks
                (base + chunk).initialize(to: Self.failureOf { () throws(Diagnostic) in try moveIn(files[range]) })
            }
            initialized = chunks
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        // What is left of the stage is empty folders (one per page moved out): renamed out of
        // the next build's way and deleted in the background.
        let emptied = Self.discarded(of: output)
        if rename(stagePath, emptied.path) == 0 {
            Self.removeInBackground(emptied)
        } else {
            try? FileManager.default.removeItem(at: stage)
        }
    }

    /// Moves staged files into the output folder, replacing what is there.
    private func moveIn(_ files: ArraySlice<String>) throws(Diagnostic) {
        for file in files {
            // Paths as strings: two URLs per file were a fifth of moving 1,100 pages.
            let target = outputPath + "/" + file
            let staged = stagePath + "/" + file
            // Renamed over the old file, never after deleting it: a server reading the folder
            // meanwhile finds the old page or the new one. (Deleting first was quicker on ext4,
            // which writes a file renamed over another to disk at once, `auto_da_alloc`, but left
            // a moment with no page: nginx answered 404 during builds.)
            if rename(staged, target) != 0 {
                try? FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: target).deletingLastPathComponent(), withIntermediateDirectories: true)
                guard rename(staged, target) == 0 else {
                    throw Diagnostic(
                        file: target, message: "cannot move into place: \(String(cString: strerror(errno)))",
                        hint: "check that \(output.path) is writable, then build again")
                }
            }
        }
    }
}
