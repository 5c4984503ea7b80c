import ArchiveModel

/// Finds an article's quotations and attributes each to its speaker, using the entity mentions
/// already found: by the words around the quotation (see `SpeakerFinder`), a pronoun through the
/// most salient earlier person of matching sex, a quotation that opens a paragraph without a cue
/// through the previous quotation's speaker, and the lede's description ("Britain’s most senior
/// police officer has warned") through the person the next paragraph names. Quote marks with no
/// reporting context (scare quotes, titles of works, nicknames) are not quotations.
struct QuoteRecognizer {
    let lexicon: Lexicon
    let finder: SpeakerFinder

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.finder = SpeakerFinder(lexicon: lexicon)
    }

    /// A person who was the subject of a sentence or the speaker of a quotation, for pronouns.
    struct Salient {
        var position: TextPosition
        /// nil for a person the article names but does not settle, or only describes.
        var entity: String?
        var female: Bool?
        /// For a person only described ("a spokeswoman for the agency"), the words and organisation.
        var described: (words: String, organisation: String?)?
        /// For a person named by words no entity settles ("Dr. Okafor"), the name.
        var unsettledName: String?
    }

    func quotations(
        scans: [UnitScan], units: [TextUnit], entities: EntityAnnotations, overrides: [QuoteOverride]
    ) -> [Quotation] {
        let spans = QuoteMarks.spans(in: scans, roles: units.map(\.role))
        guard !spans.isEmpty else { return [] }
        var byUnit = [[Mention]](repeating: [], count: scans.count)
        for mention in entities.mentions { byUnit[mention.unit].append(mention) }
        let views = scans.indices.map { UnitView(scan: scans[$0], unit: $0, mentions: byUnit[$0]) }
        let people = Dictionary(
            entities.entities.filter { $0.entity.type == .person }.map { ($0.entity.id, $0.entity) },
            uniquingKeysWith: { a, _ in a })
        var quoted = [[Range<Int>]](repeating: [], count: scans.count)
        for span in spans { for piece in span.pieces { quoted[piece.unit].append(piece.range) } }
        var salient = SalienceTrail(
            subjects: sentenceSubjects(views, units: units, people: people, quoted: quoted))
        let lede = units.firstIndex { $0.role == .paragraph }
        var result: [Quotation] = []
        var previous: (end: TextPosition, close: TextPosition?, speaker: Speaker?)?
        for span in spans {
            let context = QuoteContext(span: span, views: views, finder: finder)
            var candidate = context.candidate()
            // A paragraph opening with a quotation and no attribution of its own continues the last
            // speaker's words; one with a reporting verb that named nobody we could read does not.
            if candidate.isNone, context.opensParagraph, !context.hasReportingVerb, let previous,
                previous.end.unit >= span.start.unit - 1
            {
                result.append(quotation(span, context: context, speaker: previous.speaker, index: result.count))
                continue
            }
            // `“…,” said Dr Marsh. “…”`: a sentence of quotation right after the attribution of the
            // last one goes on with the same speaker.
            if candidate.isNone, let last = previous, context.follows(last.close) {
                result.append(quotation(span, context: context, speaker: last.speaker, index: result.count))
                previous = (span.end, span.closeMark, last.speaker)
                continue
            }
            if candidate.isNone && !context.hasReportingVerb { continue }
            if context.isTitleOfWork { continue }
            if case .description(let words, nil) = candidate, words.unit == lede || units[words.unit].role == .headline,
                let named = salient.first(where: {
                    $0.position.unit > words.unit && units[$0.position.unit].role == .paragraph
                }),
                let id = named.entity,
                let entity = people[id]
            {
                // A headline or lede that describes its speaker ("says hydrologist") before the body names them.
                candidate = .entity(
                    Mention(unit: words.unit, start: words.start, end: words.end, entity: entity.id, text: words.text))
            }
            let speaker = resolve(candidate, at: span.start, salient: salient, entities: entities, people: people)
            if let event = salience(
                of: speaker, candidate: candidate, at: span.start, people: people, views: views)
            {
                salient.hear(event)
            }
            result.append(quotation(span, context: context, speaker: speaker, index: result.count))
            previous = (span.end, span.closeMark, speaker)
        }
        return QuoteCorrections.apply(overrides, to: result, entities: entities).enumerated().map { index, quote in
            var quote = quote
            quote.id = "q\(index + 1)"
            return quote
        }
    }

    private func quotation(_ span: QuoteSpan, context: QuoteContext, speaker: Speaker?, index: Int) -> Quotation {
        let text = span.pieces.map { context.views[$0.unit].scan.text($0.range.lowerBound, $0.range.upperBound) }
            .joined(separator: "\n\n")
        return Quotation(
            id: "q\(index + 1)", start: span.start, end: span.end, kind: context.kind, speaker: speaker, text: text,
            unclosed: span.isUnclosed)
    }

    /// Turns a candidate into a speaker: pronouns through salience, entities by their canonical name.
    private func resolve(
        _ candidate: SpeakerCandidate, at position: TextPosition, salient: SalienceTrail, entities: EntityAnnotations,
        people: [String: Entity]
    ) -> Speaker? {
        func named(_ id: String, mention: SpeakerMention?) -> Speaker {
            let name = people[id]?.name ?? entities.entities.first { $0.entity.id == id }?.entity.name
            return Speaker(name: name, entity: id, mention: mention)
        }
        switch candidate {
        case .entity(let mention):
            let words = SpeakerMention(unit: mention.unit, start: mention.start, end: mention.end, text: mention.text)
            return named(mention.entity, mention: words)
        case .pronoun(let words, let female):
            // A pronoun that names no one the article has named (or "they") names no speaker: a
            // quotation shown as said by "he" tells a reader nothing, and may read as a guess.
            guard words.text.lowercased() != "they" else { return nil }
            let antecedent = salient.last(before: position) {
                $0.female == nil || female == nil || $0.female == female
            }
            if let id = antecedent?.entity { return named(id, mention: words) }
            if let antecedent, let name = antecedent.unsettledName { return Speaker(name: name, mention: words) }
            // A described person of the pronoun's sex is who it means; of unknown sex, nobody is.
            if let antecedent, let described = antecedent.described, antecedent.female != nil {
                return Speaker(mention: words, description: described.words, organisation: described.organisation)
            }
            return nil
        case .description(let words, let organisation):
            return Speaker(mention: words, description: words.text, organisation: organisation)
        case .unknownPerson(let words):
            // Named as the text names them, linked to no one.
            return Speaker(name: Self.nameWithoutHonorific(words.text), mention: words)
        case .none:
            return nil
        }
    }

    /// The salience event a quotation's speaker makes, for later pronouns.
    private func salience(
        of speaker: Speaker?, candidate: SpeakerCandidate, at position: TextPosition, people: [String: Entity],
        views: [UnitView]
    ) -> Salient? {
        if let id = speaker?.entity, let entity = people[id] {
            return Salient(position: position, entity: id, female: sex(of: entity, mention: speaker?.mention?.text))
        }
        if case .description(let words, let organisation) = candidate {
            return Self.described(words, organisation: organisation, at: position, in: views[words.unit])
        }
        if case .unknownPerson(let words) = candidate {
            return Salient(
                position: position, entity: nil, female: Self.sex(ofHonorific: words.text),
                unsettledName: Self.nameWithoutHonorific(words.text))
        }
        return nil
    }

    /// People who are the subject of a sentence, in reading order: named, or described in a
    /// sentence that reports their words ("Her husband, Keith, said the couple …"). Sentences inside
    /// a quotation (`quoted`: each unit's quoted ranges, in order) are the speaker's words: who
    /// they talk about is no antecedent for the narrative's "he said".
    private func sentenceSubjects(
        _ views: [UnitView], units: [TextUnit], people: [String: Entity], quoted: [[Range<Int>]]
    ) -> [Salient] {
        var events: [Salient] = []
        for view in views where units[view.unit].role == .paragraph {
            var start = 0
            var inside = quoted[view.unit][...]
            while start < view.tokens.count {
                let end = view.sentenceEnd(after: start)
                let offset = view.tokens[start].start
                while let range = inside.first, range.upperBound <= offset { inside = inside.dropFirst() }
                if let range = inside.first, range.contains(offset) {
                    start = end
                    continue
                }
                switch finder.clauseSubject(from: start, before: end, in: view) {
                case .entity(let mention):
                    if let entity = people[mention.entity] {
                        events.append(
                            Salient(
                                position: TextPosition(unit: view.unit, offset: mention.start), entity: mention.entity,
                                female: sex(of: entity, mention: mention.text)))
                    }
                case .description(let words, let organisation)
                where (start..<end).contains(where: { finder.isVerb(view.tokens[$0]) }):
                    let position = TextPosition(unit: view.unit, offset: words.start)
                    if let event = Self.described(words, organisation: organisation, at: position, in: view) {
                        events.append(event)
                    }
                case .unknownPerson(let words):
                    let position = TextPosition(unit: view.unit, offset: words.start)
                    events.append(
                        Salient(
                            position: position, entity: nil, female: Self.sex(ofHonorific: words.text),
                            unsettledName: Self.nameWithoutHonorific(words.text)))
                default:
                    break
                }
                start = end
            }
        }
        return events
    }

    /// The salience event of a person the text describes without a name, when the description's
    /// head is a person noun ("her husband", "a spokeswoman for …", not "a statement").
    private static func described(
        _ words: SpeakerMention, organisation: String?, at position: TextPosition, in view: UnitView
    ) -> Salient? {
        guard let person = PersonNouns.person(words, in: view) else { return nil }
        return Salient(
            position: position, entity: nil, female: person.female, described: (words.text, organisation))
    }

    /// true for a woman, false for a man, nil when the name does not tell: the honorific of the
    /// mention ("Ms", "Sir"), else the entity's given name (never a surname: "Ward" is also a given name).
    private func sex(of entity: Entity, mention: String?) -> Bool? {
        if let mention, let honorific = mention.split(separator: " ", maxSplits: 1).first {
            let word = WordHash.hash(String(honorific))
            if Self.femaleHonorifics.contains(word) { return true }
            if Self.maleHonorifics.contains(word) { return false }
        }
        guard let given = entity.name.split(separator: " ", maxSplits: 1).first else { return nil }
        let word = WordHash.hash(String(given))
        if lexicon.femaleNames.contains(word) { return true }
        if lexicon.maleNames.contains(word) { return false }
        return nil
    }

    /// The sex the first word of `words` tells when it is an honorific ("Ms Gray", "Sir Bernard").
    private static func sex(ofHonorific words: String) -> Bool? {
        let honorific = words.split(separator: " ").first.map { WordHash.hash(String($0)) } ?? 0
        return femaleHonorifics.contains(honorific) ? true : maleHonorifics.contains(honorific) ? false : nil
    }

    /// "Dr. Okafor" → "Okafor": the name a reader looks for, without its honorific.
    static func nameWithoutHonorific(_ words: String) -> String {
        let parts = words.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return words }
        let first = parts[0].hasSuffix(".") ? parts[0].dropLast() : parts[0]
        return honorificWords.contains(WordHash.hash(String(first))) ? String(parts[1]) : words
    }

    private static let honorificWords = WordSet(["mr", "mrs", "ms", "miss", "dr", "mx"].map(WordHash.hash))

    static let femaleHonorifics = WordSet(
        ["ms", "mrs", "miss", "dame", "lady", "baroness"].map(WordHash.hash))
    static let maleHonorifics = WordSet(["mr", "sir", "lord", "baron"].map(WordHash.hash))
}
