import ArchiveModel

/// Nouns that describe a person the text does not name ("her husband", "a spokeswoman for the
/// agency", "one resident"), and the sex the noun tells when it tells one. Such a person, once
/// they speak or report, stands between a later "he" or "she" and the people named before them.
enum PersonNouns {
    /// Whether the description `words` (in `view`) is headed by a person noun, and its sex (true
    /// for a woman, nil when the noun does not tell); nil when its head is not a person noun ("a
    /// statement"). The head is the last word before "for", "at", "of" or "from" ("a spokeswoman
    /// for the Environment Agency"), else the last word; a noun phrase of up to five words ("the
    /// council's most senior official"), not a clause the subject reading ran on into.
    static func person(_ words: SpeakerMention, in view: UnitView) -> Person? {
        guard let head = head(of: words, in: view) else { return nil }
        if female.contains(head.hash) { return Person(female: true) }
        if male.contains(head.hash) { return Person(female: false) }
        if either.contains(head.hash) { return Person(female: nil) }
        return nil
    }

    /// The head of a description of up to five words: the last word before "for", "at", "of" or
    /// "from", else the last word.
    static func head(of words: SpeakerMention, in view: UnitView, longest: Int = 5) -> Token? {
        var head: Token?
        var count = 0
        for token in view.tokens[view.tokenIndex(atOrAfter: words.start)...] where token.isWord {
            guard token.start < words.end, !SpeakerFinder.organisationLinks.contains(token.hash) else { break }
            head = token
            count += 1
        }
        return count <= longest ? head : nil
    }

    /// Whether a description can stand for a speaker: headed by a person noun, a body that speaks
    /// ("the campaign", "the ministry") or what it speaks through ("a statement", "the website"),
    /// in the singular or plural, or by a capitalised word ("the Texan") — not a time ("a few
    /// days"), an amount ("14 percent") or a clause read as a subject.
    static func canSpeak(_ words: SpeakerMention, in view: UnitView) -> Bool {
        guard let head = head(of: words, in: view, longest: 8) else { return false }
        if head.isCapitalized && !head.flags.contains(.sentenceStart) { return true }
        let word = view.scan.text(head.start, head.end).lowercased()
        if isSpeakerNoun(head.hash, word) { return true }
        if notSpeakers.contains(head.hash) { return false }
        // "says hydrologist", "the pollster": a noun for someone who does something.
        if word.count > 4,
            ["ist", "ian", "er", "or", "ant", "ent", "ists", "ians", "ers", "ors", "ants", "ents"].contains(where: {
                word.hasSuffix($0)
            })
        {
            return true
        }
        // "The harbour master": a short noun phrase after a determiner, headed by no word of time,
        // amount or manner ("a few days", "the past").
        let first = view.tokens[view.tokenIndex(atOrAfter: words.start)]
        return SpeakerFinder.determiners.contains(first.hash) && !word.hasSuffix("ly")
    }

    /// Heads of noun phrases that never speak.
    static let notSpeakers = WordSet(words: [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times", "past", "future",
        "now", "ago", "night", "morning", "afternoon", "evening", "hour", "hours", "minute", "minutes", "moment",
        "percent", "point", "points", "number", "way", "thing", "things", "lot", "bit", "end", "start", "part",
        "kind", "sort", "fact", "idea", "issue", "question", "problem", "case", "room", "place", "side",
        "order", "quarter", "summer", "winter", "matter", "border", "floor", "error", "other", "others", "water",
        "comment", "amendment", "event", "content", "corner", "chapter",
    ])

    /// Whether a word is a person noun or a speaking body's, in the singular or plural.
    static func isSpeakerNoun(_ head: Token, in view: UnitView) -> Bool {
        isPersonNoun(head.hash) || speakers.contains(head.hash)
            || isSpeakerNoun(head.hash, view.scan.text(head.start, head.end).lowercased())
    }

