import Foundation

/// A publication date as the author wrote it: the calendar day (used for the archive by year and
/// month) plus the instant (used for ordering and feeds). A date without a time is midnight UTC.
public struct ArticleDate: Sendable, Hashable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since 1970-01-01T00:00:00Z.
    public var instant: Double
    /// Whether the source gave a time of day, not just a date.
    public var hasTime: Bool

    public init(year: Int, month: Int, day: Int, instant: Double, hasTime: Bool) {
        self.year = year
        self.month = month
        self.day = day
        self.instant = instant
        self.hasTime = hasTime
    }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        lhs.instant < rhs.instant
    }

    /// `2014-11-07`.
    public var isoDay: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// `2014-11-07T09:30:00Z` (RFC 3339, in UTC), for `<time datetime>` and feeds.
    public var rfc3339: String {
        let seconds = Int(instant.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))T"
            + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))Z"
    }

    /// `value` in decimal, zero-padded to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Proleptic Gregorian day arithmetic without Foundation's Calendar (which is slow to build and
/// locale-dependent). Algorithms from Howard Hinnant's "chrono-compatible low-level date algorithms".
public enum CivilCalendar {
    /// Days since 1970-01-01 for a calendar day.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar day for a count of days since 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
