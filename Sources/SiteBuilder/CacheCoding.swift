import ArchiveModel
import Foundation
import SiteIndex

/// Appends values to the bytes of a cache file: integers little-endian in eight bytes, strings as
/// a length and UTF-8, optionals and arrays behind a flag or a count. `CacheReader` reads them back
/// in the same order.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// Takes the bytes written so far, all of them or (`keepingAlignment`) a multiple of eight,
    /// leaving the rest to come first in the next chunk.
    mutating func drain(keepingAlignment: Bool) -> [UInt8] {
        let count = keepingAlignment ? bytes.count - bytes.count % 8 : bytes.count
        let chunk = Array(bytes[..<count])
        bytes.removeFirst(count)
        return chunk
    }

    mutating func double(_ value: Double) { uint64(value.bitPattern) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Value>(_ values: [Value], _ write: (inout CacheWriter, Value) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote from a cache file, a megabyte at a time (mapping a 700 MB cache
/// of 100,000 articles whole made its pages part of the build's peak memory), checking the
/// checksum of what it read against the file's last eight bytes in `finish`. Anything out of place
/// (a cut-off file, a count beyond the end, an unknown case, a wrong checksum) throws
/// `CacheReader.Corrupt`, and the cache is not used.
struct CacheReader {
    struct Corrupt: Error {}

    private let descriptor: Int32
    /// Read from the file; `buffer[position...]` not yet consumed.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes before the checksum not yet read from the file.
    private var unread: Int
    private var checksum = Checksum()

    /// Reads the open file `descriptor` of `size` bytes, whose last eight are the checksum.
    init(descriptor: Int32, size: Int) throws(Corrupt) {
        guard size >= 8 else { throw Corrupt() }
        self.descriptor = descriptor
        unread = size - 8
    }

    /// Bytes left before the checksum.
    private var remaining: Int { buffer.count - position + unread }

    /// Makes `count` bytes available at `position`.
    private mutating func need(_ count: Int) throws(Corrupt) {
        if buffer.count - position >= count { return }
        guard count <= remaining else { throw Corrupt() }
        buffer.removeFirst(position)
        position = 0
        // Chunks of a multiple of eight bytes but the last, as the checksum takes them.
        let wanted = (max(count - buffer.count, 1 << 20) + 7) & ~7
        let chunk = try read(min(unread, wanted))
        checksum.combine(chunk)
        buffer += chunk
        unread -= chunk.count
    }

    private func read(_ count: Int) throws(Corrupt) -> [UInt8] {
        var failed = false
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
            while initialized < count {
                let got = Foundation.read(descriptor, bytes.baseAddress! + initialized, count - initialized)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    failed = true
                    return
                }
                initialized += got
            }
        }
        guard !failed else { throw Corrupt() }
        return chunk
    }

    /// Checks that everything was read and the checksum holds.
    mutating func finish() throws(Corrupt) {
        guard position == buffer.count, unread == 0 else { throw Corrupt() }
        let trailer = try read(8)
        let stored = trailer.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard stored == checksum.value else { throw Corrupt() }
    }

    mutating func int() throws(Corrupt) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        try need(8)
        defer { position += 8 }
        return buffer.withUnsafeBytes {
            UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        }
    }

    mutating func bool() throws(Corrupt) -> Bool {
        try need(1)
        guard buffer[position] <= 1 else { throw Corrupt() }
        position += 1
        return buffer[position - 1] == 1
    }

    mutating func double() throws(Corrupt) -> Double { Double(bitPattern: try uint64()) }

    mutating func string() throws(Corrupt) -> String {
        let count = try int()
        guard count >= 0 else { throw Corrupt() }
        try need(count)
        defer { position += count }
        return String(decoding: buffer[position..<position + count], as: UTF8.self)
    }

    mutating func raw(count: Int) throws(Corrupt) -> [UInt8] {
        try need(count)
        defer { position += count }
        return Array(buffer[position..<position + count])
    }

    /// A count of items, each taking at least one byte: a count beyond the bytes left is corrupt.
    mutating func count() throws(Corrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= remaining else { throw Corrupt() }
        return count
    }

    mutating func optional<Value>(_ read: (inout CacheReader) throws(Corrupt) -> Value) throws(Corrupt) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Value>(_ read: (inout CacheReader) throws(Corrupt) -> Value) throws(Corrupt) -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func rawValue<Value: RawRepresentable<String>>(_: Value.Type) throws(Corrupt) -> Value {
        guard let value = Value(rawValue: try string()) else { throw Corrupt() }
        return value
    }
}

// MARK: - The model types a cache keeps

