import ArchiveModel

/// Converts cmark's positions (1-based line, 1-based byte column) into offsets in Unicode scalars
/// from the start of the file, the unit every exported offset uses.
struct LineIndex {
    /// The file's scalars, for aligning parsed text with its source.
    let scalars: [Unicode.Scalar]
    /// Scalar offset of each line's first scalar; `lineStarts[0]` is line 1.
    private(set) var lineStarts: [Int] = [0]

    /// `base` is added to every offset (1 when a byte-order mark was dropped before decoding).
    init(text: String, base: Int = 0) {
        // One pass: `Array(text.unicodeScalars)` counts the scalars first, then copies them.
        let view = text.unicodeScalars
        scalars = Array(unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            for scalar in view {
                buffer[count] = scalar
                count += 1
            }
        }
        self.base = base
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            lineStarts.append(offset + 1)
        }
    }

    let base: Int

    /// The scalar offset (without `base`) of a byte column on a line, or nil past the file's end.
    func scalarOffset(line: Int, byteColumn: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return nil }
        var offset = lineStarts[line - 1]
        var bytes = byteColumn - 1
        while bytes > 0, offset < scalars.count {
            bytes -= UTF8.width(scalars[offset])
            offset += 1
        }
        return offset
    }
}

/// Aligns text produced by a parser with the source it came from, scalar by scalar, inside a
/// known source span. Escapes, entities and markup are skipped; smart punctuation maps to the
/// straight marks it replaced ("--" → "–", "..." → "…").
enum SourceAligner {
    static func align(
        _ text: [Unicode.Scalar], textStart: Int, source: [Unicode.Scalar], span: Range<Int>, base: Int,
        into map: inout SourceMap
    ) {
        var j = span.lowerBound
        let end = min(span.upperBound, source.count)
        for (i, scalar) in text.enumerated() {
            var probe = j
            var matchedWidth = 0
            while probe < end {
                matchedWidth = width(of: scalar, in: source, at: probe, end: end)
                if matchedWidth > 0 { break }
                probe += 1
            }
            if probe >= end {
                // Nothing left to match: keep offsets monotonic by pointing at the last position.
                map.append(text: textStart + i, source: base + max(span.lowerBound, min(j, end) - 1))
                continue
            }
            map.append(text: textStart + i, source: base + probe)
            j = probe + matchedWidth
        }
    }

    /// How many source scalars at `index` stand for `scalar` (0 when they do not).
    private static func width(of scalar: Unicode.Scalar, in source: [Unicode.Scalar], at index: Int, end: Int) -> Int {
        let found = source[index]
        if found == scalar { return 1 }
        switch scalar {
        case "\u{201C}", "\u{201D}": return found == "\"" ? 1 : 0
        case "\u{2018}", "\u{2019}": return found == "'" ? 1 : 0
        case "\u{2013}": return dashes(source, index, end) >= 2 ? 2 : 0
        case "\u{2014}": return dashes(source, index, end) >= 3 ? 3 : (dashes(source, index, end) == 2 ? 2 : 0)
        case "\u{2026}":
            return index + 2 < end && source[index] == "." && source[index + 1] == "." && source[index + 2] == "."
                ? 3 : 0
        case " ": return found == "\n" || found == "\t" ? 1 : 0
        default:
            // An entity or numeric character reference (&amp; &#8220;) stands for one scalar.
            if found == "&", let semicolon = source[index..<min(end, index + 32)].firstIndex(of: ";") {
                return semicolon - index + 1
            }
            return 0
        }
    }

    private static func dashes(_ source: [Unicode.Scalar], _ index: Int, _ end: Int) -> Int {
        var count = 0
        while index + count < end, source[index + count] == "-" { count += 1 }
        return count
    }
}
