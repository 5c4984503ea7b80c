import ArchiveModel
import Yams

/// A YAML mapping from a file (site.yml, entities.yml or an article's front matter) with helpers that
/// read typed values and report problems at the value's own line and column in that file.
struct YAMLDocument {
    let path: String
    /// Added to YAML line numbers to get file line numbers (1 for front matter after `---`).
    let lineOffset: Int
    let root: Node.Mapping?

    /// Parses `yaml`; a syntax error becomes a diagnostic at its place in the file. An empty
    /// document has no root; a document that is not a mapping is an error.
    init(path: String, yaml: String, lineOffset: Int = 0) throws(Diagnostic) {
        self.path = path
        self.lineOffset = lineOffset
        let node: Node?
        do {
            // Every scalar stays text here: Yams would otherwise match each against seven regular
            // expressions (keys and titles included), and work out its default encoding from the
            // environment, per document. `typed(_:)` resolves the few values read as other types.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw Diagnostic(file: path, line: lineOffset + 1, message: "cannot read YAML: \(error)")
        }
        guard let node else {
            root = nil
            return
        }
        var budget = Self.maximumValues
        if let place = Self.exceedsBudget(node, &budget) {
            throw Diagnostic(
                file: path, line: (place.mark?.line ?? 1) + lineOffset, column: place.mark?.column,
                message:
                    "the YAML holds more than \(Self.maximumValues) values once its aliases (`*name`) are expanded",
                hint: "write the values out instead of repeating them through anchors (`&name`) and aliases")
        }
        guard let mapping = node.mapping else {
            throw Diagnostic(
                file: path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column,
                message: "expected a mapping of `key: value` lines",
                hint: "write one setting per line, such as `title: My archive`")
        }
        root = mapping
    }

    /// The most values (scalars, lists and mappings, counted as aliases expand them) a document
    /// may hold: far above any real front matter or entities.yml, far below what an alias bomb
    /// (`&a [*a, *a, …]` nested a few levels) expands to.
    static let maximumValues = 1_000_000

    /// The node at which counting the tree's values, aliases expanded, runs past `budget`; nil
    /// when it does not. Stops there, so a bomb costs no more than the budget.
    private static func exceedsBudget(_ node: Node, _ budget: inout Int) -> Node? {
        budget -= 1
        if budget < 0 { return node }
        switch node {
        case .sequence(let items):
            for item in items { if let place = exceedsBudget(item, &budget) { return place } }
        case .mapping(let pairs):
            for (key, value) in pairs {
                if let place = exceedsBudget(key, &budget) ?? exceedsBudget(value, &budget) { return place }
            }
        case .scalar, .alias: break
        }
        return nil
    }

    /// The key/value pairs in file order, with each key as text.
    var pairs: [(key: String, keyNode: Node, value: Node)] {
        (root ?? Node.Mapping([])).map { (key: $0.key.scalar?.string ?? "\($0.key)", keyNode: $0.key, value: $0.value) }
    }

    func error(at node: Node, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            file: path, line: node.mark.map { $0.line + lineOffset }, column: node.mark?.column,
            message: message, hint: hint)
    }

    func warning(at node: Node, _ message: String, hint: String? = nil) -> Diagnostic {
        var diagnostic = error(at: node, message, hint: hint)
        diagnostic.severity = .warning
        return diagnostic
    }

    /// A scalar as text; null is nil; a list or mapping is a type error.
    func optionalString(_ node: Node, key: String) throws(Diagnostic) -> String? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
            return scalar.string
        case .sequence:
            throw error(at: node, "`\(key)` must be text, not a list", hint: "write `\(key): some text`")
        default:
            throw error(at: node, "`\(key)` must be text, not a mapping", hint: "write `\(key): some text`")
        }
    }

    /// Trimmed text; null and blank values are nil, so templates can test for them.
    func optionalText(_ node: Node, key: String) throws(Diagnostic) -> String? {
        guard let text = try optionalString(node, key: key)?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    /// A required, non-empty scalar as text.
    func string(_ node: Node, key: String) throws(Diagnostic) -> String {
        guard let text = try optionalString(node, key: key)?.trimmingSpaces(), !text.isEmpty else {
            throw error(at: node, "`\(key)` is empty", hint: "give `\(key)` a value")
        }
        return text
    }

    /// A list of scalars; a single scalar is a list of one.
    func stringList(_ node: Node, key: String) throws(Diagnostic) -> [String] {
        if case .sequence(let sequence) = node {
            var values: [String] = []
            for item in sequence {
                guard case .scalar = item else {
                    throw error(at: item, "every item of `\(key)` must be text", hint: "write `\(key): [one, two]`")
                }
                if let text = try optionalString(item, key: key)?.trimmingSpaces(), !text.isEmpty {
                    values.append(text)
                }
            }
            return values
        }
        if case .mapping = node {
            throw error(at: node, "`\(key)` must be a list, not a mapping", hint: "write `\(key): [one, two]`")
        }
        return try optionalText(node, key: key).map { [$0] } ?? []
    }

    /// A plain scalar with the type YAML's default rules give it (`true`, `10`, `1.5`), as Yams
    /// would have resolved it while parsing; other nodes as they are.
    private func typed(_ node: Node) -> Node {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return node }
        return Node(scalar.string, Tag(.implicit), .plain)
    }

    func bool(_ node: Node, key: String) throws(Diagnostic) -> Bool {
        guard let value = typed(node).bool, case .scalar = node else {
            throw error(at: node, "`\(key)` must be true or false", hint: "write `\(key): true` or `\(key): false`")
        }
        return value
    }

    func positiveInt(_ node: Node, key: String) throws(Diagnostic) -> Int {
        guard case .scalar = node, let value = typed(node).int, value > 0 else {
            throw error(at: node, "`\(key)` must be a whole number above zero", hint: "write `\(key): 10`")
        }
        return value
    }

    /// Any value, kept for templates.
    func param(_ node: Node) -> ParamValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if ["~", "null", "Null", "NULL", ""].contains(scalar.string) { return .null }
                let node = typed(node)
                if let bool = node.bool { return .bool(bool) }
                if let number = node.float { return .number(number) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(param))
        case .mapping(let mapping):
            var values: [String: ParamValue] = [:]
            for (key, value) in mapping { values[key.scalar?.string ?? "\(key)"] = param(value) }
            return .map(values)
        case .alias:
            return .null
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        let hint = "check the indentation and quote values that contain `: ` or start with a special character"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(
                file: path, line: mark.line + lineOffset, column: mark.column,
                message: "malformed YAML: \(detail)", hint: hint)
        default:
            return Diagnostic(file: path, line: lineOffset + 1, message: "malformed YAML: \(error)", hint: hint)
        }
    }
}
