import ArchiveModel

/// Dates as readers see them ("7 November 2014"), without DateFormatter's per-call cost.
public enum DateText {
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `7 November 2014`.
    public static func long(_ date: ArticleDate) -> String {
        "\(date.day) \(monthName(date.month)) \(date.year)"
    }

    /// `November 2014`.
    public static func month(_ month: Int, year: Int) -> String {
        "\(monthName(month)) \(year)"
    }

    public static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : String(month)
    }
}
