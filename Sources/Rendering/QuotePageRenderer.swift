import ArchiveModel
import Mustache
import SiteIndex

/// One page about quotations.
public enum QuotePage: Sendable, Hashable {
    /// `/quotes/`: every quotation, newest article first.
    case index(page: Int)
    /// `/quotes/by-speaker/`: speakers, most quoted first, with their latest quotations.
    case speakers(page: Int)
    /// `/people/<id>/quotes/` (or organisations): everything one speaker said.
    case speaker(String, page: Int)
}

/// Renders the quote index, the speakers page and each speaker's quotations from the site index.
public struct QuotePageRenderer: Sendable {
    let index: SiteIndex
    let templates: TemplateSet
    let site: SiteView
    var urls: SiteURLs { site.urls }
    static let pageSize = 50
    /// Quotations shown per speaker on the speakers page, and on an entity's own page.
    static let preview = 3

    public init(index: SiteIndex, templates: TemplateSet, config: SiteConfig) {
        self.index = index
        self.templates = templates
        self.site = SiteView(config: config)
    }

    public var pages: [QuotePage] {
        var pages = (1...pageCount(index.quotes.all.count)).map { QuotePage.index(page: $0) }
        pages += (1...pageCount(index.quotes.speakers.count)).map { QuotePage.speakers(page: $0) }
        for id in index.quotes.speakers where index.entities.entries[id] != nil {
            pages += (1...pageCount(index.quotes.bySpeaker[id]?.count ?? 0)).map { .speaker(id, page: $0) }
        }
        return pages
    }

    public func render(_ page: QuotePage) -> RenderedPage? {
        switch page {
        case .index(let number):
            let count = index.quotes.all.count
            return list(
                index.quotes.all, number: number, basePath: "quotes/", title: "Quotations",
                intro: Self.intro(count, " in the archive, newest first.", page: number))
        case .speakers(let number):
            return speakersPage(number)
        case .speaker(let id, let number):
            guard let entry = index.entities.entries[id], let quotes = index.quotes.bySpeaker[id] else { return nil }
            let basePath = urls.entity(entry.entity.type, id) + "quotes/"
            return list(
                quotes, number: number, basePath: basePath, title: "What \(entry.entity.name) said",
                intro: Self.intro(quotes.count, ", newest first.", page: number))
        }
    }

    /// Where `render(page)` puts the page, worked out without rendering it (serve renders changed
    /// pages after the reload); nil when it renders nothing.
    public func sitePath(_ page: QuotePage) -> String? {
        switch page {
        case .index(let number): return Pagination.path(of: number, basePath: "quotes/")
        case .speakers(let number): return Pagination.path(of: number, basePath: "quotes/by-speaker/")
        case .speaker(let id, let number):
            guard let entry = index.entities.entries[id], index.quotes.bySpeaker[id] != nil else { return nil }
            return Pagination.path(of: number, basePath: urls.entity(entry.entity.type, id) + "quotes/")
        }
    }

    /// The latest quotations of an entity, for its page.
    func latest(of id: String) -> [QuoteItemView] {
        (index.quotes.bySpeaker[id] ?? []).prefix(Self.preview).map(item)
    }

    func item(_ entry: QuoteIndex.Entry) -> QuoteItemView {
        let article = index.articles[entry.article]
        let quote = article.quotes[entry.quote]
        let speakerPath = quote.speakerID.flatMap { id in
            index.entities.entries[id].map { urls.path(urls.entity($0.entity.type, id)) }
        }
        return QuoteItemView(quote: quote, article: article, speakerPath: speakerPath, urls: urls)
    }

    private func list(_ entries: [QuoteIndex.Entry], number: Int, basePath: String, title: String, intro: String)
        -> RenderedPage
    {
        let items = entries[Pagination.range(of: number, size: Self.pageSize, count: entries.count)].map(item)
        let page = Page(number: number, count: pageCount(entries.count), items: items[...])
        var list = ListView(heading: title, intro: intro)
        list.pagination = PaginationView(page: page, basePath: basePath, urls: urls)
        let view = QuoteListView(list: list, quotes: items, speakers: [])
        return render(view, title: title, sitePath: Pagination.path(of: number, basePath: basePath), template: "quotes")
    }

    private func speakersPage(_ number: Int) -> RenderedPage {
        let speakers = index.quotes.speakers
        let shown = speakers[Pagination.range(of: number, size: Self.pageSize, count: speakers.count)]
        let groups: [SpeakerQuotesView] = shown.compactMap { id in
            guard let entry = index.entities.entries[id], let quotes = index.quotes.bySpeaker[id] else { return nil }
            let links = quotes.prefix(Self.preview).map { quoteEntry -> LinkView in
                let view = item(quoteEntry)
                return LinkView(
                    label: QuoteItemView.listed(view.quote.text), url: view.field("url") as? String ?? "", count: nil)
            }
            let base = urls.entity(entry.entity.type, id)
            var group = SpeakerQuotesView(name: entry.entity.name, url: urls.path(base), quotes: links)
            group.allURL = urls.path(base + "quotes/")
            group.count = quotes.count
            return group
        }
        let page = Page(number: number, count: pageCount(speakers.count), items: groups[...])
        var list = ListView(heading: "Who said what", intro: "\(speakers.count) speakers, most quoted first.")
        list.pagination = PaginationView(page: page, basePath: "quotes/by-speaker/", urls: urls)
        let view = QuoteListView(list: list, quotes: [], speakers: groups)
        return render(
            view, title: "Who said what", sitePath: Pagination.path(of: number, basePath: "quotes/by-speaker/"),
            template: "speakers")
    }

