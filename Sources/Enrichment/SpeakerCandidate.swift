import ArchiveModel

/// What the words next to a quotation say about its speaker, before pronouns are resolved.
enum SpeakerCandidate {
    /// A named entity ("Mr Hannigan", "Met chief" through an alias).
    case entity(Mention)
    /// "he", "she": resolved to the most salient earlier person of matching sex.
    case pronoun(SpeakerMention, female: Bool?)
    /// An unnamed source described by the text, with the organisation it speaks for when named.
    case description(SpeakerMention, organisation: String?)
    /// A name the article never settles ("Dr Ward" with two Dr Wards): no speaker, but a later
    /// "she said" means this person, not an earlier one.
    case unknownPerson(SpeakerMention)
    /// The text gives no speaker.
    case none

    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

/// Token-level views of one unit that speaker finding needs: sentences and entity mentions.
struct UnitView {
    let scan: UnitScan
    let unit: Int
    /// Entity mentions of this unit, by start.
    let mentions: [Mention]
    let tokens: [Token]

    init(scan: UnitScan, unit: Int, mentions: [Mention]) {
        self.scan = scan
        self.unit = unit
        self.mentions = mentions
        self.tokens = scan.tokens
    }

    /// Index of the token at or after a scalar offset.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Index of the first token of the sentence holding token `index`.
    func sentenceStart(of index: Int) -> Int {
        var position = min(index, tokens.count - 1)
        while position > 0, !tokens[position].flags.contains(.sentenceStart) { position -= 1 }
        return max(position, 0)
    }

    /// Index one past the last token of the sentence holding token `index`.
    func sentenceEnd(after index: Int) -> Int {
        var position = index + 1
        while position < tokens.count, !tokens[position].flags.contains(.sentenceStart) { position += 1 }
        return position
    }

    /// The mention that ends exactly at token `index` (inclusive), if any.
    func mention(endingAt index: Int) -> Mention? {
        mentions.last { $0.end == tokens[index].end && $0.start <= tokens[index].start }
    }

    /// The mention that starts at token `index`, if any.
    func mention(startingAt index: Int) -> Mention? {
        mentions.first { $0.start == tokens[index].start }
    }

    func speakerMention(_ range: Range<Int>) -> SpeakerMention {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return SpeakerMention(unit: unit, start: start, end: end, text: scan.text(start, end))
    }
}
