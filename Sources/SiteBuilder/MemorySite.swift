import ArchiveModel
import Foundation
import Rendering

/// A built site held in memory, as `serve` keeps it: every file of the output by its path, replaced
/// a whole generation at a time when a rebuild succeeds. Pages are not kept: each is rendered when
/// it is asked for, so the site holds the archive's sources and index, not 30,000 pages of HTML.
public final class MemorySite: @unchecked Sendable {
    // @unchecked: `files` and `folders` are read and replaced only under `lock`.
    /// One file of the site: its bytes (static files), or made at every request and never kept
    /// (pages, feeds, the exports, the search index and the sitemap: most rebuilds of serve are
    /// never followed by a request for the 100 MB quotes.json they would remake, and one request
    /// should not keep it in memory for the rest of the session).
    public struct File: Sendable {
        private let content: Content
        public let modified: Date

        /// The file's bytes (made now if the file is made on demand).
        public var data: Data {
            switch content {
            case .bytes(let data): return data
            case .page(let make): return make()
            }
        }

        public init(data: Data, modified: Date) {
            content = .bytes(data)
            self.modified = modified
        }

        /// A file made whenever it is read, and never kept.
        init(modified: Date, page: @escaping @Sendable () -> Data) {
            content = .page(page)
            self.modified = modified
        }

        /// Whether the file is made at each request.
        var isRenderedOnRequest: Bool {
            if case .page = content { return true }
            return false
        }
    }

    private enum Content: Sendable {
        case bytes(Data)
        case page(@Sendable () -> Data)
    }

    /// The newest renderer of each kind of cross-article page and of the published files, which
    /// makes every file of that kind that is asked for (`MemoryStage.renderLater(to:kind:)`).
    let renderers = PageRenderers()

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

    /// Makes `generation` the site, and `renderers` the newest of their kinds (first, so that no
    /// new page is asked of an older renderer).
    func replace(with generation: [String: File], renderers newer: [String: PageRenderers.Render]) {
        let replaced = renderers.update(newer)
        let previous = lock.withLock {
            defer {
                files = generation
                folders = nil
            }
            return files
        }
        // Freeing 30,000 files and a site index took a quarter of a rebuild: done after the reply,
        // with what the next page request would wait for.
        DispatchQueue.global(qos: .utility).async {
            withExtendedLifetime((previous, replaced)) {}
            for renderer in newer.values { renderer.prepare() }
        }
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
    // @unchecked: `generation`, `made`, `kept` and `renderers` are touched only under `lock`;
    // `previous` only by `commit` besides reads.
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
    /// The renderers of this build's cross-article pages, by kind, for the site at `commit`.
    private var renderers: [String: PageRenderers.Render] = [:]

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
        let file = MemorySite.File(
            modified: Date(),
            page: {
                var data = Data()
                produce { data.append(contentsOf: $0.utf8) }
                return data
            })
        lock.withLock { add(file, at: relativePath) }
    }

    var rendersPagesLater: Bool { true }

    func renderLater(to relativePath: String, _ render: @escaping @Sendable () -> String) throws(Diagnostic) {
        try OutputStage.checkInside(relativePath)
        let file = MemorySite.File(modified: Date(), page: { Data(render().utf8) })
        lock.withLock { add(file, at: relativePath) }
    }

    /// Makes `render` the renderer of the pages of `kind` once this build commits: of those it
    /// names with `renderLater(to:kind:)` and of those it keeps. Which of `pages` each path is, is
    /// worked out once: in the background after `commit`, or by the first request if sooner.
    func renderPages<Page: Sendable>(
        of kind: String, _ pages: [Page], at sitePath: @escaping @Sendable (Page) -> String?,
        with render: @escaping @Sendable (Page) -> Data?
    ) {
        let byPath = MadeOnce {
            var byPath: [String: Page] = [:]
            for page in pages {
                if let path = sitePath(page) { byPath[RenderedPage.filePath(of: path)] = page }
            }
            return byPath
        }
        let renderer = PageRenderers.Render(page: { byPath.value[$0].flatMap(render) }, prepare: { _ = byPath.value })
        lock.withLock { renderers[kind] = renderer }
    }

    /// A page made by the newest renderer of `kind` (`renderPages`) whenever it is asked for.
    func renderLater(to relativePath: String, kind: String) throws(Diagnostic) {
        try OutputStage.checkInside(relativePath)
        let renderers = site.renderers
        let file = MemorySite.File(modified: Date(), page: { renderers.render(path: relativePath, kind: kind) })
        lock.withLock { add(file, at: relativePath) }
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
        let newer = lock.withLock {
            defer { renderers = [:] }
            return renderers
        }
        site.replace(with: next, renderers: newer)
    }

    func discard() {}
}
