import ArchiveModel

/// Renders one article's page from its parsed body: the only place a body turns into HTML.
public struct ArticlePageRenderer: Sendable {
    let templates: TemplateSet
    let site: SiteView
    let body: BodyRenderer

    public init(templates: TemplateSet, config: SiteConfig) {
        self.templates = templates
        self.site = SiteView(config: config)
        self.body = BodyRenderer(urls: site.urls, allowRawHTML: config.unsafeHTML)
    }

    /// The article's page, with the entity mentions of `annotations` linked in the body and listed
    /// in the panel; `units` are the article's text units when the caller already has them.
    public func render(
        _ article: Article, annotations: EntityAnnotations = EntityAnnotations(), quotes: [Quotation] = [],
        units: [TextUnit]? = nil
    ) -> RenderedPage {
        let metadata = article.metadata
        let sitePath = site.urls.article(metadata.slug)
        let woven = weave(article, annotations: annotations, quotes: quotes, units: units)
        let content = body.render(article.body, annotations: woven)
        var view = ArticleView(
            metadata: metadata, body: content, urls: site.urls, allowUnsafeURLs: site.config.unsafeHTML)
        view.entityGroups = EntityGroupView.groups(annotations.entities, urls: site.urls)
        view.speakerGroups = SpeakerQuotesView.groups(quotes, entityPaths: woven.entityPaths)
        view.headline = MentionWeaver.leadHTML(unit: 0, text: metadata.title, annotations: woven)
        if let standfirst = metadata.standfirst {
            view.standfirstHTML = MentionWeaver.leadHTML(unit: 1, text: standfirst, annotations: woven)
        }
        var page = PageMeta(
            title: metadata.title, sitePath: sitePath, description: metadata.standfirst, kind: "article",
            urls: site.urls)
        page.image = metadata.image?.source.flatMap {
            site.urls.absoluteContent(
                site.urls.content($0, allowUnsafe: site.config.unsafeHTML, isImage: true), from: sitePath)
        }
        page.published = metadata.date
        page.modified = metadata.updated ?? metadata.date
        page.structuredData = StructuredData.script(
            StructuredData.article(
                metadata, entities: annotations.entities.map(\.entity), quotes: quotes, image: page.image,
                config: site.config, urls: site.urls))
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: page, content: view), template: "article"),
            content: content)
    }

    /// The article's body HTML alone, as on its page (for a feed, when the page is not rendered).
    public func content(
        _ article: Article, annotations: EntityAnnotations = EntityAnnotations(), quotes: [Quotation] = [],
        units: [TextUnit]? = nil
    ) -> String {
        body.render(article.body, annotations: weave(article, annotations: annotations, quotes: quotes, units: units))
    }

    private func weave(_ article: Article, annotations: EntityAnnotations, quotes: [Quotation], units: [TextUnit]?)
        -> BodyAnnotations
    {
        BodyAnnotations(
            annotations, quotes: quotes, units: units ?? article.textUnits, leadingUnits: article.leadingUnitCount,
            urls: site.urls, style: site.config.entityLinks)
    }
}
