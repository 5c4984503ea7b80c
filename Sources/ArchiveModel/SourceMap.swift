/// Maps offsets in a text unit's plain text back to offsets in its source file, both counted in
/// Unicode scalars. Stored as runs in which both advance together, so a paragraph costs a few
/// integers however long it is; markup, escapes and smart punctuation fall between runs.
public struct SourceMap: Sendable, Hashable {
    /// `length` scalars starting at `textOffset` in the text come from `sourceOffset` in the file.
    public struct Run: Sendable, Hashable {
        public var textOffset: Int
        public var sourceOffset: Int
        public var length: Int

        public init(textOffset: Int, sourceOffset: Int, length: Int) {
            self.textOffset = textOffset
            self.sourceOffset = sourceOffset
            self.length = length
        }
    }

    public private(set) var runs: [Run]

    public init(runs: [Run] = []) {
        self.runs = runs
    }

    /// Records that text offset `text` comes from source offset `source`, extending the last run
    /// when both simply advance by one.
    public mutating func append(text: Int, source: Int) {
        if let last = runs.last, last.textOffset + last.length == text, last.sourceOffset + last.length == source {
            runs[runs.count - 1].length += 1
        } else {
            runs.append(Run(textOffset: text, sourceOffset: source, length: 1))
        }
    }

    /// Appends another map whose text offsets start at `textShift` in this one.
    public mutating func append(_ other: SourceMap, textShift: Int) {
        for run in other.runs {
            runs.append(Run(textOffset: run.textOffset + textShift, sourceOffset: run.sourceOffset, length: run.length))
        }
    }

    /// The source offset of the scalar at `textOffset`, or of the nearest mapped scalar before it.
    public func sourceOffset(of textOffset: Int) -> Int? {
        var low = 0
        var high = runs.count - 1
        var found: Run?
        while low <= high {
            let middle = (low + high) / 2
            if runs[middle].textOffset <= textOffset {
                found = runs[middle]
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        guard let run = found else { return runs.first?.sourceOffset }
        return run.sourceOffset + min(textOffset - run.textOffset, run.length - 1)
    }

    /// The source range of the text range `start..<end` (end exclusive).
    public func sourceRange(start: Int, end: Int) -> Range<Int>? {
        guard end > start, let first = sourceOffset(of: start), let last = sourceOffset(of: end - 1) else { return nil }
        return first..<(last + 1)
    }

    public var isEmpty: Bool { runs.isEmpty }
}
