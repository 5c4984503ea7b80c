import ArchiveModel
import SiteIndex

/// Article summaries made up from a seed, for tests that compare ways of building the index and its
/// pages: a few recurring people, organisations and places (sometimes by a short name), quotations
/// by them or by an unnamed source, overlapping tags, and dates over three years with some undated.
/// The same seed gives the same archive (SplitMix64), so a failure repeats.
public struct GeneratedSummaries: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let people = [
        ("mary-hannigan", "Mary Hannigan"), ("bernard-hogan", "Bernard Hogan"), ("aoife-kelly", "Aoife Kelly"),
        ("tom-rees", "Tom Rees"), ("li-wei", "Li Wei"), ("sam-okafor", "Sam Okafor"),
    ]
    static let others: [(String, EntityType, String)] = [
        ("city-council", .organisation, "City Council"), ("harbour-board", .organisation, "Harbour Board"),
        ("cork", .place, "Cork"), ("galway", .place, "Galway"),
    ]
    static let tags = ["Housing", "Transport", "Courts", "Health", "housing"]

    /// Up to five entities, each with a mention count (sometimes none) and a context sentence.
    public mutating func entities() -> [EntityRef] {
        var refs: [EntityRef] = []
        for _ in 0..<below(6) {
            let (id, type, name): (String, EntityType, String)
            if below(3) == 0 {
                (id, type, name) = pick(Self.others)
            } else {
                let person = pick(Self.people)
                (id, type, name) = (person.0, .person, person.1)
            }
            guard !refs.contains(where: { $0.id == id }) else { continue }
            // Sometimes a shorter name, as an article may first name someone.
            let spelt = below(4) == 0 ? String(name.split(separator: " ").last!) : name
            refs.append(
                EntityRef(
                    id: id, type: type, name: spelt, mentions: below(4),
                    context: "\(name) was named in paragraph \(below(9))."))
        }
        return refs
    }

    /// Up to four quotations, most by a person among `entities`.
    public mutating func quotes(entities: [EntityRef]) -> [QuoteRef] {
        (0..<below(5)).map { number in
            let people = entities.filter { $0.type == .person }
            let speaker = below(4) == 0 || people.isEmpty ? nil : pick(people)
            return QuoteRef(
                id: "q\(number + 1)", fullText: "Words number \(below(100)).", kind: .direct,
                speakerID: speaker?.id, speakerName: speaker?.name,
                speakerDescription: speaker == nil ? "a spokeswoman" : nil, anchor: nil)
        }
    }

    /// Article `number` (slug `story-<number>`), with everything but the date and title made up.
    public mutating func summary(_ number: Int, date: ArticleDate?, title: String? = nil) -> ArticleSummary {
        let refs = entities()
        return ArticleSummary(
            slug: "story-\(number)", title: title ?? "Story \(number)", date: date, updated: nil, authors: [],
            standfirst: nil, tags: (0..<below(3)).map { _ in pick(Self.tags) }, publication: nil,
            path: "Content/articles/story-\(number).md", entities: refs, quotes: quotes(entities: refs))
    }

    /// A day in 2019–2021, or (one time in twenty) none.
    public mutating func date() -> ArticleDate? {
        guard below(20) != 0 else { return nil }
        let (year, month, day) = (2019 + below(3), 1 + below(12), 1 + below(28))
        let days = Double(CivilCalendar.days(year: year, month: month, day: day))
        return ArticleDate(year: year, month: month, day: day, instant: days * 86_400, hasTime: false)
    }
}
