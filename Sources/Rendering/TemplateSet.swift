import ArchiveModel
import Foundation
import Mustache

/// The site's Mustache templates from `Templates/`, parsed and checked once per build: every page
/// template must exist, every partial or parent it names must exist, and a syntax error is a
/// diagnostic with the template's path and line. A page is never silently dropped.
public struct TemplateSet: Sendable {
    /// Page templates every theme must provide.
    public static let required = [
        "base", "home", "list", "article", "tag", "tags", "archive", "entity", "entities", "quotes", "speakers",
        "about", "search", "404",
    ]

    let library: MustacheLibrary
    /// Template names, for tests and messages.
    public let names: Set<String>
    /// Changes when any template's text changes (the same in every process), for build caches.
    public let fingerprint: Int

    /// Loads every `*.mustache` under `folder`; `displayPath` is how the folder is named in messages.
    /// Returns `previous` when the texts are those it was parsed from (serve's rebuilds).
    public static func load(
        from folder: URL, displayPath: String = "Templates", reusing previous: TemplateSet? = nil
    ) throws(DiagnosticError) -> TemplateSet {
        var sources: [String: (path: String, text: String)] = [:]
        for relative in Self.files(under: folder) where relative.hasSuffix(".mustache") {
            let path = "\(displayPath)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw DiagnosticError([Diagnostic(file: path, message: "cannot read the template as UTF-8 text")])
            }
            sources[String(relative.dropLast(".mustache".count))] = (path, text)
        }
        if let previous, previous.fingerprint == fingerprint(of: sources) { return previous }
        return try parse(sources, folderPath: displayPath)
    }

    /// Stable across processes: `build` keeps it in its cache on disk.
    private static func fingerprint(of sources: [String: (path: String, text: String)]) -> Int {
        var hasher = StableHasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        return Int(truncatingIfNeeded: hasher.finalize())
    }

    /// Parses templates given as name → (path, text); the seam `load` and tests share.
    public static func parse(
        _ sources: [String: (path: String, text: String)], folderPath: String = "Templates"
    ) throws(DiagnosticError) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        FastHTMLContentType.registerOnce()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                // Every template (partials too: each starts with Mustache's own escaping again) says
                // which escaping to use, on a line of its own that renders as nothing.
                let text = FastHTMLContentType.pragma + "\n" + source.text
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        file: source.path, line: max(1, error.context.lineNumber - 1),
                        column: error.context.columnNumber + 1,
                        message: "template syntax error: \(describe(error.error))",
                        hint: "check that every {{#section}} is closed by a matching {{/section}}"))
            } catch {
                diagnostics.append(Diagnostic(file: source.path, message: "template syntax error: \(error)"))
            }
            for reference in TemplateReferences.find(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(
                    Diagnostic(
                        file: source.path, line: reference.line, column: reference.column,
                        message: "the template `\(reference.name)` it uses does not exist",
                        hint: "create \(folderPath)/\(reference.name).mustache or fix the name"))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(
                Diagnostic(
                    file: "\(folderPath)/\(name).mustache", message: "missing template `\(name)`",
                    hint: "every theme needs \(required.map { $0 + ".mustache" }.joined(separator: ", "))"))
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return TemplateSet(library: library, names: Set(sources.keys), fingerprint: fingerprint(of: sources))
    }

    /// Renders a view with a named template (which `load` has checked exists).
    public func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "malformed set-delimiter tag"
        default: return "\(error)"
        }
    }

    private static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            !$0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        .sorted()
    }
}

/// Finds `{{> partial}}` and `{{< parent}}` tags in template text, with their line and column.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...].drop(while: { $0 == " " })
                guard let sigil = after.first, sigil == ">" || sigil == "<",
                    let close = after.range(of: "}}")
                else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound].trimmingCharacters(
                    in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append(
                        Reference(
                            name: name, line: index + 1,
                            column: line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = after[close.upperBound...]
            }
        }
        return references
    }
}

/// HTML escaping for templates, the same five characters as Mustache's own (`&`, `<`, `>`, `"`,
/// `'`) but without walking every character of text that has none: Mustache's escaping was 13 %
/// of a 10,000-article build.
struct FastHTMLContentType: MustacheContentType {
    static let name = "BROADSHEET_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"
    private static let registration: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    static func registerOnce() { _ = registration }

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
