import ArchiveModel
import Foundation

/// Every entity of the archive with the articles that name it, built in one pass over the
/// newest-first article list: what entity pages and the people/organisations/places indexes show.
public struct EntityIndex: Sendable {
    /// One entity across the archive.
    public struct Entry: Sendable, Equatable {
        public var entity: Entity
        /// Positions in `SiteIndex.articles`, newest first.
        public var articles: [Int]
        /// Context sentences, parallel to `articles`.
        public var contexts: [String]
        /// Mentions per month, keyed `year * 12 + month - 1`.
        public var months: [Int: Int]
    }

    /// Entries by id.
    public private(set) var entries: [String: Entry]
    /// Ids of each type, most articles first, then by name (then by id).
    public private(set) var ranked: [EntityType: [String]]
    /// Each entity's type, by id: what lists of quotations ask of every speaker, without copying
    /// the speaker's whole entry.
    public private(set) var types: [String: EntityType]

    /// Every id: people, then organisations, then places, each ranked as in `ranked` (the order of
    /// the exports and the search index).
    public var rankedIDs: [String] { EntityType.allCases.flatMap { ranked[$0] ?? [] } }
    private var companionMemo = Memo<[(id: String, shared: Int)]>()
    /// A number for each id ever seen, and the numbers of the entities each article (by position)
    /// names first, up to `companionLimit`: companions are counted on numbers, not strings.
    private var numbers: [String: Int32] = [:]
    private var ids: [String] = []
    private var named: [[Int32]] = []

    /// Articles naming more entities than this count only their first ones as companions, which
    /// keeps the work per article bounded.
    static let companionLimit = 40

    /// `details` supplies descriptions and links from entities.yml and the built-in knowledge.
    public init(articles: [ArticleSummary], details: (String) -> Entity?) {
        // Built on an array indexed by a number per entity: mutating dictionary values in place was
        // most of a 10,000-article rebuild's index time.
        var built: [Entry] = []
        named.reserveCapacity(articles.count)
        for (position, article) in articles.enumerated() {
            let monthKey = article.date.map { $0.year * 12 + $0.month - 1 }
            let refs = article.entities
            var numbered: [Int32] = []
            numbered.reserveCapacity(min(refs.count, Self.companionLimit))
            for index in refs.indices {
                let id = refs[index].id
                let number: Int
                if let known = numbers[id] {
                    number = Int(known)
                } else {
                    number = built.count
                    numbers[id] = Int32(number)
                    ids.append(id)
                    let entity = details(id) ?? Entity(id: id, type: refs[index].type, name: refs[index].name)
                    built.append(Entry(entity: entity, articles: [], contexts: [], months: [:]))
                }
                if index < Self.companionLimit { numbered.append(Int32(number)) }
                built[number].articles.append(position)
                built[number].contexts.append(refs[index].context)
                if let monthKey { built[number].months[monthKey, default: 0] += refs[index].mentions }
            }
            named.append(numbered)
        }
        entries = Dictionary(uniqueKeysWithValues: built.map { ($0.entity.id, $0) })
        types = Dictionary(uniqueKeysWithValues: built.map { ($0.entity.id, $0.entity.type) })
        ranked = Self.rank(built)
    }

    /// Ids by type, most articles first, then by name, then by id (two entities may share a name).
    private static func rank(_ entries: some Collection<Entry>) -> [EntityType: [String]] {
        var ranked: [EntityType: [String]] = [:]
        for type in EntityType.allCases {
            ranked[type] = entries.filter { $0.entity.type == type }
                .sorted {
                    ($0.articles.count, $1.entity.name, $1.entity.id) > (
                        $1.articles.count, $0.entity.name, $0.entity.id
                    )
                }
                .map(\.entity.id)
        }
        return ranked
    }

