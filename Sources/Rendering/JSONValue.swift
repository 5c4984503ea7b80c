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

    /// Compact JSON text (one line), non-ASCII characters kept as UTF-8.
    public func serialized() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .int(let value): out += String(value)
        case .number(let value): out += value.isFinite ? String(value) : "null"
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(pair.0, into: &out)
                out += ":"
                pair.1.write(into: &out)
            }
            out += "}"
        }
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or 0xE2 (which starts
    /// U+2028/U+2029, and curly quotation marks too), with the usual word-at-a-time bit tricks.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes, control characters and
    /// U+2028/U+2029 (E2 80 A8/A9, which some JavaScript parsers take for line ends). One pass over
    /// the UTF-8 bytes, appending the runs between escapes whole: selectors' context holds quotation
    /// marks, so most quotations of an export have something to escape.
    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var position = 0
            while position < bytes.count {
                // Eight bytes at a time while none of them can need escaping.
                if position + 8 <= bytes.count,
                    !Self.mayNeedEscaping(
                        UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
                {
                    position += 8
                    continue
                }
                let byte = bytes[position]
                let escape: String?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
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
                if start < position {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                }
                out += escape
                position += width
                start = position
            }
            if start == 0 {
                out += String(decoding: bytes, as: UTF8.self)
            } else if start < bytes.count {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            }
        }
        out += "\""
    }
}
