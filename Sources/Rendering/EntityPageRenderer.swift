import ArchiveModel
import Mustache
import SiteIndex

/// One page about entities.
public enum EntityPage: Sendable, Hashable {
    /// Page `page` of an entity's articles.
    case entity(String, page: Int)
    /// Page `page` of the people, organisations or places index.
    case index(EntityType, page: Int)
}

/// Renders entity pages (`/people/<id>/`, `/organisations/<id>/`, `/places/<id>/`) and the
/// indexes of each type, most-mentioned first, from the entity index.
public struct EntityPageRenderer: Sendable {
    let index: SiteIndex
    let templates: TemplateSet
    let site: SiteView
    var urls: SiteURLs { site.urls }
    /// Entities per page on the index pages.
    static let indexPageSize = 100
    /// Each entity's timeline, drawn once for all its pages (a hundred for a much-named entity).
    private let timelines = Memo<String>()

    public init(index: SiteIndex, templates: TemplateSet, config: SiteConfig) {
        self.index = index
        self.templates = templates
        self.site = SiteView(config: config)
    }

    public var pages: [EntityPage] {
        var pages: [EntityPage] = []
        for type in EntityType.allCases {
            let count = index.entities.ranked[type]?.count ?? 0
            pages += (1...pageCount(count, size: Self.indexPageSize)).map { .index(type, page: $0) }
        }
        for id in index.entities.entries.keys.sorted() {
            let count = index.entities.entries[id]?.articles.count ?? 0
            pages += (1...pageCount(count, size: site.config.pageSize)).map { .entity(id, page: $0) }
        }
        return pages
    }

    public func render(_ page: EntityPage) -> RenderedPage? {
        switch page {
        case .entity(let id, let number):
            guard let entry = index.entities.entries[id] else { return nil }
            return entityPage(entry, number: number)
        case .index(let type, let number):
            return indexPage(type, number: number)
        }
    }

    /// Where `render(page)` puts the page, worked out without rendering it (serve renders changed
    /// pages after the reload); nil when it renders nothing.
    public func sitePath(_ page: EntityPage) -> String? {
        switch page {
        case .entity(let id, let number):
            guard let entry = index.entities.entries[id] else { return nil }
            return Pagination.path(of: number, basePath: urls.entity(entry.entity.type, entry.entity.id))
        case .index(let type, let number):
            return Pagination.path(of: number, basePath: urls.entityIndex(type))
        }
    }

    private func entityPage(_ entry: EntityIndex.Entry, number: Int) -> RenderedPage {
        let size = site.config.pageSize
        let basePath = urls.entity(entry.entity.type, entry.entity.id)
        let articles = Pagination.range(of: number, size: size, count: entry.articles.count).map {
            EntityArticleView(
                card: ArticleCard(summary: index.articles[entry.articles[$0]], urls: urls), context: entry.contexts[$0])
        }
        let companions = index.entities.companions(of: entry.entity.id).map {
            LinkView(
                label: $0.entry.entity.name, url: urls.path(urls.entity($0.entry.entity.type, $0.entry.entity.id)),
                count: $0.shared)
        }
        let page = Page(number: number, count: pageCount(entry.articles.count, size: size), items: articles[...])
        var view = EntityPageView(
            entry: entry, articles: articles, companions: companions,
            timeline: timelines.value(for: entry.entity.id) { TimelineSVG.render(months: entry.months) },
            pagination: PaginationView(page: page, basePath: basePath, urls: urls))
        let quotes = QuotePageRenderer(index: index, templates: templates, config: site.config)
        view.quotes = quotes.latest(of: entry.entity.id)
        view.quoteCount = index.quotes.bySpeaker[entry.entity.id]?.count ?? 0
        view.quotesURL = view.quoteCount > 0 ? urls.path(basePath + "quotes/") : nil
        let sitePath = Pagination.path(of: number, basePath: basePath)
        let title = number > 1 ? "\(entry.entity.name) (page \(number))" : entry.entity.name
        var meta = PageMeta(
            title: title, sitePath: sitePath, description: entry.entity.description, kind: "entity", urls: urls)
        meta.feed = ("\(site.config.title): \(entry.entity.name)", basePath + "feed.xml")
        meta.structuredData = StructuredData.script(
            StructuredData.entityPage(entry.entity, page: urls.absolute(basePath)))
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: meta, content: view), template: "entity"))
    }

    private func indexPage(_ type: EntityType, number: Int) -> RenderedPage {
        let ids = index.entities.ranked[type] ?? []
        let slice = ids[Pagination.range(of: number, size: Self.indexPageSize, count: ids.count)]
        let links = slice.compactMap { id in
            index.entities.entries[id].map {
                LinkView(label: $0.entity.name, url: urls.path(urls.entity(type, id)), count: $0.articles.count)
            }
        }
        let basePath = urls.entityIndex(type)
        let page = Page(number: number, count: pageCount(ids.count, size: Self.indexPageSize), items: slice)
        var view = ListView(
            heading: EntityGroupView.label(type), intro: "\(ids.count) in the archive, most often named first.")
        view.pagination = PaginationView(page: page, basePath: basePath, urls: urls)
        let content = EntityIndexView(list: view, type: type, entities: links)
        let sitePath = Pagination.path(of: number, basePath: basePath)
        let meta = PageMeta(
            title: view.heading, sitePath: sitePath, description: view.intro, kind: "entities", urls: urls)
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: meta, content: content), template: "entities"))
    }

    /// A hash of everything `render(page)` shows (see `IndexPageRenderer.fingerprint`).
    public func fingerprint(_ page: EntityPage) -> Int {
        var hasher = Hasher()
        hasher.combine(page)
        switch page {
        case .index(let type, let number):
            let ids = index.entities.ranked[type] ?? []
            hasher.combine(ids.count)
            for id in ids[Pagination.range(of: number, size: Self.indexPageSize, count: ids.count)] {
                hasher.combine(id)
                hasher.combine(index.entities.entries[id]?.entity.name)
                hasher.combine(index.entities.entries[id]?.articles.count)
            }
        case .entity(let id, let number):
            guard let entry = index.entities.entries[id] else { break }
            hasher.combine(entry.entity)
            hasher.combine(entry.articles.count)
            for offset in Pagination.range(of: number, size: site.config.pageSize, count: entry.articles.count) {
                // The article's hash covers the context sentence too: it is part of its summary.
                hasher.combine(index.articleHash(entry.articles[offset]))
            }
            for companion in index.entities.companions(of: id) {
                hasher.combine(companion.entry.entity.id)
                hasher.combine(companion.entry.entity.name)
                hasher.combine(companion.entry.entity.type)
                hasher.combine(companion.shared)
            }
            for (month, count) in entry.months.sorted(by: { $0.key < $1.key }) {
                hasher.combine(month)
                hasher.combine(count)
            }
            let quotes = index.quotes.bySpeaker[id] ?? []
            hasher.combine(quotes.count)
            for quote in quotes.prefix(QuotePageRenderer.preview) {
                QuotePageRenderer.combine(quote, index: index, into: &hasher)
            }
        }
        return hasher.finalize()
    }

    private func pageCount(_ items: Int, size: Int) -> Int { Pagination.pageCount(items: items, size: size) }
}

/// The fields of `entities.mustache`: the list fields plus `type` and `entities` (links with counts).
struct EntityIndexView: TemplateView {
    let list: ListView
    let type: EntityType
    let entities: [LinkView]

    func field(_ name: String) -> Any? {
        switch name {
        case "entities": return entities
        case "type": return type.rawValue
        case "nothing": return entities.isEmpty
        default: return list.child(named: name)
        }
    }
}
