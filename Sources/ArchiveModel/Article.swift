/// Everything an article says about itself, apart from its body: the front matter of a Markdown
/// file, or the headline, standfirst and caption of a plain-text one.
public struct ArticleMetadata: Sendable, Hashable {
    public var title: String
    /// nil for an undated article: listed after dated ones and shown as undated.
    public var date: ArticleDate?
    public var updated: ArticleDate?
    public var authors: [String]
    public var standfirst: String?
    /// The URL the article was originally published at.
    public var source: String?
    public var publication: String?
    public var tags: [String]
    public var image: ArticleImage?
    /// The last path component of the article's URL; always a valid `Slug`.
    public var slug: String
    public var draft: Bool
    /// Front matter fields Broadsheet does not interpret, passed to templates as `params`.
    public var params: [String: ParamValue]
    /// The author's corrections to entity recognition (front matter `entities:`, `not_entities:`).
    public var entityOverrides: EntityOverrides
    /// The author's corrections to quotations (front matter `quotes:`).
    public var quoteOverrides: [QuoteOverride] = []
    /// Where the title and standfirst are in the source file, when they are running text there
    /// (plain-text articles); empty for front matter values.
    public var titleMap = SourceMap()
    public var standfirstMap = SourceMap()
    /// The photo caption paragraph as it stands in the source, credit included, for enrichment.
    public var captionUnit: TextUnit?

    public init(
        title: String, date: ArticleDate? = nil, updated: ArticleDate? = nil, authors: [String] = [],
        standfirst: String? = nil, source: String? = nil, publication: String? = nil, tags: [String] = [],
        image: ArticleImage? = nil, slug: String, draft: Bool = false, params: [String: ParamValue] = [:],
        entityOverrides: EntityOverrides = EntityOverrides()
    ) {
        self.title = title
        self.date = date
        self.updated = updated
        self.authors = authors
        self.standfirst = standfirst
        self.source = source
        self.publication = publication
        self.tags = tags
        self.image = image
        self.slug = slug
        self.draft = draft
        self.params = params
        self.entityOverrides = entityOverrides
    }
}

/// The author's corrections to entity recognition for one article.
public struct EntityOverrides: Sendable, Hashable {
    /// Surface text → entity id: these words always link to that entity.
    public var pins: [String: String]
    /// Surface texts that are never entities in this article.
    public var suppressed: Set<String>

    public init(pins: [String: String] = [:], suppressed: Set<String> = []) {
        self.pins = pins
        self.suppressed = suppressed
    }
}

/// One article as read from `Content/articles/`: where it came from, what it says about itself
/// and its body. Bodies are large; stages keep an `Article` only while its own page needs it.
public struct Article: Sendable, Hashable {
    /// The path of the source file, relative to the site folder (`Content/articles/x.md`).
    public var path: String
    public var metadata: ArticleMetadata
    public var body: [Block]

    public init(path: String, metadata: ArticleMetadata, body: [Block]) {
        self.path = path
        self.metadata = metadata
        self.body = body
    }
}
