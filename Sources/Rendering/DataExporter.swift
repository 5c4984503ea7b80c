import ArchiveModel
import SiteIndex

/// The archive's open data under `/data/`, from the site index: `articles.json`, `entities.json`,
/// `quotes.json` (each quotation with W3C Web Annotation selectors into its source file) and
/// `quotes.csv`. Field order is fixed, so the files are deterministic and diff well.
public struct DataExporter: Sendable {
    /// The files under `data/`.
    public enum File: String, Sendable, Hashable, CaseIterable {
        case articles = "data/articles.json"
        case entities = "data/entities.json"
        case quotes = "data/quotes.json"
        case quotesCSV = "data/quotes.csv"
    }

    let index: SiteIndex
    let urls: SiteURLs

    public init(index: SiteIndex, config: SiteConfig) {
        self.index = index
        self.urls = SiteURLs(config: config)
    }

    /// The whole file as one string (for tests and small archives).
    public func render(_ file: File) -> String {
        var out = ""
        render(file) { out += $0 }
        return out
    }

    /// The file piece by piece, an element at a time: quotes.json for 10,000 articles is 100 MB.
    public func render(_ file: File, emit: (String) -> Void) {
        switch file {
        case .articles: lines(index.articles.lazy.map(article), emit: emit)
        case .entities: lines(entityList(), emit: emit)
        case .quotes: lines(index.quotes.all.lazy.map(quote), emit: emit)
        case .quotesCSV: quotesCSV(emit: emit)
        }
    }

    /// A JSON array with one element per line: readable, diffable, and streamable by line.
    private func lines(_ items: some Sequence<JSONValue>, emit: (String) -> Void) {
        var first = true
        for item in items {
            emit((first ? "[\n" : ",\n") + item.serialized())
            first = false
        }
        emit(first ? "[]\n" : "\n]\n")
    }

    private func date(_ date: ArticleDate?) -> JSONValue {
        date.map { .string(FeedRenderer.timestamp($0)) } ?? .null
    }

    private func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    private func article(_ summary: ArticleSummary) -> JSONValue {
        .object([
            ("id", .string(summary.slug)), ("url", .string(urls.absolute(urls.article(summary.slug)))),
            ("title", .string(summary.title)), ("date", date(summary.date)), ("updated", date(summary.updated)),
            ("authors", .array(summary.authors.map(JSONValue.string))), ("standfirst", optional(summary.standfirst)),
            ("publication", optional(summary.publication)), ("tags", .array(summary.tags.map(JSONValue.string))),
            ("file", .string(summary.path)),
            (
                "entities",
                .array(
                    summary.entities.map {
                        .object([
                            ("id", .string($0.id)), ("type", .string($0.type.rawValue)), ("name", .string($0.name)),
                            ("mentions", .int($0.mentions)),
                        ])
                    })
            ),
            ("quotes", .array(summary.quotes.map { .string(quoteID(summary, $0)) })),
        ])
    }

    private func entityList() -> [JSONValue] {
        index.entities.rankedIDs.compactMap { id -> JSONValue? in
            guard let entry = index.entities.entries[id] else { return nil }
            let entity = entry.entity
            return .object([
                ("id", .string(id)), ("type", .string(entity.type.rawValue)), ("name", .string(entity.name)),
                ("aliases", .array(entity.aliases.map(JSONValue.string))),
                ("description", optional(entity.description)), ("wikidata", optional(entity.wikidata)),
                ("geonames", entity.geonames.map(JSONValue.int) ?? .null), ("website", optional(entity.url)),
                ("url", .string(urls.absolute(urls.entity(entity.type, id)))), ("articles", .int(entry.articles.count)),
                ("quotes", .int(index.quotes.bySpeaker[id]?.count ?? 0)),
                ("first", date(entry.articles.last.flatMap { index.articles[$0].date })),
                ("last", date(entry.articles.first.flatMap { index.articles[$0].date })),
            ])
        }
    }

    /// `slug#q3`: unique across the archive and the fragment of the quotation's permalink.
    private func quoteID(_ summary: ArticleSummary, _ quote: QuoteRef) -> String { "\(summary.slug)#\(quote.id)" }

    private func permalink(_ summary: ArticleSummary, _ quote: QuoteRef) -> String {
        urls.absolute(urls.article(summary.slug)) + "#" + quote.id
    }

    private func quote(_ entry: QuoteIndex.Entry) -> JSONValue {
        let summary = index.articles[entry.article]
        let quote = summary.quotes[entry.quote]
        var target: [(String, JSONValue)] = [("source", .string(summary.path))]
        if let anchor = quote.anchor {
            target.append(
                (
                    "selector",
                    .array([
                        .object([
                            ("type", .string("TextQuoteSelector")), ("exact", .string(anchor.exact)),
                            ("prefix", .string(anchor.prefix)), ("suffix", .string(anchor.suffix)),
                        ]),
                        .object([
                            ("type", .string("TextPositionSelector")), ("start", .int(anchor.start)),
                            ("end", .int(anchor.end)),
                        ]),
                    ])
                ))
        }
        return .object([
            ("id", .string(quoteID(summary, quote))), ("url", .string(permalink(summary, quote))),
            ("article", .string(summary.slug)), ("date", date(summary.date)), ("text", .string(quote.fullText)),
            ("kind", .string(quote.kind.rawValue)),
            (
                "speaker",
                .object([
                    ("name", optional(quote.speakerName)), ("entity", optional(quote.speakerID)),
                    ("description", optional(quote.speakerDescription)),
                ])
            ),
            ("target", .object(target)),
        ])
    }

    /// The columns of quotes.csv, in order.
    public static let csvColumns = ["article", "date", "speaker", "speaker_entity", "kind", "text", "permalink"]

    private func quotesCSV(emit: (String) -> Void) {
        emit(Self.csvColumns.joined(separator: ",") + "\r\n")
        for entry in index.quotes.all {
            let summary = index.articles[entry.article]
            let quote = summary.quotes[entry.quote]
            let row = [
                summary.slug, summary.date.map(FeedRenderer.timestamp) ?? "",
                quote.speakerName ?? quote.speakerDescription ?? "", quote.speakerID ?? "", quote.kind.rawValue,
                quote.fullText, permalink(summary, quote),
            ]
            emit(row.map(Self.csvField).joined(separator: ",") + "\r\n")
        }
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        // Bytes, not Foundation's replacingOccurrences: this runs for every field of 100,000s of rows.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var field: [UInt8] = [0x22]
        field.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            field.append(byte)
            if byte == 0x22 { field.append(0x22) }
        }
        field.append(0x22)
        return String(decoding: field, as: UTF8.self)
    }
}
