/// Splits a text unit into tokens and marks where sentences start. Words keep internal hyphens
/// and apostrophes ("Hogan-Howe", "O’Brien", "don’t"), dotted acronyms stay whole ("U.S."), and a
/// possessive ’s is split off ("Britain’s" → "Britain").
struct Tokenizer {
    let lexicon: Lexicon

    func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var sentencePending = true
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if ScalarClass.isWhitespace(scalar) {
                index += 1
                continue
            }
            if isWordScalar(scalar) {
                var token = word(at: index, in: scalars)
                index = token.end + (token.flags.contains(.possessive) ? 2 : 0)
                // A lowercase word after "!" or "?" continues the sentence: “Stop!” said Mr Pell.
                if sentencePending && (token.isCapitalized || token.flags.contains(.hasDigit) || tokens.isEmpty) {
                    token.flags.insert(.sentenceStart)
                }
                sentencePending = false
                tokens.append(token)
                continue
            }
            // A double mark written as two characters ('' or ``) is one token, read as the mark it
            // stands for: " for two apostrophes (opening or closing), “ for two backticks.
            let doubled = Self.doubledMark(scalars, index)
            let width = doubled == nil ? 1 : 2
            let mark = doubled ?? scalar
            if endsSentence(mark, after: tokens.last) {
                sentencePending = true
            } else if isOpeningQuote(mark, at: index + width - 1, in: scalars), let previous = tokens.last,
                let before = previous.mark,
                before == ":" || before == ","
            {
                sentencePending = true
            }
            tokens.append(
                Token(
                    start: index, end: index + width, hash: WordHash.hash(scalars, index..<index + width), flags: [],
                    mark: mark))
            index += width
        }
        return tokens
    }

    private func word(at start: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Token {
        let count = scalars.count
        var end = start + 1
        var dots = 0
        while end < count {
            let scalar = scalars[end]
            if isWordScalar(scalar) {
                end += 1
            } else if (scalar == "-" || scalar == "'" || scalar == "\u{2019}") && end + 1 < count
                && isWordScalar(scalars[end + 1])
            {
                end += 2
            } else if scalar == ".", end - start == 1 + dots * 2, ScalarClass.isUppercase(scalars[end - 1]),
                end + 1 < count, ScalarClass.isUppercase(scalars[end + 1])
            {
                // U.S, U.K: single capitals separated by dots (the final dot stays punctuation).
                dots += 1
                end += 1
            } else {
                break
            }
        }
        var flags: Token.Flags = dots > 0 ? [.word, .dotted] : [.word]
        if end - start >= 3, scalars[end - 1] == "s", scalars[end - 2] == "'" || scalars[end - 2] == "\u{2019}" {
            end -= 2
            flags.insert(.possessive)
        }
        var letters = 0
        var upper = 0
        var hash = WordHash.offsetBasis
        for index in start..<end {
            let scalar = scalars[index]
            hash = (hash ^ UInt64(WordHash.fold(scalar).value)) &* WordHash.prime
            if ScalarClass.isLetter(scalar) {
                letters += 1
                if ScalarClass.isUppercase(scalar) { upper += 1 }
            } else if ScalarClass.isDigit(scalar) {
                flags.insert(.hasDigit)
            }
        }
        if ScalarClass.isUppercase(scalars[start]) { flags.insert(.capitalized) }
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        return Token(start: start, end: end, hash: hash, flags: flags, mark: nil)
    }

    @inline(__always)
    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar)
    }

    private func endsSentence(_ scalar: Unicode.Scalar, after previous: Token?) -> Bool {
        switch scalar {
        case "!", "?", "\u{2026}": return true
        case ".":
            guard let previous, previous.isWord else { return true }
            if previous.flags.contains(.dotted) { return false }
            if lexicon.abbreviations.contains(previous.hash) { return false }
            return !(previous.length == 1 && previous.isCapitalized)  // an initial: "J. Smith"
        default: return false
        }
    }

    /// The double mark two characters at `index` stand for (`QuoteMarks.doubled`), or nil.
    static func doubledMark(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int) -> Unicode.Scalar? {
        index + 1 < scalars.count ? QuoteMarks.doubled(scalars[index], scalars[index + 1]) : nil
    }

    private func isOpeningQuote(
        _ scalar: Unicode.Scalar, at index: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>
    )
        -> Bool
    {
        switch scalar {
        case "\u{201C}", "\u{2018}": return true
        case "\"", "'": return index + 1 < scalars.count && !ScalarClass.isWhitespace(scalars[index + 1])
        default: return false
        }
    }
}

/// Character classes with an ASCII fast path: Unicode property lookups are the slowest part of
/// tokenizing, and news text is mostly ASCII.
enum ScalarClass {
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 65 && value <= 90 }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 48 && value <= 57 }
        return scalar.properties.numericType != nil
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        return scalar.properties.isWhitespace
    }
}
