/// A problem found in the user's input, reported like a compiler does:
/// `Content/articles/x.md:3:7: error: message` followed by a hint saying what to do.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is: errors fail the build, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(
        file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
        message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// A warning with the same location rules as an error.
    public static func warning(
        file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, hint: hint)
    }

    /// `file:line:column: severity: message`, then `  hint: …` on its own line when there is a hint.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Several diagnostics thrown together, so one run reports every broken file at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
