import ArchiveModel
import Foundation

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
    }

    /// Entries by id.
    public let entries: [String: Entry]
    /// Ids of each type, most articles first, then by name.
    public let ranked: [EntityType: [String]]

    /// Every id: people, then organisations, then places, each ranked as in `ranked` (the order of
    /// the exports and the search index).
    public var rankedIDs: [String] { EntityType.allCases.flatMap { ranked[$0] ?? [] } }
    private let companionMemo = Memo<[(id: String, shared: Int)]>()

    /// Articles naming more entities than this count only their first ones as companions, which
    /// keeps the work per article bounded.
    static let companionLimit = 40

    /// `details` supplies descriptions and links from entities.yml and the built-in knowledge.
    public init(articles: [ArticleSummary], details: (String) -> Entity?) {
        // Built on an array indexed by a number per entity: mutating dictionary values in place was
        // most of a 10,000-article rebuild's index time.
        var numbers: [String: Int] = [:]
        var built: [Entry] = []
        for (position, article) in articles.enumerated() {
            let monthKey = article.date.map { $0.year * 12 + $0.month - 1 }
            let refs = article.entities
            for index in refs.indices {
                let id = refs[index].id
                let number: Int
                if let known = numbers[id] {
                    number = known
                } else {
                    number = built.count
                    numbers[id] = number
                    let entity = details(id) ?? Entity(id: id, type: refs[index].type, name: refs[index].name)
                    built.append(Entry(entity: entity, articles: [], contexts: [], months: [:]))
                }
                built[number].articles.append(position)
                built[number].contexts.append(refs[index].context)
                if let monthKey { built[number].months[monthKey, default: 0] += refs[index].mentions }
            }
        }
        entries = Dictionary(uniqueKeysWithValues: built.map { ($0.entity.id, $0) })
        var ranked: [EntityType: [String]] = [:]
        for type in EntityType.allCases {
            ranked[type] = built.filter { $0.entity.type == type }
                .sorted { ($0.articles.count, $1.entity.name) > ($1.articles.count, $0.entity.name) }
                .map(\.entity.id)
        }
        self.ranked = ranked
    }

    /// The entities most often named alongside `id` in `articles` (the list this index was built
    /// from), most shared articles first, with how many articles they share. Worked out when a page
    /// asks, from that entity's articles alone, so a rebuild pays only for the pages it looks at.
    public func companions(of id: String, in articles: [ArticleSummary]) -> [(entry: Entry, shared: Int)] {
        // Every page of a much-named entity shows its companions: worked out once per index.
        let top = companionMemo.value(for: id) { topCompanions(of: id, in: articles) }
        return top.compactMap { pair in entries[pair.id].map { ($0, pair.shared) } }
    }

    private func topCompanions(of id: String, in articles: [ArticleSummary]) -> [(id: String, shared: Int)] {
        guard let entry = entries[id] else { return [] }
        var shared: [String: Int] = [:]
        for position in entry.articles {
            let named = articles[position].entities.prefix(Self.companionLimit)
            // Past the limit the entity itself is not a companion of anyone in this article.
            guard named.contains(where: { $0.id == id }) else { continue }
            for ref in named where ref.id != id { shared[ref.id, default: 0] += 1 }
        }
        return shared.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.companionsShown)
            .map { ($0.key, $0.value) }
    }

    /// How many companions an entity page shows.
    public static let companionsShown = 10
}

/// Values worked out on first use and kept, safe to share between tasks.
final class Memo<Value>: @unchecked Sendable {
    // @unchecked: `values` is read and written only under `lock`.
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(for key: String, make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
