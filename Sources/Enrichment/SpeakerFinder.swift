import ArchiveModel

/// Reads the words around a quotation for its speaker: `X said: “…”`, `“…,” X said`, `“…,” said X`,
/// `According to X, “…”`, `X, the Director of Y, said …`, `X warned of “…”` (partial), `who … warned`
/// (the name before "who"), participles (`…, adding: “…”` takes the sentence's subject), and
/// unnamed sources (`a spokesman for the FBI said`). Pure: resolution of pronouns happens later.
struct SpeakerFinder {
    let lexicon: Lexicon

    /// Words that may stand between a subject and its reporting verb ("Pell later said").
    static let modifiers = WordSet(
        [
            "later", "also", "has", "have", "had", "earlier", "then", "previously", "recently", "once", "again",
            "repeatedly", "publicly", "privately", "reportedly", "originally", "always", "never", "subsequently",
            "this", "last", "week", "month", "year", "yesterday", "today", "tonight", "is", "was", "would", "will",
            "had", "been", "himself", "herself", "themselves", "separately", "bluntly", "simply", "firmly",
        ].map(WordHash.hash))
    static let verbs = WordSet(
        [
            "said", "says", "say", "added", "adds", "told", "tells", "warned", "warns", "warn", "insisted", "insists",
            "argued", "argues", "claimed", "claims", "stressed", "stresses", "urged", "urges", "explained",
            "explains", "wrote", "writes", "tweeted", "tweets", "asked", "asks", "replied", "replies", "described",
            "describes", "called", "calls", "accused", "branded", "dismissed", "conceded", "admitted", "admits",
            "acknowledged", "declared", "announced", "revealed", "suggested", "noted", "complained", "promised",
            "vowed", "predicted", "denied", "confirmed", "agreed", "added", "remarked", "recalled", "insisted",
            "posted", "concluded", "continued", "boasted", "joked", "pleaded", "protested", "responded",
            "commented", "stated", "maintained", "observed", "cautioned", "countered", "quipped", "told",
            // Agency and American copy's other verbs of saying, past and present.
            "charged", "charges", "notes", "reported", "answered", "cited", "cites", "condemned", "labeled",
            "labelled", "dubbed", "blasted", "slammed", "praised", "criticized", "criticised", "lamented", "mocked",
            "touted", "pledged", "emphasized", "emphasised", "contended", "contends", "asserted", "asserts",
            "wondered", "recounted", "shouted", "yelled", "exclaimed", "testified", "demanded", "retorted",
            "scoffed", "recalls", "acknowledges", "concedes", "observes", "predicts", "announces", "declares",
            "boasts", "bragged", "mused", "opined", "stressed", "texted", "emailed", "repeated", "assured",
        ].map(WordHash.hash))
    static let participles = WordSet(
        [
            "adding", "arguing", "saying", "warning", "insisting", "claiming", "stressing", "urging", "calling",
            "describing", "telling", "asking", "noting", "explaining", "declaring", "suggesting", "accusing",
            "writing", "admitting", "branding", "dismissing", "labeling", "labelling", "dubbing", "citing",
            "charging", "praising", "slamming", "blasting", "criticizing", "criticising", "mocking", "touting",
            "pledging", "vowing", "promising", "predicting", "emphasizing", "asserting", "demanding", "recalling",
            "complaining", "lamenting", "joking", "quipping", "boasting", "conceding", "acknowledging",
            "announcing", "stating", "replying", "responding", "answering", "concluding",
        ].map(WordHash.hash))
    static let pronouns: [UInt64: Bool?] = [
        WordHash.hash("he"): false, WordHash.hash("she"): true, WordHash.hash("they"): nil,
    ]
    static let firstPersons = WordSet(["i", "we", "you", "it"].map(WordHash.hash))
    /// Words that stand for people without naming or describing them.
    static let indefinites = WordSet(
        [
            "someone", "somebody", "everyone", "everybody", "anyone", "anybody", "nobody", "others", "both", "all",
            "each", "few", "most", "none", "this", "that", "these", "those", "which", "what", "who",
        ].map(WordHash.hash))
    static let relatives = WordSet(["who", "which", "that"].map(WordHash.hash))
    static let determiners = WordSet(
        ["a", "an", "the", "one", "another", "two", "three", "several", "some", "many"].map(WordHash.hash))
    /// Words that open a noun phrase the way a determiner does ("Her husband, Keith, said").
    static let possessivePronouns = WordSet(["his", "her", "their", "its", "our", "my"].map(WordHash.hash))
    static let conjunctions = WordSet(
        ["but", "and", "yet", "however", "so", "meanwhile", "still"].map(WordHash.hash))
    /// Words that join a clause's second verb to its first ("welcomed the vote but called").
    static let coordinators = WordSet(["and", "but", "yet", "or"].map(WordHash.hash))
    static let listWords = WordSet(listWordList.map(WordHash.hash))
    private static let listWordList = [
        "and", "or", "including", "like", "as", "of", "for", "at", "in", "from", "by", "with", "to", "on",
        "against", "between",
    ]
    static let organisationLinks = WordSet(["for", "at", "of", "from", "close"].map(WordHash.hash))
    /// Words no description of a speaker ends with, besides articles, determiners, possessives,
    /// relatives, conjunctions and the words that join a list.
    static let nonNouns = WordSet(["it", "when", "there", "this", "what", "where", "if"].map(WordHash.hash))

