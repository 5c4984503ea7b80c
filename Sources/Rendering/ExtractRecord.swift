import ArchiveModel
import SiteIndex

/// The `broadsheet extract` record of one file (a contract other tools depend on):
/// `{"file", "entities": [{"id", "name", "type", "mentions": [{"start", "end", "text"}]}], "quotes": []}`
/// with offsets in Unicode scalars from the start of the file, end exclusive. Mentions in text
/// with no place in the file (front matter values) are left out.
public enum ExtractRecord {
    /// `source` is the file's text as Unicode scalars; a mention's `text` is the file's own text at
    /// its offsets (straight quotes and all), so `source[start..<end] == text` always holds.
    public static func json(
        file: String, source: [Unicode.Scalar], units: [TextUnit], annotations: EntityAnnotations,
        quotes: [Quotation] = []
    ) -> JSONValue {
        var mentionsByEntity: [String: [JSONValue]] = [:]
        for mention in annotations.mentions {
            guard let range = units[mention.unit].sourceMap.sourceRange(start: mention.start, end: mention.end),
                range.upperBound <= source.count
            else { continue }
            let text = String(scalars: source[range])
            mentionsByEntity[mention.entity, default: []].append(
                .object([("start", .int(range.lowerBound)), ("end", .int(range.upperBound)), ("text", .string(text))]))
        }
        let entities: [JSONValue] = annotations.entities.compactMap { item in
            guard let mentions = mentionsByEntity[item.entity.id], !mentions.isEmpty else { return nil }
            return .object([
                ("id", .string(item.entity.id)), ("name", .string(item.entity.name)),
                ("type", .string(item.entity.type.rawValue)), ("mentions", .array(mentions)),
            ])
        }
        let quoteRecords = quotes.compactMap { quote($0, source: source, units: units) }
        return .object([("file", .string(file)), ("entities", .array(entities)), ("quotes", .array(quoteRecords))])
    }

    /// `{"start", "end", "text", "kind", "speaker": {"name", "entity", "mention"}}`; an unnamed source
    /// adds `description` and, when named, `organisation`.
    static func quote(_ quote: Quotation, source: [Unicode.Scalar], units: [TextUnit]) -> JSONValue? {
        guard let start = units[quote.start.unit].sourceMap.sourceOffset(of: quote.start.offset),
            let last = units[quote.end.unit].sourceMap.sourceOffset(of: quote.end.offset - 1)
        else { return nil }
        var speaker: [(String, JSONValue)] = [
            ("name", quote.speaker?.name.map(JSONValue.string) ?? .null),
            ("entity", quote.speaker?.entity.map(JSONValue.string) ?? .null),
            ("mention", quote.speaker?.mention.flatMap { mention($0, source: source, units: units) } ?? .null),
        ]
        if let description = quote.speaker?.description { speaker.append(("description", .string(description))) }
        if let organisation = quote.speaker?.organisation { speaker.append(("organisation", .string(organisation))) }
        return .object([
            ("start", .int(start)), ("end", .int(last + 1)), ("text", .string(quote.text)),
            ("kind", .string(quote.kind.rawValue)), ("speaker", .object(speaker)),
        ])
    }

    /// Where `quote` is in the file: the same offsets as its extract record, with the file's text
    /// there and up to `QuoteAnchor.contextLength` scalars either side.
    public static func anchor(_ quote: Quotation, source: [Unicode.Scalar], units: [TextUnit]) -> QuoteAnchor? {
        guard let start = units[quote.start.unit].sourceMap.sourceOffset(of: quote.start.offset),
            let last = units[quote.end.unit].sourceMap.sourceOffset(of: quote.end.offset - 1), last < source.count,
            start <= last
        else { return nil }
        func text(_ range: Range<Int>) -> String { String(scalars: source[range]) }
        let context = QuoteAnchor.contextLength
        return QuoteAnchor(
            start: start, end: last + 1, exact: text(start..<last + 1), prefix: text(max(0, start - context)..<start),
            suffix: text(last + 1..<min(source.count, last + 1 + context)))
    }

    private static func mention(_ mention: SpeakerMention, source: [Unicode.Scalar], units: [TextUnit]) -> JSONValue? {
        guard let range = units[mention.unit].sourceMap.sourceRange(start: mention.start, end: mention.end),
            range.upperBound <= source.count
        else { return nil }
        return .object([
            ("start", .int(range.lowerBound)), ("end", .int(range.upperBound)),
            ("text", .string(String(scalars: source[range]))),
        ])
    }
}
