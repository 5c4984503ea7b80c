import SiteIndex

/// A file that lists the archive article by article — a head, each article's rows (some have
/// none) with a separator between articles, a tail — so that after articles were edited in place
/// only their rows need making again and the rest can be copied from the last build's file: the
/// exports (`data/quotes.json` is 100 MB at 10,000 articles) and the search index.
///
/// `render` writes the whole file and says where each article's rows went (`RowLayout`); `patch`
/// gives, from that layout, the pieces of the file after an edit: new bytes and ranges of the old
/// file to copy. Both give the same bytes for the same index.
public struct ArticleRows: Sendable {
    /// How many articles the file lists.
    public let count: Int
    /// A hash of what the rows depend on beyond their own article (the entities' ranking, for
    /// the search index's quotations), 0 for nothing: a patch needs the same.
    public let dependency: Int
    /// Whether an article's rows show its position in the index (the search index's quotations
    /// name their article so): then they are copied only to the same position.
    public let positional: Bool
    let separator: [UInt8]
    /// The bytes before the first row, and after the last; `empty` when there are no rows at all.
    let head: @Sendable (_ empty: Bool) -> [UInt8]
    let tail: @Sendable (_ empty: Bool) -> [UInt8]
    /// Appends the rows of the article at a position, joined by the separator.
    let rows: @Sendable (_ position: Int, _ out: inout [UInt8]) -> Void

    init(
        count: Int, dependency: Int = 0, positional: Bool = false, separator: String,
        head: @escaping @Sendable (Bool) -> [UInt8], tail: @escaping @Sendable (Bool) -> [UInt8],
        rows: @escaping @Sendable (Int, inout [UInt8]) -> Void
    ) {
        self.count = count
        self.dependency = dependency
        self.positional = positional
        self.separator = Array(separator.utf8)
        self.head = head
        self.tail = tail
        self.rows = rows
    }

    /// The whole file, handed on about 64 KB at a time; where each article's rows went.
    public func render(emit: (String) -> Void) -> RowLayout {
        render(bytes: { emit(String(decoding: $0, as: UTF8.self)) })
    }

    /// The whole file as UTF-8, handed on about 64 KB at a time, each piece ending after a row
    /// (the row files are written as bytes: made into text, 1.8 GB of them were checked as UTF-8
    /// again at 100,000 articles); where each article's rows went.
    public func render(bytes emit: (UnsafeRawBufferPointer) -> Void) -> RowLayout {
        var out: [UInt8] = []
        out.reserveCapacity(2 * Self.chunk)
        var row: [UInt8] = []
        var lengths = [UInt32](repeating: 0, count: count)
        var headLength: Int?
        for position in 0..<count {
            row.removeAll(keepingCapacity: true)
            rows(position, &row)
            guard !row.isEmpty else { continue }
            if headLength == nil {
                let head = head(false)
                headLength = head.count
                out += head
            } else {
                out += separator
            }
            out += row
            lengths[position] = UInt32(row.count)
            if out.count >= Self.chunk {
                out.withUnsafeBytes(emit)
                out.removeAll(keepingCapacity: true)
            }
        }
        out += headLength == nil ? head(true) + tail(true) : tail(false)
        out.withUnsafeBytes(emit)
        return RowLayout(head: headLength ?? 0, lengths: lengths, dependency: dependency)
    }

    private static let chunk = 1 << 16

    /// The whole file as one string (tests, small archives).
    public func render() -> String {
        var text = ""
        _ = render { text += $0 }
        return text
    }

