import ArchiveModel

/// One quotation and the sentence around it: where its marks are, what kind it is and which words
/// attribute it.
struct QuoteContext {
    let span: QuoteSpan
    let views: [UnitView]
    let finder: SpeakerFinder
    /// Token indices of the opening mark (in the first unit) and closing mark (in the last).
    let open: Int
    let close: Int?
    /// The quotation opens a sentence inside its paragraph (`… said Dr Marsh. “They have …`).
    let opensSentence: Bool

    init(span: QuoteSpan, views: [UnitView], finder: SpeakerFinder) {
        self.span = span
        self.views = views
        self.finder = finder
        let tokens = views[span.openMark.unit].tokens
        let open = views[span.openMark.unit].tokenIndex(atOrAfter: span.openMark.offset)
        self.open = open
        close = span.closeMark.map { views[$0.unit].tokenIndex(atOrAfter: $0.offset) }
        if open > 0, let mark = tokens[open - 1].mark, ".!?\u{2026}".unicodeScalars.contains(mark) {
            opensSentence = tokens[(open + 1)...].first { $0.isWord }?.flags.contains(.sentenceStart) ?? false
        } else {
            opensSentence = false
        }
    }

    var first: UnitView { views[span.openMark.unit] }
    var last: UnitView { views[span.closeMark?.unit ?? span.end.unit] }

    /// The quotation starts its paragraph.
    var opensParagraph: Bool { open == 0 }

    /// Words before the opening mark in its sentence: none when the quotation opens the sentence.
    private var sentenceBefore: Range<Int> { opensSentence ? open..<open : sentenceOrPreviousBefore }

    /// The sentence before the opening mark: its own, or the one before when the quotation opens
    /// a sentence ("Dr Marsh said the walls were old. “Nobody planned for this.”").
    private var sentenceOrPreviousBefore: Range<Int> { first.sentenceStart(of: max(open - 1, 0))..<open }

    var kind: QuoteKind {
        if span.pieces.count > 1 { return .multi }
        let before = sentenceBefore.filter { first.tokens[$0].isWord }
        if open > 0, first.tokens[open - 1].mark == ":" { return .direct }
        if before.isEmpty || open == 0 { return .direct }
        let words = first.tokens[(open + 1)...].prefix { $0.start < span.end.offset }
        let startsUpper = words.first { $0.isWord }?.isCapitalized ?? false
        let endsSentence = lastScalar.map { ".!?,".unicodeScalars.contains($0) } ?? false
        return startsUpper && endsSentence ? .direct : .partial
    }

    /// Whether a reporting verb is anywhere in the quotation's sentence (outside the quotation), or
    /// in the sentence before one that the quotation opens.
    var hasReportingVerb: Bool {
        let before = sentenceOrPreviousBefore.contains { finder.isVerb(first.tokens[$0]) }
        guard let close else { return before }
        let after = (close..<last.sentenceEnd(after: close)).contains { finder.isVerb(last.tokens[$0]) }
        return before || after
    }

    /// The quoted words follow a word for a work ("the documentary “The Glass Web”").
    var isTitleOfWork: Bool {
        // The word right before the mark, or before a comma there ("the petition, ‘Save the 42’"),
        // but not further ("described the campaign as ‘David against Goliath’").
        guard let previous = (max(0, open - 2)..<open).last(where: { first.tokens[$0].isWord }) else { return false }
        return Self.works.contains(first.tokens[previous].hash)
    }

    static let works = WordSet(
        [
            "film", "book", "documentary", "novel", "album", "song", "programme", "program", "series", "play",
            "report", "article", "headline", "poem", "column", "blog", "podcast", "show", "musical", "opera",
            "painting", "titled", "entitled", "dubbed", "nicknamed", "called", "slogan", "motto", "campaign",
        ].map(WordHash.hash))

