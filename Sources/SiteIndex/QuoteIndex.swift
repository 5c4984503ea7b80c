import ArchiveModel

/// Every quotation of the archive, newest article first, and the quotations of each speaker:
/// built in one pass over the article summaries.
public struct QuoteIndex: Sendable {
    /// A quotation's place: the article's position in `SiteIndex.articles` and the quotation's
    /// position in that article's `quotes`.
    public struct Entry: Sendable, Hashable {
        public var article: Int
        public var quote: Int
    }

    public private(set) var all: [Entry]
    /// By speaker entity id, newest first.
    public private(set) var bySpeaker: [String: [Entry]]
    /// Speaker ids, most quotations first, then by id.
    public private(set) var speakers: [String]

    public init(articles: [ArticleSummary]) {
        var all: [Entry] = []
        var bySpeaker: [String: [Entry]] = [:]
        for (position, article) in articles.enumerated() {
            // By index: taking each quotation out of the array copied its nine strings, a tenth of
            // a serve rebuild at 10,000 articles.
            let quotes = article.quotes
            for index in quotes.indices {
                let entry = Entry(article: position, quote: index)
                all.append(entry)
                if let speaker = quotes[index].speakerID { bySpeaker[speaker, default: []].append(entry) }
            }
        }
        self.all = all
        self.bySpeaker = bySpeaker
        speakers = Self.rank(bySpeaker)
    }

    private static func rank(_ bySpeaker: [String: [Entry]]) -> [String] {
        bySpeaker.map { (id: $0.key, count: $0.value.count) }.sorted { ($0.count, $1.id) > ($1.count, $0.id) }.map(\.id)
    }

    /// This index after the quotations of the article at `position` changed from `old` to `new`
    /// in place (no other article moved): its entries are spliced in where the old ones were.
    func updating(position: Int, old: [QuoteRef], new: [QuoteRef]) -> QuoteIndex {
        var copy = self
        let entries = new.indices.map { Entry(article: position, quote: $0) }
        let start = SortedSearch.firstIndex(in: all) { $0.article >= position }
        copy.all.replaceSubrange(start..<start + old.count, with: entries)
        var speakers: [String] = []
        for id in (old + new).compactMap(\.speakerID) where !speakers.contains(id) { speakers.append(id) }
        for id in speakers {
            var list = copy.bySpeaker[id] ?? []
            let first = SortedSearch.firstIndex(in: list) { $0.article >= position }
            var end = first
            while end < list.count, list[end].article == position { end += 1 }
            list.replaceSubrange(first..<end, with: entries.filter { new[$0.quote].speakerID == id })
            copy.bySpeaker[id] = list.isEmpty ? nil : list
        }
        if !speakers.isEmpty { copy.speakers = Self.rank(copy.bySpeaker) }
        return copy
    }
}
