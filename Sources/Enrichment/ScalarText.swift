/// Conversions between Strings and scalar arrays, with fast paths for ASCII: enrichment counts
/// offsets in Unicode scalars, and these conversions were a third of its time.
enum ScalarText {
    /// The scalars of `text`.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    scalars.append(Unicode.Scalar(byte))
                    index += 1
                    continue
                }
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for offset in 1..<width where index + offset < bytes.count {
                    value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
                }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += width
            }
            return scalars
        }
    }

    /// The text of `scalars[range]`.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + 8)
        for scalar in scalars[range] {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
