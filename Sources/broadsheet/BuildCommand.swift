import ArchiveModel
import ArgumentParser
import Foundation
import Logging
import SiteBuilder

/// `broadsheet build`: Content/ + Templates/ → Output/.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site from Content/ and Templates/ into the output folder.")

    @Option(name: .long, help: "The site folder holding Content/ and Templates/.")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site (default: Output/ inside the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Publish under this URL instead of site.yml's base_url.")
    var baseURL: String?

    @Flag(name: .long, help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(name: .long, help: "Build every page from scratch, without the last build's cache.")
    var force = false

    @Flag(name: .long, help: "Also print how long each stage of the build took.")
    var verbose = false

    func run() async throws {
        let logger = ConsoleLog.logger(label: "broadsheet.build", quiet: quiet, verbose: verbose)
        let sourceURL = URL(fileURLWithPath: source, isDirectory: true)
        var options = BuildOptions(
            source: sourceURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, baseURL: baseURL,
            includeDrafts: drafts)
        options.reusesUnchangedOutput = !force
        options.endsProcess = true
        let report: BuildReport
        do throws(DiagnosticError) {
            let display = quiet ? nil : ProgressDisplay()
            report = try await SiteBuilder(options: options, logger: logger, progress: display.map { $0.update })
                .build()
        } catch {
            ConsoleLog.print(error.diagnostics, siteFolder: source)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(
                Data(
                    "build failed with \(count) error\(count == 1 ? "" : "s"); \(options.output.path) was left as it was\n"
                        .utf8))
            throw ExitCode(1)
        }
        ConsoleLog.print(report.warnings, siteFolder: source)
        if report.unchanged {
            logger.info(
                "nothing changed since the last build: \(options.output.path) left as it is (\(report.pages) pages; --force builds anyway)"
            )
            return
        }
        let skipped = report.drafts > 0 ? ", \(report.drafts) draft\(report.drafts == 1 ? "" : "s") skipped" : ""
        let seconds = String(format: "%.2f", report.seconds)
        let found = "\(report.entities) entities, \(report.quotes) quotations"
        let rebuilt = report.articles + report.drafts - report.reused
        let incremental =
            report.reused > 0
            ? "; \(rebuilt) article\(rebuilt == 1 ? "" : "s") rebuilt\(report.inPlace ? " in place" : ""), \(report.reused) articles and \(report.reusedPages) pages unchanged"
            : ""
        logger.info(
            "built \(report.articles) articles into \(report.pages) pages (\(found))\(skipped)\(incremental) in \(seconds) s → \(options.output.path)"
        )
    }
}
