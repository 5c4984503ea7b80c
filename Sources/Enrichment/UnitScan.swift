import ArchiveModel

/// What a mention points at before the article is resolved as a whole.
enum MentionTarget: Equatable {
    /// Gazetteer entities (more than one: an ambiguous alias, settled by the rest of the article).
    case known([Int32])
    /// A person or organisation found by the shape of its name.
    case discovered(EntityType, name: String)
    /// "Mr Hannigan", "Sir Bernard", a bare surname: needs a fuller name in the same article.
    case shortPerson(word: UInt64, byFirstName: Bool)
}

/// A mention candidate in one unit.
struct RawMention {
    var unit: Int
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var target: MentionTarget

    var isKnown: Bool {
        if case .known = target { return true }
        return false
    }
}

/// One unit's tokens and the mention candidates found in them.
struct UnitScan {
    var scalars: [Unicode.Scalar]
    var tokens: [Token]
    var mentions: [RawMention]

    func text(_ start: Int, _ end: Int) -> String {
        ScalarText.string(scalars, start..<end)
    }
}

/// Finds the mention candidates of one unit: gazetteer matches and names found by their shape,
/// the longer winning where they overlap.
struct UnitScanner {
    let gazetteer: Gazetteer
    let finder: NameFinder
    let tokenizer: Tokenizer

    /// Prepositions after which a place named by a common word ("Reading", "Nice") is a place.
    static let locatives = WordSet(
        [
            "in", "at", "from", "to", "near", "of", "across", "outside", "around", "into", "via", "towards", "toward",
            "through", "visited", "visit",
        ]
        .map(WordHash.hash))

    func scan(_ unit: TextUnit, index: Int) -> UnitScan {
        let scalars = ScalarText.scalars(of: unit.text)
        let tokens = scalars.withUnsafeBufferPointer { tokenizer.tokenize($0) }
        var known = gazetteerMatches(tokens)
        var removed = [Bool](repeating: false, count: known.count)
        var mentions: [RawMention] = []
        // Headlines are in title case: their capitals say nothing about names.
        let found = unit.role == .headline ? [] : finder.names(in: tokens)
        for name in found {
            let exact =
                gazetteer.exactMatch(in: tokens, range: name.tokens)
                ?? gazetteer.exactMatch(in: tokens, range: name.nameTokens)
            let target: MentionTarget
            if let exact {
                target = .known(exact)
            } else {
                switch name.kind {
                case .person: target = .discovered(.person, name: text(scalars, tokens, name.nameTokens))
                case .organisation: target = .discovered(.organisation, name: text(scalars, tokens, name.tokens))
                case .shortPerson:
                    let isFirstName = name.honorific.map { Self.firstNameHonorifics.contains($0) } ?? false
                    target = .shortPerson(word: tokens[name.nameTokens.lowerBound].hash, byFirstName: isFirstName)
                case .unknown:
                    // A lone capitalised word may be the surname of a person the article names in
                    // full ("Marchetti-Doyle later said"); resolution drops it otherwise.
                    let word = tokens[name.tokens.lowerBound]
                    guard name.tokens.count == 1, !(word.flags.contains(.sentenceStart) && finder.isCommon(word)) else {
                        continue
                    }
                    target = .shortPerson(word: tokens[name.tokens.lowerBound].hash, byFirstName: false)
                }
            }
            // A gazetteer match reaching outside the name wins ("Met chief"), keeping an honorific
            // before it ("Baroness" + "Virginia de la Cruz"); matches inside the name lose.
            // The matches are in order and do not overlap: those overlapping the name are found
            // by binary search (searching them all for each name, and deleting from the middle
            // of the list, cost time in the square of a long paragraph's length).
            let overlapping = Self.overlapping(name.tokens, in: known)
            if let longer = overlapping.first(where: { !removed[$0] && !name.tokens.covers(known[$0].tokens) }) {
                if name.honorific != nil, known[longer].tokens.lowerBound == name.nameTokens.lowerBound {
                    known[longer].tokens = name.tokens.lowerBound..<known[longer].tokens.upperBound
                }
                continue
            }
            for position in overlapping where !removed[position] { removed[position] = true }
            mentions.append(mention(index, tokens, name.tokens, target))
        }
        mentions += known.indices.filter { !removed[$0] }.map {
            mention(index, tokens, known[$0].tokens, .known(known[$0].candidates))
        }
        mentions.sort { $0.start < $1.start }
        return UnitScan(scalars: scalars, tokens: tokens, mentions: mentions)
    }

    static let firstNameHonorifics = WordSet(["sir", "dame"].map(WordHash.hash))

    /// The positions in `matches` (in order, none overlapping another) of those overlapping `range`.
    static func overlapping(_ range: Range<Int>, in matches: [(tokens: Range<Int>, candidates: [Int32])]) -> Range<Int>
    {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].tokens.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < matches.count, matches[end].tokens.lowerBound < range.upperBound { end += 1 }
        return low..<end
    }

    private func gazetteerMatches(_ tokens: [Token]) -> [(tokens: Range<Int>, candidates: [Int32])] {
        var matches: [(tokens: Range<Int>, candidates: [Int32])] = []
        var position = 0
        while position < tokens.count {
            guard tokens[position].isWord, let match = gazetteer.longestMatch(in: tokens, from: position) else {
                position += 1
                continue
            }
            let range = position..<match.end
            if acceptable(range, candidates: match.candidates, tokens: tokens) {
                matches.append((range, match.candidates))
                position = match.end
            } else {
                position += 1
            }
        }
        return matches
    }

    /// Built-in places named by a common word need a locative before them ("in Reading").
    private func acceptable(_ range: Range<Int>, candidates: [Int32], tokens: [Token]) -> Bool {
        guard candidates.allSatisfy({ !gazetteer.isUser($0) }), range.count == 1,
            finder.isCommon(tokens[range.lowerBound])
        else { return true }
        var previous = range.lowerBound - 1
        while previous >= 0, !tokens[previous].isWord { previous -= 1 }
        return previous >= 0 && Self.locatives.contains(tokens[previous].hash)
            && !tokens[range.lowerBound].flags.contains(.sentenceStart)
    }

    private func mention(_ unit: Int, _ tokens: [Token], _ range: Range<Int>, _ target: MentionTarget) -> RawMention {
        RawMention(
            unit: unit, tokens: range, start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end,
            target: target)
    }

    private func text(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ range: Range<Int>) -> String {
        ScalarText.string(scalars, tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }
}

extension Range where Bound == Int {
    /// Whether `other` lies wholly inside this range.
    func covers(_ other: Range<Int>) -> Bool {
        other.lowerBound >= lowerBound && other.upperBound <= upperBound
    }
}
