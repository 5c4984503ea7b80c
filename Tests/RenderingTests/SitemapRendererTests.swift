import ArchiveModel
import Rendering
import SiteIndex
import Testing

/// Which output files the sitemap lists.
struct SitemapRendererTests {
    @Test func pagesAreListedButNotLaterPagesOfListsOrTheNotFoundPage() {
        for listed in ["index.html", "articles/x/index.html", "tags/page/index.html", "articles/page/index.html"] {
            #expect(SitemapRenderer.lists(listed), "\(listed)")
        }
        for skipped in [
            "404.html", "page/2/index.html", "tags/x/page/3/index.html", "tags/page/page/2/index.html", "feed.xml",
            "people/x/feed.xml",
        ] {
            #expect(!SitemapRenderer.lists(skipped), "\(skipped)")
        }
    }

    @Test func moreThanFiftyThousandPagesMakeAnIndexOfSitemaps() {
        #expect(SitemapRenderer.files(pages: 50_000) == ["sitemap.xml"])
        #expect(
            SitemapRenderer.files(pages: 120_001) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
    }

    @Test func aSitemapIndexPointsToPartsOfAtMostFiftyThousandURLs() {
        let files = (0..<120_001).map { "articles/a\($0)/index.html" }
        let sitemap = SitemapRenderer(
            index: SiteIndex(summaries: []), config: SiteConfig(baseURL: "https://example.org/news/"), files: files)
        let index = sitemap.render("sitemap.xml")
        #expect(index.contains("<sitemapindex"))
        #expect(index.contains("<loc>https://example.org/news/sitemap-3.xml</loc>"))
        #expect(sitemap.render("sitemap-1.xml").components(separatedBy: "<url>").count - 1 == 50_000)
        #expect(sitemap.render("sitemap-3.xml").components(separatedBy: "<url>").count - 1 == 20_001)
    }
}
