import ArchiveModel
import Foundation
import SiteBuilder
import SiteChecker
import TestSupport
import Testing

/// `broadsheet check` on real built sites, then on the same sites broken on purpose.
struct SiteCheckTests {
    func builtSite(base: String = "https://example.org/news/") async throws -> TemporarySite {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: \(base)\npaginate: 1\n")
        try site.article(
            "2015-03-01-one.md", "title: One\ntags: [Flooding]",
            body: "Eleanor Whitcombe, who chairs the board, said: \"We are out of time.\"\n\nSee [two](/articles/two/)."
        )
        try site.article("2015-03-02-two.md", "title: Two", body: "Graham Pell said: \"Not so.\" He was in Leeds.")
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        return site
    }

    func check(_ site: TemporarySite, base: String = "https://example.org/news/") async -> SiteCheck.Report {
        await SiteCheck(output: site.output, baseURL: base).run()
    }

    @Test(arguments: ["https://example.org/news/", "https://example.org/"])
    func aBuiltSiteHasNoBrokenLinksIdsOrXML(base: String) async throws {
        let site = try await builtSite(base: base)
        defer { site.remove() }
        let report = await check(site, base: base)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
        #expect(report.pages > 20)
        #expect(report.links > report.pages * 10)
    }

    func edit(_ site: TemporarySite, _ page: String, replacing old: String, with new: String) throws {
        let url = site.output.appendingPathComponent(page)
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.contains(old), "\(page) has no \(old)")
        try html.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func brokenLinksMissingFragmentsDuplicateIdsAndBadXMLAreFound() async throws {
        let site = try await builtSite()
        defer { site.remove() }
        try edit(
            site, "articles/one/index.html", replacing: "href=\"/news/articles/two/\"",
            with: "href=\"/news/articles/too/\"")
        try edit(site, "quotes/index.html", replacing: "#q1\"", with: "#q99\"")
        try edit(
            site, "articles/two/index.html", replacing: "</article>",
            with: "<p id=\"main\"></p><img src=\"x.png\" alt></article><img src=\"/news/assets/style.css\">")
        try edit(site, "feed.xml", replacing: "<generator>Broadsheet</generator>", with: "<generator>A & B</generator>")
        try edit(site, "sitemap.xml", replacing: "</urlset>", with: "")
        let report = await check(site)
        let messages = report.findings.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("Output/articles/one/index.html:")
                    && $0.contains("broken link `/news/articles/too/`: no page at /news/articles/too/")
            }, "\(messages)")
        #expect(messages.contains { $0.contains("has no element with id `q99`") }, "\(messages)")
        #expect(messages.contains { $0.contains("id `main` is used twice") }, "\(messages)")
        #expect(
            messages.contains { $0.contains("warning: image `/news/assets/style.css` has no alt text") }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("Output/feed.xml:") && $0.contains("not well-formed XML") }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("Output/sitemap.xml:") && $0.contains("not well-formed XML") },
            "\(messages)")
        #expect(messages.contains { $0.contains("broken link `x.png`: no page at /news/articles/two/x.png") })
        // The alt text is a warning; the rest are errors, one finding each.
        #expect(report.findings.filter { $0.severity == .warning }.count == 1, "\(messages)")
        #expect(report.errorCount == 7, "\(messages)")
    }

    @Test func externalLinksAreListedNotChecked() async throws {
        let site = try await builtSite()
        defer { site.remove() }
        try edit(
            site, "articles/one/index.html", replacing: "</article>",
            with: "<a href=\"https://elsewhere.example/x\">x</a> <a href=\"mailto:desk@example.org\">m</a></article>")
        let report = await check(site)
        #expect(report.errorCount == 0)
        #expect(report.external["https://elsewhere.example/x"] == 1)
        #expect(report.external["mailto:desk@example.org"] == 1)
        // The site's own absolute URLs (canonical links) are internal, and checked.
        #expect(!report.external.keys.contains { $0.hasPrefix("https://example.org/news/") })
    }

    @Test func linksOutsideTheBasePathOrUpPastTheRootAreBroken() async throws {
        let site = try await builtSite()
        defer { site.remove() }
        try edit(
            site, "articles/one/index.html", replacing: "</article>",
            with: "<a href=\"/elsewhere/\">a</a><a href=\"../../../x\">b</a></article>")
        let messages = await check(site).findings.map(\.message)
        #expect(messages.filter { $0.contains("leaves the site's path /news/") }.count == 2, "\(messages)")
    }

    @Test func theScannerReadsQuotingStylesCommentsAndScripts() {
        let html = """
            <!-- <a href="/commented/"> -->
            <a href='/single/?x=1&amp;y=2#top' id=one><img src=/unquoted.png alt="">
            <script>document.write("<a href='/in-script/'>")</script>
            <DIV ID="Two"
              class="x">
            """
        let tags = HTMLScanner.tags(in: html)
        #expect(tags.map(\.name) == ["a", "img", "script", "div"])
        #expect(tags[0].attributes["href"] == "/single/?x=1&y=2#top")
        #expect(tags[0].attributes["id"] == "one")
        #expect(tags[1].attributes["src"] == "/unquoted.png")
        #expect(tags[3].attributes["id"] == "Two")
        #expect(tags[3].line == 4)
    }
}
