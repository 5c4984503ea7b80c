import ArchiveModel

/// Reads an article pasted from a news site as plain text: the headline on the first line, the
/// standfirst in the next paragraph, an optional photo caption paragraph whose last line carries
/// `Credit: …`, then the body paragraphs. Text is kept exactly as written (no smart punctuation),
/// and every paragraph keeps a map back to its place in the file.
public enum PlainTextArticleParser {
    /// One trimmed line and the scalar offset of its first character in the file.
    struct Line {
        var text: String
        var offset: Int
        var length: Int
    }

    /// A paragraph: its lines and the file line it starts on.
    struct Paragraph {
        var lines: [Line]
        var firstLine: Int

        /// The lines joined by single spaces, with the map back to the file.
        var unit: (text: String, map: SourceMap) {
            var map = SourceMap()
            var length = 0
            for (index, line) in lines.enumerated() {
                if index > 0 {
                    map.append(text: length, source: lines[index - 1].offset + lines[index - 1].length)
                    length += 1
                }
                for position in 0..<line.length { map.append(text: length + position, source: line.offset + position) }
                length += line.length
            }
            return (lines.map(\.text).joined(separator: " "), map)
        }
    }

    /// The metadata and body of `source`; the date and slug come from `fileName`.
    public static func parse(_ source: SourceText, fileName: String) throws(Diagnostic) -> Article {
        var paragraphs = Self.paragraphs(of: source)[...]
        guard let headline = paragraphs.popFirst() else {
            throw Diagnostic(
                file: source.path, line: 1, column: 1, message: "the article is empty",
                hint: "a plain-text article starts with its headline on the first line")
        }
        let title = headline.unit
        let names = FileNameInfo(fileName: fileName)
        var metadata = ArticleMetadata(title: title.text, date: names.date, slug: names.slug(orTitle: title.text))
        metadata.titleMap = title.map
        if let next = paragraphs.first, image(in: next) == nil {
            (metadata.standfirst, metadata.standfirstMap) = next.unit
            paragraphs = paragraphs.dropFirst()
        }
        if let next = paragraphs.first, let image = image(in: next) {
            metadata.image = image
            let unit = next.unit
            metadata.captionUnit = TextUnit(role: .caption, text: unit.text, sourceMap: unit.map)
            paragraphs = paragraphs.dropFirst()
        }
        let body = paragraphs.map { paragraph in
            var inlines: [Inline] = []
            for (index, line) in paragraph.lines.enumerated() {
                if index > 0 { inlines.append(.softBreak) }
                inlines.append(.text(line.text))
            }
            return Block(
                .paragraph(inlines), at: SourceLocation(line: paragraph.firstLine, column: 1),
                sourceMap: paragraph.unit.map)
        }
        return Article(path: source.path, metadata: metadata, body: body)
    }

    /// Paragraphs separated by blank lines, with surrounding spaces trimmed from each line. The
    /// headline is the first line alone; and a block whose lines nearly all end a sentence is one
    /// paragraph a line, as wire copy and archive exports lay text out without blank lines (a
    /// block wrapped at a width keeps its lines together).
    static func paragraphs(of source: SourceText) -> [Paragraph] {
        var result: [Paragraph] = []
        for (index, block) in blocks(of: source).enumerated() {
            if index == 0, block.lines.count > 1 {
                result.append(Paragraph(lines: [block.lines[0]], firstLine: block.firstLine))
                let rest = Paragraph(lines: Array(block.lines.dropFirst()), firstLine: block.firstLine + 1)
                result += lineParagraphs(rest)
            } else {
                result += lineParagraphs(block)
            }
        }
        return result
    }

    /// The block as one paragraph a line when at least nine lines in ten end a sentence.
    static func lineParagraphs(_ block: Paragraph) -> [Paragraph] {
        guard block.lines.count > 1 else { return [block] }
        let ending = block.lines.filter { line in
            line.text.unicodeScalars.last.map { ".!?\"\u{201D}'\u{2019}:".unicodeScalars.contains($0) } ?? false
        }
        guard ending.count * 10 >= block.lines.count * 9 else { return [block] }
        return block.lines.enumerated().map { Paragraph(lines: [$1], firstLine: block.firstLine + $0) }
    }

    /// Blocks of lines separated by blank lines.
    static func blocks(of source: SourceText) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        for (index, raw) in scalarLines(of: source).enumerated() {
            guard let first = raw.scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                let last = raw.scalars.lastIndex(where: { !$0.properties.isWhitespace })
            else {
                if let paragraph = current { result.append(paragraph) }
                current = nil
                continue
            }
            let line = Line(
                text: String(scalars: raw.scalars[first...last]), offset: raw.offset + first,
                length: last - first + 1)
            if current == nil {
                current = Paragraph(lines: [line], firstLine: index + 1)
            } else {
                current?.lines.append(line)
            }
        }
        if let paragraph = current { result.append(paragraph) }
        return result
    }

    /// The file's lines as scalars without their terminators ("\n" or "\r\n"), with each line's
    /// offset from the start of the file.
    static func scalarLines(of source: SourceText) -> [(scalars: [Unicode.Scalar], offset: Int)] {
        var lines: [(scalars: [Unicode.Scalar], offset: Int)] = []
        var line: [Unicode.Scalar] = []
        var start = source.scalarBase
        var offset = source.scalarBase
        for scalar in source.text.unicodeScalars {
            offset += 1
            if scalar == "\n" {
                if line.last == "\r" { line.removeLast() }
                lines.append((line, start))
                line = []
                start = offset
            } else {
                line.append(scalar)
            }
        }
        if line.last == "\r" { line.removeLast() }
        lines.append((line, start))
        return lines
    }

    /// A photo caption paragraph: its last line holds `Credit: …`. The caption is the first line
    /// (news sites repeat the caption with the credit on the second line), else the text before
    /// `Credit:`.
    static func image(in paragraph: Paragraph) -> ArticleImage? {
        guard let last = paragraph.lines.last?.text, let marker = last.range(of: "Credit:") else { return nil }
        let credit = String(last[marker.upperBound...]).trimmingSpaces()
        let before = String(last[..<marker.lowerBound]).trimmingSpaces()
        let caption = paragraph.lines.count > 1 ? paragraph.lines[0].text : before
        return ArticleImage(
            source: nil, caption: caption.isEmpty ? nil : caption, credit: credit.isEmpty ? nil : credit,
            alt: caption.isEmpty ? nil : caption)
    }
}
