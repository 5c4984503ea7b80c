/// One block of an article body, in document order: the value-type mirror of a cmark block node
/// (plain-text articles produce the same shape). Later stages attach annotations as offsets into a
/// block's plain text, so the tree keeps every character the reader sees.
public struct Block: Sendable, Hashable {
    /// What kind of block this is, with its children.
    public indirect enum Kind: Sendable, Hashable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case blockQuote([Block])
        case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
        case codeBlock(info: String, literal: String)
        case html(String)
        case thematicBreak
    }

    public var kind: Kind
    /// Where the block starts in its source file.
    public var location: SourceLocation
    /// For paragraphs and headings: where each scalar of the block's plain text is in the file.
    public var sourceMap: SourceMap

    public init(_ kind: Kind, at location: SourceLocation, sourceMap: SourceMap = SourceMap()) {
        self.kind = kind
        self.location = location
        self.sourceMap = sourceMap
    }
}

/// Inline content of a paragraph or heading.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, [Inline])
    case image(source: String, title: String, alt: [Inline])

    /// The text a reader sees in the flow of a paragraph, without markup. Line breaks count as one
    /// space; images and raw HTML count as nothing. Annotation offsets are counted in this text.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        case .html, .image: return ""
        case .emphasis(let children), .strong(let children), .link(_, _, let children):
            return children.plainText
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of a run of inlines.
    public var plainText: String { map(\.plainText).joined() }
}
