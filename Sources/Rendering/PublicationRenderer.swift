import ArchiveModel
import SiteIndex

/// A machine-readable file of the site: a feed, an open-data export, the search index, robots.txt.
public enum PublishedFile: Sendable, Hashable {
    case atom(FeedScope)
    case jsonFeed
    case data(DataExporter.File)
    case searchIndex
    case searchQuotes
    case robots
}

/// Renders the site's machine-readable files from the site index, with fingerprints for rebuilds
/// like the pages'. The sitemap, which lists every page, is rendered last by `SitemapRenderer`.
public struct PublicationRenderer: Sendable {
    let index: SiteIndex
    let config: SiteConfig
    let feeds: FeedRenderer
    /// A hash of every summary in order, for the files that show the whole archive.
    let archiveHash: Int

    public init(index: SiteIndex, config: SiteConfig, bodies: [String: String]) {
        self.index = index
        self.config = config
        self.feeds = FeedRenderer(index: index, config: config, bodies: bodies)
        var hasher = Hasher()
        for position in index.articles.indices { hasher.combine(index.articleDataHash(position)) }
        archiveHash = hasher.finalize()
    }

    public var pages: [PublishedFile] {
        var files: [PublishedFile] = [.atom(.site), .jsonFeed, .searchIndex, .searchQuotes, .robots]
        files += DataExporter.File.allCases.map { .data($0) }
        files += index.tags.indices.map { .atom(.tag($0)) }
        files += index.entities.entries.keys.sorted().map { .atom(.entity($0)) }
        return files
    }

    public func render(_ file: PublishedFile) -> RenderedPage? {
        switch file {
        case .atom(let scope):
            return feeds.atom(scope).map { RenderedPage(sitePath: feeds.atomPath(scope), html: $0) }
        case .jsonFeed:
            return RenderedPage(sitePath: FeedRenderer.jsonFeedPath, html: feeds.jsonFeed())
        case .robots:
            return RenderedPage(sitePath: "robots.txt", html: SitemapRenderer.robots(urls: SiteURLs(config: config)))
        // The large ones are written as they are made (see `RenderedPage.stream`).
        case .data(let data):
            let exporter = DataExporter(index: index, config: config)
            if let rows = exporter.rows(data) { return RenderedPage(sitePath: data.rawValue, html: "", rows: rows) }
            return RenderedPage(sitePath: data.rawValue, html: "", stream: { exporter.render(data, emit: $0) })
        case .searchIndex:
            let search = SearchIndexRenderer(index: index, config: config)
            return RenderedPage(sitePath: SearchIndexRenderer.indexPath, html: "", rows: search.indexRows)
        case .searchQuotes:
            let search = SearchIndexRenderer(index: index, config: config)
            return RenderedPage(sitePath: SearchIndexRenderer.quotesPath, html: "", rows: search.quoteRows)
        }
    }

    /// The site path of the file, without rendering it; nil for a feed with nothing to show (as
    /// `render` gives none).
    public func sitePath(_ file: PublishedFile) -> String? {
        switch file {
        case .atom(let scope): return feeds.items(scope) == nil ? nil : feeds.atomPath(scope)
        case .jsonFeed: return FeedRenderer.jsonFeedPath
        case .robots: return "robots.txt"
        case .data(let data): return data.rawValue
        case .searchIndex: return SearchIndexRenderer.indexPath
        case .searchQuotes: return SearchIndexRenderer.quotesPath
        }
    }

    /// A hash of everything `render(file)` shows (see `IndexPageRenderer.fingerprint`).
    public func fingerprint(_ file: PublishedFile) -> Int {
        var hasher = Hasher()
        hasher.combine(file)
        switch file {
        case .atom(let scope):
            guard let feed = feeds.items(scope) else { break }
            hasher.combine(feed.title)
            hasher.combine(feed.page)
            // Each article by what its pages show (`articleHash`), not by hashing its summary again:
            // hundreds of tag and entity feeds were 7 % of a serve rebuild.
            for item in feed.items {
                hasher.combine(index.articleHash(item.position))
                hasher.combine(item.content)
                hasher.combine(item.context)
            }
        case .jsonFeed:
            for item in feeds.items(.site)?.items ?? [] {
                hasher.combine(index.articleHash(item.position))
                hasher.combine(item.content)
            }
        case .data, .searchIndex, .searchQuotes:
            hasher.combine(archiveHash)
        case .robots:
            break
        }
        return hasher.finalize()
    }
}