    /// The same for a word given by its hash and its lowercase text.
    private static func isSpeakerNoun(_ hash: UInt64, _ word: String) -> Bool {
        if isPersonNoun(hash) || speakers.contains(hash) { return true }
        guard word.count > 3, word.hasSuffix("s") else { return false }
        let singular = WordHash.hash(
            String(word.dropLast(word.hasSuffix("ies") ? 3 : 1)) + (word.hasSuffix("ies") ? "y" : ""))
        return isPersonNoun(singular) || speakers.contains(singular) || speakers.contains(WordHash.hash(word))
    }

    /// Whether the word (its hash) is one of the person nouns.
    static func isPersonNoun(_ hash: UInt64) -> Bool {
        female.contains(hash) || male.contains(hash) || either.contains(hash)
    }

    /// A described person: their sex when the noun tells it.
    struct Person {
        var female: Bool?
    }

    static let female = WordSet(words: [
        "wife", "mother", "daughter", "sister", "grandmother", "granddaughter", "aunt", "niece", "widow",
        "spokeswoman", "chairwoman", "businesswoman", "policewoman", "councilwoman", "congresswoman", "woman",
        "girl", "girlfriend", "headmistress", "actress", "landlady", "fiancée", "fiancee", "mum", "mom",
    ])
    static let male = WordSet(words: [
        "husband", "father", "son", "brother", "grandfather", "grandson", "uncle", "nephew", "widower",
        "spokesman", "chairman", "businessman", "policeman", "councilman", "congressman", "man", "boy",
        "boyfriend", "headmaster", "landlord", "fiancé", "fiance", "dad", "fisherman",
    ])
    /// Who else speaks in news copy: more people, bodies, and what they speak through.
    static let speakers = WordSet(words: [
        "user", "strategist", "mogul", "supporter", "staffer", "physician", "organizer", "front-runner", "designer",
        "ally", "lawmaker", "commenter", "columnist", "tycoon", "narrator", "person", "people", "senator",
        "governor", "representative", "democrat", "republican", "critic", "consultant", "pollster", "attorney",
        "historian", "professor", "author", "writer", "reporter", "journalist", "editor", "host", "anchor", "chief",
        "head", "boss", "pastor", "priest", "pope", "bishop", "king", "queen", "prince", "princess", "ambassador",
        "diplomat", "general", "commander", "sheriff", "chancellor", "attendee", "delegate", "nominee",
        "challenger", "opponent", "rival", "incumbent", "spokespeople", "moderator", "crowd", "agent", "justice",
        "lady", "campaign", "group", "company", "board", "statement", "report", "ad", "email", "website",
        "release", "letter", "poll", "office", "team", "agency", "government", "organization", "organisation",
        "media", "newspaper", "lawsuit", "note", "committee", "ministry", "department", "administration", "party",
        "union", "council", "firm", "network", "paper", "magazine", "site", "post", "tweet", "memo", "filing",
        "survey", "study", "column", "editorial", "blog", "video", "book", "speech", "interview", "message",
        "account", "authorities", "police", "coalition", "association", "foundation", "institute", "center",
        "centre", "court", "panel", "staff", "investigation", "analysis", "opinion", "outlet", "commentator",
        "adviser", "advisor",
    ])

    static let either = WordSet(words: [
        "spokesperson", "partner", "neighbour", "neighbor", "resident", "passenger", "witness", "friend",
        "colleague", "driver", "teacher", "nurse", "doctor", "officer", "official", "source", "deputy", "manager",
        "owner", "worker", "employee", "student", "parent", "patient", "customer", "shopper", "commuter", "farmer",
        "lawyer", "solicitor", "barrister", "councillor", "minister", "secretary", "director", "executive",
        "chair", "leader", "campaigner", "activist", "volunteer", "survivor", "victim", "visitor", "tenant",
        "engineer", "scientist", "researcher", "economist", "analyst", "expert", "aide", "adviser", "advisor",
        "insider", "relative", "child", "cousin", "spouse", "caller", "member", "fan", "player", "coach",
        "surgeon", "paramedic", "firefighter", "pilot", "soldier", "veteran", "mayor", "judge", "prosecutor",
        "detective", "inspector", "constable", "sergeant", "guard", "keeper", "trader", "shopkeeper", "landowner",
        "protester", "protestor", "organiser", "organizer", "founder", "president", "candidate", "voter", "pupil",
    ])
}
