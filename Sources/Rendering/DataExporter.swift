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
        case .quotes:
            // An article's date and address, the same for all its quotations, are made once.
            var article = -1
            var shared = (date: JSONValue.null, page: "")
            lines(
                index.quotes.all.lazy.map { entry in
                    if entry.article != article {
                        article = entry.article
                        let summary = index.articles[article]
                        shared = (date(summary.date), urls.absolute(urls.article(summary.slug)) + "#")
                    }
                    return quote(entry, date: shared.date, page: shared.page)
                }, emit: emit)
        case .quotesCSV: quotesCSV(emit: emit)
        }
    }

    /// A JSON array with one element per line: readable, diffable, and streamable by line. Lines
    /// are handed on about 64 KB at a time.
    private func lines(_ items: some Sequence<JSONValue>, emit: (String) -> Void) {
        var out = ByteChunks()
        var first = true
        for item in items {
            out.bytes.append(contentsOf: (first ? "[\n" : ",\n").utf8)
            item.write(into: &out.bytes)
            first = false
            out.handOnIfFull(emit)
        }
        out.bytes.append(contentsOf: (first ? "[]\n" : "\n]\n").utf8)
        out.handOn(emit)
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
    private func quote(_ entry: QuoteIndex.Entry, date: JSONValue, page: String) -> JSONValue {
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

    private func quotesCSV(emit: (String) -> Void) {
        // An article's fields shared by its quotations (date, page address) are made once: 111,000
        // rows at 10,000 articles.
        var out = ByteChunks(starting: Self.csvColumns.joined(separator: ",") + "\r\n")
        var article = -1
        var timestamp = ""
        var page = ""
        for entry in index.quotes.all {
            let summary = index.articles[entry.article]
            if entry.article != article {
                article = entry.article
                timestamp = summary.date.map(FeedRenderer.timestamp) ?? ""
                page = urls.absolute(urls.article(summary.slug)) + "#"
            }
            let quote = summary.quotes[entry.quote]
            let fields = [
                summary.slug, timestamp, quote.speakerName ?? quote.speakerDescription ?? "", quote.speakerID ?? "",
                quote.kind.rawValue, quote.fullText, page + quote.id,
            ]
            for (number, field) in fields.enumerated() {
                if number > 0 { out.bytes.append(UInt8(ascii: ",")) }
                Self.appendCSVField(field, to: &out.bytes)
            }
            out.bytes.append(contentsOf: [0x0D, 0x0A])
            out.handOnIfFull(emit)
        }
        out.handOn(emit)
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
