import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An open folder, closed when the last reference goes.
final class FolderHandle: Sendable {
    let descriptor: Int32

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }
}

/// A file of the output folder open for reading, with its stamp; closed when it goes.
final class OpenFile {
    let descriptor: Int32
    let stamp: FileStamp

    init?(at folder: FolderHandle, _ relativePath: String) {
        descriptor = openat(folder.descriptor, relativePath, O_RDONLY | O_CLOEXEC)
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
        stamp = FileStamp(info)
    }

    deinit { close(descriptor) }
}
