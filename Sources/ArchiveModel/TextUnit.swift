/// A stretch of running text that enrichment reads: the headline, standfirst, photo caption, or one
/// paragraph or heading of the body. Annotations are ranges over a unit's `text`.
public struct TextUnit: Sendable, Hashable {
    /// Where a unit sits in the article.
    public enum Role: String, Sendable, Hashable, Codable {
        case headline, standfirst, caption, paragraph, heading
    }

    public var role: Role
    /// The text a reader sees, without markup.
    public var text: String
    /// Back to the source file; empty when the text has no place there (front matter fields).
    public var sourceMap: SourceMap

    public init(role: Role, text: String, sourceMap: SourceMap = SourceMap()) {
        self.role = role
        self.text = text
        self.sourceMap = sourceMap
    }
}

extension Article {
    /// The article's text units in reading order: headline, standfirst, caption, then every
    /// paragraph and heading of the body in document order (inside quotes and lists too).
    /// The renderer walks blocks in the same order, so body unit `n` is the n-th paragraph or heading.
    public var textUnits: [TextUnit] {
        var units: [TextUnit] = [TextUnit(role: .headline, text: metadata.title, sourceMap: metadata.titleMap)]
        if let standfirst = metadata.standfirst {
            units.append(TextUnit(role: .standfirst, text: standfirst, sourceMap: metadata.standfirstMap))
        }
        if let caption = metadata.captionText { units.append(caption) }
        Block.collectUnits(body, into: &units)
        return units
    }

    /// How many units come before the body's first paragraph or heading.
    public var leadingUnitCount: Int {
        1 + (metadata.standfirst == nil ? 0 : 1) + (metadata.captionText == nil ? 0 : 1)
    }
}

extension ArticleMetadata {
    /// The caption unit: the source paragraph of a plain-text article, or caption and credit joined.
    public var captionText: TextUnit? {
        if let captionUnit { return captionUnit }
        let parts = [image?.caption, image?.credit].compactMap { $0 }
        return parts.isEmpty ? nil : TextUnit(role: .caption, text: parts.joined(separator: " "))
    }
}

extension Block {
    /// The text of a paragraph or heading (nil for other blocks).
    public var unitText: String? {
        switch kind {
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.plainText
        default: return nil
        }
    }

    static func collectUnits(_ blocks: [Block], into units: inout [TextUnit]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines):
                units.append(TextUnit(role: .paragraph, text: inlines.plainText, sourceMap: block.sourceMap))
            case .heading(_, let inlines):
                units.append(TextUnit(role: .heading, text: inlines.plainText, sourceMap: block.sourceMap))
            case .blockQuote(let children):
                collectUnits(children, into: &units)
            case .list(_, _, _, let items):
                for item in items { collectUnits(item, into: &units) }
            case .codeBlock, .html, .thematicBreak:
                continue
            }
        }
    }
}
