import Foundation

/// Finds internal links in built HTML that do not lead to a file, so end-to-end tests can assert
/// that every page of a built site is reachable under its base path.
enum LinkCheck {
    /// `(page, link)` for every `href`/`src` under `basePath` that has no file in `output` (or whose
    /// `#fragment` names no `id` there), and every root-relative link outside `basePath`.
    static func brokenLinks(in output: URL, basePath: String) -> [(page: String, link: String)] {
        var broken: [(String, String)] = []
        let pattern = try? NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        guard let pattern, let files = FileManager.default.enumerator(atPath: output.path) else { return [] }
        for case let file as String in files where file.hasSuffix(".html") {
            guard let html = try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8) else {
                continue
            }
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let link = String(html[range]).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("#") {
                    if link.count > 1, !html.contains("id=\"\(link.dropFirst())\"") { broken.append((file, link)) }
                    continue
                }
                guard link.hasPrefix("/"), !link.hasPrefix("//") else { continue }
                let path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                guard path.hasPrefix(basePath) else {
                    broken.append((file, link))
                    continue
                }
                var target = String(path.dropFirst(basePath.count))
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                guard let page = try? String(contentsOf: output.appendingPathComponent(target), encoding: .utf8) else {
                    broken.append((file, link))
                    continue
                }
                let parts = link.split(separator: "#", maxSplits: 1)
                if parts.count == 2, !page.contains("id=\"\(parts[1])\"") { broken.append((file, link)) }
            }
        }
        return broken
    }
}