    static func endsNoDescription(_ hash: UInt64) -> Bool {
        nonNouns.contains(hash) || articleWords.contains(hash) || determiners.contains(hash)
            || possessivePronouns.contains(hash) || relatives.contains(hash) || conjunctions.contains(hash)
            || listWords.contains(hash)
    }

    func isVerb(_ token: Token) -> Bool {
        token.isWord && (Self.verbs.contains(token.hash) || Self.participles.contains(token.hash))
    }

    /// The speaker named by the clause whose reporting verb is token `verb`; with `after`, the
    /// clause starts no earlier (after a quotation's closing mark: its words name no speaker).
    func subject(ofVerb verb: Int, after lowerBound: Int = 0, in view: UnitView) -> SpeakerCandidate {
        let tokens = view.tokens
        let sentence = max(view.sentenceStart(of: verb), min(lowerBound, verb))
        if Self.participles.contains(tokens[verb].hash) { return clauseSubject(from: sentence, before: verb, in: view) }
        var position = verb - 1
        while position >= sentence, tokens[position].isWord, Self.modifiers.contains(tokens[position].hash) {
            position -= 1
        }
        guard position >= sentence else { return .none }
        let token = tokens[position]
        // "Ravi Chandran welcomed the vote but called the cut …", "She paused and added": a second
        // verb of the clause, whose subject opens it.
        if token.isWord, Self.coordinators.contains(token.hash) {
            return clauseSubject(from: sentence, before: verb, in: view)
        }
        if token.isWord, Self.relatives.contains(token.hash) {
            // "Robert Hannigan, who earlier this week warned": the name before "who".
            var before = position - 1
            if before >= sentence, tokens[before].mark == "," { before -= 1 }
            if before >= sentence, let mention = view.mention(endingAt: before) { return .entity(mention) }
            return .none
        }
        if token.mark == ",", let named = nameInApposition(endingAt: position - 1, from: sentence, in: view) {
            // "The leader of the council, Cllr Ahmed Patel, wrote": the name between the commas.
            return .entity(named)
        }
        if token.mark == "," {
            // "Mr Hannigan, the Director of GCHQ, said": skip the apposition back to the name.
            var comma = position - 1
            while comma > sentence, tokens[comma].mark != "," { comma -= 1 }
            if comma > sentence, let mention = view.mention(endingAt: comma - 1) { return .entity(mention) }
            return clauseSubject(from: sentence, before: verb, in: view)
        }
        if let female = Self.pronouns[token.hash], token.isWord {
            return .pronoun(view.speakerMention(position..<position + 1), female: female)
        }
        if let mention = view.mention(endingAt: position) {
            let first = view.tokenIndex(atOrAfter: mention.start)
            // "…including Apple, Microsoft and Google later insisted", "a spokesman for the FBI said":
            // a name inside a list or a phrase is not the subject.
            if isInsidePhrase(first, sentence: sentence, in: view) {
                return clauseSubject(from: sentence, before: verb, in: view)
            }
            return .entity(mention)
        }
        // "Sanders says …", "Bush said …".
        if position == sentence, opensWithName(token, in: view) {
            return .unknownPerson(view.speakerMention(position..<position + 1))
        }
        if token.isWord, !token.isCapitalized || token.flags.contains(.sentenceStart) && position == sentence {
            return description(endingAt: position, from: sentence, in: view)
        }
        if token.isWord, token.isCapitalized {
            if let name = unsettledName(endingAt: position, opening: sentence, from: sentence, in: view) {
                return .unknownPerson(view.speakerMention(name))
            }
            return clauseSubject(from: sentence, before: verb, in: view)
        }
        return .none
    }

