import ArchiveModel
import Foundation
import SiteIndex
import TestSupport
import Testing

@testable import SiteBuilder

/// The cache file: what the writer wrote is read back; a save after a few articles changed copies
/// the other segments from the last file and gives the very bytes a save from scratch gives; and a
/// file with any byte changed is refused.
struct CacheCodingTests {
    let strings = (0..<3000).map { String(repeating: "é", count: $0 % 37) + "\($0)" }

    /// An article file's digest tells any edit: a byte changed anywhere, one added or removed.
    @Test func anArticlesDigestChangesWithAnyEdit() {
        let text = Array(
            "---\ntitle: \"Council keeps the library\"\n---\n\n\u{201C}We listened,\u{201D} said Ms Ellery.\n".utf8)
        let digest = Checksum.digest(of: text)
        #expect(Checksum.digest(of: Data(text)) == digest)
        var digests: Set = [digest]
        for position in text.indices {
            var edited = text
            edited[position] ^= 0x01
            digests.insert(Checksum.digest(of: edited))
        }
        digests.insert(Checksum.digest(of: text + [0]))
        digests.insert(Checksum.digest(of: Array(text.dropLast())))
        digests.insert(Checksum.digest(of: [UInt8]()))
        #expect(digests.count == text.count + 4)
    }

