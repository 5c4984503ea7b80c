import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the files of a site folder: the article files under `Content/articles/` (recursively,
/// skipping hidden files and editor backups), in a stable order.
public enum ContentScanner {
    /// Something under a folder that a listing did not take: a folder it could not open, or a
    /// symbolic link to a file (never followed).
    public struct Skipped: Sendable, Equatable {
        /// The path relative to the folder listed.
        public var path: String
        /// `errno` of a folder that could not be opened; nil for a symbolic link.
        public var error: Int32?

        /// The diagnostic for it, with `prefix` (such as `Content/articles/`) before the path: an
        /// unreadable folder is an error (its articles would be missing without a word), a link a
        /// warning.
        public func diagnostic(prefix: String) -> Diagnostic {
            guard let error else {
                return Diagnostic(
                    file: prefix + path, severity: .warning,
                    message: "skipped: a symbolic link to a file is not followed",
                    hint:
                        "put the file itself here, or link the whole Content/articles folder to where articles are kept"
                )
            }
            return Diagnostic(
                file: prefix + path, message: "cannot read the folder: \(String(cString: strerror(error)))",
                hint: "give yourself read and search permission (chmod u+rx) or move the folder out of Content/")
        }
    }

    /// Paths relative to `siteFolder`, sorted, of every article file.
    public static func articlePaths(in siteFolder: URL) -> [String] {
        var skipped: [Skipped] = []
        return articlePaths(in: siteFolder, skipped: &skipped)
    }

    /// `articlePaths(in:)`, adding to `skipped` what it could not take.
    public static func articlePaths(in siteFolder: URL, skipped: inout [Skipped]) -> [String] {
        let articles = siteFolder.appendingPathComponent("Content/articles", isDirectory: true)
        return relativeFiles(under: articles, skipped: &skipped)
            .filter(isArticleName)
            // A common prefix keeps relativeFiles' sorted order.
            .map { articlesFolder + $0 }
    }

    /// Where article files are, relative to the site folder.
    public static let articlesFolder = "Content/articles/"

    /// Whether a file's name (the last component of `path`) is an article's: an article extension,
    /// not hidden, not an editor backup.
    public static func isArticleName(_ path: String) -> Bool {
        // On the UTF-8 view: Character-wise searches were a tenth of a serve rebuild.
        let bytes = path.utf8
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), name.first != UInt8(ascii: "."),
            name.last != UInt8(ascii: "~")
        else { return false }
        // Lowered byte by byte (every extension is ASCII): `lowercased()` on each of 100,000
        // names was 4 % of a build with nothing changed.
        let suffix = name[name.index(after: dot)...]
        let lowered = String(unsafeUninitializedCapacity: suffix.count) { buffer in
            for (offset, byte) in suffix.enumerated() {
                buffer[offset] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            }
            return suffix.count
        }
        return ArticleReader.extensions.contains(lowered)
    }

    /// Every file under the site's Content folder, as `relativeFiles` lists them, and the files of
    /// `Content/articles` when that is a symbolic link to a folder (articles kept elsewhere), as
    /// `articlePaths` finds them.
    public static func contentFiles(in siteFolder: URL, skipped: inout [Skipped]) -> [String] {
        let content = siteFolder.appendingPathComponent("Content", isDirectory: true)
        var files = relativeFiles(under: content, skipped: &skipped)
        var info = stat()
        let articles = content.appendingPathComponent("articles").path
        if lstat(articles, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            skipped.removeAll { $0.path == "articles" }
            var inside: [Skipped] = []
            files += relativeFiles(under: URL(fileURLWithPath: articles), skipped: &inside).map { "articles/" + $0 }
            skipped += inside.map { Skipped(path: "articles/" + $0.path, error: $0.error) }
            files = sortedByBytes(files)
        }
        return files
    }

    /// Every regular file under `folder`, as paths relative to it, hidden ones excluded. Symbolic
    /// links are not followed, so nothing outside the folder is ever picked up. Reads directories with
    /// readdir: Foundation's enumerator and resource values were a fifth of a 10,000-article rebuild.
    public static func relativeFiles(under folder: URL) -> [String] {
        var skipped: [Skipped] = []
        return relativeFiles(under: folder, skipped: &skipped)
    }

    /// `relativeFiles(under:)`, adding to `skipped` the folders below `folder` it could not open
    /// and the symbolic links to files it did not follow (`folder` itself missing is no problem).
    public static func relativeFiles(under folder: URL, skipped: inout [Skipped]) -> [String] {
        var paths: [String] = []
        collect(folder.standardizedFileURL.path, relative: "", into: &paths, skipped: &skipped)
        return sortedByBytes(paths)
    }

    /// `paths` in byte order (`bytesPrecede`: the same as String's for the NFC names file systems
    /// give, and much quicker), sorted by their first 32 bytes as four numbers and only where those
    /// are the same by the rest: comparing the strings themselves was a tenth of a build after a
    /// one-article edit at 10,000 articles. (Sixteen bytes were not enough: "articles/2016-07-"
    /// is seventeen.)
    public static func sortedByBytes(_ paths: [String]) -> [String] {
        // Plain numbers and a position, which sorting moves without retaining any string.
        var keyed = paths.enumerated().map { position, path -> Key in
            var path = path
            return path.withUTF8 { bytes in
                // Big-endian, padded with zero bytes, which no path contains: a shorter prefix
                // sorts first, as in byte order.
                var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                withUnsafeMutableBytes(of: &words) { raw in
                    let word = raw.bindMemory(to: UInt64.self)
                    for (offset, byte) in bytes.prefix(32).enumerated() {
                        word[offset / 8] |= UInt64(byte) << UInt64(56 - 8 * (offset % 8))
                    }
                }
                return Key(words: words, position: position)
            }
        }
        keyed.sort { one, other in
            if one.words != other.words { return one.words < other.words }
            return bytesPrecede(paths[one.position], paths[other.position])
        }
        return keyed.map { paths[$0.position] }
    }

    /// A path's first 32 bytes and its position in the list being sorted.
    private struct Key {
        var words: (UInt64, UInt64, UInt64, UInt64)
        var position: Int
    }

    /// Where `path` is in `sorted`, a list sorted as `articlePaths` sorts (binary search); nil when
    /// it is not there.
    public static func position(of path: String, in sorted: [String]) -> Int? {
        let index = SortedSearch.firstIndex(in: sorted) { !bytesPrecede($0, path) }
        return index < sorted.count && sorted[index] == path ? index : nil
    }

    /// Whether `first`'s UTF-8 bytes sort before `second`'s, compared with memcmp (the UTF-8 views'
    /// generic `lexicographicallyPrecedes` was a tenth of a serve rebuild at 10,000 articles).
    public static func bytesPrecede(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                let common = min(one.count, other.count)
                let order = common == 0 ? 0 : memcmp(one.baseAddress!, other.baseAddress!, common)
                return order != 0 ? order < 0 : one.count < other.count
            }
        }
    }

    private static func collect(
        _ directory: String, relative: String, into paths: inout [String], skipped: inout [Skipped]
    ) {
        guard let handle = opendir(directory) else {
            if !relative.isEmpty || errno != ENOENT { skipped.append(Skipped(path: relative, error: errno)) }
            return
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = directory + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                type =
                    kind == S_IFDIR
                    ? Int32(DT_DIR) : kind == S_IFREG ? Int32(DT_REG) : kind == S_IFLNK ? Int32(DT_LNK) : 0
            }
            if type == Int32(DT_DIR) {
                collect(full, relative: path, into: &paths, skipped: &skipped)
            } else if type == Int32(DT_REG) {
                paths.append(path)
            } else if type == Int32(DT_LNK) {
                var info = stat()
                if stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    skipped.append(Skipped(path: path, error: nil))
                }
            }
        }
    }
}