    /// The speaker the words around the quotation name.
    func candidate() -> SpeakerCandidate {
        let tokens = first.tokens
        // `X said: “…”` and `…, adding: “…”`; `Graham Stott was blunter: “…”`.
        if open > 0, tokens[open - 1].mark == ":" {
            if let verb = nearestVerb(in: first, before: open - 1) {
                let subject = finder.subject(ofVerb: verb, in: first)
                if !subject.isNone { return subject }
            } else if let subject = colonSubject() {
                return subject
            }
        }
        if let according = accordingTo(in: sentenceBefore) { return according }
        // `X said that “…,” Y added`: a quotation ending in a comma hands over to the words after it.
        if endsInComma, !opensSentence, case let after = trailing(), !after.isNone { return after }
        // A reporting verb earlier in the sentence: `X warned of “…”`, `He said … “embraced the web”`;
        // a passive one's agent: `was branded “shameful” by the local MP, Rachel Akande`.
        if !opensSentence, let verb = nearestVerb(in: first, before: open) {
            if let agent = passiveAgent(of: verb) { return agent }
            let subject = finder.subject(ofVerb: verb, in: first)
            if !subject.isNone { return subject }
        }
        let trailing = trailing()
        if trailing.isNone, opensParagraph, let leadIn = leadIn() { return leadIn }
        guard trailing.isNone, opensSentence else { return trailing }
        // Its own words name nobody: the sentence before, when it reports someone's words ("Dr
        // Marsh said the walls were old. “Nobody planned for this.”").
        if let according = accordingTo(in: sentenceOrPreviousBefore.lowerBound..<open - 1) { return according }
        if let verb = nearestVerb(in: first, before: open - 1) { return finder.subject(ofVerb: verb, in: first) }
        return .none
    }

    /// `Cruz continued:` ending the paragraph before one that opens with the quotation: the subject
    /// of that sentence's reporting verb, or of the sentence (`The minister was blunt:`).
    private func leadIn() -> SpeakerCandidate? {
        guard span.openMark.unit > 0 else { return nil }
        let view = views[span.openMark.unit - 1]
        guard let colon = view.tokens.indices.last, view.tokens[colon].mark == ":" else { return nil }
        let sentence = view.sentenceStart(of: colon)
        let subject: SpeakerCandidate
        if let verb = (sentence..<colon).last(where: { finder.isVerb(view.tokens[$0]) }) {
            subject = finder.subject(ofVerb: verb, in: view)
        } else {
            subject = finder.clauseSubject(from: sentence, before: colon, in: view)
        }
        switch subject {
        case .entity, .pronoun, .unknownPerson: return subject
        default: return nil
        }
    }

    /// The quotation's last character is a comma (`“…,” she said`).
    private var endsInComma: Bool { lastScalar == "," }

    /// The quotation's last character. Its end is an offset in the last unit's text (checked against
    /// it: a quotation left open runs to its paragraph's end).
    private var lastScalar: Unicode.Scalar? {
        let scalars = last.scan.scalars
        return span.end.offset > 0 && span.end.offset <= scalars.count ? scalars[span.end.offset - 1] : nil
    }

    /// `According to X, “…”`, `according to the Royal College of Nursing, the funds are “…”`,
    /// `according to a senior official, …`, in the tokens of `range`.
    private func accordingTo(in range: Range<Int>) -> SpeakerCandidate? {
        let tokens = first.tokens
        let limit = range.upperBound
        guard let according = range.first(where: { tokens[$0].hash == WordHash.hash("according") }),
            according + 2 < limit, tokens[according + 1].hash == WordHash.hash("to")
        else { return nil }
        let start = according + 2
        if let mention = first.mention(startingAt: start) { return .entity(mention) }
        if SpeakerFinder.articleWords.contains(tokens[start].hash), start + 1 < limit,
            let mention = first.mention(startingAt: start + 1)
        {
            return .entity(mention)
        }
        let end = (start..<limit).first { !tokens[$0].isWord } ?? limit
        guard end > start, end < limit, tokens[end].mark == "," else { return nil }
        // "According to Mr Diaz," with no Diaz named before: a person, as after "said".
        if tokens[start].isCapitalized, finder.lexicon.honorifics.contains(tokens[start].hash) {
            return .unknownPerson(first.speakerMention(start..<end))
        }
        return finder.describe(start..<end, in: first)
    }

