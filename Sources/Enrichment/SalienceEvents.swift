import ArchiveModel

/// What makes a person salient for a later pronoun: being the subject of a sentence or the
/// speaker of a quotation.
extension QuoteRecognizer {
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

    /// The salience event a quotation's speaker makes, for later pronouns.
    func salience(
        of speaker: Speaker?, candidate: SpeakerCandidate, at position: TextPosition, people: [String: Entity],
        views: [UnitView]
    ) -> Salient? {
        if let id = speaker?.entity, let entity = people[id] {
            return Salient(position: position, entity: id, female: sex(of: entity, mention: speaker?.mention?.text))
        }
        if case .description(let words, let organisation) = candidate {
            return Self.described(words, organisation: organisation, at: position, in: views[words.unit])
        }
        if case .unknownPerson(let words) = candidate { return Self.unsettled(words, at: position) }
        return nil
    }

    /// The salience event of a person named by words no entity settles ("Dr. Okafor").
    static func unsettled(_ words: SpeakerMention, at position: TextPosition) -> Salient {
        Salient(
            position: position, entity: nil, female: sex(ofHonorific: words.text),
            unsettledName: nameWithoutHonorific(words.text))
    }

    /// People who are the subject of a sentence, in reading order: named, or described in a
    /// sentence that reports their words ("Her husband, Keith, said the couple …"). Sentences inside
    /// a quotation (`quoted`: each unit's quoted ranges, in order) are the speaker's words: who
    /// they talk about is no antecedent for the narrative's "he said".
    func sentenceSubjects(
        _ views: [UnitView], units: [TextUnit], people: [String: Entity], quoted: [[Range<Int>]]
    ) -> [Salient] {
        var events: [Salient] = []
        for view in views where units[view.unit].role == .paragraph {
            var start = 0
            let inside = quoted[view.unit]
            func isQuoted(_ offset: Int) -> Bool {
                inside[..<SortedSearch.firstIndex(in: inside) { $0.lowerBound > offset }].last?.contains(offset) == true
            }
            while start < view.tokens.count {
                let end = view.sentenceEnd(after: start)
                let verb = (start..<end).first { finder.isVerb(view.tokens[$0]) }
                let reports = verb != nil
                var subject = finder.clauseSubject(from: start, before: end, in: view)
                // "Okonkwo said on Monday …", Okonkwo settled by no entity: the reporting verb's subject.
                if subject.isNone, let verb, verb > start, view.tokens[verb - 1].isCapitalized {
                    subject = finder.subject(ofVerb: verb, in: view)
                }
                if let offset = subject.offset, isQuoted(offset) { subject = .none }
                switch subject {
                case .entity(let mention):
                    if let entity = people[mention.entity] {
                        let position = TextPosition(unit: view.unit, offset: mention.start)
                        events.append(
                            Salient(
                                position: position, entity: mention.entity,
                                female: sex(of: entity, mention: mention.text)))
                    }
                case .description(let words, let organisation) where reports:
                    let position = TextPosition(unit: view.unit, offset: words.start)
                    if let event = Self.described(words, organisation: organisation, at: position, in: view) {
                        events.append(event)
                    }
                case .unknownPerson(let words):
                    events.append(Self.unsettled(words, at: TextPosition(unit: view.unit, offset: words.start)))
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
    func sex(of entity: Entity, mention: String?) -> Bool? {
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
    static func sex(ofHonorific words: String) -> Bool? {
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
