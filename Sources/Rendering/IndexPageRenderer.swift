import ArchiveModel
import SiteIndex

/// One page built from the site index rather than from an article body.
public enum IndexPage: Sendable, Hashable {
    case home(page: Int)
    case tagIndex
    case tag(Int, page: Int)
    case archiveIndex
    case year(Int, page: Int)
    case month(year: Int, month: Int, page: Int)
    case undated(page: Int)
    case about
    case search
    case notFound

    /// The page number of a paginated list, nil for single pages.
    var number: Int? {
        switch self {
        case .home(let page), .tag(_, let page), .year(_, let page), .month(_, _, let page), .undated(let page):
            return page
        case .tagIndex, .archiveIndex, .about, .search, .notFound: return nil
        }
    }
}

/// Renders the cross-article pages (home, tags, archive, 404) from the site index. `pages` lists
/// them so the builder can render them in parallel; each reads only the summaries it shows.
public struct IndexPageRenderer: Sendable {
    let index: SiteIndex
    let templates: TemplateSet
    let site: SiteView
    var urls: SiteURLs { site.urls }
    var pageSize: Int { site.config.pageSize }

    public init(index: SiteIndex, templates: TemplateSet, config: SiteConfig) {
        self.index = index
        self.templates = templates
        self.site = SiteView(config: config)
    }

    /// Every index page of the site.
    public var pages: [IndexPage] {
        var pages: [IndexPage] = [.tagIndex, .archiveIndex, .about, .search, .notFound]
        pages += (1...pageCount(index.articles.count)).map { .home(page: $0) }
        for (position, tag) in index.tags.enumerated() {
            pages += (1...pageCount(tag.articles.count)).map { .tag(position, page: $0) }
        }
        for (y, year) in index.years.enumerated() {
            pages += (1...pageCount(year.articles.count)).map { .year(y, page: $0) }
            for (m, month) in year.months.enumerated() {
                pages += (1...pageCount(month.articles.count)).map { .month(year: y, month: m, page: $0) }
            }
        }
        if !index.undated.isEmpty { pages += (1...pageCount(index.undated.count)).map { .undated(page: $0) } }
        return pages
    }

    public func render(_ page: IndexPage) -> RenderedPage {
        switch page {
        case .home(let number):
            // The range itself, not an array of 10,000 positions per home page.
            return list(
                index.articles.indices, number: number, basePath: "", template: "home", kind: "home",
                title: site.config.title
            ) {
                ListView(
                    heading: site.config.title, intro: site.config.description.isEmpty ? nil : site.config.description)
            }
        case .tagIndex:
            let tags = index.tags.map {
                LinkView(label: $0.name, url: urls.path(urls.tag($0.slug)), count: $0.articles.count)
            }
            return single("tags/", template: "tags", kind: "tags", view: ListView(heading: "Tags", tags: tags))
        case .tag(let position, let number):
            let tag = index.tags[position]
            return list(
                tag.articles, number: number, basePath: urls.tag(tag.slug), template: "tag", kind: "tag",
                title: "Tag: \(tag.name)"
            ) {
                ListView(
                    heading: tag.name,
                    intro:
                        "\(tag.articles.count) \(tag.articles.count == 1 ? "article" : "articles") tagged “\(tag.name)”"
                )
            }
        case .archiveIndex:
            return single(
                "archive/", template: "archive", kind: "archive",
                view: ListView(heading: "Archive", years: yearLinks(current: nil)))
        case .year(let y, let number):
            let year = index.years[y]
            let months = year.months.map {
                LinkView(
                    label: DateText.monthName($0.month), url: urls.path(urls.month(year: $0.year, month: $0.month)),
                    count: $0.articles.count)
            }
            return list(
                year.articles, number: number, basePath: urls.year(year.year), template: "archive", kind: "archive",
                title: "\(year.year)"
            ) {
                ListView(heading: "\(year.year)", years: yearLinks(current: year.year), months: months)
            }
        case .month(let y, let m, let number):
            let month = index.years[y].months[m]
            let label = DateText.month(month.month, year: month.year)
            return list(
                month.articles, number: number, basePath: urls.month(year: month.year, month: month.month),
                template: "list", kind: "list", title: label
            ) {
                ListView(heading: label)
            }
        case .undated(let number):
            return list(
                index.undated, number: number, basePath: urls.undated, template: "list", kind: "list",
                title: "Undated articles"
            ) {
                ListView(heading: "Undated articles", intro: "Articles whose source gives no date.")
            }
        case .about:
            let view = ListView(
                heading: "About this archive", intro: site.config.description.isEmpty ? nil : site.config.description)
            return single("about/", template: "about", kind: "about", view: view)
        case .search:
            let view = ListView(heading: "Search", intro: nil)
            return single("search/", template: "search", kind: "search", view: view)
        case .notFound:
            let view = ListView(
                heading: "Page not found",
                intro: "There is no page at this address. It may have moved, or the link may be mistyped.")
            return single("404.html", template: "404", kind: "404", view: view)
        }
    }

    /// Where `render(page)` puts the page, worked out without rendering it (serve renders changed
    /// pages after the reload); nil when it renders nothing.
    public func sitePath(_ page: IndexPage) -> String? {
        switch page {
        case .home(let number): return Pagination.path(of: number, basePath: "")
        case .tagIndex: return "tags/"
        case .tag(let position, let number):
            return Pagination.path(of: number, basePath: urls.tag(index.tags[position].slug))
        case .archiveIndex: return "archive/"
        case .year(let y, let number): return Pagination.path(of: number, basePath: urls.year(index.years[y].year))
        case .month(let y, let m, let number):
            let month = index.years[y].months[m]
            return Pagination.path(of: number, basePath: urls.month(year: month.year, month: month.month))
        case .undated(let number): return Pagination.path(of: number, basePath: urls.undated)
        case .about: return "about/"
        case .search: return "search/"
        case .notFound: return "404.html"
        }
    }

