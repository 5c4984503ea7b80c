import ArchiveModel
import Foundation
import SiteBuilder
import TestSupport
import Testing

/// `build` after `build`: the second starts from the cache the first left on disk, redoes only what
/// changed, and writes exactly what a full build writes.
struct BuildCacheFileTests {
    let people = EditedArchive.people

    func site() throws -> TemporarySite {
        let site = try EditedArchive.make()
        try site.write("Content/static/files/note.txt", "A static file.\n")
        return site
    }

    /// A build as `broadsheet build` runs it: a new builder each time, nothing shared in memory.
    func build(_ site: TemporarySite, force: Bool = false) async throws -> BuildReport {
        var options = BuildOptions(source: site.site)
        options.reusesUnchangedOutput = !force
        return try await SiteBuilder(options: options).build()
    }

    var cacheFile: (TemporarySite) -> URL { { $0.site.appendingPathComponent(".Output.cache/articles") } }

    @Test(arguments: EditedArchive.edits + ["static", "template"])
    func anEditRebuildsOnlyWhatChangedAndWritesWhatAFullBuildWrites(edit: String) async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        #expect(FileManager.default.fileExists(atPath: cacheFile(site).path))
        switch edit {
        case "static":
            try site.write("Content/static/files/note.txt", "The static file, changed.\n")
            try site.write("Content/static/files/new.txt", "Another.\n")
        case "template":
            let footer = site.site.appendingPathComponent("Templates/partials/footer.mustache")
            try (String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(
                to: footer, atomically: true, encoding: .utf8)
        default: try EditedArchive.apply(edit, to: site)
        }
        let report = try await build(site)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: edit)
        switch edit {
        case "template":
            // Every page shows the footer: nothing could be kept.
            #expect(report.reused == 0 && report.reusedPages == 0)
        case "static":
            #expect(report.reused == people.count)
            #expect(site.output("files/note.txt") == "The static file, changed.\n")
        default:
            let changed = edit == "delete" ? 0 : 1
            #expect(report.reused == report.articles - changed, "\(edit): only the edited article is read again")
            EditedArchive.expectKeptPages(report, after: edit)
        }
    }

    @Test func aFileTouchedButNotChangedIsNotReadAgainAndAStaticFileRemovedGoes() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let article = site.site.appendingPathComponent("Content/articles/2015-02-02-story-1.md")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: article.path)
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("Content/static/files/note.txt"))
        let report = try await build(site)
        #expect(!report.unchanged)
        #expect(report.reused == people.count)
        #expect(site.output("files/note.txt") == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("files").path))
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "touch")
    }

    @Test(arguments: [
        "truncated", "flipped byte", "flipped byte in the footer", "empty", "settings", "entities", "force",
        "output deleted",
    ])
    func aDamagedOrStaleCacheIsNeverTrusted(change: String) async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let url = cacheFile(site)
        var bytes = try [UInt8](Data(contentsOf: url))
        switch change {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped byte": bytes[bytes.count / 2] ^= 0x20
        case "flipped byte in the footer": bytes[bytes.count - 40] ^= 0x20
        case "empty": bytes = []
        case "settings": try site.write("Content/site.yml", "title: Renamed\nbase_url: https://example.org/news/\n")
        case "entities":
            try site.write(
                "Content/entities.yml", "entities:\n  - id: ravi-chandran\n    name: Ravi Chandran\n    type: person\n")
        case "output deleted": try FileManager.default.removeItem(at: site.output)
        default: break
        }
        try Data(bytes).write(to: url)
        // A change to an article as well, so the manifest cannot leave the output as it is.
        try site.article("2016-01-01-extra.md", "title: Extra", body: "Graham Pell spoke.")
        let report = try await build(site, force: change == "force")
        #expect(report.reused == 0, "\(change): articles were taken from the cache")
        #expect(report.reusedPages == 0, "\(change): pages were taken from the cache")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: change)
        // And the new cache is good.
        try site.article("2016-01-02-more.md", "title: More", body: "Graham Pell spoke again.")
        #expect(try await build(site).reused == people.count + 1)
    }

    /// A page the cache says is kept but that was deleted from the output is rendered again.
    @Test func aKeptPageMissingFromTheOutputIsRenderedAgain() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let gone = ["tags/shared/index.html", "people/graham-pell/index.html", "articles/story-0/index.html"]
        for path in gone {
            #expect(site.output(path) != nil, "\(path) was not built")
            try FileManager.default.removeItem(at: site.output.appendingPathComponent(path))
        }
        // An edit that no list shows, so that every list and entity page is kept, not looked at.
        try EditedArchive.apply("above", to: site)
        let report = try await build(site)
        #expect(report.reusedPages == report.pages - report.articles - 2, "the two deleted pages were kept")
        for path in gone { #expect(site.output(path) != nil, "\(path) is still missing") }
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "page deleted")
    }

    @Test func aFailedBuildLeavesOutputAndCacheForTheNextBuild() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let home = site.output("index.html")
        try site.write("Content/articles/2015-02-02-story-1.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        try site.article("2016-01-01-extra.md", "title: Extra", body: "Graham Pell spoke.")
        await #expect(throws: DiagnosticError.self) { try await build(site) }
        #expect(site.output("index.html") == home)
        try site.article("2015-02-02-story-1.md", "title: Story 1", body: "Graham Pell replied.")
        let report = try await build(site)
        #expect(report.reused == people.count - 1)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "after failure")
    }

    /// A paragraph added above a quotation moves where the quotation is in the file, which only
    /// the exports show: the lists and the entity pages that show the article are kept.
    @Test func anEditAboveAQuotationRewritesTheExportsButNotTheListsShowingTheArticle() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let kept = ["index.html", "people/ravi-chandran/index.html", "quotes/index.html", "tags/shared/index.html"]
        let before = try kept.map(site.outputInode)
        let quotes = site.output("data/quotes.json")
        try EditedArchive.apply("above", to: site)
        let report = try await build(site)
        #expect(report.reused == people.count - 1)
        #expect(try kept.map(site.outputInode) == before, "a page showing the article was written again")
        // Every list, entity and quotation page.
        #expect(report.reusedPages == report.pages - report.articles)
        #expect(site.output("data/quotes.json") != quotes, "the quotation's offsets in the export did not move")
        // The exports and search files that show the article, patched rather than written whole.
        #expect(report.patchedFiles == 5)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "above a quotation")
    }

    /// An article added, deleted or given another date moves every article after it in the
    /// exports: the rows of the others are still copied from the last build's files.
    @Test(arguments: ["add", "delete", "date"])
    func articlesAddedRemovedOrMovedStillPatchTheExports(edit: String) async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        try EditedArchive.apply(edit, to: site)
        let report = try await build(site)
        #expect(!report.inPlace && report.reused > 0)
        // quotes.json, quotes.csv, articles.json and the search index's articles at least (its
        // quotations name their article's position and speakers' rank, which may all have moved).
        #expect(report.patchedFiles >= 4, "\(edit): \(report.patchedFiles) files patched")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: edit)
    }

    /// An export changed by hand since the last build is written whole again, not patched from.
    @Test func anExportChangedSinceTheLastBuildIsNotPatched() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await build(site)
        let csv = site.output.appendingPathComponent("data/quotes.csv")
        try (String(contentsOf: csv, encoding: .utf8) + "tampered,,,,,,\r\n").write(
            to: csv, atomically: false, encoding: .utf8)
        try EditedArchive.apply("above", to: site)
        let report = try await build(site)
        #expect(report.patchedFiles == 4)
        #expect(site.output("data/quotes.csv")?.contains("tampered") == false)
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "export changed by hand")
    }

    /// The quotation index of 120 quotations has three pages, newest first: a quotation added to the
    /// oldest article changes the first page (its count) and the last, not the one in between.
    @Test func aQuotationAddedToAnOldArticleLeavesTheQuotePagesBeforeItAlone() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        func body(_ article: Int, extra: String = "") -> String {
            (1...10).map { "Graham Pell said: \"Point \($0) of story \(article).\"" }.joined(separator: "\n\n") + extra
        }
        for article in 10..<22 {
            try site.article("2015-01-\(article)-story-\(article).md", "title: Story \(article)", body: body(article))
        }
        _ = try await build(site)
        let middle = site.output.appendingPathComponent("quotes/page/2/index.html")
        let before = try FileManager.default.attributesOfItem(atPath: middle.path)[.systemFileNumber] as? Int
        #expect(site.output("quotes/index.html")?.contains("120 quotations") == true)
        #expect(site.output("quotes/page/2/index.html")?.contains("120 quotations") == false)
        try site.article(
            "2015-01-10-story-10.md", "title: Story 10", body: body(10, extra: "\n\nGraham Pell said: \"One more.\""))
        let report = try await build(site)
        #expect(report.reused == 11)
        #expect(site.output("quotes/index.html")?.contains("121 quotations") == true)
        #expect(site.output("quotes/page/3/index.html")?.contains("One more.") == true)
        let after = try FileManager.default.attributesOfItem(atPath: middle.path)[.systemFileNumber] as? Int
        #expect(before != nil && before == after, "the second page was written again")
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "quotation added")
    }

    /// Several builds in a row on a generated archive, each after a few edits, deletions and
    /// additions, against a full build at the end.
    @Test func successiveBuildsOfAGeneratedArchiveMatchAFullBuild() async throws {
        guard SyntheticCorpus.script != nil else { return }
        let corpus = try SyntheticCorpus.generate(count: 60, seed: 7)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let site = try TemporarySite()
        defer { site.remove() }
        let articles = site.site.appendingPathComponent("Content/articles")
        try FileManager.default.removeItem(at: articles)
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("articles"), to: articles)
        try FileManager.default.copyItem(
            at: corpus.appendingPathComponent("entities.yml"),
            to: site.site.appendingPathComponent("Content/entities.yml"))
        let names = try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted()
        _ = try await build(site)
        for round in 0..<3 {
            let edited = articles.appendingPathComponent(names[round * 7])
            let text = try String(contentsOf: edited, encoding: .utf8)
            try (text + "\nGraham Pell said: \"Round \(round) changes things.\"\n").write(
                to: edited, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: articles.appendingPathComponent(names[round * 7 + 3]))
            try FileManager.default.copyItem(
                at: articles.appendingPathComponent(names[round * 7 + 5]),
                to: articles.appendingPathComponent("copy-\(round).md"))
            // A copy under a slug of its own.
            let copy = articles.appendingPathComponent("copy-\(round).md")
            let copied = try String(contentsOf: copy, encoding: .utf8)
            try copied.replacingCharacters(in: copied.range(of: "title:")!, with: "slug: copy-\(round)\ntitle:").write(
                to: copy, atomically: true, encoding: .utf8)
            let report = try await build(site)
            #expect(report.reused == report.articles - 2, "round \(round)")
        }
        try await IncrementalEquivalenceTests().expectSameAsFullBuild(site, edit: "generated archive")
    }
}
