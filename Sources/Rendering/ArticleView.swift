import ArchiveModel
import Mustache
import SiteIndex

/// The fields of `article.mustache`: headline, standfirst, byline, dates, figure, body HTML,
/// tags, source link and `params` (front matter fields Broadsheet does not interpret).
public struct ArticleView: TemplateView {
    public let metadata: ArticleMetadata
    /// The rendered body; templates insert it with `{{{body}}}`.
    public let body: String
    let urls: SiteURLs
    let allowUnsafeURLs: Bool
    /// The "People, organisations and places in this article" panel.
    public var entityGroups: [EntityGroupView] = []
    /// The "Who said what" panel.
    public var speakerGroups: [SpeakerQuotesView] = []
    /// Headline and standfirst as HTML with their quotations marked (`{{{headline}}}`).
    public var headline: String?
    public var standfirstHTML: String?

    public init(metadata: ArticleMetadata, body: String, urls: SiteURLs, allowUnsafeURLs: Bool) {
        self.metadata = metadata
        self.body = body
        self.urls = urls
        self.allowUnsafeURLs = allowUnsafeURLs
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": return metadata.title
        case "standfirst": return metadata.standfirst
        case "body": return body
        case "url": return urls.path(urls.article(metadata.slug))
        case "date": return metadata.date.map(DateView.init)
        case "updated": return metadata.updated.map(DateView.init)
        case "undated": return metadata.date == nil
        case "byline": return Byline.text(metadata.authors)
        case "authors": return metadata.authors
        case "publication": return metadata.publication
        case "source": return metadata.source.map { urls.content($0, allowUnsafe: allowUnsafeURLs) }
        case "image": return metadata.image.map { ImageView(image: $0, urls: urls, allowUnsafe: allowUnsafeURLs) }
        case "tags": return TagLinks.links(metadata.tags, urls: urls)
        case "draft": return metadata.draft
        case "params": return ParamsView.convert(.map(metadata.params))
        case "entityGroups": return entityGroups
        case "speakerGroups": return speakerGroups
        case "headline": return headline ?? HTMLEscaping.escape(metadata.title)
        case "standfirstHTML": return standfirstHTML ?? metadata.standfirst.map(HTMLEscaping.escape)
        default: return nil
        }
    }
}

/// A date for templates: `{{date.text}}` (7 November 2014), `{{date.iso}}` (for `<time datetime>`).
public struct DateView: TemplateView, Sendable {
    public let date: ArticleDate

    public func field(_ name: String) -> Any? {
        switch name {
        case "text": return DateText.long(date)
        case "iso": return date.hasTime ? date.rfc3339 : date.isoDay
        case "year": return date.year
        case "month": return DateText.monthName(date.month)
        case "day": return date.day
        default: return nil
        }
    }
}

/// An article's lead picture.
struct ImageView: TemplateView {
    let image: ArticleImage
    let urls: SiteURLs
    let allowUnsafe: Bool

    func field(_ name: String) -> Any? {
        switch name {
        case "src": return image.source.map { urls.content($0, allowUnsafe: allowUnsafe, isImage: true) }
        case "alt": return image.alt ?? ""
        case "caption": return image.caption
        case "credit": return image.credit
        default: return nil
        }
    }
}

/// "By A", "By A and B", "By A, B and C".
enum Byline {
    static func text(_ authors: [String]) -> String? {
        guard let last = authors.last else { return nil }
        if authors.count == 1 { return last }
        return authors.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// Links to tag pages, keeping the author's spelling as the label.
enum TagLinks {
    static func links(_ tags: [String], urls: SiteURLs) -> [LinkView] {
        tags.compactMap { tag in
            let slug = Slug.make(from: tag)
            return slug.isEmpty ? nil : LinkView(label: tag, url: urls.path(urls.tag(slug)))
        }
    }
}

/// Front matter values in the shapes Mustache understands (strings, numbers, lists, dictionaries).
enum ParamsView {
    static func convert(_ value: ParamValue) -> Any? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number
        case .bool(let bool): return bool
        case .list(let items): return items.compactMap(convert)
        case .map(let values): return values.compactMapValues(convert)
        case .null: return nil
        }
    }
}
