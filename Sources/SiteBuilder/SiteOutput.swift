import ArchiveModel
import Foundation
import Rendering

/// Where a build puts the site: a staging folder swapped in place of the output folder
/// (`OutputStage`), or a new generation of an in-memory site (`MemoryStage`, for serve). Either way
/// nothing is visible until `commit`, and a failed build leaves the previous site as it was.
protocol SiteOutput: Sendable {
    func write(_ contents: String, to relativePath: String) throws(Diagnostic)
    /// Writes a file made piece by piece by `produce`, each piece as it comes (or, in memory, when
    /// the file is first read).
    func stream(to relativePath: String, _ produce: @escaping @Sendable ((String) -> Void) -> Void) throws(Diagnostic)
    /// Keeps the previous build's file at `relativePath`; false when there is none.
    func keep(_ relativePath: String) -> Bool
    /// Keeps files that the last build wrote or kept, at once; returns the positions in
    /// `relativePaths` of those that are not there (deleted from the output by hand, say), which
    /// the caller makes again.
    func keep(lastBuilt relativePaths: [String]) -> [Int]
    /// Whether `renderLater` is worth calling: it renders after the build has finished (serve).
    var rendersPagesLater: Bool { get }
    /// Writes the HTML `render` makes, when it is first read or soon after `commit` (in memory),
    /// or now (on disk).
    func renderLater(to relativePath: String, _ render: @escaping @Sendable () -> String) throws(Diagnostic)
    /// Copies files under `folder` to `prefix` + their relative path; returns those skipped because a
    /// generated page already had the path.
    func copyTree(_ folder: URL, files relativePaths: [String], prefix: String) throws(Diagnostic) -> [String]
    /// Writes a file of article rows, patched from the previous output's file when `patch` allows
    /// and it is still as the last build left it; the new file's record (none in memory) and
    /// whether it was patched.
    func writeRows(_ rows: ArticleRows, to relativePath: String, patching patch: RowPatch?) throws(Diagnostic) -> (
        record: RowFileRecord?, patched: Bool
    )
    func commit() throws(Diagnostic)
    func discard()
}

extension SiteOutput {
    func keep(lastBuilt relativePaths: [String]) -> [Int] {
        relativePaths.indices.filter { !keep(relativePaths[$0]) }
    }
}

/// A built site held in memory, as `serve` keeps it: every file of the output by its path, replaced
/// a whole generation at a time when a rebuild succeeds.
public final class MemorySite: @unchecked Sendable {
    // @unchecked: `files` and `folders` are read and replaced only under `lock`.
    /// One file of the site. A large export is made only when first asked for: most rebuilds of
    /// serve are never followed by a request for the 100 MB quotes.json they would remake.
    public struct File: Sendable {
        private let content: Content
        public let modified: Date

        /// The file's bytes (made now if the file is made on demand).
        public var data: Data { content.data }

        public init(data: Data, modified: Date) {
            content = Content(value: data, produce: nil)
            self.modified = modified
        }

        init(modified: Date, produce: @escaping @Sendable () -> Data) {
            content = Content(value: nil, produce: produce)
            self.modified = modified
        }
    }

    /// A file's bytes, or how to make them once.
    final class Content: @unchecked Sendable {
        // @unchecked: `value` is read and set only under `lock`.
        private let lock = NSLock()
        private var value: Data?
        /// Dropped once used: it may hold a whole site index.
        private var produce: (@Sendable () -> Data)?

        init(value: Data?, produce: (@Sendable () -> Data)?) {
            self.value = value
            self.produce = produce
        }

        var data: Data {
            lock.withLock {
                if let value { return value }
                let made = produce?() ?? Data()
                value = made
                produce = nil
                return made
            }
        }
    }

    private let lock = NSLock()
    private var files: [String: File] = [:]
    /// Worked out on the first question after a replacement: most generations are never asked.
    private var folders: Set<String>?

    public init() {}

    /// The file at a path relative to the site root (`articles/x/index.html`).
    public func file(_ path: String) -> File? {
        lock.withLock { files[path] }
    }

    /// How many files the site has.
    public var count: Int { lock.withLock { files.count } }

    /// Every file as it is now (a copy-on-write copy: nothing is copied unless one is changed).
    var snapshot: [String: File] { lock.withLock { files } }

    /// Whether a path names a folder of the site ("" is the root, `articles/x` a page's folder).
    public func isFolder(_ path: String) -> Bool {
        lock.withLock {
            if let folders { return folders.contains(path) }
            let made = Self.folders(of: files.keys)
            folders = made
            return made.contains(path)
        }
    }

    func replace(with generation: [String: File]) {
        let previous = lock.withLock {
            defer {
                files = generation
                folders = nil
            }
            return files
        }
        // Freeing 30,000 files' buffers took a quarter of a rebuild: done after the reply instead.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} }
    }

    private static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = [""]
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        return folders
    }
}

