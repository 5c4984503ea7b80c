import ArchiveModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension BuildCacheFile {
    /// How a save went: segments kept from the cache the build started from (left where they were
    /// when `appended`, otherwise copied), and encoded anew.
    struct Saved: Equatable {
        var copied: Int
        var encoded: Int
        var appended: Bool
    }

    /// Writes the committed state of `cache` after a good build (see `BuildCacheFile` for the
    /// layout). A segment whose articles are the same as in the cache the build was restored from,
    /// none of them stored again since, is kept: the new segments, tail and footer are appended to
    /// that file (retired while the build changed the output) while at most half of it would be
    /// stale; otherwise a new file is written and such segments copied into it. The others are
    /// encoded a few at a time, in parallel. A failure only costs the next build its shortcut.
    @discardableResult
    static func save(
        _ cache: BuildCache, paths: [String], pageFiles: [String: [String]], outputFiles: [String],
        feedPaths: [String] = [], for output: URL
    ) async -> Saved? {
        let snapshot = cache.snapshot(paths: paths)
        guard let context = snapshot.context, let templates = snapshot.templates else { return nil }
        let paths = snapshot.paths
        let runs = segmentRuns(paths)
        let source = snapshot.source.flatMap { $0.context == context && $0.templates == templates ? $0 : nil }
        let copies: [Segment?] = runs.map { run in
            guard let source, let old = source.segments[paths[run.lowerBound]], old.count == run.count,
                old.last == paths[run.upperBound - 1], !paths[run].contains(where: snapshot.changed.contains)
            else { return nil }
            return old
        }

        let url = location(for: output)
        let retired = retiredLocation(for: output)
        // Appended to the file the build read, while most of it is current; otherwise written afresh.
        let appending = source.flatMap { Self.openForAppending(retired, source: $0) }
        let temporary = url.appendingPathExtension("new")
        let descriptor: Int32
        if let appending {
            descriptor = appending
        } else {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
        }
        var file = PartWriter(descriptor: descriptor, offset: appending == nil ? 0 : source?.size ?? 0)
        let headerExtent: Extent
        if appending != nil, let source {
            headerExtent = source.header
        } else {
            var header = CacheWriter()
            header.raw(magic)
            header.int(formatVersion)
            header.string(BuildManifest.binaryIdentity)
            header.int(context)
            header.int(templates)
            headerExtent = file.write(header.bytes)
        }
        var segments: [Segment] = []
        segments.reserveCapacity(runs.count)
        // A few segments at a time, so that a full save never holds the whole encoded cache.
        let batch = 4 * ProcessInfo.processInfo.activeProcessorCount
        for first in stride(from: 0, to: runs.count, by: batch) {
            let window = Array(first..<min(first + batch, runs.count))
            let encoded = await concurrentMap(window.filter { copies[$0] == nil }, limit: batch) { index in
                var writer = CacheWriter()
                for (path, entry) in cache.entries(paths[runs[index]]) { writer.entry(path, entry) }
                return writer.bytes
            }
            var next = encoded.makeIterator()
            for index in window {
                let run = runs[index]
                let extent: Extent
                if let old = copies[index], let source {
                    extent = appending == nil ? file.copy(old.extent, from: source.descriptor) : old.extent
                } else {
                    extent = file.write(next.next()!)
                }
                segments.append(
                    Segment(
                        extent: extent, count: run.count, first: paths[run.lowerBound],
                        last: paths[run.upperBound - 1]))
            }
        }
        let tail = file.write(
            Tail(
                bodies: snapshot.bodies.map { ($0.key, $0.value) }, feedPaths: feedPaths,
                pageFiles: pageFiles.map { ($0.key, $0.value) }, outputFiles: outputFiles,
                rowFiles: snapshot.rowFiles.map { ($0.key, $0.value) }
            ).bytes)
        file.finish(header: headerExtent, segments: segments, tail: tail)
        let failed = file.failed || close(descriptor) != 0
        let written = appending == nil ? temporary : retired
        if failed || rename(written.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: written)
            return nil
        }
        if appending == nil { unlink(retired.path) }
        let copied = copies.count { $0 != nil }
        return Saved(copied: copied, encoded: runs.count - copied, appended: appending != nil)
    }

    /// Appends new versions of some segments (by position, with all their articles, in order) and
    /// of the tail, if given, to the cache file `opened` was read from, retired since, and a footer
    /// that points at them and at the other parts where they are; then puts the file back in place.
    /// False when the file is no longer as it was read or a write fails (the next build is then a
    /// whole one).
    static func replace(
        _ replaced: [Int: [(String, BuildCache.Entry)]], tail: Tail?, in opened: Opened, for output: URL
    ) -> Bool {
        let retired = retiredLocation(for: output)
        guard let descriptor = openForAppending(retired, source: opened.source) else { return false }
        var file = PartWriter(descriptor: descriptor, offset: opened.source.size)
        var segments = opened.segments
        for index in replaced.keys.sorted() {
            guard let entries = replaced[index], entries.count == segments[index].count,
                entries.first?.0 == segments[index].first, entries.last?.0 == segments[index].last
            else {
                close(descriptor)
                return false
            }
            var writer = CacheWriter()
            for (path, entry) in entries { writer.entry(path, entry) }
            segments[index].extent = file.write(writer.bytes)
        }
        let tailExtent = tail.map { file.write($0.bytes) } ?? opened.tail
        file.finish(header: opened.source.header, segments: segments, tail: tailExtent)
        let failed = file.failed || close(descriptor) != 0
        return !failed && rename(retired.path, location(for: output).path) == 0
    }

    /// The retired cache file open for appending, if it is the file `source` was read from, as it
    /// was read, and no more than half of it is parts later saves replaced.
    private static func openForAppending(_ retired: URL, source: Source) -> Int32? {
        guard source.size <= 2 * source.live else { return nil }
        let descriptor = open(retired.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var opened = stat()
        var read = stat()
        guard fstat(descriptor, &opened) == 0, fstat(source.descriptor, &read) == 0, opened.st_dev == read.st_dev,
            opened.st_ino == read.st_ino, Int(opened.st_size) == source.size
        else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// The positions of each segment's paths.
    static func segmentRuns(_ paths: [String]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for (position, path) in paths.enumerated() where endsSegment(path) {
            runs.append(start..<position + 1)
            start = position + 1
        }
        if start < paths.count { runs.append(start..<paths.count) }
        return runs
    }

    /// Appends parts to a new cache file, keeping count of where each goes.
    struct PartWriter {
        let descriptor: Int32
        private(set) var offset = 0
        private(set) var failed = false

        init(descriptor: Int32, offset: Int = 0) {
            self.descriptor = descriptor
            self.offset = offset
        }

        mutating func write(_ bytes: [UInt8]) -> Extent {
            var checksum = Checksum()
            checksum.combine(bytes)
            let extent = Extent(offset: offset, length: bytes.count, checksum: checksum.value)
            if !failed { failed = bytes.withUnsafeBytes { FileIO.write($0, to: descriptor) } != nil }
            offset += bytes.count
            return extent
        }

        /// Ends the file: the footer, saying where each part is, then its place and checksum.
        mutating func finish(header: Extent, segments: [Segment], tail: Extent) {
            var footer = CacheWriter()
            footer.extent(header)
            footer.array(segments) { $0.segment($1) }
            footer.extent(tail)
            let extent = write(footer.bytes)
            var trailer = CacheWriter()
            trailer.int(extent.offset)
            trailer.uint64(extent.checksum)
            _ = write(trailer.bytes)
        }

        /// Copies a checked part of another cache file.
        mutating func copy(_ part: Extent, from source: Int32) -> Extent {
            if !failed {
                failed = FileIO.copy(from: source, offset: part.offset, length: part.length, to: descriptor) != nil
            }
            defer { offset += part.length }
            return Extent(offset: offset, length: part.length, checksum: part.checksum)
        }
    }
}
