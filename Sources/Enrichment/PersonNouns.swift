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
        var head: Token?
        var count = 0
        for token in view.tokens[view.tokenIndex(atOrAfter: words.start)...] where token.isWord {
            guard token.start < words.end, !SpeakerFinder.organisationLinks.contains(token.hash) else { break }
            head = token
            count += 1
        }
        guard let head, count <= 5 else { return nil }
        if female.contains(head.hash) { return Person(female: true) }
        if male.contains(head.hash) { return Person(female: false) }
        if either.contains(head.hash) { return Person(female: nil) }
        return nil
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
