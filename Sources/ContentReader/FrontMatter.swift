import ArchiveModel

/// A Markdown file split at its `---` fences into the YAML front matter and the body, with the
/// line each part starts on so diagnostics point into the original file.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    /// Splits `source`; a file that does not start with `---`, or never closes it, is an error.
    /// Lines end at "\n" or "\r\n" and the parts are joined with "\n", as if split into lines and
    /// joined again; done on the UTF-8 bytes in one pass (splitting every article into Character
    /// lines and joining them was 6 % of a cold build).
    static func split(_ source: SourceText) throws(Diagnostic) -> FrontMatter {
        let bytes = Array(source.text.utf8)
        /// Where the line starting at `start` ends (its "\n", or the end of the text).
        func end(ofLineAt start: Int) -> Int { bytes[start...].firstIndex(of: 0x0A) ?? bytes.count }
        let firstEnd = end(ofLineAt: 0)
        guard isFence(bytes[0..<firstEnd], terminated: firstEnd < bytes.count, allowDots: false) else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1,
                message: "missing front matter (a Markdown article starts with `---`)",
                hint:
                    "start the file with a `---` line, then `title: …` and `date: YYYY-MM-DD`, then another `---` line")
        }
        var line = 1
        var start = firstEnd + 1
        var close: (line: Int, start: Int, end: Int)?
        while start <= bytes.count {
            let lineEnd = end(ofLineAt: start)
            if isFence(bytes[start..<lineEnd], terminated: lineEnd < bytes.count, allowDots: true) {
                close = (line, start, lineEnd)
                break
            }
            line += 1
            start = lineEnd + 1
        }
        guard let close else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1, message: "the front matter opened here is never closed",
                hint: "add a line with just `---` after the last front matter field")
        }
        let yamlStart = firstEnd + 1
        // The YAML lines with the last one's terminator, which goes after the joining.
        let yaml = close.start > yamlStart ? joinedLines(bytes[yamlStart..<close.start], droppingLast: true) : ""
        let body = close.end < bytes.count ? joinedLines(bytes[(close.end + 1)...], droppingLast: false) : ""
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close.line + 2)
    }

    /// Lines ending in "\r\n" or "\n" joined with "\n"; `droppingLast` drops the "\n" that ends
    /// the last line.
    private static func joinedLines(_ bytes: ArraySlice<UInt8>, droppingLast: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == 0x0A, out.last == 0x0D { out.removeLast() }
            out.append(byte)
        }
        if droppingLast { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// A line (with the "\r" of a "\r\n" still on it when `terminated`) that is `---`, or `...`
    /// when `allowDots`, with nothing after it but spaces and tabs.
    private static func isFence(_ line: ArraySlice<UInt8>, terminated: Bool, allowDots: Bool) -> Bool {
        var line = line
        if terminated, line.last == 0x0D { line.removeLast() }
        while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
        return line.elementsEqual("---".utf8) || (allowDots && line.elementsEqual("...".utf8))
    }
}
