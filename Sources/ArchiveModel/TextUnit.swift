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
    /// Mentions the author marked with a link to `entity:<id>`.
    public var entityLinks: [EntityLink]

    public init(role: Role, text: String, sourceMap: SourceMap = SourceMap(), entityLinks: [EntityLink] = []) {
        self.role = role
        self.text = text
        self.sourceMap = sourceMap
        self.entityLinks = entityLinks
    }
}

/// An author's explicit mention: `[the Commissioner](entity:bernard-hogan-howe)`.
public struct EntityLink: Sendable, Hashable {
    /// Scalar offsets of the link text in the unit, end exclusive.
    public var start: Int
    public var end: Int
    public var entity: String

    public init(start: Int, end: Int, entity: String) {
        self.start = start
        self.end = end
        self.entity = entity
    }

    /// The id in a link destination `entity:<id>`, or nil for any other URL.
    public static func id(inDestination destination: String) -> String? {
        guard destination.hasPrefix("entity:") else { return nil }
        let id = String(destination.dropFirst("entity:".count))
        return id.isEmpty ? nil : id
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
    static func collectUnits(_ blocks: [Block], into units: inout [TextUnit]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines):
                units.append(
                    TextUnit(
                        role: .paragraph, text: inlines.plainText, sourceMap: block.sourceMap,
                        entityLinks: inlines.entityLinks()))
            case .heading(_, let inlines):
                units.append(
                    TextUnit(
                        role: .heading, text: inlines.plainText, sourceMap: block.sourceMap,
                        entityLinks: inlines.entityLinks()))
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

extension Array where Element == Inline {
    /// The `entity:` links among these inlines, with offsets in their plain text.
    public func entityLinks() -> [EntityLink] {
        var links: [EntityLink] = []
        var offset = 0
        collect(into: &links, offset: &offset)
        return links
    }

    private func collect(into links: inout [EntityLink], offset: inout Int) {
        for inline in self {
            switch inline {
            case .link(let destination, _, let children):
                let start = offset
                children.collect(into: &links, offset: &offset)
                if let id = EntityLink.id(inDestination: destination), offset > start {
                    links.append(EntityLink(start: start, end: offset, entity: id))
                }
            case .emphasis(let children), .strong(let children):
                children.collect(into: &links, offset: &offset)
            default:
                offset += inline.plainText.unicodeScalars.count
            }
        }
    }
}
