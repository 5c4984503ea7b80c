import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading a cache file part by part: opened with its footer and header checked (`opened`), then
/// only the parts a build asks for.
extension BuildCacheFile {
    /// A cache file open, with its footer and header read and checked and nothing else: the
    /// parts are read when asked for.
    struct Opened: Sendable {
        let file: PartReader
        let source: Source
        let segments: [Segment]
        let tail: Extent

        /// The segment holding the article at `position` of the last build's sorted paths, and
        /// where in it.
        func segment(at position: Int) -> (segment: Int, offset: Int)? {
            var first = 0
            for (index, segment) in segments.enumerated() {
                if position < first + segment.count { return (index, position - first) }
                first += segment.count
            }
            return nil
        }

        /// The tail, decoded whole.
        func decodedTail() throws(CacheReader.Corrupt) -> Tail {
            var reader = CacheReader(try file.part(tail))
            let feed = try Self.feed(&reader)
            let decoded = Tail(
                bodies: feed.bodies, feedPaths: feed.paths,
                pageFiles: try reader.array { reader throws(CacheReader.Corrupt) in
                    (
                        try reader.string(),
                        try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() }
                    )
                },
                outputFiles: try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() },
                rowFiles: try reader.array { reader throws(CacheReader.Corrupt) in
                    (try reader.string(), try reader.rowFile())
                })
            try reader.finish()
            return decoded
        }

        /// The tail's first parts alone: the site feed's bodies and articles (decoding the files of
        /// a 100,000-article output too took 0.1 s).
        func decodedFeed() throws(CacheReader.Corrupt) -> (bodies: [(String, String)], paths: [String]) {
            var reader = CacheReader(try file.part(tail))
            return try Self.feed(&reader)
        }

        private static func feed(_ reader: inout CacheReader) throws(CacheReader.Corrupt) -> (
            bodies: [(String, String)], paths: [String]
        ) {
            let bodies = try reader.array { reader throws(CacheReader.Corrupt) in
                (try reader.string(), try reader.string())
            }
            return (bodies, try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() })
        }
    }

    /// What the cache keeps besides the articles: the site feed's bodies (by slug) and articles
    /// (their files, in the feed's order), each page kind's files, the output's files, the row
    /// files' layouts.
    struct Tail: Sendable {
        var bodies: [(String, String)]
        var feedPaths: [String]
        var pageFiles: [(String, [String])]
        var outputFiles: [String]
        var rowFiles: [(String, RowFileRecord)]

        var bytes: [UInt8] {
            var tail = CacheWriter()
            tail.array(bodies.sorted(by: { $0.0 < $1.0 })) { writer, body in
                writer.string(body.0)
                writer.string(body.1)
            }
            tail.array(feedPaths) { $0.string($1) }
            tail.array(pageFiles.sorted(by: { $0.0 < $1.0 })) { writer, kind in
                writer.string(kind.0)
                writer.array(kind.1) { $0.string($1) }
            }
            tail.array(outputFiles) { $0.string($1) }
            tail.array(rowFiles.sorted(by: { $0.0 < $1.0 })) { writer, file in
                writer.string(file.0)
                writer.rowFile(file.1)
            }
            return tail.bytes
        }
    }

    /// The last good build's cache file, open, if its footer and header are whole and it was made
    /// by this binary.
    static func opened(for output: URL) -> Result<Opened, Miss> {
        guard OutputStage.isMarked(output) else { return .failure(.noOutput) }
        let descriptor = open(location(for: output).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.none) }
        // Closed here unless a `Source` took it over.
        var handedOver = false
        defer { if !handedOver { close(descriptor) } }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.none) }
        let file = PartReader(descriptor: descriptor, size: Int(info.st_size))
        do throws(CacheReader.Corrupt) {
            let layout = try file.layout()
            var header = CacheReader(try file.part(layout.header))
            guard try header.raw(count: magic.count) == magic, try header.int() == formatVersion else {
                throw CacheReader.Corrupt()
            }
            guard try header.string() == BuildManifest.binaryIdentity else { return .failure(.otherBinary) }
            let context = try header.int()
            let templates = try header.int()
            try header.finish()
            let source = Source(
                descriptor: descriptor, context: context, templates: templates, header: layout.header,
                segments: layout.segments, tail: layout.tail, size: file.size)
            handedOver = true
            return .success(Opened(file: file, source: source, segments: layout.segments, tail: layout.tail))
        } catch {
            return .failure(.corrupt)
        }
    }

    /// The parts of a cache file, each read whole (with `pread`, so from any task) and checked.
    struct PartReader: Sendable {
        let descriptor: Int32
        let size: Int

        /// The footer: where the header, each segment and the tail are.
        func layout() throws(CacheReader.Corrupt) -> (header: Extent, segments: [Segment], tail: Extent) {
            guard size >= 16 else { throw CacheReader.Corrupt() }
            var trailer = CacheReader(try bytes(at: size - 16, count: 16))
            let footer = Extent(offset: try trailer.int(), length: 0, checksum: try trailer.uint64())
            guard footer.offset >= 0, footer.offset <= size - 16 else { throw CacheReader.Corrupt() }
            var reader = CacheReader(
                try part(Extent(offset: footer.offset, length: size - 16 - footer.offset, checksum: footer.checksum)))
            let header = try reader.extent()
            let segments = try reader.array { reader throws(CacheReader.Corrupt) in try reader.segment() }
            let tail = try reader.extent()
            try reader.finish()
            return (header, segments, tail)
        }

        /// A part's bytes, if they match its checksum.
        func part(_ extent: Extent) throws(CacheReader.Corrupt) -> [UInt8] {
            let data = try bytes(at: extent.offset, count: extent.length)
            var checksum = Checksum()
            checksum.combine(data)
            guard checksum.value == extent.checksum else { throw CacheReader.Corrupt() }
            return data
        }

        /// A segment's articles, if they are what the footer says.
        func entries(_ segment: Segment) throws(CacheReader.Corrupt) -> [(String, BuildCache.Entry)] {
            var reader = CacheReader(try part(segment.extent))
            var entries: [(String, BuildCache.Entry)] = []
            entries.reserveCapacity(segment.count)
            for _ in 0..<segment.count { entries.append(try reader.entry()) }
            try reader.finish()
            guard entries.first?.0 == segment.first, entries.last?.0 == segment.last else {
                throw CacheReader.Corrupt()
            }
            return entries
        }

        private func bytes(at offset: Int, count: Int) throws(CacheReader.Corrupt) -> [UInt8] {
            guard offset >= 0, count >= 0, offset + count <= size else { throw CacheReader.Corrupt() }
            var failed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                while initialized < count {
                    let got = pread(
                        descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else {
                        failed = true
                        return
                    }
                    initialized += got
                }
            }
            guard !failed else { throw CacheReader.Corrupt() }
            return bytes
        }
    }
}
