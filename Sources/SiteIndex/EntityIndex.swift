import ArchiveModel

/// Every entity of the archive with the articles that name it, built in one pass over the
/// newest-first article list: what entity pages and the people/organisations/places indexes show.
public struct EntityIndex: Sendable {
    /// One entity across the archive.
    public struct Entry: Sendable {
        public var entity: Entity
        /// Positions in `SiteIndex.articles`, newest first.
        public var articles: [Int]
        /// Context sentences, parallel to `articles`.
        public var contexts: [String]
        /// Mentions per month, keyed `year * 12 + month - 1`.
        public var months: [Int: Int]
        /// Other entities named in the same articles, with how many articles they share.
        public var companions: [String: Int]
    }

    /// Entries by id.
    public let entries: [String: Entry]
    /// The ids of each entity's companions, most shared articles first.
    private let topCompanions: [String: [String]]
    /// Ids of each type, most articles first, then by name.
    public let ranked: [EntityType: [String]]

    /// Articles naming more entities than this count only their first ones as companions, which
    /// keeps the pair count linear in the archive's size.
    static let companionLimit = 40

    /// `details` supplies descriptions and links from entities.yml and the built-in knowledge.
    public init(articles: [ArticleSummary], details: (String) -> Entity?) {
        var entries: [String: Entry] = [:]
        for (position, article) in articles.enumerated() {
            let monthKey = article.date.map { $0.year * 12 + $0.month - 1 }
            for ref in article.entities {
                if entries[ref.id] == nil {
                    let entity = details(ref.id) ?? Entity(id: ref.id, type: ref.type, name: ref.name)
                    entries[ref.id] = Entry(entity: entity, articles: [], contexts: [], months: [:], companions: [:])
                }
                entries[ref.id]?.articles.append(position)
                entries[ref.id]?.contexts.append(ref.context)
                if let monthKey { entries[ref.id]?.months[monthKey, default: 0] += ref.mentions }
            }
            let companions = article.entities.prefix(Self.companionLimit).map(\.id)
            for id in companions {
                for other in companions where other != id { entries[id]?.companions[other, default: 0] += 1 }
            }
        }
        self.entries = entries
        // Each entity's most frequent companions, sorted once here rather than on every page.
        var top: [String: [String]] = [:]
        for (id, entry) in entries {
            top[id] = entry.companions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(Self.companionsShown).map(\.key)
        }
        topCompanions = top
        var ranked: [EntityType: [String]] = [:]
        for type in EntityType.allCases {
            ranked[type] = entries.values.filter { $0.entity.type == type }
                .sorted { ($0.articles.count, $1.entity.name) > ($1.articles.count, $0.entity.name) }
                .map(\.entity.id)
        }
        self.ranked = ranked
    }

    /// The entities most often named alongside `id`, most shared articles first.
    public func companions(of id: String) -> [Entry] {
        (topCompanions[id] ?? []).compactMap { entries[$0] }
    }

    /// How many companions an entity page shows.
    public static let companionsShown = 10
}
