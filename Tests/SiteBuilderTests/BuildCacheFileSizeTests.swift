import Foundation
import SiteIndex
import Testing

@testable import SiteBuilder

#if canImport(Glibc)
    import Glibc
#endif

/// The cache on disk reads back whatever the number of articles. Reading used to loop up to the
/// capacity of the array it filled, which the allocator rounds up for large arrays (100,022 for
/// 100,000), and every cache of such a size was taken for damaged.
struct BuildCacheFileSizeTests {
    @Test func aCacheReadsBackWhenTheArrayForItsArticlesIsRoundedUp() async throws {
        #if canImport(Glibc)
            // glibc maps arrays above a threshold as whole pages (so their capacity is rounded up),
            // but moves the threshold as memory is freed; a fixed one makes this test repeatable.
            // mallopt is not in Swift's Glibc module; M_MMAP_THRESHOLD is -3 in malloc.h.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            if let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") {
                _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 64 * 1024)
            }
        #endif
        // A count whose array the allocator makes larger than asked, when it does (alone in its
        // process, with the fixed threshold, it always did here; with other tests freeing memory
        // around it, not always): the save and load are checked either way.
        let rounded = (1500...6000).first { count in
            var probe: [(String, BuildCache.Entry)] = []
            probe.reserveCapacity(count)
            return probe.capacity > count
        }
        let count = rounded ?? 1500
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(
                atPath: output.appendingPathComponent(OutputStage.marker).path, contents: Data()))
        let entries = (0..<count).map { number in
            (
                "Content/articles/\(number).md",
                BuildCache.Entry(
                    stamp: FileStamp(size: 100, seconds: number, nanoseconds: 0, change: number * 7),
                    digest: UInt64(number),
                    outcome: ArticleJob.Outcome(summary: nil, diagnostics: [], isSkippedDraft: true), templates: 7,
                    source: nil)
            )
        }
        let cache = BuildCache(keepsSources: false)
        cache.begin(context: 1, templates: 7)
        for (path, entry) in entries { cache.store(entry, for: path) }
        cache.commit(index: SiteIndex(summaries: []), paths: entries.map(\.0), keeping: nil, outcomes: [])
        await BuildCacheFile.save(
            cache, paths: entries.map(\.0), pageFiles: [:], outputFiles: ["index.html"], for: output)
        switch await BuildCacheFile.load(
            for: output, context: 1, templates: 7, index: { SiteIndex(summaries: $0, hashes: $1, dataHashes: $2) })
        {
        case .success(let restored):
            #expect(restored.outputFiles == ["index.html"])
            #expect(restored.cache.hasEntry(for: "Content/articles/\(count - 1).md"))
            #expect(!restored.cache.hasEntry(for: "Content/articles/\(count).md"))
        case .failure(let miss):
            Issue.record("a cache of \(count) articles was not read back: \(miss)")
        }
    }
}
