import ArchiveModel
import ArgumentParser
import Foundation
import SiteBuilder
import SiteChecker

/// `broadsheet check`: links, fragments, ids, alt text and XML of the built site.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the built site: internal links and #fragments, unique ids, alt text, well-formed feeds.",
        discussion: "Exits with status 1 when a link is broken or a file is malformed.")

    @Option(name: .long, help: "The site folder holding Content/ and Templates/.")
    var source: String = "."

    @Option(name: .long, help: "The built site to check (default: Output/ inside the site folder).")
    var output: String?

    @Option(
        name: .customLong("base-url"),
        help: "The URL the site is published under (default: the one its last build used, else site.yml's).")
    var baseURL: String?

    @Flag(name: .long, help: "Build the site first (done anyway when the output folder has no site).")
    var build = false

    @Flag(name: .long, help: "List the external links too (they are not fetched).")
    var external = false

    func run() async throws {
        let sourceURL = URL(fileURLWithPath: source, isDirectory: true)
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let built = BuiltSite.baseURL(in: outputURL ?? sourceURL.appendingPathComponent("Output", isDirectory: true))
        let options = BuildOptions(source: sourceURL, output: outputURL, baseURL: baseURL ?? built)
        let config: SiteConfig
        do throws(DiagnosticError) {
            config = try SiteLoader.config(in: sourceURL, baseURLOverride: options.baseURL)
        } catch {
            ConsoleLog.print(error.diagnostics, siteFolder: source)
            throw ExitCode(1)
        }
        let index = options.output.appendingPathComponent("index.html").path
        if build || !FileManager.default.fileExists(atPath: index) {
            do throws(DiagnosticError) {
                let report = try await SiteBuilder(options: options).build()
                ConsoleLog.print(report.warnings, siteFolder: source)
                let what = report.unchanged ? "nothing changed since the last build of" : "built"
                FileHandle.standardError.write(Data("\(what) \(report.pages) pages in \(options.output.path)\n".utf8))
            } catch {
                ConsoleLog.print(error.diagnostics, siteFolder: source)
                FileHandle.standardError.write(Data("build failed; nothing was checked\n".utf8))
                throw ExitCode(1)
            }
        }
        let report = await SiteCheck(output: options.output, baseURL: config.baseURL).run()
        ConsoleLog.print(report.findings)
        if external {
            for (url, pages) in report.external.sorted(by: { $0.key < $1.key }) {
                print("\(url)\t\(pages) page\(pages == 1 ? "" : "s")")
            }
        }
        let warnings = report.findings.count - report.errorCount
        FileHandle.standardError.write(
            Data(
                "checked \(report.pages) pages and \(report.links) links: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(report.external.count) external links\(external ? "" : " (list them with --external)")\n"
                    .utf8))
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
