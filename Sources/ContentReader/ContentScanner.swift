import ArchiveModel
import Foundation

/// Finds the files of a site folder: the article files under `Content/articles/` (recursively,
/// skipping hidden files and editor backups), in a stable order.
public enum ContentScanner {
    /// Paths relative to `siteFolder`, sorted, of every article file.
    public static func articlePaths(in siteFolder: URL) -> [String] {
        let articles = siteFolder.appendingPathComponent("Content/articles", isDirectory: true)
        return relativeFiles(under: articles)
            .filter { path in
                let name = path.split(separator: "/").last.map(String.init) ?? path
                guard let dot = name.lastIndex(of: "."), !name.hasPrefix("."), !name.hasSuffix("~") else {
                    return false
                }
                return ArticleReader.extensions.contains(name[name.index(after: dot)...].lowercased())
            }
            .map { "Content/articles/" + $0 }
            .sorted()
    }

    /// Every regular file under `folder`, as paths relative to it, hidden ones excluded.
    public static func relativeFiles(under folder: URL) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }
}
