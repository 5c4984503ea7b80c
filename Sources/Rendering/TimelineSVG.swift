/// A bar chart of mentions per month as an inline SVG: one bar per month from the first month with
/// a mention to the last, each with a tooltip; sized by the page's CSS, accessible by its label.
public enum TimelineSVG {
    /// `months` maps `year * 12 + month - 1` to a count; returns "" when there is nothing to draw.
    public static func render(months: [Int: Int], width: Int = 640, height: Int = 120) -> String {
        guard let firstKey = months.keys.min(), let lastKey = months.keys.max(), let peak = months.values.max(),
            peak > 0
        else { return "" }
        // Whole calendar years, so one busy month reads as a bar in a year, not a wall.
        let first = firstKey / 12 * 12
        let last = lastKey / 12 * 12 + 11
        let span = last - first + 1
        let barWidth = Double(width) / Double(span)
        let chartHeight = Double(height - 20)
        let label = "Mentions per month, \(monthName(first)) to \(monthName(last)); most in one month: \(peak)"
        var svg =
            "<svg class=\"timeline\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\""
        svg += " preserveAspectRatio=\"none\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<line x1=\"0\" y1=\"\(Int(chartHeight))\" x2=\"\(width)\" y2=\"\(Int(chartHeight))\" class=\"axis\"/>"
        for (key, count) in months.sorted(by: { $0.key < $1.key }) where count > 0 {
            let barHeight = max(2, chartHeight * Double(count) / Double(peak))
            let x = Double(key - first) * barWidth
            svg +=
                "<rect x=\"\(format(x))\" y=\"\(format(chartHeight - barHeight))\" width=\"\(format(max(barWidth - 1, 1)))\""
            svg += " height=\"\(format(barHeight))\"><title>\(monthName(key)): \(count)</title></rect>"
        }
        svg += "<text x=\"0\" y=\"\(height - 4)\">\(monthName(first))</text>"
        if last != first {
            svg += "<text x=\"\(width)\" y=\"\(height - 4)\" text-anchor=\"end\">\(monthName(last))</text>"
        }
        return svg + "</svg>"
    }

    static func monthName(_ key: Int) -> String {
        DateText.month(key % 12 + 1, year: key / 12)
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
