import Rendering
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
}
