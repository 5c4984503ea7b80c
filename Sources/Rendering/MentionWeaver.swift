import ArchiveModel

/// The entity links to weave into an article body: mentions per body unit (the n-th paragraph or
/// heading, as `Article.textUnits` counts them after the lead units) and where each entity's page is.
public struct BodyAnnotations: Sendable {
    public var mentionsByUnit: [Int: [Mention]]
    /// Site path of each entity's page, by id.
    public var entityPaths: [String: String]
    public var style: EntityLinkStyle

    public init(
        mentionsByUnit: [Int: [Mention]] = [:], entityPaths: [String: String] = [:], style: EntityLinkStyle = .all
    ) {
        self.mentionsByUnit = mentionsByUnit
        self.entityPaths = entityPaths
        self.style = style
    }

    /// Body annotations from an article's annotations; `leadingUnits` is `Article.leadingUnitCount`.
    public init(_ annotations: EntityAnnotations, leadingUnits: Int, urls: SiteURLs, style: EntityLinkStyle) {
        var byUnit: [Int: [Mention]] = [:]
        for mention in annotations.mentions where mention.unit >= leadingUnits {
            byUnit[mention.unit - leadingUnits, default: []].append(mention)
        }
        var paths: [String: String] = [:]
        for item in annotations.entities {
            paths[item.entity.id] = urls.path(urls.entity(item.entity.type, item.entity.id))
        }
        self.init(mentionsByUnit: byUnit, entityPaths: paths, style: style)
    }

    public static let none = BodyAnnotations(style: .none)
}

/// Writes the text of one paragraph or heading with its mentions wrapped in links, keeping count
/// of the plain-text offset exactly as `Inline.plainText` does.
struct MentionWeaver {
    let mentions: [Mention]
    let annotations: BodyAnnotations
    /// Entities already linked earlier in the article.
    var seen: Set<String>
    private(set) var offset = 0

    init(mentions: [Mention], annotations: BodyAnnotations, seen: Set<String>) {
        self.mentions = mentions
        self.annotations = annotations
        self.seen = seen
    }

    /// Writes escaped text, linking the parts covered by mentions (unless inside a link already).
    mutating func write(text: String, insideLink: Bool, into out: inout String) {
        let scalars = Array(text.unicodeScalars)
        let start = offset
        offset += scalars.count
        guard !insideLink, annotations.style != .none else {
            out += HTMLEscaping.escape(text)
            return
        }
        var position = 0
        for mention in mentions where mention.end > start && mention.start < offset {
            let from = max(mention.start - start, position)
            let to = min(mention.end - start, scalars.count)
            guard from < to, let path = annotations.entityPaths[mention.entity] else { continue }
            out += HTMLEscaping.escape(String(String.UnicodeScalarView(scalars[position..<from])))
            let piece = HTMLEscaping.escape(String(String.UnicodeScalarView(scalars[from..<to])))
            let first = !seen.contains(mention.entity)
            if mention.end <= offset { seen.insert(mention.entity) }
            if first || annotations.style == .all {
                let className = first ? "mention mention-first" : "mention"
                out +=
                    "<a class=\"\(className)\" href=\"\(HTMLEscaping.escape(path))\" data-entity=\"\(HTMLEscaping.escape(mention.entity))\">\(piece)</a>"
            } else {
                out += piece
            }
            position = to
        }
        out += HTMLEscaping.escape(String(String.UnicodeScalarView(scalars[position...])))
    }

    /// Advances past text that is not written as text (a line break, a code span).
    mutating func skip(_ count: Int) { offset += count }
}
