import ArchiveModel
import Mustache
import SiteIndex

/// An article in a list: `title`, `url`, `date`, `standfirst`, `byline`, `tags`.
public struct ArticleCard: TemplateView, Sendable {
    public let summary: ArticleSummary
    let urls: SiteURLs

    public init(summary: ArticleSummary, urls: SiteURLs) {
        self.summary = summary
        self.urls = urls
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": return summary.title
        case "url": return urls.path(urls.article(summary.slug))
        case "date": return summary.date.map(DateView.init)
        case "undated": return summary.date == nil
        case "standfirst": return summary.standfirst
        case "byline": return Byline.text(summary.authors)
        case "publication": return summary.publication
        case "tags": return TagLinks.links(summary.tags, urls: urls)
        default: return nil
        }
    }
}

/// Links between the pages of a paginated list: `previous`, `next`, `number`, `count`.
public struct PaginationView: TemplateView, Sendable {
    public let number: Int
    public let count: Int
    public let previous: String?
    public let next: String?

    public init<Item>(page: Page<Item>, basePath: String, urls: SiteURLs) {
        number = page.number
        count = page.count
        previous = page.hasPrevious ? urls.path(Pagination.path(of: page.number - 1, basePath: basePath)) : nil
        next = page.hasNext ? urls.path(Pagination.path(of: page.number + 1, basePath: basePath)) : nil
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "number": return number
        case "count": return count
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

/// The fields of list pages (home, tag, archive month and year, undated): `heading`, `intro`,
/// `articles` (cards; `lead` and `rest` split off the first on page 1), `pagination` (nil when one
/// page is enough), `years`, `months` and `tags` where the page has them (else empty lists), and
/// `nothing` when there is nothing to list.
public struct ListView: TemplateView {
    public var heading: String
    public var intro: String?
    public var articles: [ArticleCard]
    public var pagination: PaginationView?
    public var years: [LinkView]
    public var months: [LinkView]
    public var tags: [LinkView]

    public init(
        heading: String, intro: String? = nil, articles: [ArticleCard] = [], pagination: PaginationView? = nil,
        years: [LinkView] = [], months: [LinkView] = [], tags: [LinkView] = []
    ) {
        self.heading = heading
        self.intro = intro
        self.articles = articles
        self.pagination = pagination
        self.years = years
        self.months = months
        self.tags = tags
    }

    private var isFirstPage: Bool { (pagination?.number ?? 1) == 1 }

    public func field(_ name: String) -> Any? {
        switch name {
        case "heading": return heading
        case "intro": return intro
        case "articles": return articles
        case "lead": return isFirstPage ? articles.first : nil
        case "rest": return isFirstPage ? Array(articles.dropFirst()) : articles
        case "nothing": return articles.isEmpty && years.isEmpty && tags.isEmpty
        case "pagination": return pagination.flatMap { $0.count > 1 ? $0 : nil }
        case "years": return years
        case "months": return months
        case "tags": return tags
        default: return nil
        }
    }
}
