/// Escaping for text placed in HTML element content and attribute values.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'` so any text is safe both as content and in a quoted
    /// attribute. Control characters other than tab and line breaks are dropped (HTML has no use
    /// for them, and a NUL is a parse error), and a right-to-left override or isolate the text
    /// leaves open is closed at its end, so that no value turns the text around it backwards (an
    /// article title that reverses the site name after it in `<title>`).
    public static func escape(_ text: String) -> String {
        // Every value a template prints comes here: most have nothing to escape, and are scanned as
        // contiguous bytes (the characters looked for are ASCII or start with 0xE2, and UTF-8
        // never uses ASCII bytes inside a longer character, so bytes can be escaped one by one).
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = firstToEscape(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            var bidi = BidiBalance()
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                case _ where isDroppedControl(byte): break
                case 0xE2 where index + 2 < bytes.count:
                    bidi.note(bytes[index + 1], bytes[index + 2])
                    out.append(byte)
                default: out.append(byte)
                }
                index += 1
            }
            bidi.close(into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The first byte that needs escaping, dropping or watching (the lead byte of a bidi control).
    @inline(__always)
    private static func firstToEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || isDroppedControl(byte)
            {
                return index
            }
            if byte == 0xE2, index + 2 < bytes.count, BidiBalance.isControl(bytes[index + 1], bytes[index + 2]) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// C0 controls but tab, line feed and carriage return, and DEL.
    @inline(__always)
    static func isDroppedControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }
}

/// The explicit bidi controls a text opens and closes (Unicode's UAX #9): embeddings and
/// overrides (U+202A, U+202B, U+202D, U+202E, closed by U+202C) and isolates (U+2066–U+2068,
/// closed by U+2069), as the bytes after a 0xE2 lead byte.
struct BidiBalance {
    private var embeddings = 0
    private var isolates = 0

    static func isControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }

    mutating func note(_ second: UInt8, _ third: UInt8) {
        switch (second, third) {
        case (0x80, 0xAA), (0x80, 0xAB), (0x80, 0xAD), (0x80, 0xAE): embeddings += 1
        case (0x80, 0xAC): embeddings = max(0, embeddings - 1)
        case (0x81, 0xA6), (0x81, 0xA7), (0x81, 0xA8): isolates += 1
        case (0x81, 0xA9): isolates = max(0, isolates - 1)
        default: break
        }
    }

    /// Appends a closing control for each one left open.
    func close(into out: inout [UInt8]) {
        for _ in 0..<embeddings { out.append(contentsOf: [0xE2, 0x80, 0xAC]) }
        for _ in 0..<isolates { out.append(contentsOf: [0xE2, 0x81, 0xA9]) }
    }
}
