/// A stretch of an article's text that names an entity: offsets in Unicode scalars into one text
/// unit's text (see `Article.textUnits`), end exclusive.
public struct Mention: Sendable, Hashable, Codable {
    /// Index into `Article.textUnits`.
    public var unit: Int
    public var start: Int
    public var end: Int
    /// The entity's id.
    public var entity: String
    /// The words as written ("Mr Hannigan").
    public var text: String

    public init(unit: Int, start: Int, end: Int, entity: String, text: String) {
        self.unit = unit
        self.start = start
        self.end = end
        self.entity = entity
        self.text = text
    }
}

/// An entity as one article knows it: who or what it is, how often it is named and the sentence
/// of its first mention (shown as context on the entity's page).
public struct ArticleEntity: Sendable, Hashable, Codable {
    public var entity: Entity
    public var mentionCount: Int
    /// The sentence of the first mention in the body (or in the headline or standfirst when the
    /// body never names it).
    public var context: String

    public init(entity: Entity, mentionCount: Int, context: String) {
        self.entity = entity
        self.mentionCount = mentionCount
        self.context = context
    }
}

/// What entity recognition found in one article.
public struct EntityAnnotations: Sendable, Hashable {
    /// Every mention, ordered by unit and start, never overlapping.
    public var mentions: [Mention]
    /// Each entity once, in order of first mention.
    public var entities: [ArticleEntity]
    /// Entity ids an author named (front matter `entities:` or an `entity:` link) that nothing knows.
    public var unknownIDs: [String]

    public init(mentions: [Mention] = [], entities: [ArticleEntity] = [], unknownIDs: [String] = []) {
        self.mentions = mentions
        self.entities = entities
        self.unknownIDs = unknownIDs
    }
}
