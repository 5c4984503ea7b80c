import ArchiveModel

/// A stretch of quoted text before attribution: where it starts and ends (inside its marks) and,
/// for a multi-paragraph quotation, the piece in each paragraph.
struct QuoteSpan {
    /// Unit and scalar range of each piece, in order.
    var pieces: [(unit: Int, range: Range<Int>)]
    /// The opening mark of the first piece and the closing mark of the last (nil when unclosed).
    var openMark: TextPosition
    var closeMark: TextPosition?

    var start: TextPosition { TextPosition(unit: pieces[0].unit, offset: pieces[0].range.lowerBound) }
    var end: TextPosition {
        let last = pieces[pieces.count - 1]
        return TextPosition(unit: last.unit, offset: last.range.upperBound)
    }
    var isUnclosed: Bool { closeMark == nil }
}

/// Finds quotations by their marks across an article's units: curly and straight double marks (mixed
/// pairs and a stray space inside a mark are tolerated) and their doubled forms (`''`, ``` `` ```),
/// single marks as the headline's quotes,
/// never apostrophes — or, in an article whose paragraphs quote in single marks, those
/// (`SingleQuoteMarks`). A paragraph that opens a quotation without closing it continues into the
/// next paragraph that opens with a mark; otherwise it ends, unclosed, at its paragraph's end.
/// Single marks inside a double quotation stay inside it.
enum QuoteMarks {
    static func spans(in scans: [UnitScan], roles: [TextUnit.Role]) -> [QuoteSpan] {
        if SingleQuoteMarks.isHouseStyle(scans, roles: roles) {
            return SingleQuoteMarks.spans(in: scans, roles: roles).compactMap { trimmed($0, scans: scans) }
        }
        var spans: [QuoteSpan] = []
        var open: QuoteSpan?
        var openFrom = 0
        for (unit, scan) in scans.enumerated() {
            let scalars = scan.scalars
            var index = 0
            if var continuing = open {
                // A quotation left open continues only into a paragraph that opens with a mark.
                let first = scalars.firstIndex { !ScalarClass.isWhitespace($0) }
                if roles[unit] == .paragraph, let first, let width = openingWidth(scalars, first) {
                    continuing.pieces.append((unit, first + width..<first + width))
                    open = continuing
                    openFrom = first + width
                    index = first + width
                } else {
                    spans.append(continuing)
                    open = nil
                }
            }
            let singlesAreQuotes = roles[unit] == .headline
            var single: Int?
            while index < scalars.count {
                let scalar = scalars[index]
                // Looked for only at the four characters a doubled mark is made of: this loop
                // visits every character of the article.
                let doubled =
                    scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "\u{2018}"
                    ? doubledMark(scalars, index) : nil
                if var current = open {
                    if scalar == "\u{201D}" || scalar == "\"" || doubled == .either {
                        current.pieces[current.pieces.count - 1].range = openFrom..<index
                        current.closeMark = TextPosition(unit: unit, offset: index)
                        spans.append(current)
                        open = nil
                        if doubled != nil { index += 1 }
                    } else if scalar == "\u{201C}" || doubled == .opening {
                        // A new opening mark before a close: the previous quotation was never closed.
                        let width = doubled == nil ? 1 : 2
                        current.pieces[current.pieces.count - 1].range = openFrom..<index
                        spans.append(current)
                        open = QuoteSpan(
                            pieces: [(unit, index + width..<index + width)],
                            openMark: TextPosition(unit: unit, offset: index))
                        openFrom = index + width
                        index += width - 1
                    }
                } else if let width = openingWidth(scalars, index) {
                    open = QuoteSpan(
                        pieces: [(unit, index + width..<index + width)],
                        openMark: TextPosition(unit: unit, offset: index))
                    openFrom = index + width
                    index += width - 1
                    single = nil
                } else if doubled != nil {
                    // A doubled closing mark with no quotation open: neither two apostrophes nor one.
                    index += 1
                } else if singlesAreQuotes {
                    if let start = single, isClosingSingle(scalars, index) {
                        spans.append(
                            QuoteSpan(
                                pieces: [(unit, start + 1..<index)], openMark: TextPosition(unit: unit, offset: start),
                                closeMark: TextPosition(unit: unit, offset: index)))
                        single = nil
                    } else if single == nil, isOpeningSingle(scalars, index) {
                        single = index
                    }
                }
                index += 1
            }
            if var current = open {
                current.pieces[current.pieces.count - 1].range = openFrom..<scalars.count
                open = current
            }
        }
        if let current = open { spans.append(current) }
        return spans.compactMap { trimmed($0, scans: scans) }
    }