    private func render(_ view: QuoteListView, title: String, sitePath: String, template: String) -> RenderedPage {
        let meta = PageMeta(title: title, sitePath: sitePath, description: view.list.intro, kind: "quotes", urls: urls)
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: meta, content: view), template: template))
    }

    /// The count of quotations goes on the first page of a list only: on every page, one quotation
    /// added to an old article would change all 2,000 pages of a 100,000-quotation list rather
    /// than those from the article on.
    static func intro(_ count: Int, _ rest: String, page: Int) -> String {
        page == 1 ? "\(count) quotation\(count == 1 ? "" : "s")\(rest)" : "Quotations\(rest)"
    }

    /// A hash of everything `render(page)` shows (see `IndexPageRenderer.fingerprint`).
    public func fingerprint(_ page: QuotePage) -> Int {
        var hasher = Hasher()
        hasher.combine(page)
        func entries(_ list: [QuoteIndex.Entry], number: Int) {
            // The first page shows the count, the others how many pages there are.
            hasher.combine(number == 1 ? list.count : pageCount(list.count))
            for entry in list[Pagination.range(of: number, size: Self.pageSize, count: list.count)] {
                Self.combine(entry, index: index, into: &hasher)
            }
        }
        switch page {
        case .index(let number): entries(index.quotes.all, number: number)
        case .speakers(let number):
            let speakers = index.quotes.speakers
            hasher.combine(speakers.count)
            for id in speakers[Pagination.range(of: number, size: Self.pageSize, count: speakers.count)] {
                hasher.combine(id)
                hasher.combine(index.entities.entries[id]?.entity.name)
                hasher.combine(index.entities.types[id])
                let quotes = index.quotes.bySpeaker[id] ?? []
                hasher.combine(quotes.count)
                for quote in quotes.prefix(Self.preview) { Self.combine(quote, index: index, into: &hasher) }
            }
        case .speaker(let id, let number):
            hasher.combine(index.entities.entries[id]?.entity.name)
            hasher.combine(index.entities.types[id])
            entries(index.quotes.bySpeaker[id] ?? [], number: number)
        }
        return hasher.finalize()
    }

    /// What a quotation item shows: the quotation, its article and its speaker's page.
    static func combine(_ entry: QuoteIndex.Entry, index: SiteIndex, into hasher: inout Hasher) {
        hasher.combine(index.articleHash(entry.article))
        hasher.combine(entry.quote)
        if let speaker = index.articles[entry.article].quotes[entry.quote].speakerID {
            hasher.combine(index.entities.types[speaker])
        }
    }

    private func pageCount(_ items: Int) -> Int { Pagination.pageCount(items: items, size: Self.pageSize) }

    /// The numbers of the quotation index pages that can show differently after the articles at
    /// `positions` changed in place (`SiteIndex.updating`) from how `previous` had them: those
    /// showing their quotations, every later one when their number changed (the rest move), and
    /// the first when the total did (it shows it). Nil when any may: the number of pages changed,
    /// or a speaker they quote changed type or lost or gained a page.
    public func indexPagesChanged(at positions: [Int], from previous: SiteIndex) -> Set<Int>? {
        let all = index.quotes.all
        guard pageCount(all.count) == pageCount(previous.quotes.all.count) else { return nil }
        var numbers: Set<Int> = all.count == previous.quotes.all.count ? [] : [1]
        for position in positions {
            let old = previous.articles[position].quotes
            let new = index.articles[position].quotes
            for id in Set((old + new).compactMap(\.speakerID))
            where previous.entities.types[id] != index.entities.types[id] {
                return nil
            }
            let first = SortedSearch.firstIndex(in: all) { $0.article >= position }
            let end = old.count == new.count ? first + new.count : all.count
            guard first < end else { continue }
            numbers.formUnion((first / Self.pageSize + 1)...((end - 1) / Self.pageSize + 1))
        }
        return numbers
    }
}

/// The fields of `quotes.mustache` and `speakers.mustache`: the list fields plus `quotes` and `speakers`.
struct QuoteListView: TemplateView {
    let list: ListView
    let quotes: [QuoteItemView]
    let speakers: [SpeakerQuotesView]

    func field(_ name: String) -> Any? {
        switch name {
        case "quotes": return quotes
        case "speakers": return speakers
        case "nothing": return quotes.isEmpty && speakers.isEmpty
        default: return list.child(named: name)
        }
    }
}
