import ArchiveModel
import SiteIndex

/// schema.org JSON-LD for a page's `<script type="application/ld+json">`: `NewsArticle` (with the
/// entities it mentions and a `Quotation` for each attributed quotation) on article pages, `Person`,
/// `Organization` or `Place` on entity pages, `WebSite` with its search on the home page.
public enum StructuredData {
    /// The script's text: JSON with `<` escaped, so no `</script>` can end it early.
    public static func script(_ value: JSONValue) -> String {
        value.serialized(forScript: true)
    }

    /// Links to the same entity elsewhere: Wikidata, GeoNames, its own site.
    public static func sameAs(_ entity: Entity) -> [String] {
        var links: [String] = []
        if let wikidata = entity.wikidata { links.append("https://www.wikidata.org/wiki/\(wikidata)") }
        if let geonames = entity.geonames { links.append("https://www.geonames.org/\(geonames)") }
        if let url = entity.url.flatMap(SiteURLs.web) { links.append(url) }
        return links
    }

    static func typeName(_ type: EntityType) -> String {
        switch type {
        case .person: return "Person"
        case .organisation: return "Organization"
        case .place: return "Place"
        }
    }

    /// An entity as schema.org sees it; `page` is its entity page's absolute URL.
    public static func entity(_ entity: Entity, page: String, full: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("@type", .string(typeName(entity.type))), ("name", .string(entity.name)), ("url", .string(page)),
        ]
        if full {
            if !entity.aliases.isEmpty {
                fields.append(("alternateName", .array(entity.aliases.map(JSONValue.string))))
            }
            if let description = entity.description { fields.append(("description", .string(description))) }
        }
        let links = sameAs(entity)
        if !links.isEmpty { fields.append(("sameAs", .array(links.map(JSONValue.string)))) }
        return .object(fields)
    }

    /// An entity page's JSON-LD.
    public static func entityPage(_ entity: Entity, page: String) -> JSONValue {
        guard case .object(let fields) = self.entity(entity, page: page, full: true) else { return .null }
        return .object([("@context", .string("https://schema.org"))] + fields)
    }

    /// The home page's JSON-LD: the site, and how to search it.
    public static func website(config: SiteConfig, urls: SiteURLs) -> JSONValue {
        .object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
            ("name", .string(config.title)), ("url", .string(urls.absolute(""))),
            (
                "potentialAction",
                .object([
                    ("@type", .string("SearchAction")),
                    ("target", .string(urls.absolute("search/") + "?q={search_term_string}")),
                    ("query-input", .string("required name=search_term_string")),
                ])
            ),
        ])
    }

    /// An article page's JSON-LD: the `NewsArticle` and its attributed quotations, as one graph.
    public static func article(
        _ metadata: ArticleMetadata, entities: [Entity], quotes: [Quotation], image: String?, config: SiteConfig,
        urls: SiteURLs
    ) -> JSONValue {
        let url = urls.absolute(urls.article(metadata.slug))
        var article: [(String, JSONValue)] = [
            ("@type", .string("NewsArticle")), ("@id", .string(url)), ("url", .string(url)),
            ("mainEntityOfPage", .string(url)), ("headline", .string(metadata.title)),
        ]
        if let standfirst = metadata.standfirst { article.append(("description", .string(standfirst))) }
        if let date = metadata.date { article.append(("datePublished", .string(FeedRenderer.timestamp(date)))) }
        if let modified = metadata.updated ?? metadata.date {
            article.append(("dateModified", .string(FeedRenderer.timestamp(modified))))
        }
        if !metadata.authors.isEmpty {
            let authors = metadata.authors.map {
                JSONValue.object([("@type", .string("Person")), ("name", .string($0))])
            }
            article.append(("author", .array(authors)))
        }
        article.append(
            (
                "publisher",
                .object([("@type", .string("Organization")), ("name", .string(metadata.publication ?? config.title))])
            ))
        if let image { article.append(("image", .string(image))) }
        if !metadata.tags.isEmpty { article.append(("keywords", .string(metadata.tags.joined(separator: ", ")))) }
        if !entities.isEmpty {
            let mentions = entities.map {
                self.entity($0, page: urls.absolute(urls.entity($0.type, $0.id)), full: false)
            }
            article.append(("mentions", .array(mentions)))
        }
        let byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quotations: [JSONValue] = quotes.compactMap { quote in
            guard let speaker = quote.speaker, let name = speaker.name ?? speaker.entity.flatMap({ byID[$0]?.name })
            else { return nil }
            var creator: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(name))]
            if let id = speaker.entity, let entity = byID[id] {
                creator = [
                    ("@type", .string(typeName(entity.type))), ("name", .string(entity.name)),
                    ("url", .string(urls.absolute(urls.entity(entity.type, id)))),
                ]
            }
            return .object([
                ("@type", .string("Quotation")), ("@id", .string(url + "#" + quote.id)),
                ("text", .string(quote.text)), ("creator", .object(creator)),
                ("isPartOf", .object([("@id", .string(url))])),
            ])
        }
        return .object([
            ("@context", .string("https://schema.org")), ("@graph", .array([.object(article)] + quotations)),
        ])
    }
}