    /// Whether the words starting at token `first` follow a list word or preposition ("and Google",
    /// "for the FBI") or a comma, so that they modify something rather than start the clause.
    func isInsidePhrase(_ first: Int, sentence: Int, in view: UnitView) -> Bool {
        var previous = first - 1
        if previous > sentence, Self.articleWords.contains(view.tokens[previous].hash) { previous -= 1 }
        guard previous >= sentence else { return false }
        return Self.listWords.contains(view.tokens[previous].hash) || view.tokens[previous].mark == ","
    }

    static let articleWords = WordSet(["the", "a", "an"].map(WordHash.hash))

    /// The subject at the start of the clause: after conjunctions and a fronted phrase ending in a
    /// comma ("On Monday,", "Speaking in New York,").
    func clauseSubject(from sentence: Int, before limit: Int, in view: UnitView) -> SpeakerCandidate {
        let tokens = view.tokens
        var position = sentence
        while position < limit, tokens[position].isWord, Self.conjunctions.contains(tokens[position].hash) {
            position += 1
        }
        // "Councillor Margaret Ellery listened … and said": the name after a title.
        if let named = nameAfterTitle(at: position, before: limit, in: view) { return .entity(named) }
        if let named = nameAfterDescriptor(at: position, before: limit, in: view, endingClause: false) {
            return .entity(named)
        }
        // "Ms Gray, a former nurse, was elected": a person the article names no further.
        if position < limit, tokens[position].isWord, tokens[position].isCapitalized,
            lexicon.honorifics.contains(tokens[position].hash), view.mention(startingAt: position) == nil
        {
            // "Dr. Abernethy": an abbreviated honorific keeps its full stop.
            let name = position + 1 < limit && tokens[position + 1].mark == "." ? position + 2 : position + 1
            var end = name
            while end < limit, tokens[end].isWord, tokens[end].isCapitalized { end += 1 }
            if end > name { return .unknownPerson(view.speakerMention(position..<end)) }
        }
        if position < limit, tokens[position].isWord, !opensNounPhrase(tokens[position]),
            view.mention(startingAt: position) == nil, Self.pronouns[tokens[position].hash] == nil,
            let comma = (position..<limit).first(where: { tokens[$0].mark == "," })
        {
            position = comma + 1
        }
        while position < limit, !tokens[position].isWord { position += 1 }
        guard position < limit else { return .none }
        // "Carol Dean's husband, Keith, said": a name in the possessive is not the subject.
        let mention = view.mention(startingAt: position)
        // "After the vote, Mrs. Clinton shook her head": a name no entity settles, before its verb.
        if mention == nil, let name = unsettledSubject(at: position, before: limit, from: sentence, in: view) {
            return .unknownPerson(view.speakerMention(name))
        }
        let possessive = mention.map { tokens[view.tokenIndex(atOrAfter: $0.end - 1)].flags.contains(.possessive) }
        if let mention, possessive != true { return .entity(mention) }
        if let female = Self.pronouns[tokens[position].hash] {
            return .pronoun(view.speakerMention(position..<position + 1), female: female)
        }
        if opensNounPhrase(tokens[position]) || possessive == true {
            var end = position + 1
            while end < limit, tokens[end].isWord, !Self.relatives.contains(tokens[end].hash), !isVerb(tokens[end]),
                !Self.modifiers.contains(tokens[end].hash)
            {
                end += 1
            }
            // "The board's chief executive, Graham Pell, …", "Her colleague, the institute's legal
            // director Martin Kowalczyk, said": the name that closes the apposition is the speaker.
            if end + 1 < tokens.count, tokens[end].mark == "," {
                let sentenceEnd = view.sentenceEnd(after: end)
                if let closing = (end + 1..<sentenceEnd).first(where: { tokens[$0].mark == "," }), closing > end + 1,
                    let named = view.mention(endingAt: closing - 1)
                {
                    return .entity(named)
                }
                if let named = view.mention(startingAt: end + 1) { return .entity(named) }
            }
            // "The harbour master shrugged, smiled and added": the clause's own verb ends the subject.
            if end - position >= 3, looksLikePastTense(end - 1, in: view) { end -= 1 }
            return describe(position..<end, in: view)
        }
        return .none
    }

