/// A start tag found in an HTML page: its name (lowercased), attributes (names lowercased, values
/// with character references decoded) and the line it starts on.
public struct HTMLTag: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var line: Int
}

/// Finds the start tags of an HTML page, as far as link checking needs: comments, doctype and the
/// text of `script`, `style` and `textarea` are skipped, attribute values may be quoted either way
/// or unquoted. Not a validating parser: it reads any page and never fails.
public enum HTMLScanner {
    public static func tags(in html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        var line = 1
        let count = bytes.count

        func advanceLines(to end: Int) {
            while index < end {
                if bytes[index] == 10 { line += 1 }
                index += 1
            }
        }
        func starts(_ needle: [UInt8], at position: Int) -> Bool {
            position + needle.count <= count && bytes[position..<position + needle.count].elementsEqual(needle)
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            var position = start
            while position + needle.count <= count {
                if starts(needle, at: position) { return position }
                position += 1
            }
            return nil
        }

        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                if bytes[index] == 10 { line += 1 }
                index += 1
                continue
            }
            if starts(Array("<!--".utf8), at: index) {
                advanceLines(to: (find(Array("-->".utf8), from: index + 4) ?? count - 3) + 3)
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            guard isLetter(next) else {
                index += 1
                continue
            }
            let tagLine = line
            var position = index + 1
            while position < count && isNameByte(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[(index + 1)..<position], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            // Attributes up to the closing ">".
            while position < count && bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
                    position += 1
                    continue
                }
                let nameStart = position
                while position < count && !isSpace(bytes[position]) && bytes[position] != UInt8(ascii: "=")
                    && bytes[position] != UInt8(ascii: ">")
                {
                    position += 1
                }
                let attribute = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
                while position < count && isSpace(bytes[position]) { position += 1 }
                var value = ""
                if position < count && bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < count && isSpace(bytes[position]) { position += 1 }
                    if position < count && (bytes[position] == 34 || bytes[position] == 39) {
                        let quote = bytes[position]
                        let start = position + 1
                        position = start
                        while position < count && bytes[position] != quote { position += 1 }
                        value = String(decoding: bytes[start..<min(position, count)], as: UTF8.self)
                        position += 1
                    } else {
                        let start = position
                        while position < count && !isSpace(bytes[position]) && bytes[position] != UInt8(ascii: ">") {
                            position += 1
                        }
                        value = String(decoding: bytes[start..<position], as: UTF8.self)
                    }
                }
                if !attribute.isEmpty && attributes[attribute] == nil { attributes[attribute] = decode(value) }
            }
            advanceLines(to: min(position + 1, count))
            tags.append(HTMLTag(name: name, attributes: attributes, line: tagLine))
            if ["script", "style", "textarea"].contains(name) {
                let closing = Array("</\(name)".utf8)
                var end = index
                // Case-insensitive search for the closing tag.
                while end < count {
                    if bytes[end] == UInt8(ascii: "<") && end + closing.count <= count
                        && bytes[end..<end + closing.count].map(lower).elementsEqual(closing)
                    {
                        break
                    }
                    end += 1
                }
                advanceLines(to: end)
            }
        }
        return tags
    }

    /// Decodes the character references links and ids use: `&amp;`, `&lt;`, `&gt;`, `&quot;`,
    /// `&#39;`, and numeric ones.
    static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let text = named[String(entity)] {
                out += text
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"),
                let code = UInt32(entity.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += after[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
