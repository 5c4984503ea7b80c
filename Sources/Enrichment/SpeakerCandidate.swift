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

    /// Where the words it rests on start in their unit.
    var offset: Int? {
        switch self {
        case .entity(let mention): mention.start
        case .pronoun(let words, _), .description(let words, _), .unknownPerson(let words): words.start
        case .none: nil
        }
    }

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
    /// For each token, the index of its sentence's first token and one past its last: worked out
    /// once, since a sentence walked for each look-up costs time in the square of its length.
    private let sentenceStarts: [Int32]
    private let sentenceEnds: [Int32]

    /// Words the article capitalises inside a sentence (names, not a sentence's first word).
    let capitalised: WordSet

    init(scan: UnitScan, unit: Int, mentions: [Mention], capitalised: WordSet = WordSet([])) {
        self.scan = scan
        self.unit = unit
        self.mentions = mentions
        self.capitalised = capitalised
        self.tokens = scan.tokens
        var starts = [Int32](repeating: 0, count: tokens.count)
        var ends = [Int32](repeating: Int32(tokens.count), count: tokens.count)
        var first = 0
        for position in tokens.indices {
            if position > 0, tokens[position].flags.contains(.sentenceStart) {
                for earlier in first..<position { ends[earlier] = Int32(position) }
                first = position
            }
            starts[position] = Int32(first)
        }
        sentenceStarts = starts
        sentenceEnds = ends
    }

    /// The words `scans` capitalise inside their sentences as the last of their capitalised words
    /// (a surname: "… said Trump", not "National" of "the National Security Agency").
    static func capitalised(in scans: [UnitScan]) -> WordSet {
        var words: [UInt64] = []
        for scan in scans {
            let tokens = scan.tokens
            for (index, token) in tokens.enumerated()
            where token.isWord && token.isCapitalized && !token.flags.contains(.sentenceStart)
                && !token.flags.contains(.allCaps)
                && (index + 1 == tokens.count || !tokens[index + 1].isWord || !tokens[index + 1].isCapitalized)
            {
                words.append(token.hash)
            }
        }
        return WordSet(words)
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
        guard !tokens.isEmpty else { return 0 }
        return Int(sentenceStarts[max(0, min(index, tokens.count - 1))])
    }

    /// Index one past the last token of the sentence holding token `index`.
    func sentenceEnd(after index: Int) -> Int {
        guard index >= 0 else {
            var position = index + 1
            while position < tokens.count, !tokens[position].flags.contains(.sentenceStart) { position += 1 }
            return position
        }
        return index < tokens.count ? Int(sentenceEnds[index]) : index + 1
    }

    /// The position of the first mention starting at or after a scalar offset (binary search).
    private func firstMention(startingAtOrAfter offset: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The mention that ends exactly at token `index` (inclusive), if any. Mentions do not
    /// overlap, so it is among the few that start at or before the token.
    func mention(endingAt index: Int) -> Mention? {
        let token = tokens[index]
        let after = firstMention(startingAtOrAfter: token.start + 1)
        return mentions[max(0, after - 8)..<after].last { $0.end == token.end && $0.start <= token.start }
    }

    /// The first mention that starts after a scalar offset, if any.
    func mention(startingAfter offset: Int) -> Mention? {
        let position = firstMention(startingAtOrAfter: offset + 1)
        return position < mentions.count ? mentions[position] : nil
    }

    /// The mention that covers tokens `range` exactly, if any.
    func mention(covering range: Range<Int>) -> Mention? {
        guard let mention = mention(startingAt: range.lowerBound) else { return nil }
        return mention.end == tokens[range.upperBound - 1].end ? mention : nil
    }

    /// The mention that starts at token `index`, if any.
    func mention(startingAt index: Int) -> Mention? {
        let position = firstMention(startingAtOrAfter: tokens[index].start)
        return position < mentions.count && mentions[position].start == tokens[index].start ? mentions[position] : nil
    }

    func speakerMention(_ range: Range<Int>) -> SpeakerMention {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return SpeakerMention(unit: unit, start: start, end: end, text: scan.text(start, end))
    }
}
