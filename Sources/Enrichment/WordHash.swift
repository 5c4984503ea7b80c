/// 64-bit FNV-1a hashes of words, folded to lowercase with curly apostrophes made straight, so a
/// token can be looked up in word lists and the gazetteer without building a String for it.
public enum WordHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `scalars[range]`, case- and apostrophe-folded.
    @inline(__always)
    static func hash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64 {
        var value = offsetBasis
        for index in range {
            value = (value ^ UInt64(fold(scalars[index]).value)) &* prime
        }
        return value
    }

    /// The hash of a whole word given as text.
    public static func hash(_ word: String) -> UInt64 {
        var value = offsetBasis
        for scalar in word.unicodeScalars {
            value = (value ^ UInt64(fold(scalar).value)) &* prime
        }
        return value
    }

    /// Combines the hashes of consecutive tokens into the key of a phrase.
    @inline(__always)
    static func combine(_ phrase: UInt64, _ token: UInt64) -> UInt64 {
        (phrase ^ token) &* prime &+ 0x9e37_79b9_7f4a_7c15
    }

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 65 && value <= 90 { return Unicode.Scalar(value + 32) ?? scalar }
        if value < 128 { return scalar }
        if value == 0x2019 || value == 0x2018 { return "'" }
        if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
            return lower
        }
        return scalar
    }
}
