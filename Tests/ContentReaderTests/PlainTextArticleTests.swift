import ArchiveModel
import ContentReader
import Foundation
import TestSupport
import Testing

/// Plain-text articles as pasted from a news site, starting with the seed article.
struct PlainTextArticleTests {
    struct GoldStructure: Decodable {
        struct Structure: Decodable {
            var headline: String
            var standfirst: String
            var image_caption: String
            var image_credit: String
        }
        var structure: Structure
    }

    @Test func seedArticleSplitsIntoHeadlineStandfirstCaptionCreditAndBody() throws {
        let bytes = try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt")
        let gold = try JSONDecoder().decode(
            GoldStructure.self, from: Data(try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.gold.json"))
        ).structure
        let result = ArticleReader.read(path: "Content/articles/000_1aa151e03ba7ea59.txt", bytes: bytes)
        let article = try #require(result.article)
        #expect(result.diagnostics.isEmpty)
        #expect(article.metadata.title == gold.headline)
        #expect(article.metadata.standfirst == gold.standfirst)
        #expect(article.metadata.image?.caption == gold.image_caption)
        #expect(article.metadata.image?.credit == "Photo: Reuters")
        #expect(article.metadata.image?.credit == gold.image_credit)
        #expect(article.metadata.date == nil)
        guard case .paragraph(let first)? = article.body.first?.kind else {
            Issue.record("the body does not start with a paragraph")
            return
        }
        #expect(first.plainText.hasPrefix("The internet is becoming"))
        #expect(article.body.count == 23)
        #expect(article.body.first?.location == SourceLocation(line: 8, column: 1))
    }

    @Test func keepsQuoteMarksExactlyAsWritten() throws {
        let bytes = try Repository.fixtureBytes("seed/000_1aa151e03ba7ea59.txt")
        let article = try #require(ArticleReader.read(path: "x.txt", bytes: bytes).article)
        let text = article.body.compactMap { block -> String? in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText }
            return nil
        }.joined(separator: "\n")
        #expect(text.contains("\"in denial\""))
        #expect(text.contains("“dark and ungoverned”"))
    }

    @Test func dateAndSlugComeFromTheFileName() throws {
        let text = "Headline here\n\nStandfirst here\n\nBody one.\n\nBody two.\n"
        let article = try #require(
            ArticleReader.read(path: "Content/articles/2014-11-07-dark-web.txt", bytes: Array(text.utf8)).article)
        #expect(article.metadata.date?.isoDay == "2014-11-07")
        #expect(article.metadata.slug == "dark-web")
        #expect(article.metadata.image == nil)
        #expect(article.body.count == 2)
    }

    @Test func captionWithoutStandfirstAndSingleLineCreditAreUnderstood() throws {
        let text =
            "Storm closes port\r\n\r\nWaves over the harbour wall Credit: Jane Doe\r\n\r\nThe port closed at noon.\r\n"
        let article = try #require(ArticleReader.read(path: "storm.txt", bytes: Array(text.utf8)).article)
        #expect(article.metadata.standfirst == nil)
        #expect(article.metadata.image?.caption == "Waves over the harbour wall")
        #expect(article.metadata.image?.credit == "Jane Doe")
        #expect(article.body.count == 1)
        #expect(article.body.first?.location.line == 5)
    }

    /// Wire copy and archive exports put one paragraph (or sentence) on each line with no blank line
    /// between: the headline is the first line, and each line is a paragraph — while a block
    /// wrapped at a width, its lines ending mid-sentence, stays one paragraph.
    @Test func oneParagraphALineWithoutBlankLines() throws {
        let text = """
            Harbour board cuts ferry fares
            The board voted on Monday to cut fares by a tenth.
            "It is the right thing to do," said Agnes Moreau, its chair.
            Fares fall from 1 May.

            This paragraph was wrapped at a width by the archive that
            exported it, so its lines end in the middle of a sentence
            and stay together.
            """
        let article = try #require(ArticleReader.read(path: "ferry.txt", bytes: Array(text.utf8)).article)
        #expect(article.metadata.title == "Harbour board cuts ferry fares")
        #expect(article.metadata.standfirst == "The board voted on Monday to cut fares by a tenth.")
        let paragraphs = article.body.compactMap { block -> String? in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText }
            return nil
        }
        #expect(paragraphs.count == 3)
        #expect(paragraphs.first == "\"It is the right thing to do,\" said Agnes Moreau, its chair.")
        #expect(paragraphs.last?.hasPrefix("This paragraph was wrapped") == true)
        #expect(paragraphs.last?.hasSuffix("and stay together.") == true)
        #expect(article.body.first?.location.line == 3)
    }

    @Test func anEmptyFileIsAnErrorNotAnEmptyArticle() {
        let result = ArticleReader.read(path: "Content/articles/empty.txt", bytes: Array("\n  \n".utf8))
        #expect(result.article == nil)
        #expect(result.diagnostics.first?.message == "the article is empty")
    }
}
