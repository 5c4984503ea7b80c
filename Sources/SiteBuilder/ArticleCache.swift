import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What earlier builds produced, kept by `serve` between rebuilds. An article whose file is
/// unchanged, built with the same settings, templates and gazetteer, is neither read nor enriched nor
/// rendered again; a cross-article page whose fingerprint (a hash of everything it shows) is
/// unchanged is not rendered again. Either way its file is linked from the previous output.
public final class ArticleCache: @unchecked Sendable {
    // @unchecked: every access to the dictionary goes through `lock`.
    struct Entry: Sendable {
        var stamp: FileStamp
        var outcome: ArticleJob.Outcome
    }

    /// A cross-article page: its fingerprint and file in the output folder.
    struct PageEntry: Sendable {
        var fingerprint: Int
        var file: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var pages: [String: PageEntry] = [:]
    private var context: Int?

    public init() {}

    /// Starts a build whose article pages depend on `context`; a different context empties the cache.
    func begin(context: Int) {
        lock.withLock {
            if self.context != context {
                entries = [:]
                pages = [:]
            }
            self.context = context
        }
    }

    func entry(for path: String) -> Entry? {
        lock.withLock { entries[path] }
    }

    func store(_ entry: Entry, for path: String) {
        lock.withLock { entries[path] = entry }
    }

    func page(_ key: String) -> PageEntry? {
        lock.withLock { pages[key] }
    }

    func storePage(_ entry: PageEntry, for key: String) {
        lock.withLock { pages[key] = entry }
    }

    /// Forgets articles whose files are gone.
    func keep(only paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}

/// A file's size and modification time: a changed file changes one or the other.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
