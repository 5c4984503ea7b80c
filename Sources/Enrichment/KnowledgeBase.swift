import ArchiveModel

/// Broadsheet's built-in knowledge, as plain data: places (countries, large cities, regions) and the
/// word lists recognition relies on. The `Knowledge` module loads it from its resource files; tests
/// may build a small one by hand.
public struct KnowledgeBase: Sendable {
    public var places: [Entity]
    /// Given names ("Robert", "Cathy").
    public var firstNames: [String]
    /// Given names borne almost only by women, or by men: a pronoun's antecedent must agree.
    public var femaleNames: [String]
    public var maleNames: [String]
    /// Lowercase common English words, to tell "May" the month from May the person.
    public var commonWords: [String]
    /// Honorifics kept in a mention ("Sir", "Mr", "Dr").
    public var honorifics: [String]
    /// Titles and roles before a name, one or two words ("Commissioner", "Prime Minister").
    public var titles: [String]
    /// Words that end an organisation's name ("Agency", "Police", "plc").
    public var organisationSuffixes: [String]
    /// Words that begin one before "of"/"for" ("Department", "University").
    public var organisationHeads: [String]

    public init(
        places: [Entity] = [], firstNames: [String] = [], femaleNames: [String] = [], maleNames: [String] = [],
        commonWords: [String] = [], honorifics: [String] = [],
        titles: [String] = [], organisationSuffixes: [String] = [], organisationHeads: [String] = []
    ) {
        self.places = places
        self.firstNames = firstNames
        self.femaleNames = femaleNames
        self.maleNames = maleNames
        self.commonWords = commonWords
        self.honorifics = honorifics
        self.titles = titles
        self.organisationSuffixes = organisationSuffixes
        self.organisationHeads = organisationHeads
    }
}

/// The word lists of a `KnowledgeBase` as sets of `WordHash` values, for lookups without strings.
struct Lexicon: Sendable {
    let firstNames: WordSet
    let femaleNames: WordSet
    let maleNames: WordSet
    let commonWords: WordSet
    let honorifics: WordSet
    /// Single-word titles, and the first word of two-word titles mapped to their second words.
    let titles: WordSet
    let titlePairs: [UInt64: Set<UInt64>]
    let organisationSuffixes: WordSet
    let organisationHeads: WordSet
    /// Suffixes written in lowercase ("plc"), which continue a capitalised name.
    let lowercaseSuffixes: WordSet
    /// Words that may join the parts of a name ("of", "for", "van", "de").
    let connectors: WordSet
    /// Words after which a full stop does not end a sentence.
    let abbreviations: WordSet
    let months: WordSet
    let reportingVerbs: WordSet

    /// A word that stands before a name: an honorific ("Mr", "Sir") or a one-word title ("Cllr").
    func standsBeforeName(_ hash: UInt64) -> Bool { honorifics.contains(hash) || titles.contains(hash) }

    init(_ knowledge: KnowledgeBase) {
        func hashes(_ words: [String]) -> WordSet { WordSet(words: words) }
        firstNames = hashes(knowledge.firstNames)
        femaleNames = hashes(knowledge.femaleNames)
        maleNames = hashes(knowledge.maleNames)
        commonWords = hashes(knowledge.commonWords)
        honorifics = hashes(knowledge.honorifics.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        var single: [UInt64] = []
        var pairs: [UInt64: Set<UInt64>] = [:]
        for title in knowledge.titles {
            let words = title.split(separator: " ").map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
            if words.count == 1 {
                single.append(WordHash.hash(words[0]))
            } else if words.count == 2 {
                pairs[WordHash.hash(words[0]), default: []].insert(WordHash.hash(words[1]))
            }
        }
        titles = WordSet(single)
        titlePairs = pairs
        organisationSuffixes = hashes(
            knowledge.organisationSuffixes.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        organisationHeads = hashes(knowledge.organisationHeads)
        lowercaseSuffixes = hashes(knowledge.organisationSuffixes.filter { $0.first?.isLowercase == true })
        connectors = hashes([
            "of", "for", "the", "on", "de", "del", "della", "van", "der", "von", "den", "la", "le", "du", "da", "di",
            "al", "bin", "ibn",
        ])
        abbreviations = hashes([
            "mr", "mrs", "ms", "dr", "prof", "rev", "revd", "st", "gen", "col", "capt", "sgt", "lt", "jr", "sr", "vs",
            "no", "inc", "ltd", "co", "corp", "sen", "rep", "gov", "mt", "ft", "approx", "dept", "est", "fig", "vol",
        ])
        months = hashes([
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ])
        reportingVerbs = hashes([
            "said", "says", "say", "added", "adds", "told", "tells", "warned", "warns", "insisted", "insists", "argued",
            "argues", "claimed", "claims", "stressed", "stresses", "urged", "urges", "explained", "explains", "wrote",
            "writes", "tweeted", "tweets", "asked", "asks", "replied", "replies", "admitted", "admits", "denied",
            "denies", "confirmed", "confirms", "announced", "announces", "revealed", "reveals", "suggested",
            "suggests", "believes", "believed", "thinks", "thought", "noted", "notes", "declared", "declares",
        ])
    }
}
