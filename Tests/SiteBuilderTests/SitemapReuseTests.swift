import Foundation
import SiteBuilder
import TestSupport
import Testing

/// After edits in place that change lists, the sitemap is kept when it would come out the same —
/// no page gained, lost or renamed, no article's last change moved — and written again otherwise.
struct SitemapReuseTests {
    /// The third story of `EditedArchive` with other front matter and the same body.
    func rewriteStory(_ fields: String, in site: TemporarySite) throws {
        try site.article(
            "2015-03-03-story-2.md", fields,
            body: "Ravi Chandran, who chairs the board, said: \"Number 2 matters.\"\n\nShe met Graham Pell in London.")
    }

    func build(_ site: TemporarySite) async throws -> BuildReport {
        try await SiteBuilder(options: BuildOptions(source: site.site)).build()
    }

    @Test(arguments: [
        // A new title shows on lists but moves no page: the sitemap is kept.
        ("title: A new headline\ntags: [t0, shared]", true),
        // The tag t0 gives way to a new one: a tag page goes, another comes.
        ("title: Story 2\ntags: [renamed, shared]", false),
        // A later `updated` is the article's `lastmod`.
        ("title: Story 2\nupdated: 2016-05-01\ntags: [t0, shared]", false),
    ])
    func theSitemapIsKeptOnlyWhenItWouldComeOutTheSame(fields: String, kept: Bool) async throws {
        let site = try EditedArchive.make()
        defer { site.remove() }
        _ = try await build(site)
        let before = try site.outputInode("sitemap.xml")
        try rewriteStory(fields, in: site)
        let report = try await build(site)
        #expect(!report.inPlace && !report.unchanged && report.reused == report.articles - 1)
        #expect(report.reusedPages < report.pages - report.articles, "no list page changed: not the edit meant")
        #expect((try site.outputInode("sitemap.xml") == before) == kept)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: fields)
        if fields.contains("updated") {
            #expect(site.output("sitemap.xml")?.contains("<lastmod>2016-05-01") == true)
        }
    }
}
