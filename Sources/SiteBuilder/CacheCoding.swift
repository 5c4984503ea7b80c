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

    /// Numbers in four bytes each, behind their count.
    mutating func uint32s(_ values: [UInt32]) {
        int(values.count)
        values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
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

/// Reads back what `CacheWriter` wrote, from one part of a cache file read whole (see
/// `BuildCacheFile`: each part is checked against its checksum first). Anything out of place (a
/// cut-off part, a count beyond the end, an unknown case, bytes left over) throws
/// `CacheReader.Corrupt`, and the cache is not used.
struct CacheReader {
    struct Corrupt: Error {}

    private let buffer: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        buffer = bytes
    }

    /// Bytes not yet read.
    private var remaining: Int { buffer.count - position }

    private func need(_ count: Int) throws(Corrupt) {
        guard count <= remaining else { throw Corrupt() }
    }

    /// Checks that every byte was read.
    func finish() throws(Corrupt) {
        guard remaining == 0 else { throw Corrupt() }
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
        return buffer.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + count]), as: UTF8.self)
        }
    }

    mutating func raw(count: Int) throws(Corrupt) -> [UInt8] {
        try need(count)
        defer { position += count }
        return Array(buffer[position..<position + count])
    }

    mutating func uint32s() throws(Corrupt) -> [UInt32] {
        let count = try int()
        guard count >= 0, count <= remaining / 4 else { throw Corrupt() }
        defer { position += 4 * count }
        return buffer.withUnsafeBytes { raw in
            (0..<count).map {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position + 4 * $0, as: UInt32.self))
            }
        }
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

/// A quick checksum of a part of a cache file, eight bytes at a time.
struct Checksum {
    /// The digest of an article file's bytes, which the cache keeps to tell a file touched but
    /// not changed. Eight bytes at a time: FNV-1a byte by byte (`StableHasher`) was the largest
    /// cost of serve's start from build's cache, which checks every article's bytes.
    static func digest(of bytes: some ContiguousBytes) -> UInt64 {
        var checksum = Checksum()
        let count = bytes.withUnsafeBytes { raw in
            checksum.combine(raw)
            return raw.count
        }
        checksum.mix(UInt64(count))
        return checksum.value
    }

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