    /// Whether the quotation opens a sentence right after the one that attributed the quotation
    /// closed at `mark` (“…,” said Dr Marsh. “…”): nothing but that attribution between them.
    func follows(_ mark: TextPosition?) -> Bool {
        guard let mark, mark.unit == span.openMark.unit, mark.offset < span.openMark.offset, opensSentence else {
            return false
        }
        let close = first.tokenIndex(atOrAfter: mark.offset)
        return !first.tokens[(close + 1)..<open].contains { $0.flags.contains(.sentenceStart) }
    }

    /// `Graham Stott was blunter: “…”`: with no reporting verb, the clause's subject when it names a
    /// person or is a pronoun, and only for whole quoted sentences of a few words (so not `its name
    /// was simple: “Dawn.”` or a notice's wording).
    private func colonSubject() -> SpeakerCandidate? {
        guard span.pieces.count == 1, let close, span.closeMark?.unit == span.openMark.unit else { return nil }
        let tokens = first.tokens
        let quoted = tokens[(open + 1)..<close].filter(\.isWord)
        let scalars = first.scan.scalars
        guard quoted.count >= 4, quoted[0].isCapitalized, span.end.offset > 0,
            ".!?".unicodeScalars.contains(scalars[span.end.offset - 1])
        else { return nil }
        let sentence = first.sentenceStart(of: open - 1)
        // A name, a pronoun, or a person the article names no further ("Ms Natarajan was more measured:").
        let subject = finder.clauseSubject(from: sentence, before: open - 1, in: first)
        switch subject {
        case .entity, .pronoun, .unknownPerson: return subject
        default: return nil
        }
    }

    /// `“…,” X said`, `“…,” said X`, `“…,” he said`, and a sentence ending `…, the minister warned.`
    private func trailing() -> SpeakerCandidate {
        guard let close else { return .none }
        let view = last
        let tokens = view.tokens
        let end = view.sentenceEnd(after: close)
        var position = close + 1
        while position < end, !tokens[position].isWord { position += 1 }
        guard position < end else { return .none }
        if finder.isVerb(tokens[position]) {
            // Verb first: `said Mr Myers`, `says Met chief`, `said the spokesman`.
            let subject = position + 1
            guard subject < end else { return .none }
            // `said manager Tony Reyes`, `said Rovers boss Claire Hennessy`: the name the words lead to.
            if let named = finder.nameAfterDescriptor(at: subject, before: end, in: view, endingClause: true) {
                return .entity(named)
            }
            if let mention = view.mention(startingAt: subject) { return .entity(mention) }
            if tokens[subject].isWord, let female = SpeakerFinder.pronouns[tokens[subject].hash] {
                return .pronoun(view.speakerMention(subject..<subject + 1), female: female)
            }
            // The words after the verb, an abbreviated title's full stop included (`said Sen. Maria Delgado`).
            var stop = subject
            while stop < end,
                tokens[stop].isWord
                    || (tokens[stop].mark == "." && stop > subject
                        && finder.lexicon.standsBeforeName(tokens[stop - 1].hash))
            {
                stop += 1
            }
            return stop > subject
                ? finder.clauseSubject(from: subject, before: stop, in: view).orDescription(
                    view, subject..<stop, finder) : .none
        }
        // The attribution ends with the sentence or where the quotation goes on (`“…,” a
        // Department for Transport source said, “but …”`).
        let stop = (position..<end).first { opensQuotation(tokens, $0, in: view) } ?? end
        // `“…,” Mary Collins, 67, a retired teacher, told the Gazette`: the name, then who they are.
        if let mention = view.mention(startingAt: position) {
            let after = view.tokenIndex(atOrAfter: mention.end)
            if after < stop, tokens[after].mark == ",", (after..<stop).contains(where: { finder.isVerb(tokens[$0]) }) {
                return .entity(mention)
            }
        }
        // Subject first: the attribution's last reporting verb, with nothing but punctuation after it
        // or close to the quotation — or, further on, a verb whose subject is a name (`“…,” the
        // organiser, Dr Amara Nwosu, told the crowd outside the town hall`).
        // `“…,” Okafor said at a rally, adding that …`: the verb right after the subject first.
        if let verb = (position..<min(stop, position + 5)).first(where: { finder.isVerb(tokens[$0]) }),
            !SpeakerFinder.participles.contains(tokens[verb].hash)
        {
            let subject = finder.subject(ofVerb: verb, after: close + 1, in: view)
            if !subject.isNone { return subject }
        }
        guard let verb = (position..<stop).last(where: { finder.isVerb(tokens[$0]) }) else { return .none }
        let subject = finder.subject(ofVerb: verb, after: close + 1, in: view)
        if (verb + 1..<stop).allSatisfy({ !tokens[$0].isWord }) || verb - position <= 4 { return subject }
        if case .entity = subject, !(position..<verb).contains(where: { finder.isVerb(tokens[$0]) }) { return subject }
        return .none
    }

