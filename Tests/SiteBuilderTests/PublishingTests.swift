import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Feeds, sitemap, structured data, open data and the search index of a built site, read back the
/// way their consumers read them.
struct PublishingTests {
    /// A small archive under a sub-path: two people, quotations, tags, one undated letter.
    func publishedSite() async throws -> TemporarySite {
        let site = try TemporarySite(siteYAML: "title: Gazette\nbase_url: https://example.org/news/\nauthor: Desk\n")
        try site.write(
            "Content/entities.yml",
            """
            entities:
              - id: eleanor-whitcombe
                type: person
                name: Eleanor Whitcombe
                wikidata: Q1000001
            """)
        try site.article(
            "2015-03-01-flood-board.md", "title: Flood board warns\ntags: [Flooding]\nauthors: [Tom Aldred]",
            body:
                "Eleanor Whitcombe, who chairs the board, said: \"The walls were built for another climate, and we are out of time.\"\n\nShe spoke in Leeds."
        )
        try site.article(
            "2015-04-02-council-reply.md",
            "title: Council replies\nstandfirst: A short answer\ntags: [Flooding, Council]",
            body:
                "Graham Pell, the council leader, said the plan was \"fully funded\".\n\n\"We will, \"he added, \"keep every promise.\"\n\nEleanor Whitcombe said: \"I will believe it, \"she said, \"when I see it.\""
        )
        try site.write(
            "Content/articles/letter.txt", "A letter\n\nFrom a reader\n\nThe body, with a comma, and \"quotes\".\n")
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        return site
    }

