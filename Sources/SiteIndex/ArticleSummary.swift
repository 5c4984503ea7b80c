import ArchiveModel
import Foundation

/// What cross-article pages need to know of an article: a few short fields, never its body, so
/// an index of 100,000 articles stays small. Immutable, and a class so that the many lists that hold
/// it (the cache, the index, each build's outcomes) share one copy: as a struct, copying its dozen
/// strings and arrays was a third of a 10,000-article rebuild.
public final class ArticleSummary: Sendable, Hashable {
    public let slug: String
    public let title: String
    public let date: ArticleDate?
    public let updated: ArticleDate?
    public let authors: [String]
    public let standfirst: String?
    public let tags: [String]
    public let publication: String?
    /// The source file, relative to the site folder.
    public let path: String
    /// The entities the article names, in order of first mention.
    public let entities: [EntityRef]
    /// The article's quotations, in reading order.
    public let quotes: [QuoteRef]

    public convenience init(
        _ metadata: ArticleMetadata, path: String, entities: [EntityRef] = [], quotes: [QuoteRef] = []
    ) {
        self.init(
            slug: metadata.slug, title: metadata.title, date: metadata.date, updated: metadata.updated,
            authors: metadata.authors, standfirst: metadata.standfirst, tags: metadata.tags,
            publication: metadata.publication, path: path, entities: entities, quotes: quotes)
    }

    /// Every field as given (a build cache restores summaries this way).
    public init(
        slug: String, title: String, date: ArticleDate?, updated: ArticleDate?, authors: [String],
        standfirst: String?, tags: [String], publication: String?, path: String, entities: [EntityRef],
        quotes: [QuoteRef]
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.updated = updated
        self.authors = authors
        self.standfirst = standfirst
        self.tags = tags
        self.publication = publication
        self.path = path
        self.entities = entities
        self.quotes = quotes
    }

    public static func == (lhs: ArticleSummary, rhs: ArticleSummary) -> Bool {
        lhs === rhs
            || (lhs.slug == rhs.slug && lhs.title == rhs.title && lhs.date == rhs.date && lhs.updated == rhs.updated
                && lhs.authors == rhs.authors && lhs.standfirst == rhs.standfirst && lhs.tags == rhs.tags
                && lhs.publication == rhs.publication && lhs.path == rhs.path && lhs.entities == rhs.entities
                && lhs.quotes == rhs.quotes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
        hasher.combine(title)
        hasher.combine(date)
        hasher.combine(updated)
        hasher.combine(authors)
        hasher.combine(standfirst)
        hasher.combine(tags)
        hasher.combine(publication)
        hasher.combine(path)
        hasher.combine(entities)
        hasher.combine(quotes)
    }

    /// Newest first; undated articles after every dated one, by title.
    public static func newestFirst(_ lhs: ArticleSummary, _ rhs: ArticleSummary) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (l?, r?): return l.instant != r.instant ? l.instant > r.instant : lhs.slug < rhs.slug
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none): return lhs.title != rhs.title ? lhs.title < rhs.title : lhs.slug < rhs.slug
        }
    }
}

/// An entity as an article summary keeps it: enough for entity pages, nothing more.
public struct EntityRef: Sendable, Hashable {
    public var id: String
    public var type: EntityType
    public var name: String
    public var mentions: Int
    /// The sentence of the first mention, shortened to `contextLimit` characters.
    public var context: String

    public static let contextLimit = 240

    public init(id: String, type: EntityType, name: String, mentions: Int, context: String) {
        self.init(id: id, type: type, name: name, mentions: mentions, shortenedContext: Self.shortened(context))
    }

    /// With a context sentence already shortened (a build cache restores references this way).
    public init(id: String, type: EntityType, name: String, mentions: Int, shortenedContext: String) {
        self.id = id
        self.type = type
        self.name = name
        self.mentions = mentions
        self.context = shortenedContext
    }

    public init(_ item: ArticleEntity) {
        self.init(
            id: item.entity.id, type: item.entity.type, name: item.entity.name, mentions: item.mentionCount,
            context: item.context)
    }

    /// Cuts long text at a word boundary (public for views that shorten text the same way).
    public static func shortenedText(_ text: String, limit: Int) -> String { shortened(text, limit: limit) }

    /// Cuts long text at a word boundary and marks the cut with an ellipsis.
    static func shortened(_ text: String, limit: Int = contextLimit) -> String {
        // No more UTF-8 bytes than the limit means no more characters: most text is that short, and
        // its byte count is known without walking it (`QuoteRef.text` shortens on every use).
        // Walks at most `limit` characters, not the whole text as counting it would.
        guard text.utf8.count > limit,
            let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
            limitIndex < text.endIndex
        else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

/// Where a quotation sits in its source file, for W3C Web Annotation selectors: offsets in Unicode
/// scalars from the start of the file (end exclusive), the file's text there, and a little of the
/// text on either side.
public struct QuoteAnchor: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var exact: String
    public var prefix: String
    public var suffix: String

    /// How much text `prefix` and `suffix` hold, in scalars.
    public static let contextLength = 32

    public init(start: Int, end: Int, exact: String, prefix: String, suffix: String) {
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// A quotation as an article summary keeps it, for the quote index, speaker pages and exports.
public struct QuoteRef: Sendable, Hashable {
    /// The permalink id in the article (`q3`).
    public var id: String
    /// The quoted words, paragraphs joined by a space.
    public var fullText: String
    public var kind: QuoteKind
    public var speakerID: String?
    public var speakerName: String?
    /// How the text describes an unnamed source.
    public var speakerDescription: String?
    /// Where it is in the source file; nil when the text could not be mapped back (never for files
    /// read by the build).
    public var anchor: QuoteAnchor?

    /// The quoted words, shortened to `textLimit` characters for lists.
    public var text: String { EntityRef.shortened(fullText, limit: Self.textLimit) }

    public static let textLimit = 300

    public init(
        id: String, fullText: String, kind: QuoteKind, speakerID: String?, speakerName: String?,
        speakerDescription: String?, anchor: QuoteAnchor?
    ) {
        self.id = id
        self.fullText = fullText
        self.kind = kind
        self.speakerID = speakerID
        self.speakerName = speakerName
        self.speakerDescription = speakerDescription
        self.anchor = anchor
    }

    public init(_ quote: Quotation, anchor: QuoteAnchor? = nil) {
        id = quote.id
        fullText = quote.text.joiningParagraphs
        kind = quote.kind
        speakerID = quote.speaker?.entity
        speakerName = quote.speaker?.name
        speakerDescription = quote.speaker?.description
        self.anchor = anchor
        // Most often the file has the quoted words as they are: one copy of them, shared, for
        // as long as the summary lives (1.1 million quotations at 100,000 articles).
        if anchor?.exact == fullText { self.anchor?.exact = fullText }
    }
}
