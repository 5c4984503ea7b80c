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

    func quotations(
        scans: [UnitScan], units: [TextUnit], entities: EntityAnnotations, overrides: [QuoteOverride]
    ) -> [Quotation] {

        let spans = QuoteMarks.spans(in: scans, roles: units.map(\.role))
        guard !spans.isEmpty else { return [] }
        var byUnit = [[Mention]](repeating: [], count: scans.count)
        for mention in entities.mentions { byUnit[mention.unit].append(mention) }
        let capitalised = UnitView.capitalised(in: scans)
        let views = scans.indices.map {
            UnitView(scan: scans[$0], unit: $0, mentions: byUnit[$0], capitalised: capitalised)
        }
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
            // A pronoun means the most salient earlier person of its sex ("they" no one: a quotation
            // shown as said by "they" tells a reader nothing).
            var antecedent: Salient?
            if case .pronoun(let words, let female) = candidate, words.text.lowercased() != "they" {
                antecedent = salient.last(before: span.start) {
                    $0.female == nil || female == nil || $0.female == female
                }
            }
            let speaker = resolve(candidate, antecedent: antecedent, entities: entities, people: people)
            // The speaker is salient for later pronouns — through a pronoun, the person it meant.
            if var event = antecedent
                ?? salience(of: speaker, candidate: candidate, at: span.start, people: people, views: views)
            {
                event.position = span.start
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

    /// Turns a candidate into a speaker: a pronoun through its antecedent, entities by their
    /// canonical name.
    private func resolve(
        _ candidate: SpeakerCandidate, antecedent: Salient?, entities: EntityAnnotations, people: [String: Entity]
    ) -> Speaker? {
        func named(_ id: String, mention: SpeakerMention?) -> Speaker {
            let name = people[id]?.name ?? entities.entities.first { $0.entity.id == id }?.entity.name
            return Speaker(name: name, entity: id, mention: mention)
        }
        switch candidate {
        case .entity(let mention):
            let words = SpeakerMention(unit: mention.unit, start: mention.start, end: mention.end, text: mention.text)
            return named(mention.entity, mention: words)
        case .pronoun(let words, _):
            // A pronoun that means no one the article has named names no speaker: a quotation shown
            // as said by "he" tells a reader nothing, and may read as a guess.
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
}
