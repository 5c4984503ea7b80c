import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's size and modification time: a changed file changes one or the other.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    init(size: Int64, seconds: Int, nanoseconds: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
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
    }
}
