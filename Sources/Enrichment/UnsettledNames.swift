import ArchiveModel

/// Names no entity settles — a surname never written in full, a word of the dictionary, or one two
/// people of the article share — read where the speaker stands: the speaker is then the name as
/// the text writes it, linked to no one.
extension SpeakerFinder {
    /// Whether a capitalised word opening the sentence before its verb is a name ("Sanders says
    /// …", "Bush said …"): no word of the dictionary, or one the article capitalises inside its
    /// sentences too — and no word that says who ("Officials said") or stands for no one.
    func opensWithName(_ token: Token, in view: UnitView) -> Bool {
        token.isWord && token.isCapitalized
            && (!lexicon.commonWords.contains(token.hash) || view.capitalised.contains(token.hash))
            && !PersonNouns.isSpeakerNoun(token, in: view) && !Self.indefinites.contains(token.hash)
            && Self.pronouns[token.hash] == nil && !Self.firstPersons.contains(token.hash)
            && !Self.determiners.contains(token.hash) && !Self.leadingExclusions.contains(token.hash)
            && !Self.conjunctions.contains(token.hash) && !Self.modifiers.contains(token.hash)
            && !Self.nonNouns.contains(token.hash)
    }

    /// A name no entity settles, in the subject's place right before a reporting verb: capitalised
    /// words after an honorific (`Dr. Nair said`), after the closing mark of a quotation
    /// (`“…,” Okafor said`, where even a word of the dictionary is a name: `“…,” Small said`),
    /// or opening the clause (at `opening`) when the first is no dictionary word (`Okafor said on
    /// Monday`). A surname the article leaves ambiguous (two Clintons) is one, too: written as the
    /// text has it, linked to no one.
    func unsettledName(endingAt last: Int, opening: Int, from sentence: Int, in view: UnitView) -> Range<Int>? {
        let tokens = view.tokens
        var start = last
        while start > sentence, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
        // "Mr. Amar", "Sen. Okafor": an abbreviated honorific keeps its full stop.
        if start - 2 >= sentence, tokens[start - 1].mark == ".", tokens[start - 2].isCapitalized,
            lexicon.standsBeforeName(tokens[start - 2].hash)
        {
            start -= 2
        }
        guard last - start < 5, !tokens[last].flags.contains(.possessive),
            !namesOrganisation(start..<last + 1, in: view),
            start == opening || !isInsidePhrase(start, sentence: sentence, in: view)
                || Self.followsQuotation(start, in: view)
        else { return nil }
        if lexicon.honorifics.contains(tokens[start].hash) { return start..<last + 1 }
        guard Self.pronouns[tokens[start].hash] == nil, !Self.firstPersons.contains(tokens[start].hash),
            !Self.determiners.contains(tokens[start].hash), !Self.conjunctions.contains(tokens[start].hash)
        else { return nil }
        let common = lexicon.commonWords.contains(tokens[start].hash)
        // Mid-sentence after the closing mark, a word of the dictionary is a name; at the start of a
        // new sentence ("…” From the start, Okafor said) it need not be.
        if Self.followsQuotation(start, in: view), !common || !tokens[start].flags.contains(.sentenceStart) {
            return start..<last + 1
        }
        guard start == opening, !common,
            !lexicon.standsBeforeName(tokens[start].hash)
        else { return nil }
        return start..<last + 1
    }

    /// A name no entity settles opening the clause at `position` and followed by a lowercase word.
    func unsettledSubject(at position: Int, before limit: Int, from sentence: Int, in view: UnitView)
        -> Range<Int>?
    {
        let tokens = view.tokens
        var last = position
        if last + 2 < limit, tokens[last + 1].mark == ".", lexicon.honorifics.contains(tokens[last].hash) { last += 2 }
        guard tokens[last].isWord, tokens[last].isCapitalized else { return nil }
        while last + 1 < limit, tokens[last + 1].isWord, tokens[last + 1].isCapitalized { last += 1 }
        guard last + 1 < limit, tokens[last + 1].isWord, !tokens[last + 1].isCapitalized else { return nil }
        return unsettledName(endingAt: last, opening: position, from: sentence, in: view)
    }

    /// Whether capitalised words name an organisation rather than a person ("the Berlin Finance
    /// Council said"): they end in an organisation's last word or hold its first.
    func namesOrganisation(_ range: Range<Int>, in view: UnitView) -> Bool {
        guard let last = range.last(where: { view.tokens[$0].isWord }) else { return false }
        return lexicon.organisationSuffixes.contains(view.tokens[last].hash)
            || range.contains { lexicon.organisationHeads.contains(view.tokens[$0].hash) }
    }

    /// The run of two or more capitalised words that ends a description after a word that is
    /// not (`former Gov. and party Chairman Ed Rendell` → Ed Rendell).
    /// Not after a word that joins an organisation ("a spokeswoman for the Environment Agency").
    func closingName(_ range: Range<Int>, in view: UnitView) -> Range<Int>? {
        let tokens = view.tokens
        guard let last = range.last(where: { tokens[$0].isWord }), tokens[last].isCapitalized else { return nil }
        var start = last
        while start > range.lowerBound, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
        guard start > range.lowerBound, !tokens[start].flags.contains(.sentenceStart) else { return nil }
        var before = start - 1
        if Self.articleWords.contains(tokens[before].hash), before > range.lowerBound { before -= 1 }
        guard !Self.listWords.contains(tokens[before].hash), !Self.organisationLinks.contains(tokens[before].hash)
        else { return nil }
        // "Chairman Ed Rendell": the name after the last title.
        if let title = (start..<last).last(where: { lexicon.standsBeforeName(tokens[$0].hash) }) { start = title + 1 }
        return last > start && !namesOrganisation(start..<last + 1, in: view) ? start..<last + 1 : nil
    }

    /// Whether only a closing quotation mark and punctuation stand before token `index`
    /// (`“…,” Okafor said`, `“…?” Okafor asked`).
    private static func followsQuotation(_ index: Int, in view: UnitView) -> Bool {
        var before = index - 1
        while before >= 0, !view.tokens[before].isWord {
            if let mark = view.tokens[before].mark, closingMarks.contains(mark) { return true }
            before -= 1
        }
        return false
    }

    private static let closingMarks: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{201C}", "'", "\u{2019}"]
}