extension CacheWriter {
    /// Digests of what a summary holds, the same in every process (unlike `hashValue`), from one
    /// encoding: `page`, all but where its quotations are in the file; `data`, that and the places.
    static func digests(_ summary: ArticleSummary) -> (page: Int, data: Int) {
        var writer = CacheWriter()
        writer.summary(summary, anchors: false)
        var hasher = StableHasher()
        hasher.combine(bytes: writer.bytes)
        let page = hasher.finalize()
        var anchors = CacheWriter()
        for quote in summary.quotes { anchors.optional(quote.anchor) { $0.anchor($1, of: quote) } }
        hasher.combine(bytes: anchors.bytes)
        return (Int(truncatingIfNeeded: page), Int(truncatingIfNeeded: hasher.finalize()))
    }

    mutating func summary(_ summary: ArticleSummary, anchors: Bool = true) {
        string(summary.slug)
        string(summary.title)
        optional(summary.date) { $0.date($1) }
        optional(summary.updated) { $0.date($1) }
        array(summary.authors) { $0.string($1) }
        optional(summary.standfirst) { $0.string($1) }
        array(summary.tags) { $0.string($1) }
        optional(summary.publication) { $0.string($1) }
        string(summary.path)
        array(summary.entities) { writer, entity in
            writer.string(entity.id)
            writer.string(entity.type.rawValue)
            writer.string(entity.name)
            writer.int(entity.mentions)
            writer.string(entity.context)
        }
        array(summary.quotes) { writer, quote in
            writer.string(quote.id)
            writer.string(quote.fullText)
            writer.string(quote.kind.rawValue)
            writer.optional(quote.speakerID) { $0.string($1) }
            writer.optional(quote.speakerName) { $0.string($1) }
            writer.optional(quote.speakerDescription) { $0.string($1) }
            writer.optional(anchors ? quote.anchor : nil) { $0.anchor($1, of: quote) }
        }
    }

    private mutating func anchor(_ anchor: QuoteAnchor, of quote: QuoteRef) {
        int(anchor.start)
        int(anchor.end)
        // Most often the quoted words as they are in the file: not stored twice.
        optional(anchor.exact == quote.fullText ? nil : anchor.exact) { $0.string($1) }
        string(anchor.prefix)
        string(anchor.suffix)
    }

    mutating func date(_ date: ArticleDate) {
        int(date.year)
        int(date.month)
        int(date.day)
        double(date.instant)
        bool(date.hasTime)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.file)
        optional(diagnostic.line) { $0.int($1) }
        optional(diagnostic.column) { $0.int($1) }
        string(diagnostic.severity.rawValue)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
    }
}

extension CacheReader {
    mutating func summary() throws(Corrupt) -> ArticleSummary {
        ArticleSummary(
            slug: try string(), title: try string(), date: try optional { reader throws(Corrupt) in try reader.date() },
            updated: try optional { reader throws(Corrupt) in try reader.date() },
            authors: try array { reader throws(Corrupt) in try reader.string() },
            standfirst: try optional { reader throws(Corrupt) in try reader.string() },
            tags: try array { reader throws(Corrupt) in try reader.string() },
            publication: try optional { reader throws(Corrupt) in try reader.string() }, path: try string(),
            entities: try array { reader throws(Corrupt) in
                EntityRef(
                    id: try reader.string(), type: try reader.rawValue(EntityType.self), name: try reader.string(),
                    mentions: try reader.int(), shortenedContext: try reader.string())
            },
            quotes: try array { reader throws(Corrupt) in try reader.quote() })
    }

    private mutating func quote() throws(Corrupt) -> QuoteRef {
        let id = try string()
        let fullText = try string()
        return QuoteRef(
            id: id, fullText: fullText, kind: try rawValue(QuoteKind.self),
            speakerID: try optional { reader throws(Corrupt) in try reader.string() },
            speakerName: try optional { reader throws(Corrupt) in try reader.string() },
            speakerDescription: try optional { reader throws(Corrupt) in try reader.string() },
            anchor: try optional { reader throws(Corrupt) in
                QuoteAnchor(
                    start: try reader.int(), end: try reader.int(),
                    exact: try reader.optional { reader throws(Corrupt) in try reader.string() } ?? fullText,
                    prefix: try reader.string(), suffix: try reader.string())
            })
    }

    mutating func date() throws(Corrupt) -> ArticleDate {
        ArticleDate(year: try int(), month: try int(), day: try int(), instant: try double(), hasTime: try bool())
    }

    mutating func diagnostic() throws(Corrupt) -> Diagnostic {
        Diagnostic(
            file: try string(), line: try optional { reader throws(Corrupt) in try reader.int() },
            column: try optional { reader throws(Corrupt) in try reader.int() },
            severity: try rawValue(Diagnostic.Severity.self), message: try string(),
            hint: try optional { reader throws(Corrupt) in try reader.string() })
    }
}

/// A quick checksum of a cache file, eight bytes at a time (the writer hands it chunks whose
/// length is a multiple of eight, all but the last).
struct Checksum {
    private(set) var value: UInt64 = 0x9e37_79b9_7f4a_7c15

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    mutating func combine(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < raw.count {
            mix(UInt64(raw[offset]))
            offset += 1
        }
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x100_0000_01b3
        value = (value << 29) | (value >> 35)
    }
}
