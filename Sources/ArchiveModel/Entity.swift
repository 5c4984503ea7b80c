/// The kinds of entity Broadsheet links: people, organisations and places.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organisation, place

    /// The site folder of this kind's pages (`people`, `organisations`, `places`).
    public var folder: String {
        switch self {
        case .person: return "people"
        case .organisation: return "organisations"
        case .place: return "places"
        }
    }
}

/// A person, organisation or place known to the archive: from `Content/entities.yml`, from
/// Broadsheet's built-in knowledge, or discovered in an article. One entity keeps one `id`
/// across the whole archive.
public struct Entity: Sendable, Hashable, Codable {
    public var id: String
    public var type: EntityType
    /// The canonical name ("Bernard Hogan-Howe").
    public var name: String
    /// Other ways the text names it: short forms, misspellings, descriptions ("Met chief").
    public var aliases: [String]
    public var description: String?
    /// Wikidata QID such as `Q6253`.
    public var wikidata: String?
    public var url: String?
    /// GeoNames id, for built-in places.
    public var geonames: Int?

    public init(
        id: String, type: EntityType, name: String, aliases: [String] = [], description: String? = nil,
        wikidata: String? = nil, url: String? = nil, geonames: Int? = nil
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.description = description
        self.wikidata = wikidata
        self.url = url
        self.geonames = geonames
    }
}
