import ArchiveModel
import Testing

/// The byte-level string helpers and the stable hasher give what the slower, generic ways give.
struct ScalarStringTests {
    static let texts = [
        "", "plain", "Müller said “no” — twice", "emoji 🗞️ and ZWJ 👩‍👩‍👧", "日本語のテキスト",
        "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
        "one\n\ntwo", "\n\n", "\n", "three\n\n\nlines", "a\nb\n\nc\n\n\n\nd\n",
    ]

    @Test(arguments: texts)
    func scalarsMakeTheSameString(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == text)
        #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }

    @Test(arguments: texts)
    func paragraphBreaksBecomeOneSpaceAsFoundationReplacesThem(text: String) {
        var expected = ""
        var rest = Substring(text)
        while let range = rest.range(of: "\n\n") {
            expected += rest[..<range.lowerBound] + " "
            rest = rest[range.upperBound...]
        }
        expected += rest
        #expect(text.joiningParagraphs == expected)
    }

    @Test func theHasherGivesOneDigestWhateverHoldsTheBytes() {
        let text = "Sir Bernard said “the board will act”."
        let bytes = Array(text.utf8)
        var fromString = StableHasher()
        fromString.combine(bytes: text.utf8.lazy.map { $0 })  // no contiguous storage: the generic path
        var fromBuffer = StableHasher()
        bytes.withUnsafeBytes { fromBuffer.combine(buffer: $0) }
        #expect(fromString.finalize() == StableHasher.digest(bytes))
        #expect(fromBuffer.finalize() == StableHasher.digest(bytes[...]))
        // FNV-1a's published value for "a", so digests stay the same across versions.
        #expect(StableHasher.digest(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHasher.digest(Array("b".utf8)) != StableHasher.digest(Array("a".utf8)))
    }
}