    /// This index after the article at `position` of `articles` changed in place from `old` to
    /// the summary `articles` now holds there (its date unchanged, so every other position is
    /// too): only the entries of the entities either names are worked out again, and the same as
    /// `init` would work them out.
    func updating(
        position: Int, old: ArticleSummary, articles: [ArticleSummary], details: (String) -> Entity?
    ) -> EntityIndex {
        let new = articles[position]
        var copy = self
        var ids: [String] = []
        for ref in old.entities + new.entities where !ids.contains(ref.id) { ids.append(ref.id) }
        let monthKey = new.date.map { $0.year * 12 + $0.month - 1 }
        let monthOf = { (position: Int) in articles[position].date.map { $0.year * 12 + $0.month - 1 } }
        for id in ids {
            var entry =
                copy.entries[id]
                ?? Entry(entity: Entity(id: id, type: .person, name: id), articles: [], contexts: [], months: [:])
            // The article's places in the entity's list: contiguous, as positions are sorted.
            let start = SortedSearch.firstIndex(atOrAfter: position, in: entry.articles)
            var end = start
            while end < entry.articles.count, entry.articles[end] == position { end += 1 }
            let added = new.entities.filter { $0.id == id }
            entry.articles.replaceSubrange(start..<end, with: added.map { _ in position })
            entry.contexts.replaceSubrange(start..<end, with: added.map(\.context))
            if let monthKey {
                let removed = old.entities.filter { $0.id == id }.reduce(0) { $0 + $1.mentions }
                if let count = entry.months[monthKey] {
                    entry.months[monthKey] = count - removed
                }
                // `init` keeps a month any article of it names the entity in, however few mentions.
                let neighbours = [start - 1, start + added.count].filter { entry.articles.indices.contains($0) }
                if added.isEmpty, !neighbours.contains(where: { monthOf(entry.articles[$0]) == monthKey }) {
                    entry.months[monthKey] = nil
                }
                for ref in added { entry.months[monthKey, default: 0] += ref.mentions }
            }
            guard let first = entry.articles.first,
                let ref = articles[first].entities.first(where: { $0.id == id })
            else {
                copy.entries[id] = nil
                copy.types[id] = nil
                continue
            }
            entry.entity = details(id) ?? Entity(id: id, type: ref.type, name: ref.name)
            copy.entries[id] = entry
            copy.types[id] = entry.entity.type
        }
        copy.named[position] = new.entities.prefix(Self.companionLimit).map { ref in
            if let known = copy.numbers[ref.id] { return known }
            copy.ids.append(ref.id)
            copy.numbers[ref.id] = Int32(copy.ids.count - 1)
            return Int32(copy.ids.count - 1)
        }
        copy.ranked = Self.rank(copy.entries.values)
        // Companions of an entity come from its articles alone: only those the edit names change.
        copy.companionMemo = companionMemo.copy(dropping: Set(ids))
        return copy
    }

    /// The entities most often named alongside `id`, most shared articles first, with how many
    /// articles they share. Worked out when a page asks, from that entity's articles alone, so a
    /// rebuild pays only for the pages it looks at.
    public func companions(of id: String) -> [(entry: Entry, shared: Int)] {
        // Every page of a much-named entity shows its companions: worked out once per index.
        let top = companionMemo.value(for: id) { topCompanions(of: id) }
        return top.compactMap { pair in entries[pair.id].map { ($0, pair.shared) } }
    }

    private func topCompanions(of id: String) -> [(id: String, shared: Int)] {
        guard let entry = entries[id], let me = numbers[id] else { return [] }
        var shared: [Int32: Int32] = [:]
        for position in entry.articles {
            let others = named[position]
            // Past the limit the entity itself is not a companion of anyone in this article.
            guard others.contains(me) else { continue }
            for number in others where number != me { shared[number, default: 0] += 1 }
        }
        return shared.map { (id: ids[Int($0.key)], shared: Int($0.value)) }
            .sorted { ($0.shared, $1.id) > ($1.shared, $0.id) }.prefix(Self.companionsShown).map { $0 }
    }

    /// How many companions an entity page shows.
    public static let companionsShown = 10
}

/// Values worked out on first use and kept, safe to share between tasks.
public final class Memo<Value>: @unchecked Sendable {
    // @unchecked: `values` is read and written only under `lock`.
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    /// A memo with this one's values except those of `keys`.
    func copy(dropping keys: Set<String>) -> Memo {
        let copy = Memo()
        copy.values = lock.withLock { values.filter { !keys.contains($0.key) } }
        return copy
    }

    public init() {}

    /// The value for `key`, made by `make` the first time.
    public func value(for key: String, make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
