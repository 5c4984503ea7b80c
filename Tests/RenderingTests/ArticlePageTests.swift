import ArchiveModel
import ContentReader
import Rendering
import TestSupport
import Testing

struct ArticlePageTests {
    func render(_ markdown: String, baseURL: String = "https://example.org/archive/") throws -> RenderedPage {
        let templates = try TemplateSet.load(from: Repository.root.appendingPathComponent("Templates"))
        let renderer = ArticlePageRenderer(
            templates: templates, config: SiteConfig(title: "Test <Archive>", baseURL: baseURL))
        let article = try #require(
            ArticleReader.read(path: "Content/articles/a.md", bytes: Array(markdown.utf8)).article)
        return renderer.render(article)
    }

    @Test func frontMatterStringsAreEscaped() throws {
        let page = try render(
            "---\ntitle: \"<script>alert('t')</script> & more\"\ndate: 2014-11-07\nstandfirst: \"<img src=x onerror=alert(1)>\"\nauthor: \"A <b>\"\n---\nBody"
        )
        #expect(!page.html.contains("<script>alert"))
        #expect(page.html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; more"))
        #expect(!page.html.contains("<img src=x"))
        #expect(page.html.contains("By A &lt;b&gt;"))
        #expect(page.html.contains("Test &lt;Archive&gt;"))
    }

    @Test func pageShowsHeadlineStandfirstBylineDateFigureTagsAndSource() throws {
        let page = try render(
            """
            ---
            title: Harbour library saved
            date: 2015-03-12T18:40:00Z
            authors: [Tom Aldred, Helen Marsh, Ann Lee]
            standfirst: A reprieve
            publication: The Gazette
            source: https://news.example.org/a
            tags: [Local government]
            image: {src: /images/a.svg, alt: The library, caption: Opened in 1887, credit: "Photo: Gazette"}
            ---
            The *body*.
            """)
        #expect(page.sitePath == "articles/a/")
        #expect(page.filePath == "articles/a/index.html")
        let html = page.html
        #expect(html.contains("<h1 class=\"headline\">Harbour library saved</h1>"))
        #expect(html.contains("<p class=\"standfirst\">A reprieve</p>"))
        #expect(html.contains("By Tom Aldred, Helen Marsh and Ann Lee"))
        #expect(html.contains("<time datetime=\"2015-03-12T18:40:00Z\">12 March 2015</time>"))
        #expect(html.contains("<img src=\"/archive/images/a.svg\" alt=\"The library\">"))
        #expect(html.contains("<span class=\"credit\">Photo: Gazette</span>"))
        #expect(html.contains("<a href=\"/archive/tags/local-government/\" rel=\"tag\">Local government</a>"))
        #expect(html.contains("href=\"https://news.example.org/a\""))
        #expect(html.contains("<p class=\"drop-cap\">The <em>body</em>.</p>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/archive/articles/a/\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/archive/assets/style.css\">"))
    }
}
