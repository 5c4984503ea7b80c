import Foundation
import TestSupport
import Testing

/// Hostile input a build takes, making it harmless: links that would run script lose their
/// address, control characters and unbalanced right-to-left overrides stop at the value that holds
/// them, and what the build leaves out it says.
@Suite(.serialized)
struct DefusedInputTests {
    /// An article whose page must not carry `forbidden` (and must carry `kept`, when given).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var frontMatter = ""
        var body = "Words."
        var forbidden: [String]
        var kept: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "tab inside javascript:", body: "[x](java&#x09;script:alert(1))", forbidden: ["script:alert"]),
        Case(name: "line feed inside javascript:", body: "[x](java&#x0A;script:alert(1))", forbidden: ["script:alert"]),
        Case(
            name: "carriage return inside javascript:", body: "[x](java&#x0D;script:alert(1))",
            forbidden: ["script:alert"]),
        Case(
            name: "leading control before javascript:", body: "[x](&#x01;javascript:alert(1))",
            forbidden: ["script:alert"]),
        Case(name: "leading unit separator", body: "[x](&#x1F;javascript:alert(1))", forbidden: ["script:alert"]),
        Case(name: "upper case JAVASCRIPT:", body: "[x](JaVaScRiPt:alert(1))", forbidden: ["alert(1)"]),
        Case(name: "vbscript:", body: "[x](vbscript:msgbox)", forbidden: ["vbscript"]),
        Case(name: "data: page", body: "[x](data:text/html;base64,PHNjcmlwdD4=)", forbidden: ["data:text/html"]),
        Case(name: "image src with a tab", body: "![x](java&#x09;script:alert(1))", forbidden: ["script:alert"]),
        Case(
            name: "front matter source with a tab", frontMatter: "source: \"java\\tscript:alert(1)\"",
            forbidden: ["script:alert"]),
        Case(
            name: "front matter source with a control", frontMatter: "source: \"\\x01javascript:alert(1)\"",
            forbidden: ["script:alert"]),
        Case(
            name: "front matter image with a line feed", frontMatter: "image:\n  src: \"java\\nscript:alert(1)\"",
            forbidden: ["script:alert"]),
        Case(name: "raw HTML in the body", body: "<script>alert(1)</script>", forbidden: ["<script>alert"]),
        Case(name: "title closing the head", frontMatter: "", body: "x", forbidden: ["</title><script>"]),
        Case(
            name: "NUL and bell in a title", frontMatter: "title_suffix: x", body: "x", forbidden: ["\u{0}", "\u{7}"]),
        Case(
            name: "ordinary link kept", body: "[x](https://example.org/a?b=c)", forbidden: ["javascript"],
            kept: ["href=\"https://example.org/a?b=c\""]),
    ]

    @Test(arguments: cases)
    func pageCarriesNothingThatRuns(_ hostile: Case) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var title = "Plain \\u0000title\\a with <b>"
        if hostile.name == "title closing the head" { title = "</title><script>alert(1)</script>" }
        try site.write(
            "Content/articles/2020-01-01-x.md",
            "---\ntitle: \"\(title)\"\ndate: 2020-01-01\n\(hostile.frontMatter)\n---\n\n\(hostile.body)\n")
        let run = try Broadsheet.run(["build", "--quiet"], in: site.site)
        #expect(run.status == 0, "\(run.errors)")
        let page = try #require(site.output("articles/x/index.html"))
        for forbidden in hostile.forbidden { #expect(!page.contains(forbidden), "\(forbidden) in the page") }
        for kept in hostile.kept { #expect(page.contains(kept)) }
        for control in ["\u{0}", "\u{1}", "\u{7}", "\u{1B}"] { #expect(!page.contains(control)) }
    }

    @Test func aRightToLeftOverrideInATitleStopsAtTheTitle() throws {
        let site = try TemporarySite(siteYAML: "title: Harbour Archive\nbase_url: https://example.org/\n")
        defer { site.remove() }
        try site.article("2020-01-01-x.md", "title: \"Flood \u{202E}report\"\ndate: 2020-01-01")
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        let page = try #require(site.output("articles/x/index.html"))
        // The override is closed (U+202C) before the site's name comes.
        #expect(page.contains("Flood \u{202E}report\u{202C}"))
        #expect(!page.contains("Flood \u{202E}report –"))
    }

    @Test func aLinkedArticleFileIsSkippedWithAWarning() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let elsewhere = site.folder.appendingPathComponent("elsewhere.md")
        try Data("---\ntitle: Elsewhere\ndate: 2020-01-01\n---\nx\n".utf8).write(to: elsewhere)
        try FileManager.default.createSymbolicLink(
            at: site.site.appendingPathComponent("Content/articles/2020-01-01-elsewhere.md"),
            withDestinationURL: elsewhere)
        let run = try Broadsheet.run(["build"], in: site.site)
        #expect(run.status == 0)
        #expect(run.errors.contains("Content/articles/2020-01-01-elsewhere.md: warning: skipped: a symbolic link"))
        #expect(site.output("articles/elsewhere/index.html") == nil)
    }

    @Test func anEditOfTheSameSizeWithItsTimeSetBackIsBuilt() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let path = site.site.appendingPathComponent("Content/articles/2020-01-01-x.md").path
        try site.article("2020-01-01-x.md", "title: Tide tables\ndate: 2020-01-01", body: "The first version.")
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        let modified = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        try site.article("2020-01-01-x.md", "title: Tide tables\ndate: 2020-01-01", body: "The other version.")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        #expect(site.output("articles/x/index.html")?.contains("The other version.") == true)
    }

    @Test func thousandsOfBadFilesPrintAHundredErrorsAndACount() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for number in 0..<300 { try site.write("Content/articles/bad-\(number).md", "no front matter\n") }
        let run = try Broadsheet.run(["build"], in: site.site)
        #expect(run.status == 1)
        #expect(run.errors.components(separatedBy: ": error: ").count - 1 == 100)
        #expect(run.errors.contains("… and 200 more errors"))
    }

    @Test func aTerminalEscapeInAFileNameIsShownNotSent() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/articles/\u{1B}[31mred.md", "no front matter\n")
        let run = try Broadsheet.run(["build"], in: site.site)
        #expect(run.status == 1)
        #expect(!run.errors.contains("\u{1B}"))
        #expect(run.errors.contains("\\u{1B}[31mred.md"))
    }

    @Test func checkReadsTheBaseURLTheLastBuildUsed() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2020-01-01-x.md", "title: A\ndate: 2020-01-01", body: "[home](/) and [about](/about/)")
        try site.write("Content/static/about/index.html", "<html><body><h1 id=\"a\">About</h1></body></html>")
        let built = try Broadsheet.run(["build", "--quiet", "--base-url", "https://example.org/press/"], in: site.site)
        #expect(built.status == 0)
        let check = try Broadsheet.run(["check"], in: site.site)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.errors.contains(": 0 errors"))
        // Told another sub-path, every internal link is outside it.
        let wrong = try Broadsheet.run(["check", "--base-url", "https://example.org/other/"], in: site.site)
        #expect(wrong.status == 1)
    }
}
