import ArchiveModel
import ArgumentParser
import ContentReader
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
            ConsoleLog.print(error.diagnostics, siteFolder: source)
            throw ExitCode(1)
        }
        guard let day = date.map({ ISODateParser.parse($0) }) ?? Self.today() else {
            throw ValidationError("--date must be a date such as 2014-11-07")
        }
        guard let scaffold = ArticleScaffold(title: title, day: day, author: config.author) else {
            throw ValidationError("the headline has no letters or digits to make a file name from")
        }
        let file = site.appendingPathComponent(scaffold.path)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ValidationError("\(scaffold.path) already exists; edit it, or choose another headline or --date")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(scaffold.text.utf8).write(to: file)
        print(scaffold.path)
        FileHandle.standardError.write(
            Data("created as a draft: remove `draft: true` to publish it (or build with --drafts)\n".utf8))
    }

    /// Today's date in UTC.
    static func today() -> ArticleDate {
        let now = Date().timeIntervalSince1970
        let (y, m, d) = CivilCalendar.civil(fromDays: Int((now / 86_400).rounded(.down)))
        return ArticleDate(year: y, month: m, day: d, instant: now, hasTime: false)
    }
}
