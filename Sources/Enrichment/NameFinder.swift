import ArchiveModel

/// A name found by its shape rather than by the gazetteer: a person, organisation or (rarely) an
/// unknown kind of proper name, as a token range of one unit.
struct FoundName {
    enum Kind: Equatable {
        case person
        case organisation
        /// A name whose kind the shape does not tell; used only when the gazetteer knows it.
        case unknown
        /// Honorific + one word ("Mr Hannigan", "Sir Bernard"), or a bare surname before a reporting
        /// verb: resolved only against a fuller name in the same article.
        case shortPerson
    }

    var kind: Kind
    /// The mention, honorific included.
    var tokens: Range<Int>
    /// The name without honorific or title.
    var nameTokens: Range<Int>
    /// The honorific's hash, when the mention starts with one.
    var honorific: UInt64?
}

/// Finds names in one unit by their shape: runs of capitalised words, split at honorifics, titles
/// and organisation words, then classified. Sentence-initial common words, month and day names and
/// titles on their own are never names.
struct NameFinder {
    let lexicon: Lexicon

    func names(in tokens: [Token]) -> [FoundName] {
        var found: [FoundName] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, tokens[index].isCapitalized else {
                index += 1
                continue
            }
            let run = capitalisedRun(in: tokens, from: index)
            for segment in segments(of: run, in: tokens) {
                if let name = classify(segment, in: tokens) { found.append(name) }
            }
            index = run.upperBound
        }
        return found
    }

    /// Capitalised words, joined by connectors ("of", "van") that sit between two of them, up to a
    /// punctuation mark or a possessive.
    private func capitalisedRun(in tokens: [Token], from start: Int) -> Range<Int> {
        var end = start + 1
        while end < tokens.count, !tokens[end - 1].flags.contains(.possessive) {
            let token = tokens[end]
            if token.isWord && !token.flags.contains(.hasDigit)
                && (token.isCapitalized || lexicon.lowercaseSuffixes.contains(token.hash))
            {
                end += 1
            } else if token.isWord && lexicon.connectors.contains(token.hash),
                let next = nextCapitalised(tokens, after: end)
            {
                end = next + 1
            } else if let next = afterInitial(tokens, end) {
                end = next
            } else {
                break
            }
        }
        return start..<end
    }

    /// A middle initial with its full stop inside a name ("Laurence H. Tribe", "George H. W. Bush"):
    /// when the run's last token is a one-letter capital followed by "." and a capitalised word, the
    /// position after that word; nil otherwise. The word before the initial must be a given name,
    /// or the word after it no common word, so that "Plan B. The" is not one name.
    private func afterInitial(_ tokens: [Token], _ end: Int) -> Int? {
        let initial = end - 1
        guard initial > 0, end + 1 < tokens.count, tokens[initial].isWord, tokens[initial].length == 1,
            tokens[initial].isCapitalized, tokens[end].mark == ".", tokens[end + 1].isWord,
            tokens[end + 1].isCapitalized, tokens[initial - 1].isWord || tokens[initial - 1].mark == "."
        else { return nil }
        // After another initial's full stop ("George H. W. Bush"), the name is already one.
        let given = !tokens[initial - 1].isWord || lexicon.firstNames.contains(tokens[initial - 1].hash)
        guard given || !isCommon(tokens[end + 1]) else { return nil }
        return end + 2
    }

    private func nextCapitalised(_ tokens: [Token], after index: Int) -> Int? {
        var position = index + 1
        while position < tokens.count, tokens[position].isWord, lexicon.connectors.contains(tokens[position].hash) {
            position += 1
        }
        guard position < tokens.count, tokens[position].isWord, tokens[position].isCapitalized else { return nil }
        return position
    }

    /// Splits a run before honorifics and titles and after organisation suffixes.
    private func segments(of run: Range<Int>, in tokens: [Token]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = run.lowerBound
        for position in run.dropFirst() {
            let hash = tokens[position].hash
            let previous = tokens[position - 1].hash
            let splitBefore =
                lexicon.honorifics.contains(hash)
                || (lexicon.titles.contains(hash) && !lexicon.titles.contains(previous))
            let splitAfterSuffix =
                lexicon.organisationSuffixes.contains(previous)
                && !lexicon.organisationSuffixes.contains(hash) && !lexicon.connectors.contains(hash)
            if (splitBefore || splitAfterSuffix) && position > start {
                segments.append(start..<position)
                start = position
            }
        }
        segments.append(start..<run.upperBound)
        return segments
    }

    private func classify(_ segment: Range<Int>, in tokens: [Token]) -> FoundName? {
        var range = segment
        // Sentence-initial common words ("Those", "Speaking"), months and days are not names.
        while let first = range.first, isIgnorableLead(tokens[first]) { range = range.dropFirst() }
        if let first = range.first, lexicon.honorifics.contains(tokens[first].hash) {
            return personWithHonorific(range, in: tokens)
        }
        let untitled = droppingTitle(range, in: tokens)
        let hadTitle = untitled.count < range.count
        range = untitled
        while let first = range.first, lexicon.connectors.contains(tokens[first].hash) { range = range.dropFirst() }
        while let last = range.last, lexicon.connectors.contains(tokens[last].hash) { range = range.dropLast() }
        guard let first = range.first, let last = range.last else { return nil }
        if lexicon.months.contains(tokens[first].hash) && range.count == 1 { return nil }
        if range.count >= 2 && lexicon.organisationSuffixes.contains(tokens[last].hash) {
            return FoundName(kind: .organisation, tokens: range, nameTokens: range)
        }
        if range.count >= 3 && lexicon.organisationHeads.contains(tokens[first].hash)
            && range.contains(where: { lexicon.connectors.contains(tokens[$0].hash) })
        {
            return FoundName(kind: .organisation, tokens: range, nameTokens: range)
        }
        // "Royal College of Nursing", "London School of Economics": an organisation word before "of".
        if range.count >= 3,
            range.dropFirst().contains(where: {
                lexicon.connectors.contains(tokens[$0].hash)
                    && lexicon.organisationSuffixes.contains(tokens[$0 - 1].hash)
            })
        {
            return FoundName(kind: .organisation, tokens: range, nameTokens: range)
        }
        if range.count == 1 && isAcronym(tokens[first]) {
            return FoundName(kind: .organisation, tokens: range, nameTokens: range)
        }
        if let person = personByFirstName(range, in: tokens) { return person }
        // A title or a relative clause says a person is named: "Councillor Priya Raman",
        // "Priya Raman, who chairs the committee".
        if hadTitle || isFollowedByWho(range, in: tokens) || isFollowedByRole(range, in: tokens)
            || isAppositionAfterRole(range, in: tokens), range.count <= 3,
            !range.contains(where: { isCommon(tokens[$0]) })
        {
            let kind: FoundName.Kind = range.count == 1 ? .shortPerson : .person
            return FoundName(kind: kind, tokens: range, nameTokens: range)
        }
        if range.count == 1, !tokens[first].flags.contains(.sentenceStart), !isCommon(tokens[first]),
            isFollowedByReportingVerb(range, in: tokens)
        {
            return FoundName(kind: .shortPerson, tokens: range, nameTokens: range)
        }
        return FoundName(kind: .unknown, tokens: range, nameTokens: range)
    }

    private func personWithHonorific(_ range: Range<Int>, in tokens: [Token]) -> FoundName? {
        let honorific = range.lowerBound
        var end = honorific + 1
        if end < tokens.count, tokens[end].mark == "." { end += 1 }  // "Mr. Smith"
        let nameStart = end
        while end < range.upperBound, tokens[end].isWord, tokens[end].isCapitalized {
            // Stop at a common word once the name is complete ("Sir Bernard Hogan-Howe Credit").
            if end - nameStart >= 2, isCommon(tokens[end]) { break }
            end += 1
        }
        guard end > nameStart else { return nil }
        let kind: FoundName.Kind = end - nameStart == 1 ? .shortPerson : .person
        return FoundName(
            kind: kind, tokens: honorific..<end, nameTokens: nameStart..<end, honorific: tokens[honorific].hash)
    }

    private func personByFirstName(_ range: Range<Int>, in tokens: [Token]) -> FoundName? {
        // "Gov. Linda Park of Ohio": a person's name ends before "of" or "for".
        var range = range
        if let preposition = range.dropFirst(2).first(where: { Self.prepositions.contains(tokens[$0].hash) }) {
            range = range.lowerBound..<preposition
        }
        // Two to four words; the full stop of a middle initial ("Laurence H. Tribe") is no word.
        let isInitialStop = { (position: Int) in
            tokens[position].mark == "." && position > range.lowerBound && tokens[position - 1].length == 1
        }
        let words = range.count { tokens[$0].isWord }
        guard words >= 2, words <= 4, let first = range.first, let last = range.last,
            lexicon.firstNames.contains(tokens[first].hash), !lexicon.organisationSuffixes.contains(tokens[last].hash),
            range.allSatisfy({
                tokens[$0].isCapitalized || lexicon.connectors.contains(tokens[$0].hash) || isInitialStop($0)
            })
        else { return nil }
        // "Will Power said" at a sentence start: the first word must not be ordinary English there.
        if tokens[first].flags.contains(.sentenceStart) && isCommon(tokens[first]) && isCommon(tokens[first + 1]) {
            return nil
        }
        return FoundName(kind: .person, tokens: range, nameTokens: range)
    }

    /// The range without the titles it opens with, one or several ("Detective Constable Lisa
    /// Marsh", "Detective Chief Inspector Ann Rowe"); empty when it is all titles.
    private func droppingTitle(_ range: Range<Int>, in tokens: [Token]) -> Range<Int> {
        var range = range
        while let first = range.first {
            let hash = tokens[first].hash
            if let seconds = lexicon.titlePairs[hash], range.count > 2, seconds.contains(tokens[first + 1].hash) {
                range = range.dropFirst(2)
            } else if lexicon.titles.contains(hash) {
                range = range.dropFirst()
            } else {
                break
            }
        }
        return range
    }

    private func isIgnorableLead(_ token: Token) -> Bool {
        if lexicon.months.contains(token.hash) && !lexicon.firstNames.contains(token.hash) { return true }
        return token.flags.contains(.sentenceStart) && isCommon(token) && !lexicon.firstNames.contains(token.hash)
            && !lexicon.standsBeforeName(token.hash)
            && !lexicon.titlePairs.keys.contains(token.hash)
    }

    private func isAcronym(_ token: Token) -> Bool {
        token.flags.contains(.allCaps) && token.length >= 3 && token.length <= 8 && !token.flags.contains(.hasDigit)
            && !isCommon(token) && !Self.romanNumerals.contains(token.hash)
    }

    func isCommon(_ token: Token) -> Bool { lexicon.commonWords.contains(token.hash) }

    /// "Pell said", "Pell, 54, said", "Pell later said", "Pell has repeatedly argued".
    private func isFollowedByReportingVerb(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        var position = range.upperBound
        var skippedWords = 0
        while position < tokens.count {
            let token = tokens[position]
            if lexicon.reportingVerbs.contains(token.hash) { return true }
            if token.isWord, !token.isCapitalized, skippedWords < 2, Self.verbModifiers.contains(token.hash) {
                skippedWords += 1
            } else if !token.isWord && token.mark == "," {
                // A comma before the verb is fine.
            } else {
                return false
            }
            position += 1
        }
        return false
    }

    /// An apposition naming a role: "Robert Hannigan, the Director of GCHQ", "Ama Owusu, a spokeswoman".
    private func isFollowedByRole(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        let comma = range.upperBound
        guard range.count >= 2, comma + 2 < tokens.count, tokens[comma].mark == ",",
            Self.articles.contains(tokens[comma + 1].hash)
        else { return false }
        let role = tokens[comma + 2].hash
        return lexicon.titles.contains(role) || lexicon.titlePairs[role] != nil || Self.roles.contains(role)
    }

    /// "The Refugee Council's chief executive, Enver Solomon, said": a name of two or three words
    /// set off by commas right after a role noun.
    private func isAppositionAfterRole(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        let before = range.lowerBound - 1
        guard range.count >= 2, before >= 1, range.upperBound < tokens.count, tokens[before].mark == ",",
            tokens[range.upperBound].mark == ","
        else { return false }
        let role = tokens[before - 1]
        return role.isWord && !role.isCapitalized
            && (Self.roles.contains(role.hash) || PersonNouns.isPersonNoun(role.hash))
    }

    private func isFollowedByWho(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        let comma = range.upperBound
        guard comma + 1 < tokens.count, tokens[comma].mark == "," else { return false }
        return Self.relativePronouns.contains(tokens[comma + 1].hash)
    }

    private static let verbModifiers = WordSet(
        [
            "later", "also", "has", "had", "have", "then", "previously", "earlier", "recently", "once", "repeatedly",
            "subsequently", "again", "herself", "himself", "yesterday", "today", "publicly", "privately", "reportedly",
            "originally", "always",
        ]
        .map(WordHash.hash))
    private static let articles = WordSet(["the", "a", "an", "its", "their"].map(WordHash.hash))
    /// Role nouns that follow a person's name in apposition (titles are checked too).
    private static let roles = WordSet(
        [
            "head", "chief", "founder", "leader", "spokesman", "spokeswoman", "spokesperson", "chair", "deputy",
            "former", "outgoing", "incoming", "acting", "author", "editor", "lawyer", "solicitor", "barrister",
            "professor", "lecturer", "researcher", "economist", "analyst", "campaigner", "activist", "officer",
            "manager", "owner", "partner", "adviser", "advisor", "candidate", "member", "mother", "father", "widow",
            "son", "daughter", "resident", "teacher", "doctor", "nurse", "singer", "actor", "actress", "writer",
            "historian", "scientist", "hydrologist", "engineer", "coach", "captain", "striker", "president",
            "general", "senior", "junior", "veteran", "former", "successor", "predecessor", "colleague",
        ].map(WordHash.hash))
    private static let relativePronouns = WordSet(["who", "whose"].map(WordHash.hash))
    private static let prepositions = WordSet(["of", "for"].map(WordHash.hash))

    private static let romanNumerals = WordSet(
        ["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiv", "xv", "xx"].map(WordHash.hash))
}
