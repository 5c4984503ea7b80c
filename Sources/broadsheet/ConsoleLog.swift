import ArchiveModel
import Foundation
import Logging

/// Terminal output for the CLI: diagnostics in compiler style on standard error, and progress
/// messages without timestamps.
enum ConsoleLog {
    /// `verbose` adds the `debug` messages (the time each stage of a build took).
    static func logger(label: String, quiet: Bool, verbose: Bool = false) -> Logger {
        var logger = Logger(label: label) { _ in MessageOnlyHandler() }
        logger.logLevel = verbose ? .debug : quiet ? .warning : .info
        return logger
    }

    /// Errors first, then warnings, each as `file:line:column: severity: message` plus its hint.
    /// Paths inside the site folder are shown from the current directory (`site/Content/x.md` for
    /// `--source site`) so that editors can jump to them.
    static func print(_ diagnostics: [Diagnostic], siteFolder: String = ".") {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        let prefix =
            siteFolder == "." || siteFolder == "./" ? "" : (siteFolder.hasSuffix("/") ? siteFolder : siteFolder + "/")
        for var diagnostic in ordered {
            if diagnostic.file.hasPrefix("Content/") || diagnostic.file.hasPrefix("Templates/") {
                diagnostic.file = prefix + diagnostic.file
            }
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}

/// A log handler that writes just the message to standard error.
struct MessageOnlyHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data("\(event.message)\n".utf8))
    }
}
