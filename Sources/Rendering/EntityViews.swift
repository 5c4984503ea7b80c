import ArchiveModel
import Mustache
import SiteIndex

/// Entities of one type in a panel or list: `label` ("People"), `type`, `entities` (links with counts).
public struct EntityGroupView: TemplateView, Sendable {
    public var type: EntityType
    public var entities: [LinkView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "label": return Self.label(type)
        case "type": return type.rawValue
        case "entities": return entities
        default: return nil
        }
    }

    static func label(_ type: EntityType) -> String {
        switch type {
        case .person: return "People"
        case .organisation: return "Organisations"
        case .place: return "Places"
        }
    }

    /// An article's entities grouped by type, people first, each group in order of first mention.
    static func groups(_ entities: [ArticleEntity], urls: SiteURLs) -> [EntityGroupView] {
        EntityType.allCases.compactMap { type in
            let links = entities.filter { $0.entity.type == type }.map {
                LinkView(label: $0.entity.name, url: urls.path(urls.entity(type, $0.entity.id)), count: $0.mentionCount)
            }
            return links.isEmpty ? nil : EntityGroupView(type: type, entities: links)
        }
    }
}

/// An article on an entity's page: the card fields plus `context`, the sentence of its first mention.
struct EntityArticleView: TemplateView {
    let card: ArticleCard
    let context: String

    func field(_ name: String) -> Any? {
        name == "context" ? (context.isEmpty ? nil : context) : card.child(named: name)
    }
}

/// The fields of `entity.mustache`: `name`, `typeLabel`, `description`, `links` (Wikidata,
/// GeoNames, the entity's own site), `articleCount`, `articles` (with `context`), `companions`
/// (entities named alongside), `timeline` (an inline SVG: use `{{{timeline}}}`), `pagination`.
struct EntityPageView: TemplateView {
    let entry: EntityIndex.Entry
    let articles: [EntityArticleView]
    let companions: [LinkView]
    let timeline: String
    let pagination: PaginationView?
    /// The latest quotations, how many there are in all, and the page listing them.
    var quotes: [QuoteItemView] = []
    var quoteCount = 0
    var quotesURL: String?

    func field(_ name: String) -> Any? {
        let entity = entry.entity
        switch name {
        case "name", "heading": return entity.name
        case "type": return entity.type.rawValue
        case "typeLabel": return EntityGroupView.label(entity.type)
        case "description": return entity.description
        case "links": return externalLinks
        case "articleCount": return entry.articles.count
        case "articlesLabel": return entry.articles.count == 1 ? "1 article" : "\(entry.articles.count) articles"
        case "articles": return articles
        case "companions": return companions
        case "timeline": return timeline.isEmpty ? nil : timeline
        case "pagination": return pagination.flatMap { $0.count > 1 ? $0 : nil }
        case "quotes": return quotes
        case "quoteCount": return quoteCount
        case "quotesURL": return quotesURL
        default: return nil
        }
    }

    private var externalLinks: [LinkView] {
        var links: [LinkView] = []
        if let wikidata = entry.entity.wikidata {
            links.append(LinkView(label: "Wikidata", url: "https://www.wikidata.org/wiki/\(wikidata)"))
        }
        if let geonames = entry.entity.geonames {
            links.append(LinkView(label: "GeoNames", url: "https://www.geonames.org/\(geonames)"))
        }
        if let url = entry.entity.url.flatMap(SiteURLs.web) { links.append(LinkView(label: "Website", url: url)) }
        return links
    }
}
