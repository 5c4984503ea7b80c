import ArchiveModel

/// The annotations to weave into an article's text, per text unit (as `Article.textUnits` counts
/// them): entity mentions, where each entity's page is, and the pieces of quotations.
public struct BodyAnnotations: Sendable {
    /// A quotation's piece in one paragraph.
    public struct QuotePiece: Sendable {
        public var range: Range<Int>
        public var quote: Quotation
        /// The first piece carries the quotation's `id` (its permalink).
        public var isFirst: Bool
    }

    public var mentionsByUnit: [Int: [Mention]]
    public var quotesByUnit: [Int: [QuotePiece]]
    /// Site path of each entity's page, by id.
    public var entityPaths: [String: String]
    public var style: EntityLinkStyle
    /// The unit of the body's first paragraph or heading (`Article.leadingUnitCount`).
    public var firstBodyUnit: Int

    public init(
        mentionsByUnit: [Int: [Mention]] = [:], quotesByUnit: [Int: [QuotePiece]] = [:],
        entityPaths: [String: String] = [:], style: EntityLinkStyle = .all, firstBodyUnit: Int = 0
    ) {
        self.mentionsByUnit = mentionsByUnit
        self.quotesByUnit = quotesByUnit
        self.entityPaths = entityPaths
        self.style = style
        self.firstBodyUnit = firstBodyUnit
    }

    /// Body annotations from an article's enrichment; `units` are `Article.textUnits` and
    /// `leadingUnits` is `Article.leadingUnitCount`.
    public init(
        _ annotations: EntityAnnotations, quotes: [Quotation] = [], units: [TextUnit] = [], leadingUnits: Int,
        urls: SiteURLs, style: EntityLinkStyle
    ) {
        var byUnit: [Int: [Mention]] = [:]
        for mention in annotations.mentions where mention.unit >= leadingUnits {
            byUnit[mention.unit, default: []].append(mention)
        }
        var pieces: [Int: [QuotePiece]] = [:]
        // Each unit's length, counted once: counted per quotation, a long paragraph full of
        // quotations cost time in the square of its length.
        var lengths: [Int: Int] = [:]
        for quote in quotes {
            for unit in quote.start.unit...quote.end.unit where unit < units.count {
                let length =
                    lengths[unit]
                    ?? {
                        let counted = units[unit].text.unicodeScalars.count
                        lengths[unit] = counted
                        return counted
                    }()
                let from = unit == quote.start.unit ? quote.start.offset : Self.leadingSpace(units[unit].text)
                let to = unit == quote.end.unit ? quote.end.offset : length
                guard from < to else { continue }
                pieces[unit, default: []].append(
                    QuotePiece(range: from..<to, quote: quote, isFirst: unit == quote.start.unit))
            }
        }
        var paths: [String: String] = [:]
        for item in annotations.entities {
            paths[item.entity.id] = urls.path(urls.entity(item.entity.type, item.entity.id))
        }
        self.init(
            mentionsByUnit: byUnit, quotesByUnit: pieces, entityPaths: paths, style: style, firstBodyUnit: leadingUnits)
    }

    /// A continuation paragraph's piece starts after its opening mark.
    private static func leadingSpace(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, " \u{201C}\"\u{2018}\u{2019}'".unicodeScalars.contains(scalars[index]) {
            index += 1
        }
        return index
    }

    public static let none = BodyAnnotations(style: .none)
}

/// Writes the text of one paragraph or heading with its quotations wrapped in `<q>` and its mentions
/// in links, keeping count of the plain-text offset exactly as `Inline.plainText` does. A quotation
/// that crosses emphasis or a link is written as one `<q>` per text run, sharing `data-quote`.
struct MentionWeaver {
    let mentions: [Mention]
    let pieces: [BodyAnnotations.QuotePiece]
    let annotations: BodyAnnotations
    /// Entities already linked earlier in the article.
    var seen: Set<String>
    /// Quotations whose permalink id has been written.
    var anchored: Set<String>
    private(set) var offset = 0

    /// The first piece and mention that may still reach the text to come (those before end
    /// before it): the text of a paragraph comes in order, so each is passed over once.
    private var pieceCursor = 0
    private var mentionCursor = 0

    init(unit: Int, annotations: BodyAnnotations, seen: Set<String>, anchored: Set<String>) {
        // In order of where they start, as the cursors need them.
        self.mentions = (annotations.mentionsByUnit[unit] ?? []).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        self.pieces = (annotations.quotesByUnit[unit] ?? []).sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        self.annotations = annotations
        self.seen = seen
        self.anchored = anchored
    }

