import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports changed files under the site's Content/ and Templates/ folders, as paths relative to the
/// site folder. Uses inotify on Linux (one watch per folder, new folders watched as they appear) and
/// polls modification times elsewhere.
final class FileWatcher: @unchecked Sendable {
    // @unchecked: the inotify descriptor and watch table are touched only by the reading thread
    // after `start`, and `stop` only closes the descriptor.
    let site: URL
    let folders: [String]
    private var descriptor: Int32 = -1
    private var watches: [Int32: String] = [:]

    /// Reported instead of paths when the system dropped events (its queue overflowed): anything
    /// may have changed.
    static let missedChanges = "*"

    init(site: URL, folders: [String] = ["Content", "Templates"]) {
        self.site = site.standardizedFileURL
        self.folders = folders
    }

    /// Changed paths, one element per change as the system reports it (not debounced).
    func changes() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        #if os(Linux)
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            if descriptor >= 0 {
                for folder in folders { watchTree(folder) }
                // Articles kept elsewhere through a link, as the build reads them.
                var info = stat()
                let articles = "Content/articles"
                if folders.contains("Content"), lstat(site.appendingPathComponent(articles).path, &info) == 0,
                    info.st_mode & S_IFMT == S_IFLNK
                {
                    watchTree(articles, followingLink: true)
                }
                let thread = Thread { [self] in readEvents(into: continuation) }
                thread.stackSize = 1 << 20
                thread.start()
                return stream
            }
        #endif
        Task.detached { [self] in await poll(into: continuation) }
        return stream
    }

    func stop() {
        #if os(Linux)
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        #endif
    }

    #if os(Linux)
        /// Watches a folder and the folders under it. Symbolic links are not followed (nor are they
        /// by the build): a link to a folder above would loop, and would report the site's own
        /// files under made-up paths, which serve takes at their word. The one exception, as in
        /// the build, is `Content/articles` itself (`followingLink`).
        private func watchTree(_ relative: String, followingLink: Bool = false) {
            let mask = UInt32(
                IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY
                    | (followingLink ? 0 : IN_DONT_FOLLOW) | IN_ONLYDIR)
            let path = site.appendingPathComponent(relative).path
            let watch = inotify_add_watch(descriptor, path, mask)
            // A folder already watched under another path keeps its first one.
            guard watch >= 0, watches[watch] == nil else { return }
            watches[watch] = relative
            let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for child in children where !child.hasPrefix(".") {
                var info = stat()
                if lstat(path + "/" + child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    watchTree(relative + "/" + child)
                }
            }
        }

        private func readEvents(into continuation: AsyncStream<String>.Continuation) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + nameLength, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { continuation.yield(Self.missedChanges) }
                    if let folder = watches[watch], !name.hasPrefix("."), !name.hasSuffix("~") {
                        let path = name.isEmpty ? folder : folder + "/" + name
                        if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                            watchTree(path)
                        }
                        continuation.yield(path)
                    }
                    offset = nameStart + nameLength
                }
            }
            continuation.finish()
        }
    #endif

    /// Fallback: compare modification times every quarter second.
    private func poll(into continuation: AsyncStream<String>.Continuation) async {
        var previous = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 250_000_000)
            let current = snapshot()
            for (path, stamp) in current where previous[path] != stamp { continuation.yield(path) }
            for path in previous.keys where current[path] == nil { continuation.yield(path) }
            previous = current
        }
        continuation.finish()
    }

    private func snapshot() -> [String: Date] {
        var stamps: [String: Date] = [:]
        for folder in folders {
            let root = site.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.contentModificationDateKey])
            while let url = files?.nextObject() as? URL {
                let date = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
                stamps[folder + "/" + url.path.dropFirst(root.path.count + 1)] = date ?? .distantPast
            }
        }
        return stamps
    }
}
