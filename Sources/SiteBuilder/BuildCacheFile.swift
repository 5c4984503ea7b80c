import ArchiveModel
import Foundation
import SiteIndex

/// `build`'s `BuildCache` on disk (`.Output.cache/articles`, next to the output folder), so that the
/// next `build` reads, enriches and renders only the articles that changed, and renders only the
/// cross-article pages that show them.
///
/// It holds, for each article, the file's stamp and content hash, its summary and warnings; the
/// feed bodies; the file of every cross-article page; every file of the output. Not the articles'
/// text or enrichment: a template change renders every article again from its file.
///
/// It is used only when every byte checks out (a checksum over the whole file), when it was written
/// by this very Broadsheet binary (path, size and modification time) and when the settings,
/// entities and templates are what they were; anything else means a full build, which writes a new
/// one. A build removes it before it changes the output, so a build stopped half-way never leaves
/// a cache describing an output that is not there.
enum BuildCacheFile {
    static let formatVersion = 4
    private static let magic = Array("broadsheet-cache\n".utf8)

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

    static func location(for output: URL) -> URL {
        BuildManifest.location(for: output).deletingLastPathComponent().appendingPathComponent("articles")
    }

    /// Forgets the cache, before a build changes the output it describes.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }

    /// Writes the committed state of `cache` after a good build, a megabyte at a time; a failure
    /// only costs the next build its shortcut.
    static func save(
        _ cache: BuildCache, paths: [String], pageFiles: [String: [String]], outputFiles: [String], for output: URL
    ) {
        let snapshot = cache.snapshot(paths: paths)
        guard let context = snapshot.context, let templates = snapshot.templates else { return }
        let url = location(for: output)
        let temporary = url.appendingPathExtension("new")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else { return }
        var writer = CacheWriter()
        var checksum = Checksum()
        var failed = false
        func flush(all: Bool) {
            guard !failed, all || writer.bytes.count >= 1 << 20 else { return }
            let chunk = writer.drain(keepingAlignment: !all)
            checksum.combine(chunk)
            do { try handle.write(contentsOf: chunk) } catch { failed = true }
        }
        writer.raw(magic)
        writer.int(formatVersion)
        writer.string(BuildManifest.binaryIdentity)
        writer.int(context)
        writer.int(templates)
        writer.int(snapshot.entries.count)
        for (path, entry) in snapshot.entries {
            writer.string(path)
            writer.int(Int(entry.stamp.size))
            writer.int(entry.stamp.seconds)
            writer.int(entry.stamp.nanoseconds)
            writer.uint64(entry.digest)
            writer.int(entry.templates)
            writer.bool(entry.outcome.isSkippedDraft)
            writer.int(entry.outcome.summaryHash)
            writer.int(entry.outcome.pageHash)
            writer.optional(entry.outcome.summary) { $0.summary($1) }
            writer.array(entry.outcome.diagnostics) { $0.diagnostic($1) }
            flush(all: false)
        }
        writer.array(snapshot.bodies.sorted(by: { $0.key < $1.key })) { writer, body in
            writer.string(body.key)
            writer.string(body.value)
        }
        writer.array(pageFiles.sorted(by: { $0.key < $1.key })) { writer, kind in
            writer.string(kind.key)
            writer.array(kind.value) { $0.string($1) }
        }
        flush(all: false)
        writer.array(outputFiles) { $0.string($1) }
        flush(all: true)
        var trailer = CacheWriter()
        trailer.uint64(checksum.value)
        do { try handle.write(contentsOf: trailer.bytes) } catch { failed = true }
        try? handle.close()
        if failed || rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// The cache the last good build into `output` left, if it is whole, was made by this binary
    /// from the same settings and templates. `index` makes the last build's site index again from
    /// its summaries.
    static func load(
        for output: URL, context: Int, templates: Int, index: ([ArticleSummary], [Int], [Int]) -> SiteIndex
    ) -> Result<Restored, Miss> {
        guard OutputStage.isMarked(output) else {
            return .failure(.noOutput)
        }
        let descriptor = open(location(for: output).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.none) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.none) }
        do throws(CacheReader.Corrupt) {
            var reader = try CacheReader(descriptor: descriptor, size: Int(info.st_size))
            guard try reader.raw(count: magic.count) == magic, try reader.int() == formatVersion else {
                return .failure(.corrupt)
            }
            guard try reader.string() == BuildManifest.binaryIdentity else { return .failure(.otherBinary) }
            guard try reader.int() == context, try reader.int() == templates else {
                return .failure(.otherInputs)
            }
            return .success(try restore(&reader, context: context, templates: templates, index: index))
        } catch {
            return .failure(.corrupt)
        }
    }

    private static func restore(
        _ reader: inout CacheReader, context: Int, templates: Int, index: ([ArticleSummary], [Int], [Int]) -> SiteIndex
    ) throws(CacheReader.Corrupt) -> Restored {
        var entries: [(String, BuildCache.Entry)] = []
        // The count read, not the array's capacity, which the allocator may round up: at 100,000
        // articles it read past the last entry and took every cache for damaged.
        let count = try reader.count()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let stamp = FileStamp(
                size: Int64(try reader.int()), seconds: try reader.int(), nanoseconds: try reader.int())
            let digest = try reader.uint64()
            let entryTemplates = try reader.int()
            let isSkippedDraft = try reader.bool()
            let summaryHash = try reader.int()
            let pageHash = try reader.int()
            let summary = try reader.optional { reader throws(CacheReader.Corrupt) in try reader.summary() }
            let diagnostics = try reader.array { reader throws(CacheReader.Corrupt) in try reader.diagnostic() }
            let outcome = ArticleJob.Outcome(
                summary: summary, summaryHash: summaryHash, pageHash: pageHash, diagnostics: diagnostics,
                isSkippedDraft: isSkippedDraft)
            entries.append(
                (
                    path,
                    BuildCache.Entry(
                        stamp: stamp, digest: digest, outcome: outcome, templates: entryTemplates, source: nil,
                        enrichment: nil)
                ))
        }
        let bodies = try reader.array { reader throws(CacheReader.Corrupt) in (try reader.string(), try reader.string())
        }
        let pageFiles = try reader.array { reader throws(CacheReader.Corrupt) in
            (try reader.string(), try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() })
        }
        let outputFiles = try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() }
        // Nothing of it is used unless the whole file checks out.
        try reader.finish()
        let outcomes = entries.map(\.1.outcome).filter { $0.summary != nil }
        let previous = index(outcomes.compactMap(\.summary), outcomes.map(\.pageHash), outcomes.map(\.summaryHash))
        let cache = BuildCache(
            restoring: entries, context: context, templates: templates, index: previous,
            bodies: Dictionary(bodies, uniquingKeysWith: { $1 }),
            pageFiles: Dictionary(pageFiles, uniquingKeysWith: { $1 }))
        return Restored(cache: cache, outputFiles: Set(outputFiles))
    }
}
