import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// Quotations on the built site: marked up in articles, collected on speaker pages and the quote index.
struct QuoteSiteTests {
    func site() throws -> TemporarySite {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/news/\n")
        try site.article(
            "2016-07-04-flood-review.md", "title: \"Walls 'built for another sea', says hydrologist\"",
            body: """
                Professor Eleanor Whitcombe, who led the review, said the walls were "good walls".

                "But the sea they were built for *no longer exists*," she said.

                The board's chief executive, Graham Pell, said: "It makes uncomfortable reading.

                "We will not pretend otherwise."
                """)
        try site.article(
            "2017-01-09-follow-up.md", "title: Follow-up",
            body: "Eleanor Whitcombe returned in January. \"Silence is not a flood defence,\" she said.")
        return site
    }

    /// A site at the root holding one article (`slug`, dated 2026-03-01), built; the caller removes it.
    func builtArticle(_ slug: String, title: String, body: String) async throws -> (TemporarySite, String?) {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/\n")
        try site.article("2026-03-01-\(slug).md", "title: \(title)", body: body)
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        return (site, site.output("articles/\(slug)/index.html"))
    }

    @Test func articlesMarkEachQuotationWithItsSpeakerAndPermalink() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        let page = try #require(site.output("articles/flood-review/index.html"))
        #expect(
            page.contains(
                "<q class=\"quote quote-partial\" data-quote=\"q2\" id=\"q2\" data-speaker=\"eleanor-whitcombe\" title=\"Eleanor Whitcombe\">good walls</q>"
            ))
        #expect(page.contains("id=\"q1\""))  // the headline's quotation
        // Crossing emphasis: one <q> per text run, the id on the first only.
        #expect(page.contains("data-quote=\"q3\" id=\"q3\""))
        #expect(
            page.contains("<em><q class=\"quote quote-direct\" data-quote=\"q3\" data-speaker=\"eleanor-whitcombe\""))
        #expect(page.components(separatedBy: "data-quote=\"q4\"").count - 1 == 2)  // a multi-paragraph quotation
        #expect(page.contains("Who said what"))
        #expect(page.contains("<a href=\"#q4\">“It makes uncomfortable reading. We will not pretend otherwise.”</a>"))
        #expect(await LinkCheck.brokenLinks(in: site.output, basePath: "/news/").isEmpty)
    }

    @Test func anArticleQuotingInSingleMarksIsMarkedUpTheSame() async throws {
        let (site, built) = try await builtArticle(
            "bus-route", title: "Bus route axed",
            body: """
                'Rural people pay the same council tax as everyone else,' said Rachel Akande. 'They deserve the same services.

                'I will be asking the minister what he intends to do.'
                """)
        defer { site.remove() }
        let page = try #require(built)
        // Smart punctuation curls the marks (the one left open at a paragraph's end into ’); the
        // second paragraph's piece starts after its mark.
        #expect(
            page.contains(
                "’<q class=\"quote quote-multi\" data-quote=\"q2\" id=\"q2\" data-speaker=\"rachel-akande\" title=\"Rachel Akande\">They deserve the same services.</q></p>"
            ))
        #expect(
            page.contains(
                "<p>‘<q class=\"quote quote-multi\" data-quote=\"q2\" data-speaker=\"rachel-akande\" title=\"Rachel Akande\">I will be asking the minister what he intends to do.</q>’</p>"
            ))
    }

    /// A speaker the text names by a surname alone, never in full, is shown by that name, linked to
    /// no page, and has their own group in the article's panel.
    @Test func aSpeakerNamedOnlyBySurnameIsShownUnlinked() async throws {
        let (site, built) = try await builtArticle(
            "ferry", title: "Ferry fares",
            body: """
                The ferry board met on Monday. "Fares will rise in May," Okonkwo said.

                "Nobody told us," a passenger said.
                """)
        defer { site.remove() }
        let page = try #require(built)
        #expect(page.contains("title=\"Okonkwo\">Fares will rise in May,</q>"))
        let panel = try #require(page.range(of: "Who said what"))
        let rest = page[panel.lowerBound...]
        #expect(rest.contains("Okonkwo"))
        #expect(!rest.contains("Unattributed"))
        #expect(site.output("people/okonkwo/index.html") == nil)
    }

    @Test func speakersAndTheQuoteIndexCollectEveryQuotation() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        let all = try #require(site.output("quotes/index.html"))
        // Out of its sentence, a quotation loses the comma that led into "she said"; the article
        // keeps it.
        #expect(all.contains(">Silence is not a flood defence</a>"))
        #expect(!all.contains("Silence is not a flood defence,"))
        let followUp = try #require(site.output("articles/follow-up/index.html"))
        #expect(followUp.contains("<a href=\"#q1\">“Silence is not a flood defence”</a>"))
        #expect(followUp.contains("Silence is not a flood defence,"))
        let newest = try #require(all.range(of: "Silence is not"))
        let older = try #require(all.range(of: "good walls"))
        #expect(newest.lowerBound < older.lowerBound)
        let speakers = try #require(site.output("quotes/by-speaker/index.html"))
        #expect(speakers.contains("“Silence is not a flood defence”</a>"))
        let first = try #require(speakers.range(of: "Eleanor Whitcombe"))
        let second = try #require(speakers.range(of: "Graham Pell"))
        #expect(first.lowerBound < second.lowerBound)
        let hers = try #require(site.output("people/eleanor-whitcombe/quotes/index.html"))
        #expect(hers.contains("href=\"/news/articles/follow-up/#q1\""))
        let entity = try #require(site.output("people/eleanor-whitcombe/index.html"))
        #expect(entity.contains("What they said"))
        #expect(entity.contains(">Silence is not a flood defence</a>"))
        #expect(entity.contains("All 4 quotations"))  // the headline’s “says hydrologist” is hers too
        #expect(await LinkCheck.brokenLinks(in: site.output, basePath: "/news/").isEmpty)
    }
}
