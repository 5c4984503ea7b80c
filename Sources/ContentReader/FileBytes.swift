import ArchiveModel

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a source file whole, or says why it cannot: the system's reason ("Permission denied"),
/// what to do about it, and a file past `limit` refused before a byte of it is read.
public enum FileBytes {
    /// The bytes of the file at `fullPath`, or a diagnostic for `shownPath` (the path a user sees).
    public static func read(_ fullPath: String, shownAs shownPath: String, limit: Int? = nil)
        -> Result<[UInt8], Diagnostic>
    {
        let descriptor = open(fullPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(cannotRead(shownPath, errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(cannotRead(shownPath, errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(
                Diagnostic(
                    file: shownPath, message: "cannot read the file: it is not a regular file",
                    hint: "keep only article files (.md, .markdown, .txt) under Content/articles/"))
        }
        let size = Int(info.st_size)
        if let limit, size > limit { return .failure(ArticleReader.tooLarge(path: shownPath, size: size)) }
        // One byte more than the size, so the end of the file is found without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, filled))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(cannotRead(shownPath, errno))
            }
            if count == 0 { break }
            filled += count
            // A file that grows while it is read is read no further than the limit.
            if let limit, filled > limit { return .failure(ArticleReader.tooLarge(path: shownPath, size: filled)) }
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// "cannot read the file: <the system's reason>", with a hint for the usual reasons.
    static func cannotRead(_ path: String, _ error: Int32) -> Diagnostic {
        let hint: String? =
            switch error {
            case EACCES, EPERM: "give yourself read permission (chmod u+r) or move the file out of Content/"
            case ENOENT: "the file was moved or deleted while the build ran; build again"
            case ELOOP: "the file is a symbolic link that leads nowhere; replace it with the file itself"
            default: nil
            }
        return Diagnostic(file: path, message: "cannot read the file: \(String(cString: strerror(error)))", hint: hint)
    }
}