    /// A determiner, possessive pronoun or possessive ("The", "Her", "Britain’s").
    private func opensNounPhrase(_ token: Token) -> Bool {
        Self.determiners.contains(token.hash) || Self.possessivePronouns.contains(token.hash)
            || token.flags.contains(.possessive)
    }

    /// A name that is all of an apposition ending at `last`: `, [title] Name` right before it.
    private func nameInApposition(endingAt last: Int, from sentence: Int, in view: UnitView) -> Mention? {
        guard last > sentence, let named = view.mention(endingAt: last) else { return nil }
        var before = view.tokenIndex(atOrAfter: named.start) - 1
        while before > sentence, view.tokens[before].isWord, view.tokens[before].isCapitalized,
            lexicon.standsBeforeName(view.tokens[before].hash)
        {
            before -= 1
        }
        return before > sentence && view.tokens[before].mark == "," ? named : nil
    }

    /// The mention after one or two title words at `position` ("Councillor", "Deputy Mayor").
    private func nameAfterTitle(at position: Int, before limit: Int, in view: UnitView) -> Mention? {
        let tokens = view.tokens
        guard position + 1 < limit, tokens[position].isWord, tokens[position].isCapitalized else { return nil }
        let first = tokens[position].hash
        if lexicon.standsBeforeName(first) {
            // "Sen. Maria Delgado": an abbreviated title keeps its full stop.
            let next = tokens[position + 1].mark == "." ? position + 2 : position + 1
            if next < limit, let named = view.mention(startingAt: next) { return named }
        }
        if position + 2 < limit, lexicon.titlePairs[first]?.contains(tokens[position + 1].hash) == true {
            return view.mention(startingAt: position + 2)
        }
        return nil
    }

    /// A name after a few words that say who the person is ("Rovers boss Claire Hennessy was …",
    /// "said manager Tony Reyes", "Harvard economist Jane Doe said"): the words before it may not
    /// be a preposition, a conjunction of time or a verb, and the last must be lowercase or a
    /// title. The name must end the clause's subject: followed by a lowercase word or a comma, or
    /// (`endingClause`) by punctuation or nothing.
    func nameAfterDescriptor(at position: Int, before limit: Int, in view: UnitView, endingClause: Bool) -> Mention? {
        let tokens = view.tokens
        // Most clauses have no name among their next words: one look at the mentions first.
        guard position < limit,
            let next = view.mention(startingAfter: tokens[position].start),
            next.start <= tokens[min(position + 4, limit - 1)].start
        else { return nil }
        var index = position
        while index < limit, index < position + 4, tokens[index].isWord,
            !Self.leadingExclusions.contains(tokens[index].hash), !Self.relatives.contains(tokens[index].hash),
            !isVerb(tokens[index]), Self.pronouns[tokens[index].hash] == nil,
            !tokens[index].flags.contains(.possessive)
        {
            index += 1
            guard index < limit, let mention = view.mention(startingAt: index) else { continue }
            let last = tokens[index - 1]
            guard
                !last.isCapitalized || lexicon.standsBeforeName(last.hash)
                    || (index - 1 == position && last.flags.contains(.sentenceStart))
            else { return nil }
            // "Perez hammered Trump": a name, a verb, a name — no description.
            if index - 2 >= position, tokens[index - 2].isCapitalized, looksLikePastTense(index - 1, in: view) {
                return nil
            }
            let end = view.tokenIndex(atOrAfter: mention.end - 1)
            guard !tokens[end].flags.contains(.possessive) else { return nil }
            let after = end + 1
            if endingClause { return after >= limit || !tokens[after].isWord ? mention : nil }
            guard after < limit, tokens[after].mark == "," || (tokens[after].isWord && !tokens[after].isCapitalized)
            else { return nil }
            return mention
        }
        return nil
    }

