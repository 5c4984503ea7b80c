import Rendering
import Testing

struct HTMLEscapingTests {
    /// The escaping as first written, a character at a time, for comparison.
    func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesTheFiveCharactersAndLeavesEveryOtherAlone() {
        #expect(
            HTMLEscaping.escape("Tom & Jerry's <b>\"show\"</b>")
                == "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;")
        #expect(HTMLEscaping.escape("Plain text, nothing to do") == "Plain text, nothing to do")
        #expect(HTMLEscaping.escape("") == "")
        // Multi-byte characters on either side of an escaped one, and text made from a substring.
        let pieces = ["é", "“", "”", "€", "👩🏽‍⚕️", "&", "<", ">", "\"", "'", "a", " ", "Ł", "中", "\u{301}"]
        var state: UInt64 = 42
        for _ in 0..<2000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 40) % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(HTMLEscaping.escape(text) == reference(text), "\(text)")
            let sub = String(text.dropFirst())
            #expect(HTMLEscaping.escape(sub) == reference(sub), "\(sub)")
        }
    }
}
