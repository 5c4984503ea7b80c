import Foundation
import Rendering
import Testing

/// Strings in JSON and CSV exports come back as they went in, whatever characters they hold.
struct ExportEscapingTests {
    static let texts = [
        "", "plain words", "“Curly” and \"straight\" marks", "a back\\slash", "line\nbreak\r\nand\ttab",
        "bell \u{7} and nul \u{0}", "separators \u{2028} and \u{2029} inside", "\"", "ends with a quote\"",
        "emoji 🗞️ and accents: Müller, Ørsted", "\u{1F}\u{10}", "€\u{2028}", "almost \u{2027} and \u{202A}",
    ]

    @Test(arguments: texts)
    func aJSONStringReadsBackAsWritten(text: String) throws {
        let json = JSONValue.object([("text", .string(text))]).serialized()
        #expect(!json.contains("\n") && !json.contains("\u{2028}") && !json.contains("\u{2029}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(parsed?["text"] == text)
    }

    @Test(arguments: texts + ["</script><script>alert(1)</script>", "a < b and c<d", "<<<<<<<<<<<<"])
    func scriptJSONHasNoLessThanSignAndReadsBackAsWritten(text: String) throws {
        let value = JSONValue.object([("<key>", .array([.string(text), .string("x<y")]))])
        let json = value.serialized(forScript: true)
        #expect(!json.contains("<"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]]
        #expect(parsed?["<key>"] == [text, "x<y"])
        // Outside scripts (the exports) `<` is left as it is.
        #expect(value.serialized().contains("x<y"))
    }

    @Test func aCSVFieldIsQuotedOnlyWhenItMustBeAndItsQuotesDoubled() {
        #expect(DataExporter.csvField("plain words") == "plain words")
        #expect(DataExporter.csvField("one, two") == "\"one, two\"")
        #expect(DataExporter.csvField("say \"no\"") == "\"say \"\"no\"\"\"")
        #expect(DataExporter.csvField("two\nlines") == "\"two\nlines\"")
        #expect(DataExporter.csvField("“curly”, too") == "\"“curly”, too\"")
    }
}
