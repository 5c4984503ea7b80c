import ArchiveModel
import SiteIndex
import Testing

/// `SiteIndex.updating` must give exactly what a new index from all the summaries gives: checked on
/// a generated archive with many kinds of edit, each compared with a full build.
struct IndexUpdateTests {
    /// A small deterministic generator (SplitMix64), so that a failure repeats.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let people = [
        ("mary-hannigan", "Mary Hannigan"), ("bernard-hogan", "Bernard Hogan"), ("aoife-kelly", "Aoife Kelly"),
        ("tom-rees", "Tom Rees"), ("li-wei", "Li Wei"), ("sam-okafor", "Sam Okafor"),
    ]
    static let others: [(String, EntityType, String)] = [
        ("city-council", .organisation, "City Council"), ("harbour-board", .organisation, "Harbour Board"),
        ("cork", .place, "Cork"), ("galway", .place, "Galway"),
    ]
    static let tags = ["Housing", "Transport", "Courts", "Health", "housing"]

    func entities(_ random: inout Random) -> [EntityRef] {
        var refs: [EntityRef] = []
        for _ in 0..<random.below(6) {
            let (id, type, name): (String, EntityType, String) =
                random.below(3) == 0
                ? random.pick(Self.others)
                : {
                    let p = random.pick(Self.people); return (p.0, .person, p.1)
                }()
            guard !refs.contains(where: { $0.id == id }) else { continue }
            // Sometimes a shorter or misspelt name, as an article may first name someone.
            let spelt = random.below(4) == 0 ? String(name.split(separator: " ").last!) : name
            refs.append(
                EntityRef(
                    id: id, type: type, name: spelt, mentions: random.below(4),
                    context: "\(name) was named in paragraph \(random.below(9))."))
        }
        return refs
    }

    func quotes(_ random: inout Random, entities: [EntityRef]) -> [QuoteRef] {
        (0..<random.below(5)).map { number in
            let speaker =
                random.below(4) == 0 ? nil : entities.filter { $0.type == .person }.randomElement(using: &random)
            return QuoteRef(
                id: "q\(number + 1)", fullText: "Words number \(random.below(100)).", kind: .direct,
                speakerID: speaker?.id, speakerName: speaker?.name,
                speakerDescription: speaker == nil ? "a spokeswoman" : nil, anchor: nil)
        }
    }

    func summary(_ number: Int, _ random: inout Random, date: ArticleDate?, title: String? = nil) -> ArticleSummary {
        let refs = entities(&random)
        return ArticleSummary(
            slug: "story-\(number)", title: title ?? "Story \(number)", date: date, updated: nil, authors: [],
            standfirst: nil, tags: (0..<random.below(3)).map { _ in random.pick(Self.tags) }, publication: nil,
            path: "Content/articles/story-\(number).md", entities: refs, quotes: quotes(&random, entities: refs))
    }

    func date(_ random: inout Random) -> ArticleDate? {
        guard random.below(20) != 0 else { return nil }
        let (year, month, day) = (2019 + random.below(3), 1 + random.below(12), 1 + random.below(28))
        let days = Double(CivilCalendar.days(year: year, month: month, day: day))
        return ArticleDate(year: year, month: month, day: day, instant: days * 86_400, hasTime: false)
    }

    func expectSame(_ updated: SiteIndex, _ full: SiteIndex, _ trial: Int) {
        #expect(updated.articles == full.articles, "trial \(trial)")
        #expect(updated.tags == full.tags, "trial \(trial)")
        #expect(updated.years == full.years && updated.undated == full.undated, "trial \(trial)")
        #expect(Set(updated.entities.entries.keys) == Set(full.entities.entries.keys), "trial \(trial)")
        for (id, entry) in full.entities.entries {
            #expect(updated.entities.entries[id] == entry, "trial \(trial): entity \(id)")
        }
        #expect(updated.entities.ranked == full.entities.ranked, "trial \(trial)")
        #expect(updated.entities.types == full.entities.types, "trial \(trial)")
        #expect(updated.quotes.all == full.quotes.all, "trial \(trial)")
        #expect(updated.quotes.bySpeaker == full.quotes.bySpeaker, "trial \(trial)")
        #expect(updated.quotes.speakers == full.quotes.speakers, "trial \(trial)")
        #expect(updated.listsSame(as: full), "trial \(trial)")
        for id in full.entities.entries.keys {
            let mine = updated.entities.companions(of: id).map { ($0.entry.entity.id, $0.shared) }
            let theirs = full.entities.companions(of: id).map { ($0.entry.entity.id, $0.shared) }
            #expect(mine.elementsEqual(theirs, by: ==), "trial \(trial): companions of \(id)")
        }
    }

    @Test func updatingGivesWhatAFullBuildGives() throws {
        var random = Random(state: 7)
        var summaries = (0..<120).map { summary($0, &random, date: date(&random)) }
        var index = SiteIndex(summaries: summaries)
        // Companions worked out before an edit must not survive it when it changes them.
        for id in index.entities.entries.keys { _ = index.entities.companions(of: id) }
        for trial in 0..<300 {
            var edits: [SiteIndex.Edit] = []
            for _ in 0..<1 + random.below(3) {
                let number = random.below(summaries.count)
                guard !edits.contains(where: { $0.summary.path == summaries[number].path }) else { continue }
                let old = summaries[number]
                // Same date and slug: entities, quotations, tags and (dated) title change freely.
                let new = summary(
                    number, &random, date: old.date, title: old.date == nil ? old.title : "Edited \(trial)")
                summaries[number] = new
                edits.append(SiteIndex.Edit(summary: new, hash: new.hashValue, dataHash: new.hashValue))
            }
            let updated = try #require(index.updating(edits, entityDetails: { _ in nil }), "trial \(trial)")
            #expect(updated.positions.count == edits.count)
            let full = SiteIndex(summaries: summaries)
            expectSame(updated.index, full, trial)
            index = updated.index
        }
    }

    @Test func anEditThatMovesAnArticleIsLeftToAFullBuild() {
        var random = Random(state: 11)
        let summaries = (0..<20).map { summary($0, &random, date: date(&random)) }
        let index = SiteIndex(summaries: summaries)
        let moved = summary(3, &random, date: ArticleDate(year: 1999, month: 1, day: 1, instant: 0, hasTime: false))
        #expect(
            index.updating([SiteIndex.Edit(summary: moved, hash: 1, dataHash: 1)], entityDetails: { _ in nil }) == nil)
        let stranger = summary(99, &random, date: summaries[0].date)
        #expect(
            index.updating([SiteIndex.Edit(summary: stranger, hash: 1, dataHash: 1)], entityDetails: { _ in nil })
                == nil)
    }
}
