import ArchiveModel

/// Applies what the author said about entities in one article: front matter `not_entities:`
/// removes mentions, `entities:` (surface → id) and inline `[text](entity:id)` links add or replace them.
struct AuthorCorrections {
    let overrides: EntityOverrides
    let units: [TextUnit]
    private(set) var resolution: ArticleResolution
    private(set) var unknownIDs: [String] = []

    init(overrides: EntityOverrides, units: [TextUnit], resolution: ArticleResolution) {
        self.overrides = overrides
        self.units = units
        self.resolution = resolution
    }

    mutating func apply(to mentions: [Mention]) -> [Mention] {
        var result = mentions.filter { !overrides.suppressed.contains($0.text) }
        var authored: [Mention] = []
        for (surface, id) in overrides.pins.sorted(by: { $0.key < $1.key }) {
            guard known(id) else { continue }
            for (unit, text) in units.enumerated().map({ ($0.offset, $0.element.text) }) {
                for range in Self.occurrences(of: surface, in: text) {
                    authored.append(
                        Mention(unit: unit, start: range.lowerBound, end: range.upperBound, entity: id, text: surface))
                }
            }
        }
        for (unit, textUnit) in units.enumerated() {
            for link in textUnit.entityLinks where known(link.entity) {
                let scalars = Array(textUnit.text.unicodeScalars)
                let text = String(scalars: scalars[link.start..<min(link.end, scalars.count)])
                authored.append(Mention(unit: unit, start: link.start, end: link.end, entity: link.entity, text: text))
            }
        }
        for mention in authored {
            result.removeAll { $0.unit == mention.unit && $0.start < mention.end && mention.start < $0.end }
        }
        var seen: Set<[Int]> = []
        return result + authored.filter { seen.insert([$0.unit, $0.start, $0.end]).inserted }
    }

    private mutating func known(_ id: String) -> Bool {
        if resolution.entity(id: id) != nil { return true }
        if !unknownIDs.contains(id) { unknownIDs.append(id) }
        return false
    }

    /// Scalar ranges where `surface` occurs in `text` as whole words.
    static func occurrences(of surface: String, in text: String) -> [Range<Int>] {
        let needle = Array(surface.unicodeScalars)
        let haystack = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle,
                index == 0 || !isWordScalar(haystack[index - 1]),
                index + needle.count == haystack.count || !isWordScalar(haystack[index + needle.count])
            {
                ranges.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
