import SiteIndex

/// Which entity pages a rebuild must look at: those of the entities that the changed articles
/// (before and after the change) name or quote. Any other entity page shows only articles that did
/// not change, so its previous file is kept without working out its fingerprint.
enum TouchedEntities {
    /// `changed` holds the old and new summaries of the articles that changed, were added or removed.
    static func find(changed: [ArticleSummary], previous: SiteIndex?, current: SiteIndex) -> Set<String> {
        var touched = Set<String>()
        for summary in changed {
            for ref in summary.entities { touched.insert(ref.id) }
            for quote in summary.quotes { if let speaker = quote.speakerID { touched.insert(speaker) } }
        }
        // An entity whose name or type changed (its newest article named it differently) shows on the
        // pages of its companions too: every entity named alongside it, before and after.
        var renamed: [String] = []
        for id in touched where previous?.entities.entries[id]?.entity != current.entities.entries[id]?.entity {
            renamed.append(id)
        }
        for id in renamed {
            for index in [previous, current].compactMap({ $0 }) {
                for position in index.entities.entries[id]?.articles ?? [] {
                    for ref in index.articles[position].entities { touched.insert(ref.id) }
                }
            }
        }
        return touched
    }
}
