import ArchiveModel
import SiteIndex

/// The static search page's index, fetched by `assets/search.js` when the reader first types:
/// `search/index.json` holds articles (headline, date, standfirst, the names they mention) and
/// entities (name, aliases); `search/quotes.json` holds quotations (words, speaker, article). Rows
/// are arrays rather than objects and text is shortened, to keep the files small.
public struct SearchIndexRenderer: Sendable {
    public static let indexPath = "search/index.json"
    public static let quotesPath = "search/quotes.json"
    /// Characters kept of a standfirst or a quotation.
    static let textLimit = 160

    let index: SiteIndex
    let urls: SiteURLs

    public init(index: SiteIndex, config: SiteConfig) {
        self.index = index
        self.urls = SiteURLs(config: config)
    }

    /// `{"articles": [[headline, path, "YYYY-MM-DD" or "", standfirst, names]],
    ///   "entities": [[name, path, type, aliases joined by "|", article count]]}`; paths are site paths.
    public func renderIndex() -> String {
        let articles: [JSONValue] = index.articles.map { summary in
            .array([
                .string(summary.title), .string(urls.article(summary.slug)), .string(summary.date?.isoDay ?? ""),
                .string(EntityRef.shortenedText(summary.standfirst ?? "", limit: Self.textLimit)),
                .string(summary.entities.map(\.name).joined(separator: " · ")),
            ])
        }
        let entities: [JSONValue] = EntityType.allCases.flatMap { type in
            (index.entities.ranked[type] ?? []).compactMap { id -> JSONValue? in
                guard let entry = index.entities.entries[id] else { return nil }
                return .array([
                    .string(entry.entity.name), .string(urls.entity(type, id)), .string(type.rawValue),
                    .string(entry.entity.aliases.joined(separator: "|")), .int(entry.articles.count),
                ])
            }
        }
        return JSONValue.object([("articles", .array(articles)), ("entities", .array(entities))]).serialized() + "\n"
    }

    /// `{"quotes": [[words, speaker, speaker's site path or "", article position, quotation id]]}`; the
    /// article position indexes `articles` of the main index.
    public func renderQuotes() -> String {
        let quotes: [JSONValue] = index.quotes.all.map { entry in
            let quote = index.articles[entry.article].quotes[entry.quote]
            let speakerPath = quote.speakerID.flatMap { id in
                index.entities.entries[id].map { urls.entity($0.entity.type, id) }
            }
            return .array([
                .string(EntityRef.shortenedText(quote.fullText, limit: Self.textLimit)),
                .string(quote.speakerName ?? quote.speakerDescription ?? ""), .string(speakerPath ?? ""),
                .int(entry.article), .string(quote.id),
            ])
        }
        return JSONValue.object([("quotes", .array(quotes))]).serialized() + "\n"
    }
}
