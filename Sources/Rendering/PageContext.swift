import ArchiveModel
import Mustache

/// What every page template sees: `site` (title, description, language, URLs of the site-wide
/// pages), `page` (title, canonical URL, description) and the page's own fields at the top level.
public struct PageContext: TemplateView {
    public let site: SiteView
    public let page: PageMeta
    public let content: MustacheParent

    public init(site: SiteView, page: PageMeta, content: MustacheParent) {
        self.site = site
        self.page = page
        self.content = content
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        default: return content.child(named: name)
        }
    }
}

/// Site-wide values for templates.
public struct SiteView: TemplateView, Sendable {
    public let config: SiteConfig
    public let urls: SiteURLs

    public init(config: SiteConfig) {
        self.config = config
        self.urls = SiteURLs(config: config)
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": return config.title
        case "description": return config.description.isEmpty ? nil : config.description
        case "language": return config.language
        case "author": return config.author
        case "baseURL": return config.baseURL
        case "home": return urls.path("")
        case "archive": return urls.path("archive/")
        case "tags": return urls.path("tags/")
        case "assets": return urls.path("assets/")
        case "about": return urls.path("about/")
        case "search": return urls.path("search/")
        case "feed": return urls.path("feed.xml")
        case "jsonFeed": return urls.path("feed.json")
        case "data": return urls.path("data/")
        case "quotes": return urls.path("quotes/")
        case "speakers": return urls.path("quotes/by-speaker/")
        case "people": return urls.path(urls.entityIndex(.person))
        case "organisations": return urls.path(urls.entityIndex(.organisation))
        case "places": return urls.path(urls.entityIndex(.place))
        default: return nil
        }
    }
}

/// Per-page values for templates: `page.title`, `page.url` (root-relative), `page.canonical`
/// (absolute), `page.description`, `page.kind` (article, home, list, tag, tags, archive, 404).
public struct PageMeta: TemplateView, Sendable {
    public var title: String
    /// Site path of the page (`articles/x/`), "" for the home page.
    public var sitePath: String
    public var description: String?
    public var kind: String
    let urls: SiteURLs
    /// The page's own Atom feed (a tag's, an entity's), besides the site's.
    public var feed: (title: String, sitePath: String)?
    /// Absolute URL of the page's picture, for OpenGraph and Twitter cards.
    public var image: String?
    /// The article's dates, for OpenGraph.
    public var published: ArticleDate?
    public var modified: ArticleDate?
    /// JSON-LD for the page's head, already serialized.
    public var structuredData: String?

    public init(title: String, sitePath: String, description: String? = nil, kind: String, urls: SiteURLs) {
        self.title = title
        self.sitePath = sitePath
        self.description = description
        self.kind = kind
        self.urls = urls
    }

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return urls.path(sitePath)
        case "canonical": return urls.absolute(sitePath)
        case "description": return description
        case "kind": return kind
        case "isHome": return kind == "home"
        case "isArticle": return kind == "article"
        case "feedTitle": return feed?.title
        case "feedURL": return feed.map { urls.path($0.sitePath) }
        case "image": return image
        case "published": return published.map(FeedRenderer.timestamp)
        case "modified": return modified.map(FeedRenderer.timestamp)
        case "structuredData": return structuredData
        default: return nil
        }
    }
}

/// A link with a label and an optional count, for tag clouds, archive years and the like.
public struct LinkView: TemplateView, Sendable {
    public var label: String
    public var url: String
    public var count: Int?
    public var current: Bool = false

    public func field(_ name: String) -> Any? {
        switch name {
        case "label": return label
        case "url": return url
        case "count": return count
        case "current": return current
        default: return nil
        }
    }
}
