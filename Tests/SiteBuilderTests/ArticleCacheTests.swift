import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// serve's rebuilds reuse the work for articles that did not change.
struct ArticleCacheTests {
    @Test func unchangedArticlesAreReusedAndAnythingTheyDependOnInvalidatesThem() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2014-01-01-a.md", "title: A", body: "Eleanor Whitcombe spoke.")
        try site.article("2014-01-02-b.md", "title: B", body: "Graham Pell replied.")
        try site.article("2014-01-03-c.md", "title: C\ndraft: true", body: "Not yet.")
        let cache = ArticleCache()
        let builder = SiteBuilder(options: BuildOptions(source: site.site), cache: cache)
        #expect(try await builder.build().reused == 0)

        try site.article("2014-01-02-b.md", "title: B, edited", body: "Graham Pell replied at length.")
        let second = try await builder.build()
        #expect(second.reused == 2)  // A, and the draft C
        #expect(site.output("articles/a/index.html")?.contains("Eleanor Whitcombe") == true)
        #expect(site.output("articles/b/index.html")?.contains("replied at length") == true)
        #expect(site.output("index.html")?.contains("B, edited") == true)

        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Content/articles/2014-01-01-a.md"))
        #expect(try await builder.build().reused == 2)
        #expect(site.output("articles/a/index.html") == nil)

        // A template change touches every page: nothing is reused.
        let footer = site.site.appendingPathComponent("Templates/partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(
            to: footer, atomically: true, encoding: .utf8)
        #expect(try await builder.build().reused == 0)
        #expect(site.output("articles/b/index.html")?.contains("<!-- changed -->") == true)
    }
}
