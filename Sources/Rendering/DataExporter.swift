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
        if let rows = rows(file) {
            _ = rows.render(emit: emit)
        } else {
            // entities.json, a row per entity rather than per article: always written whole.
            let entities = entityList()
            _ = Self.jsonRows(count: entities.count) { position, out in entities[position].write(into: &out) }
                .render(emit: emit)
        }
    }

    /// The file as rows per article (all but entities.json), so that an edit can patch it.
    public func rows(_ file: File) -> ArticleRows? {
        let index = index
        let exporter = self
        switch file {
        case .entities: return nil
        case .articles:
            return Self.jsonRows(count: index.articles.count) { position, out in
                exporter.article(index.articles[position]).write(into: &out)
            }
        case .quotes:
            return Self.jsonRows(count: index.articles.count) { position, out in
                let summary = index.articles[position]
                guard !summary.quotes.isEmpty else { return }
                // The article's date and address, the same for all its quotations, made once.
                let date = exporter.date(summary.date)
                let page = exporter.urls.absolute(exporter.urls.article(summary.slug)) + "#"
                for number in summary.quotes.indices {
                    if number > 0 { out += Self.jsonSeparator }
                    exporter.quote(summary, summary.quotes[number], date: date, page: page).write(into: &out)
                }
            }
        case .quotesCSV:
            let header = Array((Self.csvColumns.joined(separator: ",") + "\r\n").utf8)
            return ArticleRows(
                count: index.articles.count, separator: "", head: { _ in header }, tail: { _ in [] }
            ) { position, out in exporter.quotesCSV(index.articles[position], into: &out) }
        }
    }

    static let jsonSeparator = Array(",\n".utf8)

    /// A JSON array with one element per line: readable, diffable, and streamable by line.
    static func jsonRows(count: Int, rows: @escaping @Sendable (Int, inout [UInt8]) -> Void) -> ArticleRows {
        ArticleRows(
            count: count, separator: ",\n", head: { empty in Array((empty ? "[]\n" : "[\n").utf8) },
            tail: { empty in empty ? [] : Array("\n]\n".utf8) }, rows: rows)
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

    /// A quotation; `date` and `page` (its article's address with `#`) are its article's.
    private func quote(_ summary: ArticleSummary, _ quote: QuoteRef, date: JSONValue, page: String) -> JSONValue {
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
            ("id", .string(quoteID(summary, quote))), ("url", .string(page + quote.id)),
            ("article", .string(summary.slug)), ("date", date), ("text", .string(quote.fullText)),
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

    /// An article's rows of quotes.csv.
    private func quotesCSV(_ summary: ArticleSummary, into out: inout [UInt8]) {
        guard !summary.quotes.isEmpty else { return }
        // Its fields shared by its quotations (date, page address) are made once.
        let timestamp = summary.date.map(FeedRenderer.timestamp) ?? ""
        let page = urls.absolute(urls.article(summary.slug)) + "#"
        for quote in summary.quotes {
            let fields = [
                summary.slug, timestamp, quote.speakerName ?? quote.speakerDescription ?? "", quote.speakerID ?? "",
                quote.kind.rawValue, quote.fullText, page + quote.id,
            ]
            for (number, field) in fields.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendCSVField(field, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        var out: [UInt8] = []
        appendCSVField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `csvField` appended to a row, scanning the text's contiguous UTF-8 bytes.
    static func appendCSVField(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }
}
