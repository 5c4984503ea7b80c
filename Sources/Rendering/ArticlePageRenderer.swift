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

    public func render(_ article: Article) -> RenderedPage {
        let metadata = article.metadata
        let sitePath = site.urls.article(metadata.slug)
        let view = ArticleView(
            metadata: metadata, body: body.render(article.body), urls: site.urls,
            allowUnsafeURLs: site.config.unsafeHTML)
        let page = PageMeta(
            title: metadata.title, sitePath: sitePath, description: metadata.standfirst, kind: "article",
            urls: site.urls)
        return RenderedPage(
            sitePath: sitePath,
            html: templates.render(PageContext(site: site, page: page, content: view), template: "article"))
    }
}