    /// “ or ", the marks that open a quotation in double marks.
    static func isDoubleMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{201C}" || scalar == "\""
    }

    /// A double quotation mark written as two characters, as news archives and their exports
    /// hold them: two apostrophes for both marks (''…'', the New York Times' archive text; ’’
    /// likewise) or two backticks or two opening single marks for the opening one (``…'').
    enum DoubledMark { case opening, either }

    static func doubledMark(_ scalars: [Unicode.Scalar], _ index: Int) -> DoubledMark? {
        guard index + 1 < scalars.count, let mark = doubled(scalars[index], scalars[index + 1]) else { return nil }
        return mark == "\"" ? .either : .opening
    }

    /// The double mark two equal characters stand for: " for '' or ’’ (either mark), “ for `` or
    /// ‘‘ (an opening one); nil for anything else. The tokenizer reads them the same way.
    static func doubled(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
        guard first == second else { return nil }
        switch first {
        case "'", "\u{2019}": return "\""
        case "`", "\u{2018}": return "\u{201C}"
        default: return nil
        }
    }

    /// The width of the opening double mark at `index` (1 for “ or ", 2 for a doubled one), or nil.
    static func openingWidth(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
        if isDoubleMark(scalars[index]) { return 1 }
        return doubledMark(scalars, index) != nil ? 2 : nil
    }

    /// ‘ or ' at the start of a word: after a space or an opening bracket, before a letter.
    private static func isOpeningSingle(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard scalars[index] == "\u{2018}" || scalars[index] == "'", index + 1 < scalars.count,
            ScalarClass.isLetter(scalars[index + 1]) || ScalarClass.isDigit(scalars[index + 1])
        else { return false }
        return index == 0 || ScalarClass.isWhitespace(scalars[index - 1])
            || "([—–-".unicodeScalars.contains(scalars[index - 1])
    }

    /// ’ or ' at the end of a word and not followed by a letter (so not "don’t" or "Britain’s").
    private static func isClosingSingle(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard scalars[index] == "\u{2019}" || scalars[index] == "'", index > 0,
            !ScalarClass.isWhitespace(scalars[index - 1])
        else { return false }
        return index + 1 == scalars.count || !ScalarClass.isLetter(scalars[index + 1])
    }

    /// Drops whitespace just inside the marks ("  there are"); a quotation with no words is dropped.
    private static func trimmed(_ span: QuoteSpan, scans: [UnitScan]) -> QuoteSpan? {
        var span = span
        span.pieces = span.pieces.compactMap { piece in
            let scalars = scans[piece.unit].scalars
            var lower = piece.range.lowerBound
            var upper = min(piece.range.upperBound, scalars.count)
            while lower < upper, ScalarClass.isWhitespace(scalars[lower]) { lower += 1 }
            while upper > lower, ScalarClass.isWhitespace(scalars[upper - 1]) { upper -= 1 }
            return lower < upper ? (piece.unit, lower..<upper) : nil
        }
        let hasWords = span.pieces.contains { piece in
            scans[piece.unit].scalars[piece.range].contains { ScalarClass.isLetter($0) || ScalarClass.isDigit($0) }
        }
        return hasWords ? span : nil
    }
}
