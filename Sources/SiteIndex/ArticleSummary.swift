import ArchiveModel

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

    public init(_ metadata: ArticleMetadata, path: String) {
        slug = metadata.slug
        title = metadata.title
        date = metadata.date
        updated = metadata.updated
        authors = metadata.authors
        standfirst = metadata.standfirst
        tags = metadata.tags
        publication = metadata.publication
        self.path = path
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