    @Test func whatWasWrittenIsReadBackAndNothingBeyondIt() throws {
        var writer = CacheWriter()
        writer.array(strings) { $0.string($1) }
        writer.int(-42)
        writer.bool(true)
        var reader = CacheReader(writer.bytes)
        #expect(try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() } == strings)
        #expect(try reader.int() == -42)
        #expect(try reader.bool())
        try reader.finish()
        #expect(throws: CacheReader.Corrupt.self) {
            var cut = CacheReader(Array(writer.bytes.dropLast()));
            _ = try cut.array { reader throws(CacheReader.Corrupt) in try reader.string() }; _ = try cut.int();
            _ = try cut.bool()
        }
        var early = CacheReader(writer.bytes)
        _ = try early.array { reader throws(CacheReader.Corrupt) in try reader.string() }
        #expect(throws: CacheReader.Corrupt.self) { try early.finish() }
    }

    /// A folder with a marked output, as the cache expects.
    func output() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(OutputStage.marker))
        return output
    }

    /// `count` articles with generated summaries, in path order.
    func entries(_ count: Int, seed: UInt64) -> [(String, BuildCache.Entry)] {
        var generated = GeneratedSummaries(seed: seed)
        return (0..<count).map { number in
            let path = "Content/articles/\(String(number + 100_000).dropFirst()).md"
            let summary = generated.summary(number, date: generated.date())
            let digests = CacheWriter.digests(summary)
            return (
                path,
                BuildCache.Entry(
                    stamp: FileStamp(size: 100, seconds: number, nanoseconds: 0, change: number * 7),
                    digest: UInt64(number),
                    outcome: ArticleJob.Outcome(
                        summary: summary, summaryHash: digests.data, pageHash: digests.page, diagnostics: []),
                    templates: 7, source: nil)
            )
        }
    }

    func restored(_ output: URL) async throws -> BuildCache {
        switch await BuildCacheFile.load(
            for: output, context: 1, templates: 7, index: { SiteIndex(summaries: $0, hashes: $1, dataHashes: $2) })
        {
        case .success(let restored): return restored.cache
        case .failure(let miss): throw miss
        }
    }

    /// Saves `entries` as a first build would (no cache to copy from); the file's bytes.
    func saveFromScratch(_ entries: [(String, BuildCache.Entry)], to output: URL) async throws -> [UInt8] {
        let cache = BuildCache(keepsSources: false)
        cache.begin(context: 1, templates: 7)
        for (path, entry) in entries { cache.store(entry, for: path) }
        cache.commit(index: SiteIndex(summaries: []), paths: entries.map(\.0), keeping: nil, outcomes: [])
        let saved = try #require(
            await BuildCacheFile.save(
                cache, paths: entries.map(\.0), pageFiles: ["index": ["index.html"]], outputFiles: ["index.html"],
                for: output))
        #expect(saved.copied == 0)
        return try [UInt8](Data(contentsOf: BuildCacheFile.location(for: output)))
    }

    @Test(arguments: ["changed", "added", "removed"])
    func aSaveCopiesUnchangedSegmentsAndWritesWhatASaveFromScratchWrites(edit: String) async throws {
        let output = try output()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        var entries = entries(1500, seed: 11)
        let segments = BuildCacheFile.segmentRuns(entries.map(\.0)).count
        #expect(segments > 5, "too few segments to tell copied from encoded")
        _ = try await saveFromScratch(entries, to: output)

        let cache = try await restored(output)
        #expect(cache.entry(for: entries[700].0)?.outcome.summary?.quotes == entries[700].1.outcome.summary?.quotes)
        cache.begin(context: 1, templates: 7)
        var replacement = self.entries(1, seed: 99)[0].1
        switch edit {
        case "changed":
            cache.store(replacement, for: entries[700].0)
            entries[700].1 = replacement
        case "added":
            replacement.stamp.seconds = -1
            entries.insert((entries[700].0 + "x", replacement), at: 701)
            cache.store(replacement, for: entries[701].0)
        default:
            entries.remove(at: 700)
        }
        let paths = entries.map(\.0)
        cache.commit(index: SiteIndex(summaries: []), paths: paths, keeping: Set(paths), outcomes: [])
        let saved = try #require(
            await BuildCacheFile.save(
                cache, paths: paths, pageFiles: ["index": ["index.html"]], outputFiles: ["index.html"], for: output))
        // The segment of the edited article is encoded again (with its neighbour when the edit moved
        // a cut); every other one is copied.
        #expect(saved.encoded >= 1 && saved.encoded <= 2, "\(saved)")
        #expect(saved.copied + saved.encoded == BuildCacheFile.segmentRuns(paths).count)
        let patched = try [UInt8](Data(contentsOf: BuildCacheFile.location(for: output)))
        #expect(patched == (try await saveFromScratch(entries, to: output)), "\(edit): not what a full save writes")
        let reread = try await restored(output)
        for (path, entry) in entries {
            #expect(reread.entry(for: path)?.stamp == entry.stamp)
        }
    }

    /// A build retires the cache before it changes the output; its save appends the changed
    /// segments to that file, until most of the file would be stale, when it writes a new one.
    @Test func savesAppendToTheCacheUntilMostOfItIsStale() async throws {
        let output = try output()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        var entries = entries(1500, seed: 21)
        _ = try await saveFromScratch(entries, to: output)
        var appended = 0
        var rewritten = 0
        for round in 0..<30 {
            let cache = try await restored(output)
            cache.begin(context: 1, templates: 7)
            let position = round * 373 % entries.count
            entries[position].1.stamp.seconds = -round
            cache.store(entries[position].1, for: entries[position].0)
            BuildCacheFile.retire(for: output)
            let paths = entries.map(\.0)
            cache.commit(index: SiteIndex(summaries: []), paths: paths, keeping: nil, outcomes: [])
            let saved = try #require(
                await BuildCacheFile.save(
                    cache, paths: paths, pageFiles: ["index": ["index.html"]], outputFiles: ["index.html"],
                    for: output))
            #expect(saved.encoded == 1, "round \(round)")
            if saved.appended {
                appended += 1
            } else {
                rewritten += 1
                let bytes = try [UInt8](Data(contentsOf: BuildCacheFile.location(for: output)))
                #expect(bytes == (try await saveFromScratch(entries, to: output)), "round \(round): rewritten wrongly")
            }
            #expect(!FileManager.default.fileExists(atPath: BuildCacheFile.retiredLocation(for: output).path))
            let reread = try await restored(output)
            #expect(entries.allSatisfy { reread.entry(for: $0.0)?.stamp == $0.1.stamp }, "round \(round)")
        }
        #expect(appended > 10 && rewritten > 0, "appended \(appended), rewritten \(rewritten)")
    }

    @Test(arguments: [0.0, 0.3, 0.7, 0.999])
    func aCacheWithAByteChangedIsRefused(at fraction: Double) async throws {
        let output = try output()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        var bytes = try await saveFromScratch(entries(600, seed: 5), to: output)
        let offset = min(Int(Double(bytes.count) * fraction) + 17, bytes.count - 1)
        bytes[offset] ^= 0x04
        try Data(bytes).write(to: BuildCacheFile.location(for: output))
        guard case .failure(let miss) = await BuildCacheFile.read(for: output) else {
            Issue.record("a cache with byte \(offset) of \(bytes.count) changed was read")
            return
        }
        #expect(miss.description == BuildCacheFile.Miss.corrupt.description)
    }
}