    /// Words that cannot lead into a subject's description: prepositions and conjunctions of time
    /// or condition ("When Tony Reyes arrived", "Without Claire Hennessy").
    static let leadingExclusions = WordSet(
        (listWordList + [
            "when", "after", "before", "if", "while", "since", "because", "although", "though", "unless", "until",
            "once", "whether", "where", "without", "despite", "under", "about", "over", "behind", "unlike", "than",
            "through", "during", "within", "into", "onto", "upon", "towards", "toward", "beside", "besides", "among",
            "amid", "near", "not", "nor",
        ]).map(WordHash.hash))

    /// A word that reads as a verb in the past tense ("shrugged", "paused", "nodded"), not a noun
    /// ending in "ed" ("bed", "speed") — for the last word of a clause's subject, where an
    /// adjective ("the retired teacher") cannot stand.
    private func looksLikePastTense(_ index: Int, in view: UnitView) -> Bool {
        let token = view.tokens[index]
        guard token.isWord, !token.isCapitalized, token.length >= 6 else { return false }
        let word = view.scan.text(token.start, token.end)
        return word.hasSuffix("ed") && !word.hasSuffix("eed")
    }

    /// A description ending at `last` ("Britain’s most senior police officer", "the spokesman"),
    /// with the phrase it belongs to ("a spokeswoman for the trust", "officials at the port").
    private func description(endingAt last: Int, from sentence: Int, in view: UnitView) -> SpeakerCandidate {
        let tokens = view.tokens
        var start = phraseStart(endingAt: last, from: sentence, in: view)
        while start - 2 >= sentence, tokens[start - 1].isWord, Self.organisationLinks.contains(tokens[start - 1].hash),
            tokens[start - 2].isWord, !isVerb(tokens[start - 2]), !Self.relatives.contains(tokens[start - 2].hash)
        {
            start = phraseStart(endingAt: start - 2, from: sentence, in: view)
        }
        return describe(start..<last + 1, in: view)
    }

    /// Where the noun phrase ending at `last` starts: at its determiner or possessive, or after a
    /// verb or relative.
    private func phraseStart(endingAt last: Int, from sentence: Int, in view: UnitView) -> Int {
        let tokens = view.tokens
        var start = last
        while start > sentence, tokens[start - 1].isWord, !Self.determiners.contains(tokens[start].hash) {
            let previous = tokens[start - 1]
            if Self.verbs.contains(previous.hash) || Self.relatives.contains(previous.hash)
                || Self.leadingExclusions.contains(previous.hash)
            {
                break
            }
            start -= 1
            if previous.flags.contains(.possessive) {
                // "Mr Tillotson's spokesman": the whole name that owns it.
                while start > sentence, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
                break
            }
            if Self.determiners.contains(previous.hash) || Self.possessivePronouns.contains(previous.hash) { break }
        }
        return start
    }

    /// An unnamed source for a token range, with the organisation named after "for", "at"…; none
    /// when the words do not end in a noun (a subject read as "to", "it", "when" or "A").
    func describe(_ range: Range<Int>, in view: UnitView) -> SpeakerCandidate {
        guard let last = range.last(where: { view.tokens[$0].isWord }), !Self.endsNoDescription(view.tokens[last].hash)
        else { return .none }
        var organisation: String?
        for position in range where Self.organisationLinks.contains(view.tokens[position].hash) {
            var next = position + 1
            if next < range.upperBound, view.tokens[next].hash == WordHash.hash("the") { next += 1 }
            if next < view.tokens.count, let mention = view.mention(startingAt: next) { organisation = mention.entity }
        }
        if let mention = view.mention(covering: range) {
            return .entity(mention)  // the whole description is an alias ("Met chief")
        }
        let words = view.speakerMention(range)
        if let name = closingName(range, in: view) { return .unknownPerson(view.speakerMention(name)) }
        return PersonNouns.canSpeak(words, in: view) ? .description(words, organisation: organisation) : .none
    }
}
