import ArchiveModel
import Yams

/// Reads the archive's gazetteer, `Content/entities.yml`: a top-level `entities:` list whose items
/// have `id`, `type` (person, organisation or place), `name`, `aliases`, `description`,
/// `wikidata` and `url`. Every problem is reported with its line; ids must be unique.
public enum EntitiesFileReader {
    public static let knownKeys = ["id", "type", "name", "aliases", "description", "wikidata", "url"]

    public static func read(path: String, bytes: [UInt8]) throws(DiagnosticError) -> [Entity] {
        let document: YAMLDocument
        do throws(Diagnostic) {
            document = try YAMLDocument(path: path, yaml: try SourceText(path: path, bytes: bytes).text)
        } catch {
            throw DiagnosticError([error])
        }
        guard let list = document.pairs.first(where: { $0.key == "entities" })?.value else {
            if document.root == nil { return [] }
            throw DiagnosticError([
                Diagnostic(
                    file: path, line: 1, column: 1, message: "expected a top-level `entities:` list",
                    hint: "start the file with `entities:` and list one `- id: …` item per entity")
            ])
        }
        guard case .sequence(let items) = list else {
            throw DiagnosticError([
                document.error(at: list, "`entities` must be a list", hint: "write `- id: …` items under `entities:`")
            ])
        }
        var entities: [Entity] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for item in items {
            do throws(Diagnostic) {
                let entity = try Self.entity(item, document: document)
                if let line = seen[entity.id] {
                    throw document.error(
                        at: item, "duplicate entity id `\(entity.id)` (first defined on line \(line))",
                        hint: "give each entity its own id")
                }
                seen[entity.id] = (item.mark?.line ?? 0)
                entities.append(entity)
            } catch {
                diagnostics.append(error)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return entities
    }

    private static func entity(_ node: Node, document: YAMLDocument) throws(Diagnostic) -> Entity {
        guard let mapping = node.mapping else {
            throw document.error(
                at: node, "each entity must be a mapping", hint: "write `- id: …` followed by `type:` and `name:` lines"
            )
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard knownKeys.contains(key) else {
                throw document.error(
                    at: keyNode, "unknown entity field `\(key)`",
                    hint: "entity fields are \(knownKeys.joined(separator: ", "))")
            }
            fields[key] = value
        }
        guard let nameNode = fields["name"] else {
            throw document.error(at: node, "the entity has no `name`", hint: "add `name: Full Name`")
        }
        let name = try document.string(nameNode, key: "name")
        guard let typeNode = fields["type"] else {
            throw document.error(
                at: node, "the entity `\(name)` has no `type`", hint: "add `type: person`, `organisation` or `place`")
        }
        let typeText = try document.string(typeNode, key: "type")
        guard let type = EntityType(rawValue: typeText == "organization" ? "organisation" : typeText) else {
            throw document.error(
                at: typeNode, "unknown entity type `\(typeText)`", hint: "use person, organisation or place")
        }
        let id =
            try fields["id"].map { node throws(Diagnostic) in try document.string(node, key: "id") }
            ?? Slug.make(from: name)
        guard Slug.isValid(id) else {
            throw document.error(
                at: fields["id"] ?? node, "entity id `\(id)` is not a slug",
                hint: "use lowercase letters, digits and hyphens, such as `\(Slug.make(from: id))`")
        }
        return Entity(
            id: id, type: type, name: name,
            aliases: try fields["aliases"].map { node throws(Diagnostic) in
                try document.stringList(node, key: "aliases")
            } ?? [],
            description: try fields["description"].flatMap { node throws(Diagnostic) in
                try document.optionalText(node, key: "description")
            },
            wikidata: try fields["wikidata"].flatMap { node throws(Diagnostic) in
                try document.optionalText(node, key: "wikidata")
            },
            url: try fields["url"].flatMap { node throws(Diagnostic) in try webAddress(node, document: document) })
    }

    /// An entity's website: an `http:` or `https:` address, nothing a browser would run.
    private static func webAddress(_ node: Node, document: YAMLDocument) throws(Diagnostic) -> String? {
        guard let url = try document.optionalText(node, key: "url") else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw document.error(
                at: node, "`url` must be a web address starting with https:// or http://",
                hint: "write the entity's website in full, such as `url: https://example.org/`")
        }
        return url
    }
}
