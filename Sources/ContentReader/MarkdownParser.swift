import ArchiveModel
import CCmark

/// Parses CommonMark with libcmark (smart punctuation, source positions) and copies the cmark tree
/// into `Block` values at once, so the C tree is freed before the article moves on.
public enum MarkdownParser {
    /// The blocks of `markdown`; `firstLine` is the file line the text starts on.
    public static func parse(_ markdown: String, firstLine: Int = 1) -> [Block] {
        parse(markdown, firstLine: firstLine, lines: nil)
    }

    /// As `parse(_:firstLine:)`, with source maps for paragraphs and headings when `lines` indexes
    /// the whole file the text comes from.
    static func parse(_ markdown: String, firstLine: Int, lines: LineIndex?) -> [Block] {
        let options = CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS
        var text = markdown
        let root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        return TreeCopier(lineOffset: firstLine - 1, lines: lines).blocks(under: root)
    }
}

/// Walks a cmark tree and builds the value-type mirror of it.
private struct TreeCopier {
    let lineOffset: Int
    let lines: LineIndex?

    func blocks(under parent: OpaquePointer) -> [Block] {
        children(of: parent).compactMap(block)
    }

    private func block(_ node: OpaquePointer) -> Block? {
        let location = SourceLocation(
            line: Int(cmark_node_get_start_line(node)) + lineOffset, column: Int(cmark_node_get_start_column(node)))
        let kind: Block.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            kind = .paragraph(inlines(under: node))
            return Block(kind, at: location, sourceMap: sourceMap(under: node))
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node))
            return Block(kind, at: location, sourceMap: sourceMap(under: node))
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .blockQuote(blocks(under: node))
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: children(of: node).map { blocks(under: $0) })
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK:
            kind = .html(literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        default:
            return nil
        }
        return Block(kind, at: location)
    }

    private func inlines(under parent: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        for node in children(of: parent) {
            guard let inline = inline(node) else { continue }
            // Smart punctuation splits text nodes at quote marks; rejoin them so a block's text
            // runs are whole.
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    private func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE: return .html(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                inlines(under: node))
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                alt: inlines(under: node))
        default: return nil
        }
    }

    /// Where each scalar of a paragraph's plain text (as `Inline.plainText` defines it) is in the file.
    private func sourceMap(under node: OpaquePointer) -> SourceMap {
        guard let lines else { return SourceMap() }
        var map = SourceMap()
        var textLength = 0
        var lastSource = -1
        mapInlines(under: node, lines: lines, map: &map, textLength: &textLength, lastSource: &lastSource)
        return map
    }

    private func mapInlines(
        under parent: OpaquePointer, lines: LineIndex, map: inout SourceMap, textLength: inout Int,
        lastSource: inout Int
    ) {
        for node in children(of: parent) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let text = Array(literal(node).unicodeScalars)
                guard let span = span(of: node, lines: lines) else { continue }
                SourceAligner.align(
                    text, textStart: textLength, source: lines.scalars, span: span, base: lines.base, into: &map)
                textLength += text.count
                lastSource = (map.sourceOffset(of: textLength - 1) ?? lastSource + lines.base) - lines.base
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                // The break's own position is not recorded by cmark: it is the newline after the text.
                // Clamped to the file: cmark's text can differ from the file's (a NUL byte becomes
                // U+FFFD), so the last source position may be past the end.
                let from = min(max(lastSource + 1, 0), lines.scalars.count)
                let newline = lines.scalars[from...].firstIndex(of: "\n") ?? from
                map.append(text: textLength, source: lines.base + newline)
                textLength += 1
                lastSource = newline
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                mapInlines(under: node, lines: lines, map: &map, textLength: &textLength, lastSource: &lastSource)
            default:
                continue
            }
        }
    }

    /// The node's source span in file scalars (end exclusive).
    private func span(of node: OpaquePointer, lines: LineIndex) -> Range<Int>? {
        let startLine = Int(cmark_node_get_start_line(node)) + lineOffset
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        guard let start = lines.scalarOffset(line: startLine, byteColumn: Int(cmark_node_get_start_column(node))),
            let last = lines.scalarOffset(line: endLine, byteColumn: Int(cmark_node_get_end_column(node)))
        else { return nil }
        return start..<max(start, last + 1)
    }

    private func children(of parent: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            nodes.append(node)
            child = cmark_node_next(node)
        }
        return nodes
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
