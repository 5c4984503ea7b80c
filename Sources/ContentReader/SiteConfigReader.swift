import ArchiveModel
import Yams

/// Reads `Content/site.yml`. Every key must be known: a misspelt setting is an error, not a
/// silently ignored line.
public enum SiteConfigReader {
    /// The keys site.yml may hold.
    public static let knownKeys = [
        "title", "description", "base_url", "language", "author", "unsafe_html", "paginate", "entity_links",
        "feed_limit",
    ]

    public static func read(path: String, bytes: [UInt8]) throws(DiagnosticError) -> SiteConfig {
        let document: YAMLDocument
        do throws(Diagnostic) {
            document = try YAMLDocument(path: path, yaml: try SourceText(path: path, bytes: bytes).text)
        } catch {
            throw DiagnosticError([error])
        }
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        for (key, keyNode, value) in document.pairs {
            do throws(Diagnostic) {
                switch key {
                case "title": config.title = try document.string(value, key: key)
                case "description": config.description = try document.optionalString(value, key: key) ?? ""
                case "base_url": config.baseURL = try baseURL(value, document: document)
                case "language": config.language = try document.string(value, key: key)
                case "author": config.author = try document.optionalString(value, key: key)
                case "unsafe_html": config.unsafeHTML = try document.bool(value, key: key)
                case "paginate": config.pageSize = try document.positiveInt(value, key: key)
                case "feed_limit": config.feedLimit = try document.positiveInt(value, key: key)
                case "entity_links":
                    let text = try document.string(value, key: key)
                    guard let style = EntityLinkStyle(rawValue: text) else {
                        throw document.error(
                            at: value, "`entity_links` must be all, first or none", hint: "write `entity_links: all`")
                    }
                    config.entityLinks = style
                default:
                    throw document.error(
                        at: keyNode, "unknown key `\(key)` in site.yml",
                        hint: "known keys are \(knownKeys.joined(separator: ", "))")
                }
            } catch {
                diagnostics.append(error)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return config
    }

    private static func baseURL(_ node: Yams.Node, document: YAMLDocument) throws(Diagnostic) -> String {
        let text = try document.string(node, key: "base_url")
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.count > 8, !text.contains(" ") else {
            throw document.error(
                at: node, "base_url must be an absolute http(s) URL: \(text)",
                hint:
                    "write `base_url: https://example.org/` (a sub-path such as https://example.org/archive/ works too)"
            )
        }
        return SiteConfig.normalised(baseURL: text)
    }
}
