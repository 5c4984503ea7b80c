import ArchiveModel
import Foundation

/// The starting file `broadsheet new` writes: the path `Content/articles/YYYY-MM-DD-<slug>.md` and
/// front matter with every field an archivist usually fills, as a draft.
public struct ArticleScaffold: Sendable, Equatable {
    /// Path relative to the site folder.
    public var path: String
    public var text: String

    /// nil when the title has no letters or digits to name the file after.
    public init?(title: String, day: ArticleDate, author: String?) {
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { return nil }
        path = "Content/articles/\(day.isoDay)-\(slug).md"
        text = """
            ---
            title: \(Self.quoted(title))
            date: \(day.isoDay)
            author: \(Self.quoted(author ?? ""))
            standfirst: ""
            source: ""
            publication: ""
            tags: []
            draft: true
            ---

            Write the article here, in Markdown.

            """
    }

    /// JSON string syntax, which is valid YAML whatever the text holds.
    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
