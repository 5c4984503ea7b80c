import ArchiveModel
import Foundation
import SiteIndex

/// What a feed follows: the whole archive, one tag, or one entity ("everything about Robert Hannigan").
public enum FeedScope: Sendable, Hashable {
    case site
    /// A tag by its position in `SiteIndex.tags`.
    case tag(Int)
    case entity(String)
}

/// Renders Atom feeds (RFC 4287) and the site's JSON Feed 1.1 from the site index. The site feeds
/// carry each article's body in full (`bodies`, by slug); tag and entity feeds carry the standfirst
/// and, for an entity, the sentence that names it, so that thousands of them stay small. Entry ids
/// are the articles' permalinks, which do not change between builds. Undated articles are in no feed.
public struct FeedRenderer: Sendable {
    let index: SiteIndex
    let config: SiteConfig
    let urls: SiteURLs
    /// Full body HTML of the newest articles, by slug.
    let bodies: [String: String]

    public init(index: SiteIndex, config: SiteConfig, bodies: [String: String]) {
        self.index = index
        self.config = config
        self.urls = SiteURLs(config: config)
        self.bodies = bodies
    }

    /// Where a scope's Atom feed goes: `feed.xml`, `tags/<slug>/feed.xml`, `people/<id>/feed.xml`.
    public func atomPath(_ scope: FeedScope) -> String {
        switch scope {
        case .site: return "feed.xml"
        case .tag(let position): return urls.tag(index.tags[position].slug) + "feed.xml"
        case .entity(let id):
            guard let entity = index.entities.entries[id]?.entity else { return "feed.xml" }
            return urls.entity(entity.type, id) + "feed.xml"
        }
    }

    public static let jsonFeedPath = "feed.json"

    /// One feed entry: the article and what the entry says of it.
    struct Item {
        var summary: ArticleSummary
        /// The article's place in the index, for its `articleHash`.
        var position: Int
        var content: String?
        var context: String?
    }

    /// The feed's title, the site path of the page it follows, and its newest items.
    func items(_ scope: FeedScope) -> (title: String, page: String, items: [Item])? {
        let limit = config.feedLimit
        switch scope {
        case .site:
            // Undated articles sort last and have no place in a feed.
            let items = index.articles.prefix { $0.date != nil }.prefix(limit).enumerated().map {
                Item(summary: $0.element, position: $0.offset, content: bodies[$0.element.slug])
            }
            return (config.title, "", items)
        case .tag(let position):
            guard index.tags.indices.contains(position) else { return nil }
            let tag = index.tags[position]
            let items = tag.articles.prefix { index.articles[$0].date != nil }.prefix(limit).map {
                Item(summary: index.articles[$0], position: $0)
            }
            return ("\(config.title): \(tag.name)", urls.tag(tag.slug), items)
        case .entity(let id):
            guard let entry = index.entities.entries[id] else { return nil }
            let items = zip(entry.articles, entry.contexts).prefix { index.articles[$0.0].date != nil }.prefix(limit)
                .map { Item(summary: index.articles[$0.0], position: $0.0, context: $0.1) }
            return ("\(config.title): \(entry.entity.name)", urls.entity(entry.entity.type, id), items)
        }
    }

    /// The Atom document for `scope`, or nil when the tag or entity no longer exists.
    public func atom(_ scope: FeedScope) -> String? {
        guard let feed = items(scope) else { return nil }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Self.xml(config.language))">
            <title>\(Self.xml(feed.title))</title>

            """
        if !config.description.isEmpty { xml += "<subtitle>\(Self.xml(config.description))</subtitle>\n" }
        xml += """
            <id>\(Self.xml(urls.absolute(feed.page)))</id>
            <link rel="self" type="application/atom+xml" href="\(Self.xml(urls.absolute(atomPath(scope))))"/>
            <link rel="alternate" type="text/html" href="\(Self.xml(urls.absolute(feed.page)))"/>
            <updated>\(Self.timestamp(feed.items.compactMap(\.summary.modified).max()))</updated>
            <author><name>\(Self.xml(config.author ?? config.title))</name></author>
            <generator>Broadsheet</generator>

