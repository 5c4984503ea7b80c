import ArchiveModel
import Testing

@testable import ContentReader

/// Front matter parsing: every field, and every mistake an author can make, reported at its line.
struct FrontMatterTests {
    func read(_ text: String, name: String = "2014-11-07-example.md") -> ArticleReader.Result {
        ArticleReader.read(path: "Content/articles/\(name)", bytes: Array(text.utf8))
    }

    @Test func readsEveryKnownFieldAndKeepsUnknownOnesAsParams() throws {
        let result = read(
            """
            ---
            title: "Council keeps library open"
            date: 2015-03-12T18:40:00+01:00
            updated: 2015-03-13
            authors: [Tom Aldred, Helen Marsh]
            standfirst: A reprieve for the town's oldest building
            source: https://news.example.org/a
            publication: The Riverside Gazette
            tags: [libraries, local government]
            image:
              src: /images/a.jpg
              alt: The library
              caption: Opened in 1887
              credit: "Photo: Gazette"
            slug: library-vote
            draft: true
            topic: culture
            rating: 4
            code: "4"
            live: yes
            ---

            Body.
            """)
        #expect(result.diagnostics.isEmpty)
        let metadata = try #require(result.article?.metadata)
        #expect(metadata.title == "Council keeps library open")
        #expect(metadata.date?.isoDay == "2015-03-12")
        #expect(metadata.date?.rfc3339 == "2015-03-12T17:40:00Z")
        #expect(metadata.updated?.isoDay == "2015-03-13")
        #expect(metadata.authors == ["Tom Aldred", "Helen Marsh"])
        #expect(metadata.tags == ["libraries", "local government"])
        #expect(
            metadata.image
                == ArticleImage(
                    source: "/images/a.jpg", caption: "Opened in 1887", credit: "Photo: Gazette", alt: "The library"))
        #expect(metadata.slug == "library-vote")
        #expect(metadata.draft)
        #expect(metadata.params["topic"] == .string("culture"))
        #expect(metadata.params["rating"] == .number(4))
        // Only plain scalars take a type, by YAML's rules: a quoted number stays text.
        #expect(metadata.params["code"] == .string("4"))
        #expect(metadata.params["live"] == .bool(true))
    }

    @Test func slugAndDateComeFromTheFileNameWhenNotGiven() throws {
        let result = read("---\ntitle: A\n---\nBody", name: "2016-07-04-flood-review.md")
        let metadata = try #require(result.article?.metadata)
        #expect(metadata.slug == "flood-review")
        #expect(metadata.date?.isoDay == "2016-07-04")
    }

    @Test func entityAndQuoteCorrectionsAreRead() throws {
        let result = read(
            """
            ---
            title: A
            entities: {"the Commissioner": bernard-hogan-howe}
            not_entities: [Reading]
            quotes:
              - {text: "We cannot allow", speaker: bernard-hogan-howe}
              - {text: the Big Dig, speech: false}
            ---
            Body
            """)
        #expect(result.diagnostics.isEmpty)
        let metadata = try #require(result.article?.metadata)
        #expect(metadata.entityOverrides.pins == ["the Commissioner": "bernard-hogan-howe"])
        #expect(metadata.entityOverrides.suppressed == ["Reading"])
        #expect(
            metadata.quoteOverrides == [
                QuoteOverride(opening: "We cannot allow", speaker: "bernard-hogan-howe"),
                QuoteOverride(opening: "the Big Dig", isSpeech: false),
            ])
        let broken = read("---\ntitle: A\nquotes:\n  - {speaker: x}\n---\nBody")
        #expect(broken.diagnostics.first?.message == "a `quotes` item needs `text`, the quotation's opening words")
        #expect(broken.diagnostics.first?.line == 4)
    }

    @Test func blankOptionalFieldsAreAbsentNotEmpty() throws {
        let result = read("---\ntitle: A\nstandfirst: \"\"\nsource: \"  \"\npublication: ~\ntags: []\n---\nBody")
        let metadata = try #require(result.article?.metadata)
        #expect(metadata.standfirst == nil && metadata.source == nil && metadata.publication == nil)
        #expect(metadata.tags.isEmpty)
    }

    @Test func anExplicitNullDateMakesAnUndatedArticle() throws {
        let result = read("---\ntitle: A letter\ndate: ~\n---\nBody", name: "letter.md")
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.article).metadata.date == nil)
    }

    @Test func malformedYAMLIsReportedAtItsFileLine() throws {
        let result = read("---\ntitle: A\ntags: [one, two\ndate: 2014-01-01\n---\nBody")
        let error = try #require(result.diagnostics.first)
        #expect(result.article == nil)
        #expect(error.message.hasPrefix("malformed YAML"))
        #expect(error.file == "Content/articles/2014-11-07-example.md")
        #expect((3...5).contains(error.line ?? 0))
        #expect(error.hint != nil)
    }

    @Test func missingTitleIsAnError() throws {
        let result = read("---\ndate: 2014-01-01\n---\nBody")
        #expect(result.article == nil)
        #expect(result.diagnostics.map(\.message) == ["missing `title`"])
    }

    @Test func missingDateWithoutADatedFileNameIsAnError() throws {
        let result = read("---\ntitle: A\n---\nBody", name: "no-date.md")
        #expect(result.article == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "missing `date`")
        #expect(error.hint?.contains("YYYY-MM-DD") == true)
    }

    @Test func unparseableDateNamesTheLineAndColumnOfTheValue() throws {
        let result = read("---\ntitle: A\ndate: next Tuesday\n---\nBody")
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "`date` is not a date: next Tuesday")
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.description.hasPrefix("Content/articles/2014-11-07-example.md:3:7: error:"))
    }

    @Test func impossibleCalendarDaysAreRejected() {
        #expect(read("---\ntitle: A\ndate: 2015-02-29\n---\n").article == nil)
        #expect(read("---\ntitle: A\ndate: 2016-02-29\n---\n").article != nil)
    }

    @Test func fieldsOfTheWrongTypeAreErrors() throws {
        let result = read("---\ntitle: [a, b]\ndraft: maybe\ntags: {a: 1}\nimage: [x]\n---\nBody")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("`title` must be text, not a list"))
        #expect(messages.contains("`draft` must be true or false"))
        #expect(messages.contains("`tags` must be a list, not a mapping"))
        #expect(messages.contains("`image` must be a mapping"))
        #expect(result.diagnostics.map(\.line) == [2, 3, 4, 5])
        // Quoted, `true` is text, as YAML has it.
        let quoted = read("---\ntitle: A\ndraft: \"true\"\n---\nBody")
        #expect(quoted.diagnostics.map(\.message) == ["`draft` must be true or false"])
    }

    @Test func traversingSlugIsRejectedWithASuggestion() throws {
        let result = read("---\ntitle: A\nslug: ../../x\n---\nBody")
        let error = try #require(result.diagnostics.first)
        #expect(result.article == nil)
        #expect(error.message.contains("slug `../../x` is not allowed"))
        #expect(error.hint == "use `slug: x`")
    }

    @Test func imageWithoutAltTextIsAWarningNotAnError() throws {
        let result = read("---\ntitle: A\nimage: {src: /a.jpg}\n---\nBody")
        #expect(result.article != nil)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "the image has no alt text")
        #expect(warning.line == 3)
    }

    @Test func aFileWithoutFrontMatterOrWithAnUnclosedOneIsAnError() {
        #expect(read("# Just a heading\n").diagnostics.first?.message.hasPrefix("missing front matter") == true)
        #expect(
            read("---\ntitle: A\n\nBody").diagnostics.first?.message == "the front matter opened here is never closed")
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        var bytes = Array("---\ntitle: Caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\n---\nBody".utf8)
        let result = ArticleReader.read(path: "Content/articles/latin1.md", bytes: bytes)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "the file is not valid UTF-8")
        #expect(error.line == 2)
        #expect(error.column == 11)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}---\r\ntitle: Windows\r\ndate: 2014-01-02\r\n---\r\n\r\nA paragraph.\r\n"
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.article?.metadata.title == "Windows")
        #expect(result.article?.body.count == 1)
    }
}

