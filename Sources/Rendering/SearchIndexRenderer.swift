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
        emit("{\"articles\":[")
        for (position, summary) in index.articles.enumerated() {
            let row = JSONValue.array([
                .string(summary.title), .string(urls.article(summary.slug)), .string(summary.date?.isoDay ?? ""),
                .string(EntityRef.shortenedText(summary.standfirst ?? "", limit: Self.textLimit)),
                .string(summary.entities.map(\.name).joined(separator: " · ")),
            ])
            emit((position == 0 ? "\n" : ",\n") + row.serialized())
        }
        emit("],\n\"entities\":[")
        for (position, id) in index.entities.rankedIDs.enumerated() {
            guard let entry = index.entities.entries[id] else { continue }
            let row = JSONValue.array([
                .string(entry.entity.name), .string(urls.entity(entry.entity.type, id)),
                .string(entry.entity.type.rawValue), .string(entry.entity.aliases.joined(separator: "|")),
                .int(entry.articles.count),
            ])
            emit((position == 0 ? "\n" : ",\n") + row.serialized())
        }
        emit("]}\n")
    }

    /// `{"quotes": [[words, speaker, article position, quotation id]]}`: the speaker is the position of
    /// its entity in the main index's `entities`, or how the text describes an unnamed source; the
    /// article position indexes its `articles`.
    public func renderQuotes(emit: (String) -> Void) {
        var positions: [String: Int] = [:]
        for (position, id) in index.entities.rankedIDs.enumerated() { positions[id] = position }
        var out = ByteChunks(starting: "{\"quotes\":[")
        for (number, entry) in index.quotes.all.enumerated() {
            let quote = index.articles[entry.article].quotes[entry.quote]
            let speaker: JSONValue =
                quote.speakerID.flatMap { positions[$0] }.map(JSONValue.int)
                ?? .string(quote.speakerName ?? quote.speakerDescription ?? "")
            let row = JSONValue.array([
                .string(EntityRef.shortenedText(quote.fullText, limit: Self.textLimit)), speaker, .int(entry.article),
                .string(quote.id),
            ])
            out.bytes.append(contentsOf: (number == 0 ? "\n" : ",\n").utf8)
            row.write(into: &out.bytes)
            out.handOnIfFull(emit)
        }
        out.bytes.append(contentsOf: "]}\n".utf8)
        out.handOn(emit)
    }
}
