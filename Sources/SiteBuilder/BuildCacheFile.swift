import ArchiveModel
import Foundation
import Rendering
import SiteIndex

/// `build`'s `BuildCache` on disk (`.Output.cache/articles`, next to the output folder), so that the
/// next `build` reads, enriches and renders only the articles that changed, and renders only the
/// cross-article pages that show them.
///
/// It holds, for each article, the file's stamp and content hash, its summary and warnings; the
/// feed bodies; the file of every cross-article page; every file of the output. Not the articles'
/// text or enrichment: a template change renders every article again from its file.
///
/// The articles are stored in *segments* of about 128 consecutive paths, cut after each path whose
/// hash ends in seven zero bits, so that adding or removing a file moves only the cuts next to it.
/// Segments are read and checked in parallel, and a build that changed a few articles appends
/// only their segments, the tail and a new footer to the last cache; the footer points at the
/// current parts wherever they are, and the file is written afresh once most of it is stale
/// (`BuildCacheFile.save`).
///
///     header   magic, format, binary identity, settings and templates keys
///     segments each: its articles one after another
///     tail     feed bodies and articles, page files, output files, row files
///     footer   each part's place, length and checksum; each segment's count, first and last path
///     trailer  the footer's place and checksum
///
/// It is used only when every part checks out, when it was written by this very Broadsheet binary
/// (path, size and modification time) and when the settings, entities and templates are what they
/// were; anything else means a full build, which writes a new one. A build removes it before it
/// changes the output, so a build stopped half-way never leaves a cache describing an output that
/// is not there.
enum BuildCacheFile {
    static let formatVersion = 8
    static let magic = Array("broadsheet-cache\n".utf8)

    /// What a loaded cache gives a build.
    struct Restored {
        var cache: BuildCache
        /// Every file the last build left in the output folder, relative to it.
        var outputFiles: Set<String>
    }

    /// Why there is no cache to use, for the log.
    enum Miss: Error, CustomStringConvertible {
        case none, noOutput, otherBinary, otherInputs, corrupt

        var description: String {
            switch self {
            case .none: return "no build cache yet"
            case .noOutput: return "the output folder is gone or was not made by Broadsheet"
            case .otherBinary: return "the build cache was made by another Broadsheet binary"
            case .otherInputs: return "settings, entities or templates changed since the build cache was made"
            case .corrupt: return "the build cache is damaged"
            }
        }
    }

    /// Where a part of the file is, and its checksum.
    struct Extent: Sendable, Equatable {
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    /// A run of consecutive articles of the file.
    struct Segment: Sendable, Equatable {
        var extent: Extent
        var count: Int
        var first: String
        var last: String
    }

    /// The cache file a build was restored from, open (so that its segments can be copied into the
    /// next cache after the build removed it), with where its segments are.
    final class Source: Sendable {
        let descriptor: Int32
        let context: Int
        let templates: Int
        /// Segments by their first path.
        let segments: [String: Segment]
        let header: Extent
        /// The file's size, and how many of its bytes the footer points at (the rest are parts
        /// earlier saves appended and later ones replaced).
        let size: Int
        let live: Int

        init(
            descriptor: Int32, context: Int, templates: Int, header: Extent, segments: [Segment], tail: Extent,
            size: Int
        ) {
            self.descriptor = descriptor
            self.context = context
            self.templates = templates
            self.header = header
            self.segments = Dictionary(segments.map { ($0.first, $0) }, uniquingKeysWith: { first, _ in first })
            self.size = size
            live = header.length + segments.reduce(0) { $0 + $1.extent.length } + tail.length
        }

        deinit { close(descriptor) }
    }

    static func location(for output: URL) -> URL {
        BuildManifest.location(for: output).deletingLastPathComponent().appendingPathComponent("articles")
    }

    /// Where the cache is while a build changes the output it describes: a name no build reads, so
    /// that a build stopped half-way is followed by a full one; the save appends to it there.
    static func retiredLocation(for output: URL) -> URL {
        location(for: output).appendingPathExtension("retired")
    }

    /// Forgets the cache, before a build changes the output it describes (moved aside, for the
    /// save to append to).
    static func retire(for output: URL) {
        _ = rename(location(for: output).path, retiredLocation(for: output).path)
    }

    /// Whether a segment ends after `path`: about one path in 128, by a hash of the path alone.
    static func endsSegment(_ path: String) -> Bool {
        var hasher = StableHasher()
        hasher.combine(path)
        return hasher.finalize() & 127 == 0
    }

    /// The cache the last good build into `output` left, if it is whole, was made by this binary
    /// from the same settings and templates. `index` makes the last build's site index again from
    /// its summaries.
    static func load(
        for output: URL, context: Int, templates: Int, index: ([ArticleSummary], [Int], [Int]) -> SiteIndex
    ) async -> Result<Restored, Miss> {
        await read(for: output).flatMap { $0.restore(context: context, templates: templates, index: index) }
    }

    /// A cache file read and checked, before it is compared with this build's settings and
    /// templates: reading it does not wait for them (a build reads it while they load).
    struct Decoded: Sendable {
        let source: Source
        let entries: [(String, BuildCache.Entry)]
        let bodies: [(String, String)]
        let pageFiles: [(String, [String])]
        let outputFiles: Set<String>
        let rowFiles: [(String, RowFileRecord)]

