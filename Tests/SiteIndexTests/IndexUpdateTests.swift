import ArchiveModel
import SiteIndex
import TestSupport
import Testing

/// `SiteIndex.updating` must give exactly what a new index from all the summaries gives: checked on
/// a generated archive with many kinds of edit, each compared with a full build.
struct IndexUpdateTests {
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
        var random = GeneratedSummaries(seed: 7)
        var summaries = (0..<120).map { random.summary($0, date: random.date()) }
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
                let new = random.summary(
                    number, date: old.date, title: old.date == nil ? old.title : "Edited \(trial)")
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
        var random = GeneratedSummaries(seed: 11)
        let summaries = (0..<20).map { random.summary($0, date: random.date()) }
        let index = SiteIndex(summaries: summaries)
        let moved = random.summary(3, date: ArticleDate(year: 1999, month: 1, day: 1, instant: 0, hasTime: false))
        #expect(
            index.updating([SiteIndex.Edit(summary: moved, hash: 1, dataHash: 1)], entityDetails: { _ in nil }) == nil)
        let stranger = random.summary(99, date: summaries[0].date)
        #expect(
            index.updating([SiteIndex.Edit(summary: stranger, hash: 1, dataHash: 1)], entityDetails: { _ in nil })
                == nil)
    }
}
