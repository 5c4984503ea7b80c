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

    public let all: [Entry]
    /// By speaker entity id, newest first.
    public let bySpeaker: [String: [Entry]]
    /// Speaker ids, most quotations first, then by id.
    public let speakers: [String]

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
        speakers = bySpeaker.map { (id: $0.key, count: $0.value.count) }
            .sorted { ($0.count, $1.id) > ($1.count, $0.id) }.map(\.id)
    }
}
