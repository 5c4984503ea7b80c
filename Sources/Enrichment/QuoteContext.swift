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

    init(span: QuoteSpan, views: [UnitView], finder: SpeakerFinder) {
        self.span = span
        self.views = views
        self.finder = finder
        open = views[span.openMark.unit].tokenIndex(atOrAfter: span.openMark.offset)
        close = span.closeMark.map { views[$0.unit].tokenIndex(atOrAfter: $0.offset) }
    }

    var first: UnitView { views[span.openMark.unit] }
    var last: UnitView { views[span.closeMark?.unit ?? span.end.unit] }

    /// The quotation starts its paragraph.
    var opensParagraph: Bool { open == 0 }

    /// Words before the opening mark in its sentence.
    private var sentenceBefore: Range<Int> { first.sentenceStart(of: max(open - 1, 0))..<open }

    var kind: QuoteKind {
        if span.pieces.count > 1 { return .multi }
        let before = sentenceBefore.filter { first.tokens[$0].isWord }
        if open > 0, first.tokens[open - 1].mark == ":" { return .direct }
        if before.isEmpty || open == 0 { return .direct }
        let words = first.tokens[(open + 1)...].prefix { $0.start < span.end.offset }
        let startsUpper = words.first { $0.isWord }?.isCapitalized ?? false
        let scalars = first.scan.scalars
        let endsSentence = span.end.offset > 0 && ".!?,".unicodeScalars.contains(scalars[span.end.offset - 1])
        return startsUpper && endsSentence ? .direct : .partial
    }

    /// Whether a reporting verb is anywhere in the quotation's sentence (outside the quotation).
    var hasReportingVerb: Bool {
        let before = sentenceBefore.contains { finder.isVerb(first.tokens[$0]) }
        guard let close else { return before }
        let after = (close..<last.sentenceEnd(after: close)).contains { finder.isVerb(last.tokens[$0]) }
        return before || after
    }

    /// The quoted words follow a word for a work ("the documentary “The Glass Web”").
    var isTitleOfWork: Bool {
        let previous = (max(0, open - 2)..<open).filter { first.tokens[$0].isWord }
        return previous.contains { Self.works.contains(first.tokens[$0].hash) }
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
        // `X said: “…”` and `…, adding: “…”`.
        if open > 0, tokens[open - 1].mark == ":" {
            if let verb = nearestVerb(in: first, before: open - 1) {
                let subject = finder.subject(ofVerb: verb, in: first)
                if !subject.isNone { return subject }
            }
        }
        // `According to X, “…”`, `according to the Royal College of Nursing, the funds are “…”`,
        // `according to a senior official, …`.
        if let according = sentenceBefore.first(where: { tokens[$0].hash == WordHash.hash("according") }),
            according + 2 < open, tokens[according + 1].hash == WordHash.hash("to")
        {
            let start = according + 2
            if let mention = first.mention(startingAt: start) { return .entity(mention) }
            if SpeakerFinder.articleWords.contains(tokens[start].hash), start + 1 < open,
                let mention = first.mention(startingAt: start + 1)
            {
                return .entity(mention)
            }
            let end = (start..<open).first { !tokens[$0].isWord } ?? open
            if end > start, end < open, tokens[end].mark == "," {
                // "According to Mr Diaz," with no Diaz named before: a person, as after "said".
                if tokens[start].isCapitalized, finder.lexicon.honorifics.contains(tokens[start].hash) {
                    return .unknownPerson(first.speakerMention(start..<end))
                }
                return finder.describe(start..<end, in: first)
            }
        }
        // A reporting verb earlier in the sentence: `X warned of “…”`, `He said … “embraced the web”`.
        if let verb = nearestVerb(in: first, before: open) {
            let subject = finder.subject(ofVerb: verb, in: first)
            if !subject.isNone { return subject }
        }
        return trailing()
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
            if let mention = view.mention(startingAt: subject) { return .entity(mention) }
            if tokens[subject].isWord, let female = SpeakerFinder.pronouns[tokens[subject].hash] {
                return .pronoun(view.speakerMention(subject..<subject + 1), female: female)
            }
            var stop = subject
            while stop < end, tokens[stop].isWord { stop += 1 }
            return stop > subject
                ? finder.clauseSubject(from: subject, before: stop, in: view).orDescription(
                    view, subject..<stop, finder) : .none
        }
        // The attribution ends with the sentence or where the quotation goes on (`“…,” a
        // Department for Transport source said, “but …”`).
        let stop = (position..<end).first { tokens[$0].mark == "\u{201C}" || tokens[$0].mark == "\"" } ?? end
        // `“…,” Mary Collins, 67, a retired teacher, told the Gazette`: the name, then who they are.
        if let mention = view.mention(startingAt: position) {
            let after = view.tokenIndex(atOrAfter: mention.end)
            if after < stop, tokens[after].mark == ",", (after..<stop).contains(where: { finder.isVerb(tokens[$0]) }) {
                return .entity(mention)
            }
        }
        // Subject first: the attribution's last reporting verb, with nothing but punctuation after it.
        guard let verb = (position..<stop).last(where: { finder.isVerb(tokens[$0]) }),
            (verb + 1..<stop).allSatisfy({ !tokens[$0].isWord }) || verb - position <= 4
        else { return .none }
        return finder.subject(ofVerb: verb, in: view)
    }

    /// The reporting verb closest before token `limit` in its sentence.
    private func nearestVerb(in view: UnitView, before limit: Int) -> Int? {
        let start = view.sentenceStart(of: max(limit - 1, 0))
        return (start..<limit).last { finder.isVerb(view.tokens[$0]) }
    }
}

extension SpeakerCandidate {
    /// Falls back to describing `range` when no subject was found there.
    func orDescription(_ view: UnitView, _ range: Range<Int>, _ finder: SpeakerFinder) -> SpeakerCandidate {
        guard isNone else { return self }
        return .description(view.speakerMention(range), organisation: nil)
    }
}
