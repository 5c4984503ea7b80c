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

    public func render(_ blocks: [Block]) -> String {
        var out = ""
        var headingIDs = HeadingIDs()
        for block in blocks { write(block, tight: false, into: &out, ids: &headingIDs) }
        return out
    }

    private func write(_ block: Block, tight: Bool, into out: inout String, ids: inout HeadingIDs) {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                write(inlines, into: &out)
                out += "\n"
            } else {
                out += "<p>"
                write(inlines, into: &out)
                out += "</p>\n"
            }
        case .heading(let level, let inlines):
            let id = ids.next(for: inlines.plainText)
            out += "<h\(level) id=\"\(id)\">"
            write(inlines, into: &out)
            out += "</h\(level)>\n"
        case .blockQuote(let children):
            out += "<blockquote>\n"
            for child in children { write(child, tight: false, into: &out, ids: &ids) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let tightList, let items):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in items {
                out += "<li>"
                for child in item { write(child, tight: tightList, into: &out, ids: &ids) }
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

    private func write(_ inlines: [Inline], into out: inout String) {
        for inline in inlines { write(inline, into: &out) }
    }

    private func write(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let text): out += HTMLEscaping.escape(text)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>\(HTMLEscaping.escape(code))</code>"
        case .html(let html): out += allowRawHTML ? html : HTMLEscaping.escape(html)
        case .emphasis(let children):
            out += "<em>"
            write(children, into: &out)
            out += "</em>"
        case .strong(let children):
            out += "<strong>"
            write(children, into: &out)
            out += "</strong>"
        case .link(let destination, let title, let children):
            out += "<a href=\"\(HTMLEscaping.escape(urls.content(destination, allowUnsafe: allowRawHTML)))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
            write(children, into: &out)
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
