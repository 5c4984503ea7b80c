/// The site's settings from `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute URL the site is published at, always ending in "/" (e.g. `https://example.org/archive/`).
    public var baseURL: String
    public var language: String
    public var author: String?
    /// Let raw HTML in Markdown through instead of escaping it.
    public var unsafeHTML: Bool
    /// Articles per page on the home page, tag pages and archive pages.
    public var pageSize: Int
    /// How entity mentions in article bodies are linked.
    public var entityLinks: EntityLinkStyle = .all
    /// Entries per feed (site.yml `feed_limit`), newest first.
    public var feedLimit: Int = 20

    public init(
        title: String = "Broadsheet", description: String = "", baseURL: String = "http://localhost:8000/",
        language: String = "en", author: String? = nil, unsafeHTML: Bool = false, pageSize: Int = 10
    ) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalised(baseURL: baseURL)
        self.language = language
        self.author = author
        self.unsafeHTML = unsafeHTML
        self.pageSize = pageSize
    }

    /// The path part of the base URL, starting and ending with "/" (`/archive/`, or `/` at a root).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// Adds the trailing slash a base URL needs so that paths can be appended to it.
    public static func normalised(baseURL: String) -> String {
        baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }
}

/// How mentions of entities are linked in article bodies (site.yml `entity_links`).
public enum EntityLinkStyle: String, Sendable, Hashable, CaseIterable {
    /// Every mention: the first of each entity visibly, later ones subtly.
    case all
    /// Only the first mention of each entity.
    case first
    /// No links in the body (the panel still lists the entities).
    case none
}
