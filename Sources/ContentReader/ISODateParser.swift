import ArchiveModel

/// Parses the ISO 8601 dates front matter uses: `2014-11-07`, `2014-11-07T09:30`,
/// `2014-11-07T09:30:15Z`, `2014-11-07 09:30:15+01:00` (fractions of a second are ignored).
public enum ISODateParser {
    /// The parsed date, or nil when the text is not such a date or names an impossible day or time.
    public static func parse(_ text: String) -> ArticleDate? {
        var scanner = DigitScanner(Array(text.trimmingSpaces().utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"),
            let month = scanner.number(digits: 2), scanner.take("-"),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        let days = Double(CivilCalendar.days(year: year, month: month, day: day))
        if scanner.atEnd {
            return ArticleDate(year: year, month: month, day: day, instant: days * 86_400, hasTime: false)
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
            let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        if scanner.take(":") {
            guard let s = scanner.number(digits: 2), s < 61 else { return nil }
            second = s
            if scanner.take(".") || scanner.take(",") { scanner.skipDigits() }
        }
        _ = scanner.take(" ")
        guard let offset = scanner.zoneOffsetSeconds(), scanner.atEnd else { return nil }
        let instant = days * 86_400 + Double(hour * 3600 + minute * 60 + second - offset)
        return ArticleDate(year: year, month: month, day: day, instant: instant, hasTime: true)
    }
}

/// A cursor over ASCII bytes for the fixed-width fields of ISO dates.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func skipDigits() {
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }

    /// `Z`, `±HH:MM`, `±HHMM`, `±HH`, or nothing (UTC); nil when malformed.
    mutating func zoneOffsetSeconds() -> Int? {
        if atEnd || take("Z") || take("z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours < 24 else { return nil }
        _ = take(":")
        let minutes = atEnd ? 0 : number(digits: 2)
        guard let minutes, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
