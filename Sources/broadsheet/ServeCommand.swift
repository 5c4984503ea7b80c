import ArchiveModel
import ArgumentParser
import Foundation
import Preview
import SiteBuilder

/// `broadsheet serve`: build, serve on loopback, rebuild on every save and reload open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Preview the site: build, serve it locally, rebuild and reload on every save.")

    @Option(name: .long, help: "The site folder holding Content/ and Templates/.")
    var source: String = "."

    @Option(name: .long, help: "The address to listen on (loopback unless told otherwise).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; 0 picks any free port.")
    var port: Int = 8000

    @Flag(name: .long, help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Flag(name: .long, help: "Also print how long each stage of every rebuild took.")
    var verbose = false

    func run() async throws {
        let logger = ConsoleLog.logger(label: "broadsheet.serve", quiet: false, verbose: verbose)
        let build = BuildOptions(source: URL(fileURLWithPath: source, isDirectory: true), includeDrafts: drafts)
        let server = PreviewServer(options: PreviewOptions(build: build, host: host, port: port), logger: logger)
        let openBrowser = open
        do {
            try await server.run { url in
                logger.info("serving \(url) (watching Content/ and Templates/; Ctrl-C to stop)")
                if openBrowser { Self.openInBrowser(url) }
            }
        } catch let error where "\(error)".contains("Address already in use") {
            FileHandle.standardError.write(
                Data(
                    "error: port \(port) on \(host) is in use\n  hint: choose another with --port, or --port 0 for any free port\n"
                        .utf8))
            throw ExitCode(1)
        }
    }

    static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        try? process.run()
    }
}
