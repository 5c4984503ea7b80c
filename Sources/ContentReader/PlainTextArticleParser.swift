import ArchiveModel

/// Reads an article pasted from a news site as plain text: the headline on the first line, the
/// standfirst in the next paragraph, an optional photo caption paragraph whose last line carries
/// `Credit: …`, then the body paragraphs. Text is kept exactly as written (no smart punctuation).
public enum PlainTextArticleParser {
    /// A paragraph: its lines and the file line it starts on.
    struct Paragraph {
        var lines: [String]
        var firstLine: Int
    }

    /// The metadata and body of `source`; the date and slug come from `fileName`.
    public static func parse(_ source: SourceText, fileName: String) throws(Diagnostic) -> Article {
        var paragraphs = Self.paragraphs(of: source)[...]
        guard let headline = paragraphs.popFirst() else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1, message: "the article is empty",
                hint: "a plain-text article starts with its headline on the first line")
        }
        let title = headline.lines.joined(separator: " ")
        let names = FileNameInfo(fileName: fileName)
        var metadata = ArticleMetadata(title: title, date: names.date, slug: names.slug(orTitle: title))
        if let next = paragraphs.first, image(in: next) == nil {
            metadata.standfirst = next.lines.joined(separator: " ")
            paragraphs = paragraphs.dropFirst()
        }
        if let next = paragraphs.first, let image = image(in: next) {
            metadata.image = image
            paragraphs = paragraphs.dropFirst()
        }
        let body = paragraphs.map { paragraph in
            var inlines: [Inline] = []
            for (index, line) in paragraph.lines.enumerated() {
                if index > 0 { inlines.append(.softBreak) }
                inlines.append(.text(line))
            }
            return Block(.paragraph(inlines), at: SourceLocation(line: paragraph.firstLine, column: 1))
        }
        return Article(path: source.path, metadata: metadata, body: body)
    }

    /// Paragraphs separated by blank lines, with surrounding spaces trimmed from each line.
    static func paragraphs(of source: SourceText) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        for (index, rawLine) in source.lines.enumerated() {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty {
                if let paragraph = current { result.append(paragraph) }
                current = nil
            } else if current == nil {
                current = Paragraph(lines: [line], firstLine: index + 1)
            } else {
                current?.lines.append(line)
            }
        }
        if let paragraph = current { result.append(paragraph) }
        return result
    }

    /// A photo caption paragraph: its last line holds `Credit: …`. The caption is the first line
    /// (news sites repeat the caption with the credit on the second line), else the text before
    /// `Credit:`.
    static func image(in paragraph: Paragraph) -> ArticleImage? {
        guard let last = paragraph.lines.last, let marker = last.range(of: "Credit:") else { return nil }
        let credit = String(last[marker.upperBound...]).trimmingSpaces()
        let before = String(last[..<marker.lowerBound]).trimmingSpaces()
        let caption = paragraph.lines.count > 1 ? paragraph.lines[0] : before
        return ArticleImage(
            source: nil, caption: caption.isEmpty ? nil : caption, credit: credit.isEmpty ? nil : credit,
            alt: caption.isEmpty ? nil : caption)
    }
}