    /// For `patch(previous:sources:)`: where each article of `index` had its rows in files made
    /// from `last` — the position there of the same file when its summary is the same (the two
    /// indexes' data hashes agree) — or nil. Rows show their article and nothing else but the
    /// site's settings and `dependency`, which a patch checks.
    public static func sources(from last: SiteIndex, to index: SiteIndex) -> [Int?] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(last.articles.count)
        for (position, article) in last.articles.enumerated() { positions[article.path] = position }
        return index.articles.indices.map { position in
            guard let old = positions[index.articles[position].path],
                last.articleDataHash(old) == index.articleDataHash(position)
            else { return nil }
            return old
        }
    }

    /// The file from the `previous` file's layout when the article now at each position had its
    /// rows at `sources[position]` in that file (nil: made anew) — articles edited, added, removed
    /// or moved (`positional` rows only where they kept their place): the pieces to write in
    /// order, and the new layout. Rows of consecutive articles
    /// that were consecutive in the previous file are copied in one piece. Nil when the previous
    /// file cannot be patched (a source past its end, another dependency).
    public func patch(previous: RowLayout, sources: [Int?]) -> (pieces: [RowPiece], layout: RowLayout)? {
        guard sources.count == count, previous.dependency == dependency else { return nil }
        // Where each article's rows start in the previous file (for those that have rows).
        var offsets = [Int](repeating: 0, count: previous.lengths.count)
        var offset = previous.head
        for (position, length) in previous.lengths.enumerated() where length > 0 {
            offsets[position] = offset
            offset += Int(length) + separator.count
        }
        var pieces = RowPieces()
        var lengths = [UInt32](repeating: 0, count: count)
        var started = false
        var row: [UInt8] = []
        for position in 0..<count {
            if let source = sources[position], !positional || source == position {
                guard source >= 0, source < previous.lengths.count else { return nil }
                let length = Int(previous.lengths[source])
                lengths[position] = UInt32(length)
                guard length > 0 else { continue }
                if started, let end = pieces.copyEnd, end + separator.count == offsets[source] {
                    // Right after the last copied rows in both files: one copy, separator and all.
                    pieces.extendCopy(by: separator.count + length)
                } else {
                    pieces.append(started ? separator : head(false))
                    pieces.copy(offset: offsets[source], length: length)
                }
                started = true
            } else {
                row.removeAll(keepingCapacity: true)
                rows(position, &row)
                lengths[position] = UInt32(row.count)
                guard !row.isEmpty else { continue }
                pieces.append(started ? separator : head(false))
                pieces.append(row)
                started = true
            }
        }
        pieces.append(started ? tail(false) : head(true) + tail(true))
        let head = started ? self.head(false).count : 0
        return (pieces.finished, RowLayout(head: head, lengths: lengths, dependency: dependency))
    }
}

/// Where each article's rows are in a file of `ArticleRows`: the head's length and each
/// article's rows' (0 for none); kept by the build cache.
public struct RowLayout: Sendable, Equatable {
    public var head: Int
    public var lengths: [UInt32]
    public var dependency: Int

    public init(head: Int, lengths: [UInt32], dependency: Int) {
        self.head = head
        self.lengths = lengths
        self.dependency = dependency
    }
}

/// A piece of a patched file: new bytes, or a range of the previous file.
public enum RowPiece: Sendable, Equatable {
    case bytes([UInt8])
    case copy(offset: Int, length: Int)
}

/// Pieces gathered in order: bytes appended together, and copies of the previous file.
struct RowPieces {
    private var pieces: [RowPiece] = []
    private var bytes: [UInt8] = []
    private var copying: (offset: Int, length: Int)?

    /// Where the last piece ends in the previous file, when it is a copy.
    var copyEnd: Int? { bytes.isEmpty ? copying.map { $0.offset + $0.length } : nil }

    mutating func append(_ more: [UInt8]) {
        bytes += more
    }

    mutating func copy(offset: Int, length: Int) {
        flush()
        copying = (offset, length)
    }

    /// Makes the last copy longer (see `copyEnd`).
    mutating func extendCopy(by length: Int) {
        copying?.length += length
    }

    var finished: [RowPiece] {
        var copy = self
        copy.flush()
        return copy.pieces
    }

    private mutating func flush() {
        if let run = copying { pieces.append(.copy(offset: run.offset, length: run.length)) }
        copying = nil
        if !bytes.isEmpty { pieces.append(.bytes(bytes)) }
        bytes.removeAll()
    }
}
