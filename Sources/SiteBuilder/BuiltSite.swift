import Foundation

/// What the output folder's marker file (`.broadsheet-output`) says of the build that made it:
/// that Broadsheet made the folder, and the base URL its links were made for (which `check`
/// needs when the build was given `--base-url`).
public enum BuiltSite {
    static func marker(baseURL: String) -> String {
        "This folder is written by `broadsheet build`; it is replaced on every build.\nbase_url: \(baseURL)\n"
    }

    /// The base URL the site in `output` was built for, or nil when its marker does not say.
    public static func baseURL(in output: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(OutputStage.marker).path)
        else { return nil }
        let prefix = "base_url: "
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