/// The byte-level split gives what splitting the text into Character lines and joining them
/// again gave, for every mix of line ends, blank lines, trailing blanks and fences.
struct FrontMatterSplitTests {
    /// The split as it was first written, on Character lines.
    static func reference(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        func isFence(_ line: Substring, allowDots: Bool) -> Bool {
            let text = String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
            return text == "---" || (allowDots && text == "...")
        }
        guard let first = lines.first, isFence(first, allowDots: false),
            let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) })
        else { return nil }
        return (lines[1..<close].joined(separator: "\n"), lines[(close + 1)...].joined(separator: "\n"), close + 2)
    }

    static let pieces = [
        "---", "--- ", "---\t", "...", "title: A", "", " ", "body “one”", "\r", "x\r", "\u{301}", "---\u{301}", "- - -",
    ]
    static let ends = ["\n", "\r\n", "\r\r\n", ""]

    @Test func agreesWithSplittingIntoLinesOnEveryMix() {
        // Deterministic pseudo-random files of up to six lines.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var splits = 0
        for _ in 0..<4000 {
            var text = next(3) == 0 ? "" : "---" + Self.ends[next(3)]
            for _ in 0..<next(7) { text += Self.pieces[next(Self.pieces.count)] + Self.ends[next(Self.ends.count)] }
            let expected = Self.reference(text)
            if expected != nil { splits += 1 }
            let split = try? FrontMatter.split(SourceText(path: "a.md", text: text))
            #expect(split?.yaml == expected?.yaml, "\(text.debugDescription)")
            #expect(split?.body == expected?.body, "\(text.debugDescription)")
            #expect(split?.bodyFirstLine == expected?.bodyLine, "\(text.debugDescription)")
        }
        #expect(splits > 500, "too few files with front matter to compare: \(splits)")
    }
}
