import ArchiveModel
import SiteIndex

/// The static search page's index, fetched by `assets/search.js` when the reader first types:
/// `search/index.json` holds articles (headline, date, standfirst, the names they mention) and
/// entities (name, aliases); `search/quotes.json` holds quotations (words, speaker, article). Rows
/// are arrays rather than objects, speakers and articles are positions in the main index, and text
/// is shortened, to keep the files small. Both are written a row at a time.
public struct SearchIndexRenderer: Sendable {
    public static let indexPath = "search/index.json"
    public static let quotesPath = "search/quotes.json"
    /// Characters kept of a standfirst or a quotation.
    static let textLimit = 140

    let index: SiteIndex
    let urls: SiteURLs

    public init(index: SiteIndex, config: SiteConfig) {
        self.index = index
        self.urls = SiteURLs(config: config)
    }

    /// `{"articles": [[headline, path, "YYYY-MM-DD" or "", standfirst, names]],
    ///   "entities": [[name, path, type, aliases joined by "|", article count]]}`; paths are site paths.
    public func renderIndex(emit: (String) -> Void) {
        _ = indexRows.render(emit: emit)
    }

    /// `renderIndex` as a row per article, the entities after them.
    public var indexRows: ArticleRows {
        let index = index
        let urls = urls
        return ArticleRows(
            count: index.articles.count, separator: ",\n",
            head: { empty in Array(("{\"articles\":[" + (empty ? "" : "\n")).utf8) },
            tail: { _ in
                var out = Array("],\n\"entities\":[".utf8)
                for (position, id) in index.entities.rankedIDs.enumerated() {
                    guard let entry = index.entities.entries[id] else { continue }
                    out += Array((position == 0 ? "\n" : ",\n").utf8)
                    JSONValue.array([
                        .string(entry.entity.name), .string(urls.entity(entry.entity.type, id)),
                        .string(entry.entity.type.rawValue), .string(entry.entity.aliases.joined(separator: "|")),
                        .int(entry.articles.count),
                    ]).write(into: &out)
                }
                return out + Array("]}\n".utf8)
            }
        ) { position, out in
            let summary = index.articles[position]
            JSONValue.array([
                .string(summary.title), .string(urls.article(summary.slug)), .string(summary.date?.isoDay ?? ""),
                .string(EntityRef.shortenedText(summary.standfirst ?? "", limit: Self.textLimit)),
                .string(summary.entities.map(\.name).joined(separator: " · ")),
            ]).write(into: &out)
        }
    }

    /// `{"quotes": [[words, speaker, article position, quotation id]]}`: the speaker is the position of
    /// its entity in the main index's `entities`, or how the text describes an unnamed source; the
    /// article position indexes its `articles`.
    public func renderQuotes(emit: (String) -> Void) {
        _ = quoteRows.render(emit: emit)
    }

    /// `renderQuotes` as rows per article; they name speakers by their rank, which they depend on.
    public var quoteRows: ArticleRows {
        let index = index
        var positions: [String: Int] = [:]
        // Stable across processes: the cache on disk keeps it.
        var ranking = StableHasher()
        for (position, id) in index.entities.rankedIDs.enumerated() {
            positions[id] = position
            ranking.combine(id)
        }
        let ranks = positions
        return ArticleRows(
            count: index.articles.count, dependency: Int(truncatingIfNeeded: ranking.finalize()), positional: true,
            separator: ",\n",
            head: { empty in Array(("{\"quotes\":[" + (empty ? "" : "\n")).utf8) },
            tail: { _ in Array("]}\n".utf8) }
        ) { position, out in
            let quotes = index.articles[position].quotes
            for number in quotes.indices {
                let quote = quotes[number]
                let speaker: JSONValue =
                    quote.speakerID.flatMap { ranks[$0] }.map(JSONValue.int)
                    ?? .string(quote.speakerName ?? quote.speakerDescription ?? "")
                if number > 0 { out += DataExporter.jsonSeparator }
                JSONValue.array([
                    .string(EntityRef.shortenedText(quote.fullText, limit: Self.textLimit)), speaker, .int(position),
                    .string(quote.id),
                ]).write(into: &out)
            }
        }
    }
}
