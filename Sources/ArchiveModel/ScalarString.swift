extension String {
    /// The string of a run of scalars, encoded straight into UTF-8: building a
    /// `String.UnicodeScalarView` from a slice appends scalar by scalar through generic code, which
    /// was 1.5 % of a build in quotation anchors alone.
    @inlinable
    public init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let value = scalar.value
            switch value {
            case ..<0x80:
                bytes.append(UInt8(value))
            case ..<0x800:
                bytes.append(UInt8(0xC0 | value >> 6))
                bytes.append(UInt8(0x80 | value & 0x3F))
            case ..<0x1_0000:
                bytes.append(UInt8(0xE0 | value >> 12))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | value >> 18))
                bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// The text with each paragraph break (`"\n\n"`, as quotations spanning paragraphs hold them)
    /// made one space, for lists that show a quotation on one line. Works on the UTF-8 bytes:
    /// Foundation's `replacingOccurrences` bridged every quotation through NSString.
    public var joiningParagraphs: String {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count > 1, bytes.contains(0x0A) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    out.append(0x20)
                    index += 2
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
