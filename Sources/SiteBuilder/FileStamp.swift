import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's size, modification time and `change`: a digest of its inode and status-change time,
/// which no one can set back (`touch -d` and `cp -p` restore a modification time; an editor that
/// saves by renaming a new file over the old one gives a new inode). A changed file changes one
/// of them, even an edit of the same size whose modification time was put back.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    var change: Int

    init(size: Int64, seconds: Int, nanoseconds: Int, change: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.change = change
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of `relativePath` inside an open folder.
    init?(in folder: FolderHandle, _ relativePath: String) {
        var info = stat()
        guard fstatat(folder.descriptor, relativePath, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        var hasher = StableHasher()
        hasher.combine(Int(bitPattern: UInt(info.st_ino)))
        hasher.combine(Int(info.st_ctim.tv_sec))
        hasher.combine(Int(info.st_ctim.tv_nsec))
        change = Int(truncatingIfNeeded: hasher.finalize())
    }
}
