import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing whole buffers and copying ranges between open files, retrying where the kernel stops
/// short; each returns the `errno` of a failure, or nil.
enum FileIO {
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Appends `length` bytes of `source` from `offset` to `target`: in the kernel (`sendfile`),
    /// or through memory where it cannot (older kernels, some file systems). A source shorter than
    /// that is a failure (EIO).
    static func copy(from source: Int32, offset: Int, length: Int, to target: Int32) -> Int32? {
        var from = off_t(offset)
        var left = length
        while left > 0 {
            let copied = sendfile(target, source, &from, left)
            if copied < 0 && errno == EINTR { continue }
            if copied > 0 {
                left -= copied
                continue
            }
            if copied == 0 { return EIO }
            var bytes = [UInt8](repeating: 0, count: left)
            guard pread(source, &bytes, left, from) == left else { return EIO }
            return bytes.withUnsafeBytes { write($0, to: target) }
        }
        return nil
    }
}
