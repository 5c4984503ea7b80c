import Testing

@testable import Preview

struct ContentTypesTests {
    @Test func commonSiteFilesGetTheirMediaTypes() {
        #expect(ContentTypes.forFile("index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forFile("style.CSS") == "text/css; charset=utf-8")
        #expect(ContentTypes.forFile("logo.svg") == "image/svg+xml")
        #expect(ContentTypes.forFile("font.woff2") == "font/woff2")
        #expect(ContentTypes.forFile("sitemap.xml") == "application/xml")
        #expect(ContentTypes.forFile("tags/x/feed.xml") == "application/atom+xml")
        #expect(ContentTypes.forFile("README") == "application/octet-stream")
    }
}
