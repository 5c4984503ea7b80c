import ArchiveModel
import SiteIndex

/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. Every page but the 404 page and the second and
/// later pages of paginated lists is listed, article pages with their last change as `lastmod`. Past
/// 50,000 URLs, the protocol's limit, `sitemap.xml` becomes an index of `sitemap-N.xml` files.
public struct SitemapRenderer: Sendable {
    let urls: SiteURLs
    /// Site paths of the pages to list, sorted.
    let pages: [String]
    /// The last change of each article page, by site path.
    let modified: [String: ArticleDate]

    public static let limit = 50_000

    /// `files` are the output files of the site's HTML pages (`articles/x/index.html`).
    public init(index: SiteIndex, config: SiteConfig, files: [String]) {
        urls = SiteURLs(config: config)
        pages =
            files
            .filter(Self.lists)
            .map { String($0.dropLast("index.html".count)) }
            .sorted()
        var modified: [String: ArticleDate] = [:]
        for article in index.articles {
            if let date = article.modified { modified[urls.article(article.slug)] = date }
        }
        if let newest = index.articles.first?.modified { modified[""] = newest }
        self.modified = modified
    }

    /// The files to write: `sitemap.xml` alone, or it and `sitemap-1.xml`… when there are too many pages.
    public var files: [String] { Self.files(pages: pages.count) }

    /// The files for a sitemap of `pages` pages.
    public static func files(pages: Int) -> [String] {
        let parts = (pages + limit - 1) / limit
        return parts <= 1 ? ["sitemap.xml"] : ["sitemap.xml"] + (1...parts).map { "sitemap-\($0).xml" }
    }

    /// Whether an output file is a page the sitemap lists.
    public static func lists(_ file: String) -> Bool {
        // Bytes in place rather than split components or a search for "/page/" (through
        // Foundation): this runs for every file of every build.
        file.utf8.withContiguousStorageIfAvailable(lists(bytes:)) ?? lists(bytes: Array(file.utf8)[...])
    }

    private static func lists<Bytes: BidirectionalCollection<UInt8>>(bytes: Bytes) -> Bool {
        let name = "index.html".utf8
        guard bytes.count >= name.count, bytes.suffix(name.count).elementsEqual(name) else { return false }
        let folder = bytes.dropLast(name.count)
        guard let slash = folder.last else { return true }
        guard slash == UInt8(ascii: "/") else { return false }
        // `…/page/<digits>/index.html` is a later page of a list.
        let number = folder.dropLast().reversed().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let before = folder.dropLast(number.count + 1)
        let isPagination =
            !number.isEmpty && before.suffix(5).elementsEqual("page/".utf8)
            && (before.count == 5 || before.dropLast(5).last == UInt8(ascii: "/"))
        return !isPagination
    }

    public func render(_ file: String) -> String {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let namespace = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        if file == "sitemap.xml" && files.count > 1 {
            let parts = files.dropFirst().map {
                "<sitemap><loc>\(FeedRenderer.xml(urls.absolute($0)))</loc></sitemap>\n"
            }
            return header + "<sitemapindex \(namespace)>\n" + parts.joined() + "</sitemapindex>\n"
        }
        var slice = pages[...]
        if let number = Int(file.dropFirst("sitemap-".count).dropLast(".xml".count)) {
            slice = pages[min(pages.count, (number - 1) * Self.limit)..<min(pages.count, number * Self.limit)]
        }
        var xml = header + "<urlset \(namespace)>\n"
        for page in slice {
            xml += "<url><loc>\(FeedRenderer.xml(urls.absolute(page)))</loc>"
            if let date = modified[page] { xml += "<lastmod>\(FeedRenderer.timestamp(date))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Allows everything and points to the sitemap. Crawlers read robots.txt only at a host's root,
    /// so for a site under a sub-path it is written for the host's owner to copy or merge.
    public static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("sitemap.xml"))\n"
    }
}
