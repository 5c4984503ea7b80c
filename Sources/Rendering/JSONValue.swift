/// JSON built in code with object keys kept in the order written, for exports whose field order
/// is part of a documented contract and must be byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON text (one line), non-ASCII characters kept as UTF-8. `forScript` also writes
    /// `<` as `\u003c`, so no `</script>` in a string can end an HTML script element early.
    public func serialized(forScript: Bool = false) -> String {
        // Bytes rather than a String while writing: appending many small pieces to a String
        // checks its storage and encoding on every append, a third of writing a 100 MB export.
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, forScript: forScript)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text to `out` (`serialized` without making a string of each value).
    func write(into out: inout [UInt8], forScript: Bool = false) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out, forScript: forScript)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value): out.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out, forScript: forScript)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(pair.0, into: &out, forScript: forScript)
                out.append(UInt8(ascii: ":"))
                pair.1.write(into: &out, forScript: forScript)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or 0xE2 (which starts
    /// U+2028/U+2029, and curly quotation marks too), or `<` when `forScript`, with the usual
    /// word-at-a-time bit tricks.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64, forScript: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2)) || (forScript && hasZeroByte(word ^ (ones &* 0x3C)))
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes, control characters and
    /// U+2028/U+2029 (E2 80 A8/A9, which some JavaScript parsers take for line ends). One pass over
    /// the UTF-8 bytes, copying the runs between escapes whole: selectors' context holds quotation
    /// marks, so most quotations of an export have something to escape.
    private static func writeString(_ text: String, into out: inout [UInt8], forScript: Bool) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var position = 0
            while position < bytes.count {
                // Eight bytes at a time while none of them can need escaping.
                if position + 8 <= bytes.count,
                    !mayNeedEscaping(
                        UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self),
                        forScript: forScript)
                {
                    position += 8
                    continue
                }
                let byte = bytes[position]
                let escape: StaticString?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C where forScript: escape = "\\u003c"
                case 0..<0x20: escape = "\\u00"
                case 0xE2
                where position + 2 < bytes.count && bytes[position + 1] == 0x80
                    && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9):
                    escape = bytes[position + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: escape = nil
                }
                guard let escape else {
                    position += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                if escape.utf8CodeUnitCount == 4 {
                    // `\u00` and the control character's two hex digits.
                    let digits: StaticString = "0123456789abcdef"
                    out.append(digits.utf8Start[Int(byte >> 4)])
                    out.append(digits.utf8Start[Int(byte & 0xF)])
                }
                position += width
                start = position
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
