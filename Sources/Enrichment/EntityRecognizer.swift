import ArchiveModel

/// Finds the people, organisations and places an article names and links each mention to one
/// entity: pure, per article, with the gazetteer compiled once per build.
///
/// Within the article, short forms resolve to the full name they abbreviate ("Mr Hannigan" →
/// Robert Hannigan), an ambiguous alias to the one candidate the article names in full, an acronym
/// given in brackets to the name before it, and a one-letter typo of a long name to an entity of
/// entities.yml or of the article. What stays ambiguous stays unlinked: a wrong link is worse than none.
public struct EntityRecognizer: Sendable {
    public let gazetteer: Gazetteer
    let scanner: UnitScanner

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        let tokenizer = Tokenizer(lexicon: gazetteer.lexicon)
        scanner = UnitScanner(
            gazetteer: gazetteer, finder: NameFinder(lexicon: gazetteer.lexicon), tokenizer: tokenizer)
    }

    /// The mentions and entities of an article's text units.
    public func annotate(_ units: [TextUnit], overrides: EntityOverrides = EntityOverrides()) -> EntityAnnotations {
        annotateWithScans(units, overrides: overrides).annotations
    }

    /// The annotations and the token scans they were made from, for the quotation stage.
    func annotateWithScans(_ units: [TextUnit], overrides: EntityOverrides) -> (
        annotations: EntityAnnotations, scans: [UnitScan]
    ) {
        var scans = units.enumerated().map { scanner.scan($0.element, index: $0.offset) }
        var resolution = ArticleResolution(gazetteer: gazetteer)
        resolution.collectFullNames(scans)
        resolution.learnBracketedAcronyms(&scans)
        var mentions: [Mention] = []
        for scan in scans {
            for raw in scan.mentions {
                guard let entity = resolution.resolve(raw.target) else { continue }
                mentions.append(
                    Mention(
                        unit: raw.unit, start: raw.start, end: raw.end, entity: entity.id,
                        text: scan.text(raw.start, raw.end)))
            }
        }
        mentions += resolution.typoMentions(scans, covered: mentions)
        var authored = AuthorCorrections(overrides: overrides, units: units, resolution: resolution)
        mentions = authored.apply(to: mentions)
        mentions.sort { ($0.unit, $0.start) < ($1.unit, $1.start) }
        let entities = summarise(mentions, scans: scans, units: units, known: authored.resolution)
        return (EntityAnnotations(mentions: mentions, entities: entities, unknownIDs: authored.unknownIDs), scans)
    }

    /// Each entity once, in order of first mention, with its count and context sentence.
    private func summarise(_ mentions: [Mention], scans: [UnitScan], units: [TextUnit], known: ArticleResolution)
        -> [ArticleEntity]
    {
        var order: [String] = []
        var byID: [String: ArticleEntity] = [:]
        for mention in mentions {
            if byID[mention.entity] != nil {
                byID[mention.entity]?.mentionCount += 1
                continue
            }
            guard let entity = known.entity(id: mention.entity) else { continue }
            order.append(mention.entity)
            byID[mention.entity] = ArticleEntity(entity: entity, mentionCount: 1, context: "")
        }
        // The sentence of each entity's first mention in the body, else its first mention anywhere.
        var firstMention: [String: Mention] = [:]
        for mention in mentions where units[mention.unit].role == .paragraph && firstMention[mention.entity] == nil {
            firstMention[mention.entity] = mention
        }
        for mention in mentions where firstMention[mention.entity] == nil { firstMention[mention.entity] = mention }
        for id in order {
            guard let first = firstMention[id] else { continue }
            byID[id]?.context = Sentences.sentence(around: first.start, in: scans[first.unit])
        }
        return order.compactMap { byID[$0] }
    }
}

/// Sentence boundaries from the tokenizer's sentence-start marks.
enum Sentences {
    /// The sentence of `scan` that contains the scalar at `offset`, trimmed.
    static func sentence(around offset: Int, in scan: UnitScan) -> String {
        var start = 0
        var end = scan.scalars.count
        for token in scan.tokens where token.flags.contains(.sentenceStart) {
            if token.start <= offset {
                start = token.start
            } else {
                end = token.start
                break
            }
        }
        // Keep an opening quote mark with its sentence.
        while start > 0, ["\u{201C}", "\"", "\u{2018}", "'"].contains(scan.scalars[start - 1]) { start -= 1 }
        while end > start, ScalarClass.isWhitespace(scan.scalars[end - 1]) { end -= 1 }
        return scan.text(start, end)
    }
}
