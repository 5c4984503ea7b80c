import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// Entities on the built site: linked mentions, the article panel, entity pages and indexes.
struct EntitySiteTests {
    func site(_ extraSettings: String = "") throws -> TemporarySite {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/news/\n\(extraSettings)")
        try site.write(
            "Content/entities.yml",
            """
            entities:
              - id: eleanor-whitcombe
                type: person
                name: Eleanor Whitcombe
                aliases: [Professor Whitcombe]
                description: Hydrologist who led the flood review
                wikidata: Q999999
            """)
        try site.article(
            "2016-07-04-flood-review.md", "title: Flood review\nentities: {the hydrologist: eleanor-whitcombe}",
            body:
                "Professor Eleanor Whitcombe led the review for the Estuary Flood Board.\n\nThe hydrologist said Whitcombe would publish in *London*. Professor Whitcombe agreed."
        )
        try site.article(
            "2017-01-09-flood-follow-up.md", "title: Flood follow-up",
            body: "Eleanor Whitcombe returned to the estuary in January with Graham Pell.")
        return site
    }

    func build(_ site: TemporarySite) async throws -> BuildReport {
        try await SiteBuilder(options: BuildOptions(source: site.site)).build()
    }

    @Test func entityPagesListEveryArticleNewestFirstWithContext() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let page = try #require(site.output("people/eleanor-whitcombe/index.html"))
        #expect(page.contains("<h1>Eleanor Whitcombe</h1>"))
        #expect(page.contains("Hydrologist who led the flood review"))
        #expect(page.contains("https://www.wikidata.org/wiki/Q999999"))
        let follow = try #require(page.range(of: "Flood follow-up"))
        let review = try #require(page.range(of: "Flood review"))
        #expect(follow.lowerBound < review.lowerBound)
        #expect(page.contains("Eleanor Whitcombe returned to the estuary in January with Graham Pell."))
        #expect(page.contains("<svg class=\"timeline\""))
        #expect(page.contains("href=\"/news/people/graham-pell/\""))
        #expect(site.output("organisations/estuary-flood-board/index.html") != nil)
        #expect(site.output("places/london/index.html")?.contains("GeoNames") == true)
        let people = try #require(site.output("people/index.html"))
        let first = try #require(people.range(of: "Eleanor Whitcombe"))
        let second = try #require(people.range(of: "Graham Pell"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(await LinkCheck.brokenLinks(in: site.output, basePath: "/news/").isEmpty)
    }

    @Test func theAboutPageCreditsTheBuiltInData() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let about = try #require(site.output("about/index.html"))
        #expect(about.contains("GeoNames"))
        #expect(about.contains("Creative Commons Attribution 4.0"))
        #expect(site.output("index.html")?.contains("href=\"/news/about/\"") == true)
    }

    @Test func mentionsAreLinkedFirstVisiblyThenSubtlyAndListedInThePanel() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let article = try #require(site.output("articles/flood-review/index.html"))
        let link = "href=\"/news/people/eleanor-whitcombe/\" data-entity=\"eleanor-whitcombe\""
        #expect(article.contains("<a class=\"mention mention-first\" \(link)>Professor Eleanor Whitcombe</a>"))
        #expect(article.contains("<a class=\"mention\" \(link)>The hydrologist</a>") == false)
        #expect(article.contains("<a class=\"mention\" \(link)>Whitcombe</a>"))
        #expect(article.contains("<a class=\"mention\" \(link)>Professor Whitcombe</a>"))
        #expect(
            article.contains(
                "<em><a class=\"mention mention-first\" href=\"/news/places/london/\" data-entity=\"london\">London</a></em>"
            ))
        #expect(article.contains("People, organisations and places in this article"))
        #expect(
            article.contains(
                "<a href=\"/news/people/eleanor-whitcombe/\" data-pagefind-filter=\"entity\">Eleanor Whitcombe</a> <span class=\"count\" title=\"mentions\">3</span>"
            ))
    }

    @Test func siteSettingsChooseHowMentionsAreLinked() async throws {
        let firstOnly = try site("entity_links: first\n")
        defer { firstOnly.remove() }
        _ = try await build(firstOnly)
        let article = try #require(firstOnly.output("articles/flood-review/index.html"))
        #expect(article.components(separatedBy: "data-entity=\"eleanor-whitcombe\"").count - 1 == 1)
        let none = try site("entity_links: none\n")
        defer { none.remove() }
        _ = try await build(none)
        #expect(none.output("articles/flood-review/index.html")?.contains("class=\"mention") == false)
    }

    @Test func aBrokenGazetteerFailsTheBuildAtItsLine() async throws {
        let site = try site()
        defer { site.remove() }
        try site.write("Content/entities.yml", "entities:\n  - id: x\n    type: ship\n    name: HMS Example\n")
        await #expect {
            _ = try await build(site)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.description.hasPrefix(
                "Content/entities.yml:3:11: error: unknown entity type `ship`") == true
        }
    }

    @Test func anUnknownPinnedIDIsAWarning() async throws {
        let site = try site()
        defer { site.remove() }
        try site.article(
            "2018-01-01-other.md", "title: Other\nentities: {the minister: no-such-person}", body: "The minister spoke."
        )
        let report = try await build(site)
        #expect(
            report.warnings.contains {
                $0.file == "Content/articles/2018-01-01-other.md" && $0.message.contains("no-such-person")
            })
    }
}
