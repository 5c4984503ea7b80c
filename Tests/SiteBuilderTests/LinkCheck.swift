import ArchiveModel
import Foundation
import SiteChecker

/// The link checker of `broadsheet check`, for end-to-end tests that assert every page of a built
/// site is reachable under its base path.
enum LinkCheck {
    /// The checker's errors (broken links and fragments, duplicate ids, malformed XML) as
    /// `(page, message)`, for a site built with base_url `https://example.org` + `basePath`.
    static func brokenLinks(in output: URL, basePath: String) async -> [(page: String, link: String)] {
        let report = await SiteCheck(output: output, baseURL: "https://example.org" + basePath).run()
        return report.findings.filter { $0.severity == .error }.map { ($0.file, $0.message) }
    }
}
