/// A word or punctuation mark of a text unit, with the facts recognition asks about it.
struct Token {
    struct Flags: OptionSet {
        let rawValue: UInt16
        static let word = Flags(rawValue: 1 << 0)
        /// Starts with an uppercase letter.
        static let capitalized = Flags(rawValue: 1 << 1)
        /// Two or more letters, all uppercase ("GCHQ", "U.S.").
        static let allCaps = Flags(rawValue: 1 << 2)
        /// First word of a sentence (or of a quotation opened mid-sentence).
        static let sentenceStart = Flags(rawValue: 1 << 3)
        /// Followed by a possessive ’s that is not part of the token.
        static let possessive = Flags(rawValue: 1 << 4)
        static let hasDigit = Flags(rawValue: 1 << 5)
        /// A dotted acronym such as "U.S" (its final dot is a separate token).
        static let dotted = Flags(rawValue: 1 << 6)
    }

    /// Scalar offsets in the unit's text, end exclusive (a possessive ’s is outside).
    var start: Int
    var end: Int
    /// `WordHash` of the token's text.
    var hash: UInt64
    var flags: Flags
    /// The scalar of a punctuation token.
    var mark: Unicode.Scalar?

    var isWord: Bool { flags.contains(.word) }
    var isCapitalized: Bool { flags.contains(.capitalized) }
    var length: Int { end - start }
}
