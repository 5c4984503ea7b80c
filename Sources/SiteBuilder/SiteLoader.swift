import ArchiveModel
import ContentReader
import Foundation

/// Reads the site-wide inputs that every build and command needs.
public enum SiteLoader {
    /// `Content/site.yml` of the site folder, with `--base-url` applied.
    public static func config(in source: URL, baseURLOverride: String? = nil) throws(DiagnosticError) -> SiteConfig {
        let path = "Content/site.yml"
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else {
            throw DiagnosticError([
                Diagnostic(
                    file: source.appendingPathComponent(path).path, message: "site settings not found",
                    hint: "run broadsheet in a site folder (one holding Content/site.yml), or pass --source DIR")
            ])
        }
        var config = try SiteConfigReader.read(path: path, bytes: [UInt8](data))
        if let override = baseURLOverride {
            let lower = override.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                throw DiagnosticError([
                    Diagnostic(
                        file: "--base-url", message: "not an absolute http(s) URL: \(override)",
                        hint: "pass a URL such as https://example.org/archive/")
                ])
            }
            config.baseURL = SiteConfig.normalised(baseURL: override)
        }
        return config
    }

    /// `Content/entities.yml` of the site folder, or no entities when the file does not exist.
    public static func entities(in source: URL) throws(DiagnosticError) -> [Entity] {
        let path = "Content/entities.yml"
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else {
            return []
        }
        return try EntitiesFileReader.read(path: path, bytes: [UInt8](data))
    }
}
