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
    /// At most this many are printed; a count says how many more there were.
    static func print(_ diagnostics: [Diagnostic], siteFolder: String = ".", limit: Int = 100) {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        let prefix =
            siteFolder == "." || siteFolder == "./" ? "" : (siteFolder.hasSuffix("/") ? siteFolder : siteFolder + "/")
        var text = ""
        for var diagnostic in ordered.prefix(limit) {
            if diagnostic.file.hasPrefix("Content/") || diagnostic.file.hasPrefix("Templates/") {
                diagnostic.file = prefix + diagnostic.file
            }
            text += shown(diagnostic.description) + "\n"
        }
        if ordered.count > limit {
            let errors = ordered.dropFirst(limit).count { $0.severity == .error }
            let warnings = ordered.count - limit - errors
            text +=
                "… and \(errors) more error\(errors == 1 ? "" : "s") and \(warnings) more warning\(warnings == 1 ? "" : "s") (the first \(limit) are shown; fix these and build again)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Text as a terminal should show it: control characters (an escape sequence in a file name,
    /// say) written as `\u{1B}` rather than sent to the terminal; line breaks kept.
    static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
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
        FileHandle.standardError.write(Data((ConsoleLog.shown("\(event.message)") + "\n").utf8))
    }
}