    /// Writes escaped text, wrapping the parts covered by quotations and mentions. Linear in the
    /// text and the annotations it holds: the pieces and mentions are walked with cursors, never
    /// searched from the start (a paragraph of a megabyte holds thousands of each).
    mutating func write(text: String, insideLink: Bool, into out: inout String) {
        let length = text.unicodeScalars.count
        let start = offset
        offset += length
        let linking = !insideLink && annotations.style != .none
        while pieceCursor < pieces.count, pieces[pieceCursor].range.upperBound <= start { pieceCursor += 1 }
        while mentionCursor < mentions.count, mentions[mentionCursor].end <= start { mentionCursor += 1 }
        // Those that begin before this text ends (and do not end before it starts).
        let pieceEnd = pieces[pieceCursor...].firstIndex { $0.range.lowerBound >= offset } ?? pieces.count
        let mentionEnd = linking ? mentions[mentionCursor...].firstIndex { $0.start >= offset } ?? mentions.count : 0
        let here = pieces[pieceCursor..<pieceEnd].lazy.filter { $0.range.upperBound > start }
        let named = mentions[min(mentionCursor, mentionEnd)..<mentionEnd].lazy.filter { $0.end > start }
        // Plain text, the most common case: escaped whole.
        if here.isEmpty && named.isEmpty {
            out += HTMLEscaping.escape(text)
            return
        }
        // Where a quotation piece or a mention begins or ends inside this text.
        var bounds = [0, length]
        for piece in here {
            bounds.append(max(0, piece.range.lowerBound - start))
            bounds.append(min(length, piece.range.upperBound - start))
        }
        for mention in named {
            bounds.append(max(0, mention.start - start))
            bounds.append(min(length, mention.end - start))
        }
        bounds.sort()
        let scalars = Array(text.unicodeScalars)
        var openQuote: String?
        var nextPiece = pieceCursor
        var nextMention = mentionCursor
        for (from, to) in zip(bounds, bounds.dropFirst()) where from < to {
            let (lower, upper) = (start + from, start + to)
            while nextPiece < pieceEnd, pieces[nextPiece].range.upperBound <= lower { nextPiece += 1 }
            while nextMention < mentionEnd, mentions[nextMention].end <= lower { nextMention += 1 }
            let piece = pieces[nextPiece..<pieceEnd].prefix { $0.range.lowerBound <= lower }
                .first { upper <= $0.range.upperBound }
            if openQuote != piece?.quote.id {
                if openQuote != nil { out += "</q>" }
                openQuote = piece.map { quoteTag($0, into: &out) }
            }
            let textPiece = HTMLEscaping.escape(String(scalars: scalars[from..<to]))
            let mention =
                nextMention < mentionEnd
                ? mentions[nextMention..<mentionEnd].prefix { $0.start <= lower }.first { upper <= $0.end } : nil
            guard linking, let mention, let path = annotations.entityPaths[mention.entity] else {
                out += textPiece
                continue
            }
            let first = !seen.contains(mention.entity)
            if mention.end <= upper { seen.insert(mention.entity) }
            if first || annotations.style == .all {
                let className = first ? "mention mention-first" : "mention"
                out +=
                    "<a class=\"\(className)\" href=\"\(HTMLEscaping.escape(path))\" data-entity=\"\(HTMLEscaping.escape(mention.entity))\">\(textPiece)</a>"
            } else {
                out += textPiece
            }
        }
        if openQuote != nil { out += "</q>" }
    }

    /// Opens a `<q>` for a quotation piece; the first piece of a quotation gets its permalink id.
    private mutating func quoteTag(_ piece: BodyAnnotations.QuotePiece, into out: inout String) -> String {
        let quote = piece.quote
        var tag = "<q class=\"quote quote-\(quote.kind.rawValue)\" data-quote=\"\(quote.id)\""
        if piece.isFirst && !anchored.contains(quote.id) {
            tag += " id=\"\(quote.id)\""
            anchored.insert(quote.id)
        }
        if let speaker = quote.speaker?.entity { tag += " data-speaker=\"\(HTMLEscaping.escape(speaker))\"" }
        if let who = quote.speaker?.name ?? quote.speaker?.description {
            tag += " title=\"\(HTMLEscaping.escape(who))\""
        }
        out += tag + ">"
        return quote.id
    }

    /// A lead unit (headline, standfirst) as HTML: its quotations marked, no entity links.
    static func leadHTML(unit: Int, text: String, annotations: BodyAnnotations) -> String {
        var plain = annotations
        plain.style = .none
        var weaver = MentionWeaver(unit: unit, annotations: plain, seen: [], anchored: [])
        var out = ""
        weaver.write(text: text, insideLink: false, into: &out)
        return out
    }

    /// Advances past text that is not written as text (a line break, a code span).
    mutating func skip(_ count: Int) { offset += count }
}
