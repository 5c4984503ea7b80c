import ArchiveModel
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

/// Reads what `CacheWriter` wrote; anything out of place (a cut-off file, a count beyond the end,
/// an unknown case) throws `CacheReader.Corrupt`, and the cache is not used.
struct CacheReader {
    struct Corrupt: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    /// Reads `bytes`, which must outlive the reader.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(Corrupt) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func double() throws(Corrupt) -> Double { Double(bitPattern: try uint64()) }

    mutating func string() throws(Corrupt) -> String {
        let count = try int()
        guard count >= 0, bytes.count - offset >= count else { throw Corrupt() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    mutating func raw(count: Int) throws(Corrupt) -> [UInt8] {
        guard bytes.count - offset >= count else { throw Corrupt() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A count of items, each taking at least one byte: a count beyond the bytes left is corrupt.
    mutating func count() throws(Corrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
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
    mutating func summary(_ summary: ArticleSummary) {
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
            writer.optional(quote.anchor) { writer, anchor in
                writer.int(anchor.start)
                writer.int(anchor.end)
                // Most often the quoted words as they are in the file: not stored twice.
                writer.optional(anchor.exact == quote.fullText ? nil : anchor.exact) { $0.string($1) }
                writer.string(anchor.prefix)
                writer.string(anchor.suffix)
            }
        }
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