    /// A hash of everything `render(page)` shows: equal fingerprints in one process mean equal pages
    /// (given the same templates and settings), so a rebuild can keep the previous file.
    public func fingerprint(_ page: IndexPage) -> Int {
        var hasher = Hasher()
        hasher.combine(page)
        func items<Positions: RandomAccessCollection<Int>>(_ positions: Positions) where Positions.Index == Int {
            hasher.combine(positions.count)
            guard case let number? = page.number else { return }
            let range = Pagination.range(of: number, size: pageSize, count: positions.count)
            for offset in range { hasher.combine(index.articleHash(positions[positions.startIndex + offset])) }
        }
        switch page {
        case .home: items(index.articles.indices)
        case .tagIndex:
            for tag in index.tags {
                hasher.combine(tag.slug)
                hasher.combine(tag.name)
                hasher.combine(tag.articles.count)
            }
        case .tag(let position, _):
            let tag = index.tags[position]
            hasher.combine(tag.slug)
            hasher.combine(tag.name)
            items(tag.articles)
        case .archiveIndex, .year:
            for year in index.years {
                hasher.combine(year.year)
                hasher.combine(year.articles.count)
            }
            hasher.combine(index.undated.count)
            if case .year(let y, _) = page {
                for month in index.years[y].months {
                    hasher.combine(month.month)
                    hasher.combine(month.articles.count)
                }
                items(index.years[y].articles)
            }
        case .month(let y, let m, _):
            hasher.combine(index.years[y].months[m].year)
            hasher.combine(index.years[y].months[m].month)
            items(index.years[y].months[m].articles)
        case .undated: items(index.undated)
        case .about, .search, .notFound: break
        }
        return hasher.finalize()
    }

    private func pageCount(_ items: Int) -> Int { Pagination.pageCount(items: items, size: pageSize) }

    /// The list pages that can show differently after the articles at `positions` changed in
    /// place (`SiteIndex.updating`, which keeps every article where it was): the page of each
    /// list that shows them, and the single pages. Nil when any may: an edited article's tags
    /// changed, which changes tag lists and the tag index.
    public func pagesChanged(at positions: [Int], from previous: SiteIndex) -> Set<IndexPage>? {
        var pages: Set<IndexPage> = [.about, .search, .notFound]
        func page(showing position: Int, in list: [Int]) -> Int? {
            let offset = SortedSearch.firstIndex(atOrAfter: position, in: list)
            return offset < list.count && list[offset] == position ? offset / pageSize + 1 : nil
        }
        for position in positions {
            let article = index.articles[position]
            guard previous.articles[position].tags == article.tags else { return nil }
            pages.insert(.home(page: position / pageSize + 1))
            for (number, tag) in index.tags.enumerated() {
                if let shown = page(showing: position, in: tag.articles) { pages.insert(.tag(number, page: shown)) }
            }
            guard let date = article.date else {
                guard let shown = page(showing: position, in: index.undated) else { return nil }
                pages.insert(.undated(page: shown))
                continue
            }
            guard let y = index.years.firstIndex(where: { $0.year == date.year }),
                let m = index.years[y].months.firstIndex(where: { $0.month == date.month }),
                let inYear = page(showing: position, in: index.years[y].articles),
                let inMonth = page(showing: position, in: index.years[y].months[m].articles)
            else { return nil }
            pages.insert(.year(y, page: inYear))
            pages.insert(.month(year: y, month: m, page: inMonth))
        }
        return pages
    }

    private func yearLinks(current: Int?) -> [LinkView] {
        index.years.map {
            LinkView(
                label: "\($0.year)", url: urls.path(urls.year($0.year)), count: $0.articles.count,
                current: $0.year == current)
        }
            + (index.undated.isEmpty
                ? [] : [LinkView(label: "Undated", url: urls.path(urls.undated), count: index.undated.count)])
    }

    private func single(_ sitePath: String, template: String, kind: String, view: ListView) -> RenderedPage {
        let meta = PageMeta(title: view.heading, sitePath: sitePath, kind: kind, urls: urls)
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: meta, content: view), template: template))
    }

    /// Page `number` of a paginated list of article positions.
    private func list<Positions: RandomAccessCollection<Int>>(
        _ positions: Positions, number: Int, basePath: String, template: String, kind: String, title: String,
        makeView: () -> ListView
    ) -> RenderedPage where Positions.Index == Int {
        let range = Pagination.range(of: number, size: pageSize, count: positions.count)
        let slice = Array(
            positions[(positions.startIndex + range.lowerBound)..<(positions.startIndex + range.upperBound)])[...]
        let page = Page(number: number, count: pageCount(positions.count), items: slice)
        var view = makeView()
        view.articles = slice.map { ArticleCard(summary: index.articles[$0], urls: urls) }
        view.pagination = PaginationView(page: page, basePath: basePath, urls: urls)
        let sitePath = Pagination.path(of: number, basePath: basePath)
        let pageTitle = number > 1 ? "\(title) (page \(number))" : title
        var meta = PageMeta(title: pageTitle, sitePath: sitePath, description: view.intro, kind: kind, urls: urls)
        if kind == "tag" { meta.feed = ("\(site.config.title): \(title)", basePath + "feed.xml") }
        if kind == "home" {
            meta.structuredData = StructuredData.script(StructuredData.website(config: site.config, urls: urls))
        }
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: meta, content: view), template: template))
    }
}
