import ArchiveModel

/// The text of a source file, decoded and split into lines, with the checks every reader needs:
/// valid UTF-8 (an error naming the first bad byte's line and column) and no byte-order mark.
public struct SourceText: Sendable {
    /// The path shown in diagnostics, relative to the site folder.
    public let path: String
    public let text: String
    /// Scalars dropped before `text` starts (1 for a byte-order mark), so offsets into `text` plus
    /// this count from the start of the file.
    public private(set) var scalarBase = 0

    /// Decodes `bytes` as UTF-8 or throws a diagnostic pointing at the first invalid byte.
    public init(path: String, bytes: [UInt8]) throws(Diagnostic) {
        self.path = path
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) {
            content = content.dropFirst(3)
            scalarBase = 1
        }
        guard let decoded = String(validating: content, as: UTF8.self) else {
            let (line, column) = Self.locateInvalidByte(in: content)
            throw Diagnostic(
                file: path, line: line, column: column, message: "the file is not valid UTF-8",
                hint:
                    "save the file as UTF-8 (most editors have an 'encoding' option), or run: iconv -f latin1 -t utf-8")
        }
        self.text = decoded
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Lines without their terminators ("\n" or "\r\n"); line 1 is `lines[0]`.
    public var lines: [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    private static func locateInvalidByte(in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let width = Self.validSequenceLength(bytes, at: index)
            if width == 0 { break }
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += width
        }
        let prefix = bytes[lineStart..<index]
        let column = (String(validating: prefix, as: UTF8.self)?.unicodeScalars.count ?? prefix.count) + 1
        return (line, column)
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let width: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return 0
        }
        guard index + width <= bytes.endIndex,
            String(validating: bytes[index..<index + width], as: UTF8.self) != nil
        else { return 0 }
        return width
    }
}
