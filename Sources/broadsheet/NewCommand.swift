import ArchiveModel
import ArgumentParser
import Foundation
import SiteBuilder

/// `broadsheet new "Headline"`: starts a Markdown article with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create Content/articles/YYYY-MM-DD-<slug>.md for a new article.")

    @Argument(help: "The headline of the article.")
    var title: String

    @Option(name: .long, help: "The site folder holding Content/.")
    var source: String = "."

    @Option(name: .long, help: "Publication date as YYYY-MM-DD (default: today, UTC).")
    var date: String?

    func run() throws {
        let site = URL(fileURLWithPath: source, isDirectory: true)
        let config: SiteConfig
        do throws(DiagnosticError) {
            config = try SiteLoader.config(in: site)
        } catch {
            ConsoleLog.print(error.diagnostics)
            throw ExitCode(1)
        }
        let day = try date.map(validated) ?? Self.today()
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            throw ValidationError("the headline has no letters or digits to make a file name from")
        }
        let relative = "Content/articles/\(day)-\(slug).md"
        let file = site.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ValidationError("\(relative) already exists; edit it, or choose another headline or --date")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.template(title: title, day: day, author: config.author).utf8).write(to: file)
        print(relative)
        FileHandle.standardError.write(Data("created \(relative) as a draft: remove `draft: true` to publish it (or build with --drafts)\n".utf8))
    }

    private func validated(_ text: String) throws -> String {
        guard text.count == 10, let parsed = ContentDates.parse(text) else {
            throw ValidationError("--date must be a date such as 2014-11-07")
        }
        return parsed.isoDay
    }

    static func today() -> String {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        return "\(ArticleDate.pad(y, 4))-\(ArticleDate.pad(m, 2))-\(ArticleDate.pad(d, 2))"
    }

    /// Front matter with every field an archivist usually fills; strings are JSON-quoted, which
    /// is valid YAML whatever the headline contains.
    static func template(title: String, day: String, author: String?) -> String {
        """
        ---
        title: \(quoted(title))
        date: \(day)
        author: \(quoted(author ?? ""))
        standfirst: ""
        source: ""
        publication: ""
        tags: []
        draft: true
        ---

        Write the article here, in Markdown.

        """
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

import ContentReader

/// The ISO date parser of ContentReader, named for what the CLI uses it for.
typealias ContentDates = ISODateParser
