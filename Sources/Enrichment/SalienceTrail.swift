import ArchiveModel

/// The people an article has made salient, in text order, for pronouns: the subjects of its
/// sentences (known before the quotations are read) and the speakers of its quotations (heard one
/// after another, in text order). Kept as two sorted lists rather than one with each speaker
/// inserted in the middle: an insertion moved every later subject, which in a paragraph of
/// megabytes cost time in the square of its length.
struct SalienceTrail {
    private let subjects: [QuoteRecognizer.Salient]
    private var heard: [QuoteRecognizer.Salient] = []

    init(subjects: [QuoteRecognizer.Salient]) {
        self.subjects = subjects
    }

    /// Adds a quotation's speaker; at an equal position it comes after the subjects there.
    mutating func hear(_ event: QuoteRecognizer.Salient) {
        if let last = heard.last, last.position > event.position {
            heard.insert(event, at: SortedSearch.firstIndex(in: heard) { $0.position > event.position })
        } else {
            heard.append(event)
        }
    }

    /// The last event before `position` for which `matches` holds.
    func last(before position: TextPosition, where matches: (QuoteRecognizer.Salient) -> Bool)
        -> QuoteRecognizer.Salient?
    {
        let subject = subjects[..<SortedSearch.firstIndex(in: subjects) { $0.position >= position }].last(
            where: matches)
        let speaker = heard[..<SortedSearch.firstIndex(in: heard) { $0.position >= position }].last(where: matches)
        guard let subject else { return speaker }
        guard let speaker else { return subject }
        return speaker.position >= subject.position ? speaker : subject
    }

    /// The first event in text order for which `matches` holds.
    func first(where matches: (QuoteRecognizer.Salient) -> Bool) -> QuoteRecognizer.Salient? {
        let subject = subjects.first(where: matches)
        let speaker = heard.first(where: matches)
        guard let subject else { return speaker }
        guard let speaker else { return subject }
        return speaker.position < subject.position ? speaker : subject
    }
}
