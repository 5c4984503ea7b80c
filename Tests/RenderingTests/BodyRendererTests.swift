import ArchiveModel
import ContentReader
import Rendering
import Testing

struct BodyRendererTests {
    func html(_ markdown: String, unsafe: Bool = false, baseURL: String = "https://example.org/archive/") -> String {
        let urls = SiteURLs(config: SiteConfig(baseURL: baseURL, unsafeHTML: unsafe))
        return BodyRenderer(urls: urls, allowRawHTML: unsafe).render(MarkdownParser.parse(markdown))
    }

    @Test func rawHTMLIsEscapedByDefault() {
        let output = html("<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b>.")
        #expect(!output.contains("<script>"))
        #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(output.contains("&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;"))
    }

    @Test func rawHTMLPassesThroughWhenTheSiteTrustsIt() {
        let output = html("<aside>Note</aside>\n\nText with <b>bold</b>.", unsafe: true)
        #expect(output.contains("<aside>Note</aside>"))
        #expect(output.contains("<b>bold</b>"))
    }

    @Test func scriptURLsAreDroppedAndRootRelativeURLsMoveUnderTheBasePath() {
        let output = html("[a](javascript:alert(1)) [b](/articles/x/) [c](https://other.org/) ![d](/images/p.png)")
        #expect(output.contains("<a href=\"\">a</a>"))
        #expect(output.contains("<a href=\"/archive/articles/x/\">b</a>"))
        #expect(output.contains("<a href=\"https://other.org/\">c</a>"))
        #expect(output.contains("<img src=\"/archive/images/p.png\" alt=\"d\""))
    }

    @Test func textIsEscapedAndStructureIsKept() {
        let output = html("Fish & chips < 5 \"quid\"\n\n## Costs\n\n## Costs\n\n1. one\n2. two\n\n> quoted")
        #expect(output.contains("<p class=\"drop-cap\">Fish &amp; chips &lt; 5 “quid”</p>"))
        #expect(output.contains("<h2 id=\"costs\">Costs</h2>"))
        #expect(output.contains("<h2 id=\"costs-1\">Costs</h2>"))
        #expect(output.contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>"))
        #expect(output.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
    }

    @Test func onlyAFirstParagraphStartingWithPlainTextIsMarkedForADropCap() {
        #expect(
            html("Riverside library will stay open.\n\nA second paragraph.").hasPrefix(
                "<p class=\"drop-cap\">Riverside"))
        #expect(html("“Quoted” words open it.").hasPrefix("<p class=\"drop-cap\">“Quoted”"))
        #expect(html("Riverside library.\n\nSecond.").contains("<p>Second.</p>"))
        // A link or emphasis first: a floated initial would leave the link's underline behind.
        #expect(html("[Riverside](/places/riverside/) library will stay open.").hasPrefix("<p><a href="))
        #expect(html("*Riverside* library will stay open.").hasPrefix("<p><em>"))
        #expect(html("## Heading\n\nText.").hasPrefix("<h2"))
        #expect(html("## Heading\n\nText.").contains("<p>Text.</p>"))
    }
}
