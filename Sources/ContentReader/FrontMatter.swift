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
    static func split(_ source: SourceText) throws(Diagnostic) -> FrontMatter {
        let lines = source.lines
        guard let first = lines.first, isFence(first, allowDots: false) else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1,
                message: "missing front matter (a Markdown article starts with `---`)",
                hint:
                    "start the file with a `---` line, then `title: …` and `date: YYYY-MM-DD`, then another `---` line")
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1, message: "the front matter opened here is never closed",
                hint: "add a line with just `---` after the last front matter field")
        }
        return FrontMatter(
            yaml: lines[1..<close].joined(separator: "\n"), yamlFirstLine: 2,
            body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        let trimmed = line.reversed().drop(while: { $0 == " " || $0 == "\t" })
        let text = String(trimmed.reversed())
        return text == "---" || (allowDots && text == "...")
    }
}
