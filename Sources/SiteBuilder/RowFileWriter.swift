import ArchiveModel
import Foundation
import Rendering

#if canImport(Glibc)
    import Glibc
#endif

/// Files of article rows on disk: written whole with their layout, or patched from the last
/// build's file — the rows of articles whose summaries changed (or that are new) made again,
/// everything else copied in the kernel (`sendfile`) from the output folder's file, which a build
/// leaves untouched until it commits.
extension OutputStage {
    func writeRows(_ rows: ArticleRows, to relativePath: String, patching patch: RowPatch?) throws(Diagnostic) -> (
        record: RowFileRecord?, patched: Bool
    ) {
        // For messages; the file is created from the open stage like every page.
        let target = stage.appendingPathComponent(relativePath)
        if let patch, let outputFolder, previousFiles?.contains(relativePath) == true,
            let old = OpenFile(at: outputFolder, relativePath), old.stamp == patch.previous.stamp,
            let (pieces, layout) = rows.patch(previous: patch.previous.layout, sources: patch.sources)
        {
            let descriptor = try create(relativePath)
            defer { close(descriptor) }
            for piece in pieces {
                switch piece {
                case .bytes(let bytes):
                    let failure = bytes.withUnsafeBytes { raw in
                        Self.failureOf { () throws(Diagnostic) in try Self.write(raw, to: descriptor, target) }
                    }
                    if let failure { throw failure }
                case .copy(let offset, let length):
                    if let error = FileIO.copy(from: old.descriptor, offset: offset, length: length, to: descriptor) {
                        throw Self.cannotWrite(target, String(cString: strerror(error)))
                    }
                }
            }
            return (try Self.record(layout, descriptor, target), true)
        }
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        var failure: Diagnostic?
        let layout = rows.render(bytes: { bytes in
            guard failure == nil else { return }
            failure = Self.failureOf { () throws(Diagnostic) in try Self.write(bytes, to: descriptor, target) }
        })
        if let failure { throw failure }
        return (try Self.record(layout, descriptor, target), false)
    }

    private static func record(_ layout: RowLayout, _ descriptor: Int32, _ target: URL) throws(Diagnostic)
        -> RowFileRecord
    {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw cannotWrite(target, String(cString: strerror(errno))) }
        return RowFileRecord(layout: layout, stamp: FileStamp(info))
    }
}