            """
        for item in feed.items { xml += entry(item) }
        return xml + "</feed>\n"
    }

    private func entry(_ item: Item) -> String {
        let summary = item.summary
        let link = urls.absolute(urls.article(summary.slug))
        var xml = """
            <entry>
            <title>\(Self.xml(summary.title))</title>
            <link rel="alternate" type="text/html" href="\(Self.xml(link))"/>
            <id>\(Self.xml(link))</id>
            <updated>\(Self.timestamp(summary.modified))</updated>

            """
        if let date = summary.date { xml += "<published>\(Self.timestamp(date))</published>\n" }
        for author in summary.authors { xml += "<author><name>\(Self.xml(author))</name></author>\n" }
        for tag in summary.tags { xml += "<category term=\"\(Self.xml(tag))\"/>\n" }
        if let standfirst = summary.standfirst { xml += "<summary>\(Self.xml(standfirst))</summary>\n" }
        let html = item.content ?? summaryHTML(item)
        // xml:base makes the body's root-relative links (entity pages, images) resolve in readers.
        xml += "<content type=\"html\" xml:base=\"\(Self.xml(link))\">\(Self.xml(html))</content>\n"
        return xml + "</entry>\n"
    }

    /// What a tag or entity feed entry says: the standfirst, the sentence naming the entity, a link.
    private func summaryHTML(_ item: Item) -> String {
        var html = ""
        if let standfirst = item.summary.standfirst { html += "<p>\(HTMLEscaping.escape(standfirst))</p>" }
        if let context = item.context, !context.isEmpty {
            html += "<blockquote>\(HTMLEscaping.escape(context))</blockquote>"
        }
        let link = urls.absolute(urls.article(item.summary.slug))
        return html + "<p><a href=\"\(HTMLEscaping.escape(link))\">Read the article</a></p>"
    }

    /// The site's JSON Feed 1.1.
    public func jsonFeed() -> String {
        let feed = items(.site) ?? (config.title, "", [])
        var top: [(String, JSONValue)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")), ("title", .string(feed.title)),
            ("home_page_url", .string(urls.absolute(""))), ("feed_url", .string(urls.absolute(Self.jsonFeedPath))),
            ("language", .string(config.language)),
        ]
        if !config.description.isEmpty { top.append(("description", .string(config.description))) }
        if let author = config.author { top.append(("authors", .array([.object([("name", .string(author))])]))) }
        let items: [JSONValue] = feed.items.map { item in
            let summary = item.summary
            let link = urls.absolute(urls.article(summary.slug))
            var fields: [(String, JSONValue)] = [
                ("id", .string(link)), ("url", .string(link)), ("title", .string(summary.title)),
                ("content_html", .string(item.content ?? summaryHTML(item))),
            ]
            if let standfirst = summary.standfirst { fields.append(("summary", .string(standfirst))) }
            if let date = summary.date { fields.append(("date_published", .string(Self.timestamp(date)))) }
            if let updated = summary.updated { fields.append(("date_modified", .string(Self.timestamp(updated)))) }
            if !summary.authors.isEmpty {
                fields.append(("authors", .array(summary.authors.map { .object([("name", .string($0))]) })))
            }
            if !summary.tags.isEmpty { fields.append(("tags", .array(summary.tags.map(JSONValue.string)))) }
            return .object(fields)
        }
        top.append(("items", .array(items)))
        return JSONValue.object(top).serialized() + "\n"
    }

    /// RFC 3339 in UTC (`2014-11-07T00:00:00Z`); the Unix epoch for a feed with no dated article.
    public static func timestamp(_ date: ArticleDate?) -> String {
        Date(timeIntervalSince1970: date?.instant ?? 0).formatted(.iso8601)
    }

    /// Escapes text for XML content and attribute values: HTML's escaping, less the C0 control
    /// characters XML 1.0 forbids (all but tab and the line breaks).
    public static func xml(_ text: String) -> String {
        let forbidden = { (scalar: Unicode.Scalar) in
            scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
        }
        guard text.unicodeScalars.contains(where: forbidden) else { return HTMLEscaping.escape(text) }
        return HTMLEscaping.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter { !forbidden($0) })))
    }
}

extension ArticleSummary {
    /// When the article last changed: `updated`, else `date`.
    public var modified: ArticleDate? { updated ?? date }
}
