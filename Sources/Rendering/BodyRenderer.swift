import ArchiveModel

/// Writes an article body as HTML by walking its block tree. This is where later stages weave
/// quotation and entity markup in; it never post-processes HTML text.
public struct BodyRenderer: Sendable {
    public let urls: SiteURLs
    /// Let raw HTML through (site.yml `unsafe_html: true`); otherwise it is shown escaped.
    public let allowRawHTML: Bool

    public init(urls: SiteURLs, allowRawHTML: Bool) {
        self.urls = urls
        self.allowRawHTML = allowRawHTML
    }

    /// The body as HTML, with entity mentions linked as `annotations` says. A first paragraph
    /// that starts with plain text, not a link or a quotation, is `<p class="drop-cap">`: a
    /// theme's initial letter floated out of a link would leave its underline behind.
    public func render(_ blocks: [Block], annotations: BodyAnnotations = .none) -> String {
        var state = WalkState(annotations: annotations, unit: annotations.firstBodyUnit)
        var out = ""
        for block in blocks { write(block, tight: false, into: &out, state: &state) }
        if case .paragraph = blocks.first?.kind, out.hasPrefix("<p>"), Self.startsWithText(out.dropFirst(3)) {
            out.replaceSubrange(out.startIndex..<out.index(out.startIndex, offsetBy: 3), with: "<p class=\"drop-cap\">")
        }
        return out
    }

    /// Whether the HTML starts with a letter or digit, after any opening marks or brackets (an
    /// escaped character, such as a straight quote mark, counts as markup).
    private static func startsWithText(_ html: Substring) -> Bool {
        for scalar in html.unicodeScalars {
            if scalar == "<" || scalar == "&" { return false }
            if "([\u{201C}\u{2018}".unicodeScalars.contains(scalar) { continue }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        return false
    }

    /// What the walk carries from block to block.
    struct WalkState {
        let annotations: BodyAnnotations
        var headingIDs = HeadingIDs()
        /// The text unit of the next paragraph or heading, as `Article.textUnits` counts them.
        var unit: Int
        var seenEntities: Set<String> = []
        var anchoredQuotes: Set<String> = []

        /// Hands the sets over to the paragraph's weaver (and `finish` takes them back): a copy
        /// left here would make each paragraph's first insertion copy them whole.
        mutating func weaver() -> MentionWeaver {
            defer {
                unit += 1
                seenEntities = []
                anchoredQuotes = []
            }
            return MentionWeaver(unit: unit, annotations: annotations, seen: seenEntities, anchored: anchoredQuotes)
        }

        mutating func finish(_ weaver: MentionWeaver) {
            seenEntities = weaver.seen
            anchoredQuotes = weaver.anchored
        }
    }

    private func write(_ block: Block, tight: Bool, into out: inout String, state: inout WalkState) {
        switch block.kind {
        case .paragraph(let inlines):
            var weaver = state.weaver()
            if !tight { out += "<p>" }
            write(inlines, into: &out, weaver: &weaver, insideLink: false)
            out += tight ? "\n" : "</p>\n"
            state.finish(weaver)
        case .heading(let level, let inlines):
            var weaver = state.weaver()
            let id = state.headingIDs.next(for: inlines.plainText)
            out += "<h\(level) id=\"\(id)\">"
            write(inlines, into: &out, weaver: &weaver, insideLink: false)
            out += "</h\(level)>\n"
            state.finish(weaver)
        case .blockQuote(let children):
            out += "<blockquote>\n"
            for child in children { write(child, tight: false, into: &out, state: &state) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let tightList, let items):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in items {
                out += "<li>"
                for child in item { write(child, tight: tightList, into: &out, state: &state) }
                if out.hasSuffix("\n") { out.removeLast() }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map {
                " class=\"language-\(HTMLEscaping.escape(String($0)))\""
            }
            out += "<pre><code\(language ?? "")>\(HTMLEscaping.escape(literal))</code></pre>\n"
        case .html(let html):
            out += allowRawHTML ? html : "<p class=\"raw-html\">\(HTMLEscaping.escape(html))</p>\n"
        case .thematicBreak:
            out += "<hr>\n"
        }
    }

    private func write(_ inlines: [Inline], into out: inout String, weaver: inout MentionWeaver, insideLink: Bool) {
        for inline in inlines { write(inline, into: &out, weaver: &weaver, insideLink: insideLink) }
    }

    private func write(_ inline: Inline, into out: inout String, weaver: inout MentionWeaver, insideLink: Bool) {
        switch inline {
        case .text(let text): weaver.write(text: text, insideLink: insideLink, into: &out)
        case .softBreak:
            weaver.skip(1)
            out += "\n"
        case .lineBreak:
            weaver.skip(1)
            out += "<br>\n"
        case .code(let code):
            weaver.skip(code.unicodeScalars.count)
            out += "<code>\(HTMLEscaping.escape(code))</code>"
        case .html(let html): out += allowRawHTML ? html : HTMLEscaping.escape(html)
        case .emphasis(let children):
            out += "<em>"
            write(children, into: &out, weaver: &weaver, insideLink: insideLink)
            out += "</em>"
        case .strong(let children):
            out += "<strong>"
            write(children, into: &out, weaver: &weaver, insideLink: insideLink)
            out += "</strong>"
        case .link(let destination, let title, let children):
            if EntityLink.id(inDestination: destination) != nil {
                // The author's own entity link: the mention is woven in from the annotations.
                write(children, into: &out, weaver: &weaver, insideLink: false)
                return
            }
            out += "<a href=\"\(HTMLEscaping.escape(urls.content(destination, allowUnsafe: allowRawHTML)))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
            write(children, into: &out, weaver: &weaver, insideLink: true)
            out += "</a>"
        case .image(let source, let title, let alt):
            let src = urls.content(source, allowUnsafe: allowRawHTML, isImage: true)
            out += "<img src=\"\(HTMLEscaping.escape(src))\" alt=\"\(HTMLEscaping.escape(alt.plainText))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += " loading=\"lazy\">"
        }
    }
}

/// Unique `id`s for the headings of one page, so every heading can be linked to.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        while let count = used[candidate] {
            used[candidate] = count + 1
            candidate = "\(base)-\(count)"
        }
        used[candidate] = 1
        return candidate
    }
}