    /// Who "by" names after the quotation when its verb is passive (`was described as “…” by X`).
    private func passiveAgent(of verb: Int) -> SpeakerCandidate? {
        let tokens = first.tokens
        guard verb > 0, tokens[verb - 1].isWord, Self.passiveAuxiliaries.contains(tokens[verb - 1].hash),
            let close, span.closeMark?.unit == span.openMark.unit
        else { return nil }
        let end = first.sentenceEnd(after: close)
        guard let by = (close + 1..<end).first(where: { tokens[$0].isWord }), tokens[by].hash == WordHash.hash("by"),
            by + 1 < end
        else { return nil }
        let agent = finder.clauseSubject(from: by + 1, before: end, in: first)
        return agent.isNone ? nil : agent
    }

    static let passiveAuxiliaries = WordSet(["was", "were", "been", "is", "are", "being", "be"].map(WordHash.hash))

    /// Whether token `index` is an opening mark of the kind this quotation opened with.
    private func opensQuotation(_ tokens: [Token], _ index: Int, in view: UnitView) -> Bool {
        guard let mark = tokens[index].mark else { return false }
        if inDoubleMarks { return QuoteMarks.isDoubleMark(mark) }
        return SingleQuoteMarks.isOpening(view.scan.scalars, tokens[index].start)
    }

    /// The quotation opened with a double mark (else a single one: an article quoting in single
    /// marks, or a headline).
    private var inDoubleMarks: Bool { QuoteMarks.openingWidth(first.scan.scalars, span.openMark.offset) != nil }

    /// The reporting verb closest before token `limit` in its sentence.
    private func nearestVerb(in view: UnitView, before limit: Int) -> Int? {
        guard limit > 0 else { return nil }
        let start = view.sentenceStart(of: limit - 1)
        return (start..<limit).last { finder.isVerb(view.tokens[$0]) }
    }
}

extension SpeakerCandidate {
    /// Falls back to the words of `range` when no subject was found there (`said Okafor`, `said
    /// the moderator`): a name no entity settles when they are all capitalised, a description when
    /// they can stand for a speaker, else none.
    func orDescription(_ view: UnitView, _ range: Range<Int>, _ finder: SpeakerFinder) -> SpeakerCandidate {
        guard isNone else { return self }
        let words = view.speakerMention(range)
        if range.count <= 5, range.allSatisfy({ !view.tokens[$0].isWord || view.tokens[$0].isCapitalized }),
            !finder.namesOrganisation(range, in: view)
        {
            return .unknownPerson(words)
        }
        if let name = finder.closingName(range, in: view) { return .unknownPerson(view.speakerMention(name)) }
        return PersonNouns.canSpeak(words, in: view) ? .description(words, organisation: nil) : .none
    }
}
