import ArchiveModel
import Foundation
import Mustache
import SiteIndex

/// A quotation in a list: `text`, `kind`, `url` (its place in the article), `speaker` (name),
/// `speakerURL` (the speaker's page, when an entity), `article` (title), `date`.
struct QuoteItemView: TemplateView {
    let quote: QuoteRef
    let article: ArticleSummary
    let speakerPath: String?
    let urls: SiteURLs

    func field(_ name: String) -> Any? {
        switch name {
        case "text": return Self.listed(quote.text)
        case "kind": return quote.kind.rawValue
        case "url": return urls.path(urls.article(article.slug)) + "#" + quote.id
        case "speaker": return quote.speakerName ?? quote.speakerDescription
        case "speakerURL": return speakerPath
        case "article": return article.title
        case "articleURL": return urls.path(urls.article(article.slug))
        case "date": return article.date.map(DateView.init)
        default: return nil
        }
    }

    /// Quoted words as a list shows them, out of their sentence: without the comma that led into
    /// the attribution ("“…private,” she said").
    static func listed(_ text: String) -> String {
        guard let last = text.lastIndex(where: { !$0.isWhitespace }), text[last] == "," else { return text }
        return String(text[..<last])
    }
}

/// One speaker's quotations in an article's "Who said what" panel: `name`, `url`, `quotes`
/// (each `text`, `anchor`, `kind`).
public struct SpeakerQuotesView: TemplateView, Sendable {
    public var name: String
    public var url: String?
    public var quotes: [LinkView]
    /// On the speakers page: all of the speaker's quotations, and how many.
    public var allURL: String?
    public var count: Int?

    public func field(_ name: String) -> Any? {
        switch name {
        case "name": return self.name
        // false, not nil: a missing value would make Mustache use the enclosing page's `url`.
        case "url": return url ?? false
        case "allURL": return allURL ?? false
        case "count": return count
        case "quotes": return quotes
        default: return nil
        }
    }

    /// The article's quotations grouped by speaker, in order of each speaker's first quotation;
    /// quotations without a speaker come last as "Unattributed".
    static func groups(_ quotes: [Quotation], entityPaths: [String: String]) -> [SpeakerQuotesView] {
        var order: [String] = []
        var groups: [String: SpeakerQuotesView] = [:]
        for quote in quotes {
            // A speaker is their entity, else the name the text gives (linked to no one), else how
            // the text describes them.
            let key =
                quote.speaker?.entity ?? quote.speaker?.name.map { "name:" + $0 } ?? quote.speaker?.description ?? ""
            let name =
                quote.speaker?.name ?? quote.speaker?.description.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            let text = quote.text.joiningParagraphs
            let link = LinkView(
                label: QuoteItemView.listed(EntityRef.shortenedText(text, limit: 160)), url: "#\(quote.id)", count: nil)
            if groups[key] == nil {
                order.append(key)
                let path = quote.speaker?.entity.flatMap { entityPaths[$0] }
                groups[key] = SpeakerQuotesView(
                    name: key.isEmpty ? "Unattributed" : (name ?? key), url: path, quotes: [])
            }
            groups[key]?.quotes.append(link)
        }
        let sorted = order.filter { !$0.isEmpty } + order.filter(\.isEmpty)
        return sorted.compactMap { groups[$0] }
    }
}
