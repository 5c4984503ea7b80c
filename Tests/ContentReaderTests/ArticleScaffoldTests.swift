import ArchiveModel
import ContentReader
import Testing

struct ArticleScaffoldTests {
    let day = ISODateParser.parse("2016-07-04")!

    @Test func theNewFileIsNamedByDateAndSlugAndReadsBackAsADraft() throws {
        let scaffold = try #require(
            ArticleScaffold(title: "Mayor's “bold” plan: 3 new bridges?", day: day, author: "Desk"))
        #expect(scaffold.path == "Content/articles/2016-07-04-mayors-bold-plan-3-new-bridges.md")
        let result = ArticleReader.read(path: scaffold.path, bytes: Array(scaffold.text.utf8))
        #expect(result.diagnostics.isEmpty)
        let metadata = try #require(result.article?.metadata)
        #expect(metadata.title == "Mayor's “bold” plan: 3 new bridges?")
        #expect(metadata.date?.isoDay == "2016-07-04")
        #expect(metadata.authors == ["Desk"])
        #expect(metadata.draft)
        #expect(metadata.slug == "mayors-bold-plan-3-new-bridges")
    }

    @Test func headlinesThatLookLikeYAMLStayText() throws {
        let scaffold = try #require(ArticleScaffold(title: "- [x]: {not: yaml} # really", day: day, author: nil))
        let result = ArticleReader.read(path: scaffold.path, bytes: Array(scaffold.text.utf8))
        #expect(result.article?.metadata.title == "- [x]: {not: yaml} # really")
        #expect(result.article?.metadata.authors == [])
    }

    @Test func aHeadlineWithoutLettersCannotNameAFile() {
        #expect(ArticleScaffold(title: "?!", day: day, author: nil) == nil)
    }
}
