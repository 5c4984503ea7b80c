import ArchiveModel
import Foundation

/// Every URL the site links to, built from one place so that a site published under a sub-path
/// (`https://example.org/archive/`) has every internal link under that path.
public struct SiteURLs: Sendable {
    /// Absolute base URL ending in "/".
    public let baseURL: String
    /// Path of the base URL, starting and ending in "/".
    public let basePath: String

    public init(config: SiteConfig) {
        baseURL = config.baseURL
        basePath = config.basePath
    }

    /// The root-relative URL of a site path such as `articles/x/` (`/archive/articles/x/`).
    public func path(_ sitePath: String) -> String { basePath + sitePath }

    /// The absolute URL of a site path, for canonical links and feeds.
    public func absolute(_ sitePath: String) -> String { baseURL + sitePath }

    public func article(_ slug: String) -> String { "articles/\(slug)/" }
    public func tag(_ slug: String) -> String { "tags/\(slug)/" }
    public func year(_ year: Int) -> String { "archive/\(year)/" }
    public func month(year: Int, month: Int) -> String { "archive/\(year)/\(ArticleDate.pad(month, 2))/" }
    public let undated = "archive/undated/"
    public func entity(_ type: EntityType, _ id: String) -> String { "\(type.folder)/\(id)/" }
    public func entityIndex(_ type: EntityType) -> String { "\(type.folder)/" }

    /// A URL written by an author (a Markdown link, an image src): root-relative URLs move under the
    /// base path; relative and absolute URLs stay; script URLs are dropped unless HTML is trusted.
    /// The URL is first read as a browser reads it (`normalized`), so that no control character
    /// hides a scheme from the check.
    public func content(_ url: String, allowUnsafe: Bool, isImage: Bool = false) -> String {
        let trimmed = Self.normalized(url)
        if !allowUnsafe && Self.isDangerous(trimmed, isImage: isImage) { return "" }
        if trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") {
            return basePath + trimmed.dropFirst()
        }
        return trimmed
    }

    /// A URL as the WHATWG URL parser sees it before reading its scheme: leading and trailing C0
    /// controls and spaces removed, tabs and line breaks removed wherever they are; any other
    /// control character or space left inside is percent-encoded, so the browser has nothing
    /// more to strip (`java&#x09;script:` is `javascript:` to a browser, and is checked as such).
    public static func normalized(_ url: String) -> String {
        let scalars = url.unicodeScalars
        let isC0OrSpace = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 }
        guard let first = scalars.firstIndex(where: { !isC0OrSpace($0) }),
            let last = scalars.lastIndex(where: { !isC0OrSpace($0) })
        else { return "" }
        var out = String.UnicodeScalarView()
        for scalar in scalars[first...last] {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x20, 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("%" + (hex.count == 1 ? "0" + hex : hex)).unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// An address from the site's own settings or entities.yml (an entity's website): kept only
    /// when it is an `http:` or `https:` URL, read as a browser would.
    public static func web(_ url: String) -> String? {
        let normalized = normalized(url)
        let lower = normalized.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? normalized : nil
    }

    /// An absolute URL for a URL as `content(_:)` returns it, on the page at `sitePath`: absolute URLs
    /// stay, root-relative ones get the base URL's scheme and host, relative ones the page's URL.
    public func absoluteContent(_ url: String, from sitePath: String) -> String? {
        guard !url.isEmpty else { return nil }
        if url.contains("://") { return url }
        if url.hasPrefix("//") { return "https:" + url }
        if url.hasPrefix("/") { return String(baseURL.dropLast(basePath.count)) + url }
        return absolute(sitePath) + url
    }

    /// Schemes that run code when followed (the same list cmark's safe mode uses).
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !(isImage && safeImages.contains { lower.hasPrefix($0) })
        }
        return ["javascript:", "vbscript:", "file:"].contains { lower.hasPrefix($0) }
    }
}