        /// The cache, if it was made from the same settings and templates.
        func restore(
            context: Int, templates: Int, index: ([ArticleSummary], [Int], [Int]) -> SiteIndex
        ) -> Result<Restored, Miss> {
            guard context == source.context, templates == source.templates else { return .failure(.otherInputs) }
            let outcomes = entries.map(\.1.outcome).filter { $0.summary != nil }
            let previous = index(outcomes.compactMap(\.summary), outcomes.map(\.pageHash), outcomes.map(\.summaryHash))
            let cache = BuildCache(
                restoring: entries, from: source, index: previous, bodies: Dictionary(bodies, uniquingKeysWith: { $1 }),
                pageFiles: Dictionary(pageFiles, uniquingKeysWith: { $1 }),
                rowFiles: Dictionary(rowFiles, uniquingKeysWith: { $1 }))
            return .success(Restored(cache: cache, outputFiles: outputFiles))
        }
    }

    /// The last good build's cache file, whole and made by this binary; its segments are read and
    /// decoded two at a time.
    static func read(for output: URL) async -> Result<Decoded, Miss> {
        let cache: Opened
        switch opened(for: output) {
        case .success(let found): cache = found
        case .failure(let miss): return .failure(miss)
        }
        let file = cache.file
        do throws(CacheReader.Corrupt) {
            // Not wanted after all (nothing changed since the last build).
            if Task.isCancelled { return .failure(.none) }
            let decoded = await concurrentMap(cache.segments, limit: ProcessInfo.processInfo.activeProcessorCount) {
                segment in try? file.entries(segment)
            }
            var entries: [(String, BuildCache.Entry)] = []
            entries.reserveCapacity(cache.segments.reduce(0) { $0 + $1.count })
            for segment in decoded {
                guard let segment else { throw CacheReader.Corrupt() }
                entries += segment
            }
            let tail = try cache.decodedTail()
            return .success(
                Decoded(
                    source: cache.source, entries: entries, bodies: tail.bodies, pageFiles: tail.pageFiles,
                    outputFiles: Set(tail.outputFiles), rowFiles: tail.rowFiles))
        } catch {
            return .failure(.corrupt)
        }
    }

}

extension BuildCache {
    /// Adopts the cache file `read` reads if it was made from these settings, entities and
    /// templates (serve's first build); returns how many articles it held.
    func adopt(_ read: Task<Result<BuildCacheFile.Decoded, BuildCacheFile.Miss>, Never>, context: Int, templates: Int)
        async -> Int?
    {
        guard case .success(let decoded) = await read.value, decoded.source.context == context,
            decoded.source.templates == templates
        else { return nil }
        adopt(decoded, context: context, templates: templates)
        return decoded.entries.count
    }
}

extension CacheWriter {
    mutating func extent(_ extent: BuildCacheFile.Extent) {
        int(extent.offset)
        int(extent.length)
        uint64(extent.checksum)
    }

    mutating func segment(_ segment: BuildCacheFile.Segment) {
        extent(segment.extent)
        int(segment.count)
        string(segment.first)
        string(segment.last)
    }

    /// One article of the cache.
    mutating func entry(_ path: String, _ entry: BuildCache.Entry) {
        string(path)
        int(Int(entry.stamp.size))
        int(entry.stamp.seconds)
        int(entry.stamp.nanoseconds)
        int(entry.stamp.change)
        uint64(entry.digest)
        int(entry.templates)
        bool(entry.outcome.isSkippedDraft)
        int(entry.outcome.summaryHash)
        int(entry.outcome.pageHash)
        optional(entry.outcome.summary) { $0.summary($1) }
        array(entry.outcome.diagnostics) { $0.diagnostic($1) }
    }
}

extension CacheWriter {
    mutating func rowFile(_ record: RowFileRecord) {
        int(Int(record.stamp.size))
        int(record.stamp.seconds)
        int(record.stamp.nanoseconds)
        int(record.stamp.change)
        int(record.layout.head)
        int(record.layout.dependency)
        uint32s(record.layout.lengths)
    }
}

extension CacheReader {
    mutating func rowFile() throws(Corrupt) -> RowFileRecord {
        let stamp = FileStamp(size: Int64(try int()), seconds: try int(), nanoseconds: try int(), change: try int())
        let head = try int()
        let dependency = try int()
        let lengths = try uint32s()
        return RowFileRecord(layout: RowLayout(head: head, lengths: lengths, dependency: dependency), stamp: stamp)
    }

    mutating func extent() throws(Corrupt) -> BuildCacheFile.Extent {
        BuildCacheFile.Extent(offset: try int(), length: try int(), checksum: try uint64())
    }

    mutating func segment() throws(Corrupt) -> BuildCacheFile.Segment {
        BuildCacheFile.Segment(extent: try extent(), count: try int(), first: try string(), last: try string())
    }

    mutating func entry() throws(Corrupt) -> (String, BuildCache.Entry) {
        let path = try string()
        let stamp = FileStamp(size: Int64(try int()), seconds: try int(), nanoseconds: try int(), change: try int())
        let digest = try uint64()
        let templates = try int()
        let isSkippedDraft = try bool()
        let summaryHash = try int()
        let pageHash = try int()
        let summary = try optional { reader throws(Corrupt) in try reader.summary() }
        let diagnostics = try array { reader throws(Corrupt) in try reader.diagnostic() }
        let outcome = ArticleJob.Outcome(
            summary: summary, summaryHash: summaryHash, pageHash: pageHash, diagnostics: diagnostics,
            isSkippedDraft: isSkippedDraft)
        return (
            path,
            BuildCache.Entry(
                stamp: stamp, digest: digest, outcome: outcome, templates: templates, source: nil)
        )
    }
}