    /// Element names and texts of an XML document, by a real XML parser.
    final class XMLCollector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String: [String]] = [:]
        var attributes: [String: [[String: String]]] = [:]
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append(name)
            self.attributes[name, default: []].append(attributes)
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(text)
            text = ""
        }
    }

    func parseXML(_ text: String) throws -> XMLCollector {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    func json(_ text: String?) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try #require(text).utf8))
    }

    @Test func atomAndJSONFeedsHaveTheRequiredElementsAndFullContent() async throws {
        let site = try await publishedSite()
        defer { site.remove() }
        let atom = try parseXML(try #require(site.output("feed.xml")))
        #expect(atom.elements.first == "feed")
        for required in ["title", "id", "updated", "entry", "link", "author", "content"] {
            #expect(atom.elements.contains(required), "feed.xml has no <\(required)>")
        }
        // Two dated articles, newest first; the undated letter is in no feed's newest.
        #expect(atom.texts["title"] == ["Gazette", "Council replies", "Flood board warns"])
        #expect(
            atom.texts["id"] == [
                "https://example.org/news/", "https://example.org/news/articles/council-reply/",
                "https://example.org/news/articles/flood-board/",
            ])
        #expect(atom.texts["published"] == ["2015-04-02T00:00:00Z", "2015-03-01T00:00:00Z"])
        let content = try #require(atom.texts["content"]?.last)
        #expect(content.contains("we are out of time"))
        #expect(content.contains("<q"))  // the body as the page shows it, quotations marked
        let selfLink = atom.attributes["link"]?.first { $0["rel"] == "self" }
        #expect(selfLink?["href"] == "https://example.org/news/feed.xml")

        let feed = try #require(try json(site.output("feed.json")) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/news/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        for item in items {
            for key in ["id", "url", "title", "content_html", "date_published"] { #expect(item[key] != nil, "\(key)") }
        }

        // Per tag and per entity, linked from their pages.
        let tagFeed = try parseXML(try #require(site.output("tags/flooding/feed.xml")))
        #expect(tagFeed.texts["title"] == ["Gazette: Flooding", "Council replies", "Flood board warns"])
        let personFeed = try parseXML(try #require(site.output("people/eleanor-whitcombe/feed.xml")))
        #expect(personFeed.elements.filter { $0 == "entry" }.count == 2)
        let page = try #require(site.output("people/eleanor-whitcombe/index.html"))
        #expect(
            page.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Gazette: Eleanor Whitcombe\" href=\"/news/people/eleanor-whitcombe/feed.xml\">"
            ))
    }

    @Test func sitemapListsEveryPageUnderTheSubPathAndRobotsPointsToIt() async throws {
        let site = try await publishedSite()
        defer { site.remove() }
        let sitemap = try parseXML(try #require(site.output("sitemap.xml")))
        let locations = try #require(sitemap.texts["loc"])
        #expect(locations.allSatisfy { $0.hasPrefix("https://example.org/news/") })
        for page in [
            "", "articles/flood-board/", "articles/letter/", "people/eleanor-whitcombe/", "tags/flooding/", "search/",
        ] {
            #expect(locations.contains("https://example.org/news/\(page)"), "\(page) missing")
        }
        #expect(!locations.contains { $0.hasSuffix("404.html") })
        #expect(Set(locations).count == locations.count)
        #expect(sitemap.texts["lastmod"]?.contains("2015-03-01T00:00:00Z") == true)
        #expect(site.output("robots.txt")?.contains("Sitemap: https://example.org/news/sitemap.xml") == true)
    }

    /// The JSON-LD of a page's head.
    func structuredData(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try #require(try json(String(html[start.upperBound..<end.lowerBound])) as? [String: Any])
    }

    @Test func pagesCarryOpenGraphAndJSONLDWithMentionsAndQuotations() async throws {
        let site = try await publishedSite()
        defer { site.remove() }
        let html = try #require(site.output("articles/flood-board/index.html"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:url\" content=\"https://example.org/news/articles/flood-board/\">"))
        #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        let graph = try #require(try structuredData(html)["@graph"] as? [[String: Any]])
        let article = try #require(graph.first)
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Flood board warns")
        #expect(article["datePublished"] as? String == "2015-03-01T00:00:00Z")
        #expect(article["dateModified"] != nil)
        #expect((article["author"] as? [[String: Any]])?.first?["name"] as? String == "Tom Aldred")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Gazette")
        let mentions = try #require(article["mentions"] as? [[String: Any]])
        let eleanor = try #require(mentions.first { $0["name"] as? String == "Eleanor Whitcombe" })
        #expect(eleanor["@type"] as? String == "Person")
        #expect(eleanor["sameAs"] as? [String] == ["https://www.wikidata.org/wiki/Q1000001"])
        let leeds = try #require(mentions.first { $0["name"] as? String == "Leeds" })
        #expect(leeds["sameAs"] as? [String] == ["https://www.geonames.org/2644688"])
        let quotation = try #require(graph.first { $0["@type"] as? String == "Quotation" })
        #expect((quotation["text"] as? String)?.contains("out of time") == true)
        #expect((quotation["creator"] as? [String: Any])?["name"] as? String == "Eleanor Whitcombe")
        #expect((quotation["isPartOf"] as? [String: Any])?["@id"] as? String == article["@id"] as? String)

        let entity = try structuredData(try #require(site.output("places/leeds/index.html")))
        #expect(entity["@type"] as? String == "Place")
        #expect(entity["sameAs"] as? [String] == ["https://www.geonames.org/2644688"])
    }

    /// RFC 4180 rows, quoted fields and all.
    func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field += "\""
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                rows.append(row + [field])
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    @Test func exportsRoundTripAndAnchorEveryQuotationInItsSource() async throws {
        let site = try await publishedSite()
        defer { site.remove() }
        let articles = try #require(try json(site.output("data/articles.json")) as? [[String: Any]])
        let quotes = try #require(try json(site.output("data/quotes.json")) as? [[String: Any]])
        let entities = try #require(try json(site.output("data/entities.json")) as? [[String: Any]])
        let rows = csvRows(try #require(site.output("data/quotes.csv")))
        #expect(rows.first == ["article", "date", "speaker", "speaker_entity", "kind", "text", "permalink"])
        let perArticle = articles.map { ($0["quotes"] as? [Any])?.count ?? 0 }.reduce(0, +)
        #expect(quotes.count >= 4)
        #expect(rows.count - 1 == quotes.count)
        #expect(perArticle == quotes.count)
        #expect(articles.count == 3)
        #expect(
            entities.contains { $0["id"] as? String == "eleanor-whitcombe" && $0["wikidata"] as? String == "Q1000001" })
        for (quote, row) in zip(quotes, rows.dropFirst()) {
            #expect(row[5] == quote["text"] as? String)
            #expect(row[6] == quote["url"] as? String)
            // The selectors find the quotation in its source file.
            let target = try #require(quote["target"] as? [String: Any])
            let file = try #require(target["source"] as? String)
            let source = Array(
                try String(contentsOf: site.site.appendingPathComponent(file), encoding: .utf8).unicodeScalars)
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let textQuote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
            let start = try #require(position["start"] as? Int)
            let end = try #require(position["end"] as? Int)
            let exact = String(String.UnicodeScalarView(source[start..<end]))
            #expect(exact == textQuote["exact"] as? String)
            let prefix = try #require(textQuote["prefix"] as? String)
            let suffix = try #require(textQuote["suffix"] as? String)
            #expect(String(String.UnicodeScalarView(source[..<start])).hasSuffix(prefix))
            #expect(String(String.UnicodeScalarView(source[end...])).hasPrefix(suffix))
        }
    }

    @Test func searchIndexHoldsTheSeedArticlesPeopleAndQuotations() async throws {
        let site = try TemporarySite(siteYAML: "title: Seed\nbase_url: https://example.org/\n")
        defer { site.remove() }
        try site.write(
            "Content/articles/2014-11-07-seed.txt", bytes: try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt"))
        let gazetteer = Repository.root.appendingPathComponent("Content/entities.yml")
        try site.write("Content/entities.yml", try String(contentsOf: gazetteer, encoding: .utf8))
        _ = try await SiteBuilder(options: BuildOptions(source: site.site)).build()
        let index = try #require(try json(site.output("search/index.json")) as? [String: [[Any]]])
        let names = Set((index["entities"] ?? []).compactMap { $0.first as? String })
        for person in ["Robert Hannigan", "Bernard Hogan-Howe", "James Comey"] {
            #expect(names.contains(person), "\(person) is not in the search index")
        }
        #expect((index["articles"] ?? []).count == 1)
        let quotes = try #require(try json(site.output("search/quotes.json")) as? [String: [[Any]]])
        // Speakers are positions in the entities list.
        let entities = index["entities"] ?? []
        let texts = (quotes["quotes"] ?? []).map { row in
            (row[0] as? String ?? "", (row[1] as? Int).flatMap { entities[$0].first as? String } ?? "")
        }
        #expect(texts.contains { $0.0.contains("dark and ungoverned space") })
        #expect(texts.contains { $0.1 == "Robert Hannigan" })
        let page = try #require(site.output("search/index.html"))
        #expect(page.contains("search.js"))
        #expect(site.output("assets/search.js") != nil)
    }
}
