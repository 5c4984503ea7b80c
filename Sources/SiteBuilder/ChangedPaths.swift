import ContentReader
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The article files of a site worked out from the last build's list and the paths a file watcher
/// reported since, instead of listing Content/articles/ and checking every file's stamp: serve's
/// rebuilds at 10,000 articles spent 80 ms on that. The watcher's word is taken for everything it
/// did not report; anything it cannot answer for sure asks for a full scan.
enum ChangedPaths {
    /// The sorted article paths (relative to `source`) after `changes`, or nil when only a full
    /// scan will do: a folder appeared under Content/articles, or Content/articles or Content
    /// itself changed.
    static func articlePaths(after changes: Set<String>, previous: [String], source: URL) -> [String]? {
        let folder = ContentScanner.articlesFolder
        // `previous` is sorted: looked up by binary search rather than hashing 10,000 paths.
        func known(_ path: String) -> Bool { ContentScanner.position(of: path, in: previous) != nil }
        var added: [String] = []
        var removed = Set<String>()
        var removedFolders: [String] = []
        for change in changes {
            if !change.hasPrefix(folder) {
                // Content/ or Content/articles itself (moved, removed): every article may be gone.
                if folder.hasPrefix(change + "/") { return nil }
                continue
            }
            guard !change.dropFirst(folder.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
                continue
            }
            var info = stat()
            if lstat(source.appendingPathComponent(change).path, &info) != 0 {
                // Gone: the file, or a whole folder moved away (the watcher reports only the folder).
                if known(change) { removed.insert(change) } else { removedFolders.append(change + "/") }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                // Files that arrive with a new folder can come before the folder is watched.
                return nil
            case S_IFREG where ContentScanner.isArticleName(change):
                if !known(change) { added.append(change) }
            default:
                if known(change) { removed.insert(change) }
            }
        }
        guard !added.isEmpty || !removed.isEmpty || !removedFolders.isEmpty else { return previous }
        let kept = previous.filter { path in
            !removed.contains(path) && !removedFolders.contains { path.hasPrefix($0) }
        }
        guard !added.isEmpty || kept.count != previous.count else { return previous }
        return (kept + added).sorted(by: ContentScanner.bytesPrecede)
    }
}
