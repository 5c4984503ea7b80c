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
        // Built on an array indexed by a number per entity: mutating dictionary values in place was
        // most of a 10,000-article rebuild's index time.
        var numbers: [String: Int] = [:]
        var built: [Entry] = []
        var pairs: [[Int: Int]] = []
        for (position, article) in articles.enumerated() {
            let monthKey = article.date.map { $0.year * 12 + $0.month - 1 }
            var present: [Int] = []
            for ref in article.entities {
                let number: Int
                if let known = numbers[ref.id] {
                    number = known
                } else {
                    number = built.count
                    numbers[ref.id] = number
                    let entity = details(ref.id) ?? Entity(id: ref.id, type: ref.type, name: ref.name)
                    built.append(Entry(entity: entity, articles: [], contexts: [], months: [:], companions: [:]))
                    pairs.append([:])
                }
                built[number].articles.append(position)
                built[number].contexts.append(ref.context)
                if let monthKey { built[number].months[monthKey, default: 0] += ref.mentions }
                if present.count < Self.companionLimit { present.append(number) }
            }
            for number in present {
                for other in present where other != number { pairs[number][other, default: 0] += 1 }
            }
        }
        var top: [String: [String]] = [:]
        for number in built.indices {
            built[number].companions = Dictionary(
                uniqueKeysWithValues: pairs[number].map { (built[$0.key].entity.id, $0.value) })
            // Each entity's most frequent companions, sorted once here rather than on every page.
            top[built[number].entity.id] = built[number].companions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(Self.companionsShown).map(\.key)
        }
        topCompanions = top
        entries = Dictionary(uniqueKeysWithValues: built.map { ($0.entity.id, $0) })
        var ranked: [EntityType: [String]] = [:]
        for type in EntityType.allCases {
            ranked[type] = built.filter { $0.entity.type == type }
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
