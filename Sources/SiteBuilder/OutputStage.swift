import ArchiveModel
import CLinux
import Foundation

/// The staging folder a build writes into, so a failed build leaves the previous site untouched.
/// Every write is checked to stay inside the stage, whatever a slug or file name says.
///
/// A full build fills the stage with the whole site and swaps it in place of the output folder. A
/// build from `BuildCacheFile` *patches*: the stage holds only the files that changed, a kept file
/// stays where it is, and `commit` moves the new files into the output folder and deletes those the
/// build no longer makes (hard-linking 30,000 unchanged files into a new folder took 5.5 s here;
/// the folders, not the files, cost most).
struct OutputStage: SiteOutput {
    /// A file in the output folder that says Broadsheet made it, so that a build never replaces a
    /// folder of someone else's files.
    static let marker = ".broadsheet-output"

    /// Whether `output` exists and carries the marker: only then can a manifest or cache of the
    /// last build describe it.
    static func isMarked(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path)
    }

    let output: URL
    let stage: URL
    let stagePath: String
    let outputPath: String
    /// When patching, every file the previous build left in the output folder.
    let previousFiles: Set<String>?
    /// When patching, the output folder, open: a kept file is looked up from it rather than from
    /// the root (a third of the path to walk, for 30,000 files after each edit).
    let outputFolder: FolderHandle?
    /// The stage, open: pages are created from it (`openat`, `mkdirat`), not from the root.
    private let stageFolder: FolderHandle?
    /// The files this build wrote or kept.
    let ledger = OutputLedger()

    /// Creates an empty stage next to `output` (`.Output.staging`), after checking that `output`
    /// may be replaced; with `patching`, the files of the output folder's build, the stage patches
    /// the output folder instead of replacing it.
    init(output: URL, source: URL, baseURL: String, patching previousFiles: Set<String>? = nil) throws(Diagnostic) {
        self.output = output
        self.previousFiles = previousFiles
        let name = output.lastPathComponent
        stage = output.deletingLastPathComponent().appendingPathComponent(".\(name).staging", isDirectory: true)
        stagePath = stage.path
        outputPath = output.path
        outputFolder = previousFiles == nil ? nil : FolderHandle(path: output.path)
        try Self.checkReplaceable(output: output, source: source)
        Self.removeLeftovers(of: output)
        let files = FileManager.default
        do {
            // A stage a killed build left (or the old output a killed swap left there) goes the
            // way of old outputs: renamed aside and deleted in the background.
            let leftover = Self.discarded(of: output)
            if rename(stagePath, leftover.path) == 0 { Self.removeInBackground(leftover) }
            try files.createDirectory(at: stage, withIntermediateDirectories: true)
            try Data(BuiltSite.marker(baseURL: baseURL).utf8).write(to: stage.appendingPathComponent(Self.marker))
        } catch {
            throw Diagnostic(
                file: stage.path, message: "cannot create the staging folder: \(error.localizedDescription)",
                hint: "check that the folder containing \(output.path) is writable")
        }
        stageFolder = FolderHandle(path: stage.path)
    }

    /// Writes `contents` at `relativePath` inside the stage.
    func write(_ contents: String, to relativePath: String) throws(Diagnostic) {
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        var contents = contents
        if let error = contents.withUTF8({ FileIO.write(UnsafeRawBufferPointer($0), to: descriptor) }) {
            throw cannotWrite(relativePath, error)
        }
    }

    /// Writes a file made piece by piece, a megabyte at a time.
    func stream(to relativePath: String, _ produce: @escaping @Sendable ((String) -> Void) -> Void) throws(Diagnostic) {
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var failure: Int32?
        func flush() {
            guard failure == nil else { return }
            failure = buffer.withUnsafeBytes { FileIO.write($0, to: descriptor) }
            buffer.removeAll(keepingCapacity: true)
        }
        produce { piece in
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= 1 << 20 { flush() }
        }
        flush()
        if let failure { throw cannotWrite(relativePath, failure) }
    }

    /// Creates (or empties) the file at `relativePath` in the stage and its folders, from the open
    /// stage: each page in a folder of its own, looked up from the root and made with Foundation,
    /// cost three walks of the whole path and a dozen calls.
    func create(_ relativePath: String) throws(Diagnostic) -> Int32 {
        try Self.checkInside(relativePath)
        ledger.wrote(relativePath)
        guard let folder = stageFolder?.descriptor else { return try openForWriting(resolve(relativePath)) }
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var descriptor = openat(folder, relativePath, flags, 0o644)
        if descriptor < 0 && errno == ENOENT, let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
            Self.makeFolders(String(relativePath[..<slash]), in: folder)
            descriptor = openat(folder, relativePath, flags, 0o644)
        }
        guard descriptor >= 0 else { throw cannotWrite(relativePath, errno) }
        return descriptor
    }

    /// Makes a folder and the folders above it that are missing, under an open folder.
    private static func makeFolders(_ relativePath: String, in folder: Int32) {
        if mkdirat(folder, relativePath, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        makeFolders(String(relativePath[..<slash]), in: folder)
        mkdirat(folder, relativePath, 0o755)
    }

    private func cannotWrite(_ relativePath: String, _ error: Int32) -> Diagnostic {
        Self.cannotWrite(stage.appendingPathComponent(relativePath), String(cString: strerror(error)))
    }

    /// Opens `target` for writing, making its folder when it is missing. Plain open and write, no
    /// sync: Foundation's `Data.write(to:)` synced every file to disk, 7 % of a 10,000-article build,
    /// and a site is rebuilt from its sources, so nothing is lost without it.
    func openForWriting(_ target: URL) throws(Diagnostic) -> Int32 {
        var descriptor = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw Self.cannotWrite(target, error.localizedDescription)
            }
            descriptor = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Self.cannotWrite(target, String(cString: strerror(errno))) }
        return descriptor
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, _ target: URL)
        throws(Diagnostic)
    {
        if let error = FileIO.write(bytes, to: descriptor) {
            throw cannotWrite(target, String(cString: strerror(error)))
        }
    }

    static func cannotWrite(_ target: URL, _ reason: String) -> Diagnostic {
        Diagnostic(file: target.path, message: "cannot write: \(reason)")
    }

    /// The diagnostic `body` throws, if any (closures of `withUTF8` cannot throw a typed error).
    static func failureOf(_ body: () throws(Diagnostic) -> Void) -> Diagnostic? {
        do throws(Diagnostic) {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// Copies every file under `folder` into the stage under `prefix`, keeping its relative path
    /// (when patching, only files whose bytes differ from the output's). Returns the paths it
    /// skipped because a generated page already had them.
    func copyTree(_ folder: URL, files relativePaths: [String], prefix: String) throws(Diagnostic) -> [String] {
        var skipped: [String] = []
        for relative in relativePaths {
            let target = try resolve(prefix + relative)
            if ledger.contains(prefix + relative) {
                skipped.append(relative)
                continue
            }
            if previousFiles != nil,
                let current = FileManager.default.contents(
                    atPath: output.appendingPathComponent(prefix + relative).path),
                current == FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
            {
                ledger.kept(prefix + relative)
                continue
            }
            ledger.wrote(prefix + relative)
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(relative), to: target)
            } catch {
                throw Diagnostic(
                    file: folder.appendingPathComponent(relative).path,
                    message: "cannot copy: \(error.localizedDescription)")
            }
        }
        return skipped
    }

    var rendersPagesLater: Bool { false }

    func renderLater(to relativePath: String, _ render: @escaping @Sendable () -> String) throws(Diagnostic) {
        try write(render(), to: relativePath)
    }

    /// Hard-links a file of the current output folder into the stage (for a page that has not
    /// changed since the last build); false when there is no such file or linking fails.
    func keep(_ relativePath: String) -> Bool {
        if previousFiles != nil {
            guard isInOutput(relativePath) else { return false }
            ledger.kept(relativePath)
            return true
        }
        guard let target = try? resolve(relativePath) else { return false }
        let previous = output.appendingPathComponent(relativePath)
        ledger.kept(relativePath)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: previous, to: target)
            return true
        } catch {
            return false
        }
    }

    /// Keeps the pages the last build wrote, in one go when patching; returns the positions of
    /// those not there.
    func keep(lastBuilt relativePaths: [String]) -> [Int] {
        guard previousFiles != nil else { return relativePaths.indices.filter { !keep(relativePaths[$0]) } }
        // The look-ups are the kernel's path walks, on every core (20,000 pages after each edit).
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, max(1, relativePaths.count / 512))
        let found = UnsafeMutableBufferPointer<Bool>.allocate(capacity: relativePaths.count)
        defer { found.deallocate() }
        // Each task writes its own range of `found`.
        nonisolated(unsafe) let base = found.baseAddress!
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = relativePaths.count * chunk / chunks..<relativePaths.count * (chunk + 1) / chunks
            for position in range { (base + position).initialize(to: isInOutput(relativePaths[position])) }
        }
        ledger.kept(relativePaths.indices.lazy.filter { found[$0] }.map { relativePaths[$0] })
        return relativePaths.indices.filter { !found[$0] }
    }

    /// A file the last build made (so a path already checked), and still there.
    private func isInOutput(_ relativePath: String) -> Bool {
        guard let previousFiles, previousFiles.contains(relativePath) else { return false }
        if let outputFolder { return faccessat(outputFolder.descriptor, relativePath, F_OK, 0) == 0 }
        return access(outputPath + "/" + relativePath, F_OK) == 0
    }

    /// Replaces the output folder with the stage in one step: the two are swapped
    /// (`renameat2` with `RENAME_EXCHANGE`), so a static server reading the folder, or a build
    /// killed at any moment, finds the whole old site or the whole new one, never none. The
    /// previous output, now at the stage's path, is renamed `.Output.old-<random>` and deleted in
    /// the background (`removeInBackground`): deleting the 300,000 files of a 100,000-article site
    /// took two minutes here, which a build need not wait for. Where the file system cannot swap,
    /// the old folder is renamed away first (a moment without a site).
    func commit() throws(Diagnostic) {
        if let previousFiles { return try patch(replacing: previousFiles) }
        let old = Self.discarded(of: output)
        if broadsheet_exchange(stagePath, outputPath) == 0 {
            if rename(stagePath, old.path) == 0 { Self.removeInBackground(old) }
            return
        }
        let files = FileManager.default
        do {
            if files.fileExists(atPath: output.path) { try files.moveItem(at: output, to: old) }
            try files.moveItem(at: stage, to: output)
        } catch {
            throw Diagnostic(
                file: output.path, message: "cannot replace the output folder: \(error.localizedDescription)")
        }
        if files.fileExists(atPath: old.path) { Self.removeInBackground(old) }
    }

    /// Removes the stage after a failed build.
    func discard() {
        try? FileManager.default.removeItem(at: stage)
    }

    /// A relative path that would leave the output folder is an error, whatever a slug or file name says.
    static func checkInside(_ relativePath: String) throws(Diagnostic) {
        guard isInside(relativePath) else {
            throw Diagnostic(
                file: relativePath, message: "refusing to write outside the output folder",
                hint: "file names and slugs may not contain `..`, `/` at the start or backslashes")
        }
    }

    /// Whether a relative path stays in the folder it is relative to: no `/` at the start, no
    /// component `.` or `..`, no backslash. One pass over its bytes, as every file of a build is
    /// checked (splitting each path into an array took 6 % of serve's start).
    static func isInside(_ relativePath: String) -> Bool {
        let (slash, dot, backslash) = (UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "\\"))
        // The current component's length, and whether it is all dots.
        var length = 0
        var dots = true
        var first = true
        for byte in relativePath.utf8 {
            if byte == backslash || (byte == slash && first) { return false }
            first = false
            if byte == slash {
                if dots && (length == 1 || length == 2) { return false }
                (length, dots) = (0, true)
            } else {
                length += 1
                dots = dots && byte == dot
            }
        }
        return !(dots && (length == 1 || length == 2))
    }

    /// The absolute URL for a path in the stage; a path that would leave it is an error.
    func resolve(_ relativePath: String) throws(Diagnostic) -> URL {
        try Self.checkInside(relativePath)
        let target = stage.appendingPathComponent(relativePath).standardizedFileURL
        guard target.path.hasPrefix(stagePath + "/") else {
            throw Diagnostic(file: relativePath, message: "refusing to write outside the output folder")
        }
        return target
    }

    /// The output folder may be replaced if it does not exist, is empty, or was made by Broadsheet,
    /// and it must not hold the site's own sources.
    static func checkReplaceable(output: URL, source: URL) throws(Diagnostic) {
        // Compared as the file system finds them, links followed: a linked site folder or output
        // is the folder it leads to.
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        if sourcePath == outputPath || sourcePath.hasPrefix(outputPath + "/")
            || outputPath.hasPrefix(sourcePath + "/Content") || outputPath.hasPrefix(sourcePath + "/Templates")
        {
            throw Diagnostic(
                file: output.path, message: "the output folder would contain or replace the site's sources",
                hint: "choose an output folder outside Content/ and Templates/, such as Output/")
        }
        var info = stat()
        if lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw Diagnostic(
                file: output.path, message: "the output folder is a symbolic link, which a build would replace",
                hint: "give --output the folder the link leads to")
        }
        if lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw Diagnostic(
                file: output.path, message: "the output folder is a file, not a folder",
                hint: "a build replaces the whole output folder: choose a new or empty folder with --output")
        }
        let files = FileManager.default
        guard let entries = try? files.contentsOfDirectory(atPath: output.path), !entries.isEmpty else { return }
        guard entries.contains(marker) else {
            throw Diagnostic(
                file: output.path, message: "the output folder exists, is not empty and was not made by Broadsheet",
                hint: "a build replaces the whole output folder: choose an empty or new folder with --output")
        }
    }
}

/// The files a build wrote or kept, in whatever order its tasks got to them.
final class OutputLedger: @unchecked Sendable {
    // @unchecked: both sets are touched only under `lock`.
    private let lock = NSLock()
    private var written: Set<String> = []
    private var keptFiles: Set<String> = []

    func wrote(_ path: String) {
        lock.withLock { _ = written.insert(path) }
    }

    func kept(_ path: String) {
        lock.withLock { _ = keptFiles.insert(path) }
    }

    func kept(_ paths: some Sequence<String>) {
        lock.withLock { keptFiles.formUnion(paths) }
    }

    func contains(_ path: String) -> Bool {
        lock.withLock { written.contains(path) || keptFiles.contains(path) }
    }

    var writtenFiles: [String] { lock.withLock { Array(written) } }

    /// Every file of the build, in no particular order (sorting 30,000 paths and merging two sets
    /// of them was a tenth of a build after an edit).
    var allFiles: [String] { lock.withLock { Array(keptFiles) + written.filter { !keptFiles.contains($0) } } }

    /// Those of `files` the build neither wrote nor kept, under one lock.
    func missing(from files: Set<String>) -> [String] {
        lock.withLock { files.filter { !written.contains($0) && !keptFiles.contains($0) } }
    }
}
