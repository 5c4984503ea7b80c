import Foundation
import SiteBuilder
import TestSupport
import Testing

/// The small archive that the incremental-build tests edit, and the edits they make to it: five
/// dated stories, each quoting one person and naming Graham Pell and London.
enum EditedArchive {
    static let people = ["Eleanor Whitcombe", "Graham Pell", "Ravi Chandran", "Margaret Ellery", "Ananya Rao"]

    /// The edits `apply` knows.
    static let edits = ["title", "date", "tags", "quote", "entity", "delete", "add", "above"]

    /// Edits that change nothing any list shows, so that every list page is kept.
    static let unseenOnLists: Set = ["above"]

    /// Checks how many cross-article pages a rebuild after `edit` kept: all of them for an edit no
    /// list shows, otherwise some but not all.
    static func expectKeptPages(_ report: BuildReport, after edit: String) {
        if unseenOnLists.contains(edit) {
            #expect(report.reusedPages == report.pages - report.articles, "\(edit): a list page was rendered again")
        } else {
            #expect(report.reusedPages > 0, "\(edit): no cross-article page was kept")
            #expect(report.reusedPages < report.pages - report.articles, "\(edit): every cross-article page was kept")
        }
    }

    static func make() throws -> TemporarySite {
        let site = try TemporarySite(siteYAML: "title: T\nbase_url: https://example.org/news/\npaginate: 2\n")
        for (index, name) in people.enumerated() {
            try site.article(
                "2015-0\(index + 1)-0\(index + 1)-story-\(index).md",
                "title: Story \(index)\ntags: [t\(index % 2), shared]",
                body:
                    "\(name), who chairs the board, said: \"Number \(index) matters.\"\n\nShe met Graham Pell in London."
            )
        }
        return site
    }

    /// Makes one of `edits` to the third story (or adds a sixth).
    static func apply(_ edit: String, to site: TemporarySite) throws {
        switch edit {
        case "title":
            try site.article(
                "2015-03-03-story-2.md", "title: Renamed\ntags: [t0, shared]",
                body: "Ravi Chandran, who chairs the board, said: \"Number 2 matters.\"")
        case "date":
            try site.article(
                "2015-03-03-story-2.md", "title: Story 2\ndate: 2019-12-31\ntags: [t0, shared]",
                body: "Ravi Chandran spoke.")
        case "tags":
            try site.article("2015-03-03-story-2.md", "title: Story 2\ntags: [brand-new]", body: "Ravi Chandran spoke.")
        case "quote":
            try site.article(
                "2015-03-03-story-2.md", "title: Story 2\ntags: [t0, shared]",
                body: "Ravi Chandran, who chairs the board, said: \"A new quotation.\"")
        case "entity":
            try site.article(
                "2015-03-03-story-2.md", "title: Story 2\ntags: [t0, shared]",
                body: "Priya Raman, who runs the trust, met Graham Pell in Paris.")
        case "delete":
            try FileManager.default.removeItem(
                at: site.site.appendingPathComponent("Content/articles/2015-03-03-story-2.md"))
        case "above":
            // A paragraph above the quotation: it moves in the file, which only the exports show.
            try site.article(
                "2015-03-03-story-2.md", "title: Story 2\ntags: [t0, shared]",
                body: "this paragraph is new.\n\n"
                    + "Ravi Chandran, who chairs the board, said: \"Number 2 matters.\"\n\nShe met Graham Pell in London."
            )
        case "add":
            try site.article(
                "2016-01-01-extra.md", "title: Extra\ntags: [shared]", body: "Eleanor Whitcombe said: \"One more.\"")
        default:
            fatalError("no edit named \(edit)")
        }
    }
}