/// A build's output on its way into a `MemorySite`: the new generation, assembled in parallel.
/// It starts as a copy of the last generation, so that keeping a file (30,000 of them after a
/// one-article edit) costs no insertion; files the build neither kept nor made go at `commit`.
final class MemoryStage: SiteOutput, @unchecked Sendable {
    // @unchecked: `generation`, `made` and `kept` are touched only under `lock`; `previous` only
    // by `commit` besides reads.
    let site: MemorySite
    /// The site's files when the build started, read without the site's lock.
    private var previous: [String: MemorySite.File]
    private let lock = NSLock()
    private var generation: [String: MemorySite.File]
    /// Paths this build wrote or copied.
    private var made: Set<String> = []
    /// Paths kept from the last generation, each once (a build keeps a page's file once), in an
    /// array: no hashing for the common case where nothing is left over.
    private var kept: [String] = []
    /// Pages `renderLater` was given, rendered in the background after `commit`.
    private var later: [MemorySite.File] = []

    init(site: MemorySite) {
        self.site = site
        previous = site.snapshot
        generation = previous
    }

    func write(_ contents: String, to relativePath: String) throws(Diagnostic) {
        try OutputStage.checkInside(relativePath)
        let file = MemorySite.File(data: Data(contents.utf8), modified: Date())
        lock.withLock { add(file, at: relativePath) }
    }

    func stream(to relativePath: String, _ produce: @escaping @Sendable ((String) -> Void) -> Void) throws(Diagnostic) {
        try OutputStage.checkInside(relativePath)
        let file = MemorySite.File(modified: Date()) {
            var data = Data()
            produce { data.append(contentsOf: $0.utf8) }
            return data
        }
        lock.withLock { add(file, at: relativePath) }
    }

    var rendersPagesLater: Bool { true }

    func renderLater(to relativePath: String, _ render: @escaping @Sendable () -> String) throws(Diagnostic) {
        try OutputStage.checkInside(relativePath)
        let file = MemorySite.File(modified: Date()) { Data(render().utf8) }
        lock.withLock {
            add(file, at: relativePath)
            later.append(file)
        }
    }

    func keep(_ relativePath: String) -> Bool {
        guard previous[relativePath] != nil else { return false }
        lock.withLock { kept.append(relativePath) }
        return true
    }

    func keep(lastBuilt relativePaths: [String]) -> [Int] {
        let missing = relativePaths.indices.filter { previous[relativePaths[$0]] == nil }
        lock.withLock {
            if missing.isEmpty {
                kept.append(contentsOf: relativePaths)
            } else {
                let gone = Set(missing)
                kept += relativePaths.indices.lazy.filter { !gone.contains($0) }.map { relativePaths[$0] }
            }
        }
        return missing
    }

    func copyTree(_ folder: URL, files relativePaths: [String], prefix: String) throws(Diagnostic) -> [String] {
        var skipped: [String] = []
        for relative in relativePaths {
            let path = prefix + relative
            try OutputStage.checkInside(path)
            let source = folder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw Diagnostic(file: source.path, message: "cannot read the file")
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: source.path)[.modificationDate]) as? Date
            let taken = lock.withLock { () -> Bool in
                if made.contains(path) { return true }
                add(MemorySite.File(data: data, modified: modified ?? Date()), at: path)
                return false
            }
            if taken { skipped.append(relative) }
        }
        return skipped
    }

    /// Under `lock`.
    private func add(_ file: MemorySite.File, at path: String) {
        generation[path] = file
        made.insert(path)
    }

    func commit() throws(Diagnostic) {
        var next = lock.withLock {
            defer { generation = [:] }
            return generation
        }
        let (madePaths, keptPaths) = lock.withLock { (made, kept) }
        assert(Set(keptPaths).count == keptPaths.count && madePaths.isDisjoint(with: keptPaths), "a file kept twice")
        // Every file of the last generation was kept or made again: nothing to drop (the common
        // case). Otherwise drop those that were neither.
        let remade = madePaths.count { previous[$0] != nil }
        if keptPaths.count + remade != previous.count {
            let survivors = madePaths.union(keptPaths)
            for path in previous.keys where !survivors.contains(path) { next[path] = nil }
        }
        // The site frees the last generation in the background; this copy must not hold it here.
        previous = [:]
        site.replace(with: next)
        // One thread, leaving the other core to answer the reload. A page asked for first is
        // rendered by the request (once: the file's lock). Rendered, a page lets go of the index
        // it was made from.
        let pages = lock.withLock {
            defer { later = [] }
            return later
        }
        if !pages.isEmpty {
            DispatchQueue.global(qos: .utility).async { for page in pages { _ = page.data } }
        }
    }

    func discard() {}
}

/// A file of article rows as a build left it: where each article's rows are, and the file's stamp
/// when written (a file changed since cannot be patched).
struct RowFileRecord: Sendable, Equatable {
    var layout: RowLayout
    var stamp: FileStamp
}

/// What a build can patch a file of article rows from: the last build's record of it, and where
/// each article's rows were in it (`ArticleRows.sources`).
struct RowPatch: Sendable {
    var previous: RowFileRecord
    var sources: [Int?]
}

extension SiteOutput {
    /// Writes a file of article rows whole (in memory, made when first asked for); no record.
    func writeRows(_ rows: ArticleRows, to relativePath: String, patching patch: RowPatch?) throws(Diagnostic) -> (
        record: RowFileRecord?, patched: Bool
    ) {
        try stream(to: relativePath) { emit in _ = rows.render(emit: emit) }
        return (nil, false)
    }
}
