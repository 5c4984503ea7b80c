import ArchiveModel
import Foundation

/// What cross-article pages need to know of an article: a few short fields, never its body, so
/// an index of 100,000 articles stays small.
public struct ArticleSummary: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var date: ArticleDate?
    public var updated: ArticleDate?
    public var authors: [String]
    public var standfirst: String?
    public var tags: [String]
    public var publication: String?
    /// The source file, relative to the site folder.
    public var path: String
    /// The entities the article names, in order of first mention.
    public var entities: [EntityRef]
    /// The article's quotations, in reading order.
    public var quotes: [QuoteRef]

    public init(_ metadata: ArticleMetadata, path: String, entities: [EntityRef] = [], quotes: [QuoteRef] = []) {
        slug = metadata.slug
        title = metadata.title
        date = metadata.date
        updated = metadata.updated
        authors = metadata.authors
        standfirst = metadata.standfirst
        tags = metadata.tags
        publication = metadata.publication
        self.path = path
        self.entities = entities
        self.quotes = quotes
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
        self.id = id
        self.type = type
        self.name = name
        self.mentions = mentions
        self.context = Self.shortened(context)
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
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

/// A quotation as an article summary keeps it, for the quote index and speaker pages.
public struct QuoteRef: Sendable, Hashable {
    /// The permalink id in the article (`q3`).
    public var id: String
    /// The quoted words, shortened to `textLimit` characters.
    public var text: String
    public var kind: QuoteKind
    public var speakerID: String?
    public var speakerName: String?
    /// How the text describes an unnamed source.
    public var speakerDescription: String?

    public static let textLimit = 300

    public init(_ quote: Quotation) {
        id = quote.id
        text = EntityRef.shortened(quote.text.replacingOccurrences(of: "\n\n", with: " "), limit: Self.textLimit)
        kind = quote.kind
        speakerID = quote.speaker?.entity
        speakerName = quote.speaker?.name
        speakerDescription = quote.speaker?.description
    }
}
