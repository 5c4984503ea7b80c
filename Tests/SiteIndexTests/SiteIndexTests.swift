import ArchiveModel
import SiteIndex
import Testing

struct SiteIndexTests {
    func summary(_ slug: String, _ day: String?, tags: [String] = [], path: String? = nil) -> ArticleSummary {
        var date: ArticleDate?
        if let day {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            let days = Double(CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2]))
            date = ArticleDate(year: parts[0], month: parts[1], day: parts[2], instant: days * 86_400, hasTime: false)
        }
        let metadata = ArticleMetadata(title: slug.uppercased(), date: date, tags: tags, slug: slug)
        return ArticleSummary(metadata, path: path ?? "Content/articles/\(slug).md")
    }

    /// Large archives make the entity index on a thread of its own; the rest is the same.
    @Test func aLargeIndexIsMadeAsASmallOneIs() {
        let summaries = (0..<2500).map { number in
            summary(
                "story-\(number)", "20\(10 + number % 10)-0\(1 + number % 9)-1\(number % 10)", tags: ["t\(number % 7)"])
        }
        let index = SiteIndex(summaries: summaries)
        #expect(index.articles.count == 2500)
        #expect(index.tags.count == 7)
        #expect(index.years.map(\.year) == Array((2010...2019).reversed()))
        #expect(index.entities.entries.isEmpty)
        #expect(zip(index.articles, index.articles.dropFirst()).allSatisfy { $0.date!.instant >= $1.date!.instant })
    }

    @Test func articlesAreNewestFirstWithUndatedLast() {
        let index = SiteIndex(summaries: [
            summary("b", nil), summary("old", "2014-01-02"), summary("new", "2016-05-01"), summary("a", nil),
        ])
        #expect(index.articles.map(\.slug) == ["new", "old", "a", "b"])
        #expect(index.undated == [2, 3])
    }

    @Test func archiveGroupsByYearAndMonthNewestFirst() {
        let index = SiteIndex(summaries: [
            summary("a", "2014-11-07"), summary("b", "2014-11-20"), summary("c", "2014-03-01"),
            summary("d", "2016-07-04"),
        ])
        #expect(index.years.map(\.year) == [2016, 2014])
        #expect(index.years[1].months.map(\.month) == [11, 3])
        #expect(index.years[1].months[0].articles.map { index.articles[$0].slug } == ["b", "a"])
        #expect(index.years[1].articles.count == 3)
    }

    @Test func tagsMergeBySlugAndListArticlesNewestFirst() throws {
        let index = SiteIndex(summaries: [
            summary("a", "2014-01-01", tags: ["Local government"]),
            summary("b", "2015-01-01", tags: ["local government", "Libraries", "libraries"]),
        ])
        #expect(index.tags.map(\.slug) == ["libraries", "local-government"])
        let local = try #require(index.tags.first { $0.slug == "local-government" })
        #expect(local.articles.map { index.articles[$0].slug } == ["b", "a"])
        #expect(index.tags.first?.articles.count == 1)
    }

    @Test func duplicateSlugsNameBothFiles() {
        let duplicates = SiteIndex.duplicateSlugs(in: [
            summary("same", "2014-01-01", path: "Content/articles/b.md"),
            summary("same", "2014-01-01", path: "Content/articles/a.md"),
            summary("other", "2014-01-01"),
        ])
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.first == "Content/articles/a.md")
        #expect(duplicates.first?.second == "Content/articles/b.md")
    }

    @Test func paginationPathsFollowHugo() {
        #expect(Pagination.path(of: 1, basePath: "tags/x/") == "tags/x/")
        #expect(Pagination.path(of: 3, basePath: "tags/x/") == "tags/x/page/3/")
        #expect(Pagination.path(of: 2, basePath: "") == "page/2/")
    }
}

struct PaginationTests {
    @Test func pageCountsAndRangesCoverEveryItemOnce() {
        #expect(Pagination.pageCount(items: 0, size: 10) == 1)
        #expect(Pagination.pageCount(items: 10, size: 10) == 1)
        #expect(Pagination.pageCount(items: 11, size: 10) == 2)
        let ranges = (1...3).map { Pagination.range(of: $0, size: 10, count: 25) }
        #expect(ranges == [0..<10, 10..<20, 20..<25])
        #expect(Pagination.range(of: 4, size: 10, count: 25).isEmpty)
    }
}

struct ShortenedTextTests {
    /// The first way of shortening, counting every character, for comparison.
    func reference(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    @Test func cutsAtAWordWithinTheLimitCountingCharactersNotBytes() {
        #expect(EntityRef.shortenedText("short", limit: 10) == "short")
        #expect(EntityRef.shortenedText("one two three four", limit: 10) == "one two…")
        #expect(EntityRef.shortenedText("éééééééééé", limit: 10) == "éééééééééé")
        let pieces = ["e", "é", "e\u{301}", "👩🏽‍⚕️", " ", "“", "word", "中"]
        var state: UInt64 = 5
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var text = ""
            for _ in 0..<Int((state >> 40) % 30) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let limit = Int(state % 25)
            #expect(EntityRef.shortenedText(text, limit: limit) == reference(text, limit: limit), "\(text) \(limit)")
        }
    }
}
