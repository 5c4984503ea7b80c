import ArchiveModel

/// Quotations in single marks, for the house styles that quote speech that way (‘We’ve lost
/// half our customers,’ said Ms Fitch), many British papers among them; double marks are then
/// quotations inside quotations. Single marks are also apostrophes, so a closing mark is chosen
/// with care: the first one after punctuation or before it (`customers,’`, `‘a disaster’,`)
/// before the next opening mark, else the first at a word's end (`‘unworkable’ and`), so that
/// `the workers’ union` inside a quotation does not end it. An opening mark starts a word:
/// after a space, a bracket or a dash, before a letter (so not `’60s`); one never followed by a
/// closing mark (`rock ’n’ roll`) does not interrupt the quotation it sits in.
enum SingleQuoteMarks {
    /// Whether the article's paragraphs quote in single marks: more single opening marks outside
    /// double quotations than double quotations, which such an article uses inside its quotations
    /// and for titles (an article quoting in double marks has its single marks inside them).
    static func isHouseStyle(_ scans: [UnitScan], roles: [TextUnit.Role]) -> Bool {
        var singles = 0
        var doubles = 0
        for (unit, scan) in scans.enumerated() where roles[unit] == .paragraph {
            var inDouble = false
            // Marks are tokens of their own: a walk over the tokens, not every letter.
            for token in scan.tokens {
                guard let mark = token.mark else { continue }
                switch mark {
                case "\u{201C}":
                    inDouble = true
                    doubles += 1
                case "\u{201D}":
                    inDouble = false
                case "\"":
                    inDouble.toggle()
                    if inDouble { doubles += 1 }
                default:
                    // A doubled mark ('' or ``) stands for a double one.
                    if QuoteMarks.doubledMark(scan.scalars, token.start) != nil {
                        inDouble.toggle()
                        if inDouble { doubles += 1 }
                    } else if !inDouble, isOpening(scan.scalars, token.start) {
                        singles += 1
                    }
                }
            }
        }
        return singles > doubles
    }

    /// Spans in every unit, a quotation left open continuing into the next paragraph that opens
    /// with a mark (as for double marks).
    static func spans(in scans: [UnitScan], roles: [TextUnit.Role]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var open: QuoteSpan?
        for (unit, scan) in scans.enumerated() {
            let scalars = scan.scalars
            var cursor = 0
            if var continuing = open {
                open = nil
                let first = scalars.firstIndex { !ScalarClass.isWhitespace($0) }
                if roles[unit] == .paragraph, let first, isOpening(scalars, first) {
                    continuing.pieces.append((unit, first + 1..<first + 1))
                    open = continuing
                    cursor = first + 1
                } else {
                    spans.append(continuing)
                }
            }
            let openings = scalars.indices.filter { isOpening(scalars, $0) }
            let closings = scalars.indices.compactMap { index in strength(scalars, index).map { (index, $0) } }
            while true {
                if var current = open {
                    let from = cursor
                    guard let close = closing(after: from, openings: openings, closings: closings) else {
                        current.pieces[current.pieces.count - 1].range = from..<scalars.count
                        open = current
                        break
                    }
                    current.pieces[current.pieces.count - 1].range = from..<close
                    current.closeMark = TextPosition(unit: unit, offset: close)
                    spans.append(current)
                    open = nil
                    cursor = close + 1
                } else {
                    guard let start = openings.first(where: { $0 >= cursor }) else { break }
                    open = QuoteSpan(
                        pieces: [(unit, start + 1..<start + 1)], openMark: TextPosition(unit: unit, offset: start))
                    cursor = start + 1
                }
            }
        }
        if let open { spans.append(open) }
        return spans
    }

    /// The closing mark of a quotation whose words start at `from`: within the stretch up to the
    /// next opening mark that has a closing mark before it, the first strong closing mark, else
    /// the first weak one.
    private static func closing(after from: Int, openings: [Int], closings: [(Int, Bool)]) -> Int? {
        let ahead = closings.drop { $0.0 < from }
        guard let firstClosing = ahead.first?.0 else { return nil }
        let limit = openings.first { $0 > firstClosing } ?? Int.max
        let window = ahead.prefix { $0.0 < limit }
        return (window.first { $0.1 } ?? window.first)?.0
    }

    /// ‘ or ' starting a word: at the start or after a space, bracket, dash or double mark, and
    /// before a letter. Also ’ there: Markdown's smart punctuation turns an opening mark it finds
    /// no closing mark for in its paragraph (a quotation running on into the next) into ’.
    static func isOpening(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar == "\u{2018}" || scalar == "'" || scalar == "\u{2019}", index + 1 < scalars.count,
            ScalarClass.isLetter(scalars[index + 1])
        else { return false }
        return index == 0 || ScalarClass.isWhitespace(scalars[index - 1])
            || "([\u{2014}\u{2013}-\u{201C}\"".unicodeScalars.contains(scalars[index - 1])
    }

    /// ’ or ' ending a word: strong (true) after punctuation or before punctuation or the end,
    /// weak (false) between a word and a space; nil when it is not a closing mark at all
    /// (`don’t`, `’60s`).
    static func strength(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool? {
        let scalar = scalars[index]
        guard scalar == "\u{2019}" || scalar == "'", index > 0, !ScalarClass.isWhitespace(scalars[index - 1]) else {
            return nil
        }
        guard index + 1 < scalars.count else { return true }
        let next = scalars[index + 1]
        if ScalarClass.isLetter(next) || ScalarClass.isDigit(next) { return nil }
        if ".,!?;:\u{2026}".unicodeScalars.contains(scalars[index - 1]) { return true }
        return ".,!?;:\u{2026})\u{2014}\u{2013}\u{201D}\"".unicodeScalars.contains(next)
    }
}
