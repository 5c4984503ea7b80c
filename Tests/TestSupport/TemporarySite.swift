import Foundation

/// Paths of the repository and its test fixtures, found from this file's location.
public enum Repository {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The bytes of a fixture file.
    public static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixture(name)))
    }
}

/// A site folder in a fresh temporary directory, with the repository's default theme, removed when
/// the value is no longer needed (call `remove()` in a `defer`).
public struct TemporarySite {
    /// The parent temporary folder; the site lives in `site/` inside it.
    public let folder: URL
    public let site: URL
    public var output: URL { site.appendingPathComponent("Output") }

    public init(siteYAML: String = "title: Test Archive\nbase_url: https://example.org/\n", copyTheme: Bool = true)
        throws
    {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-test-\(UUID().uuidString)")
        site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("Content/articles"), withIntermediateDirectories: true)
        try write("Content/site.yml", siteYAML)
        if copyTheme {
            try FileManager.default.copyItem(
                at: Repository.root.appendingPathComponent("Templates"), to: site.appendingPathComponent("Templates"))
        }
    }

    /// Writes a file at a path relative to the site folder, creating folders as needed.
    public func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    public func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = site.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The text of a file under the output folder, or nil when it does not exist.
    public func output(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(relativePath).path)
            .flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The inode of a file under the output folder: the same after a build that kept the file,
    /// another after one that wrote it again.
    public func outputInode(_ relativePath: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(relativePath).path)[
            .systemFileNumber] as? Int
    }

    /// A Markdown article with front matter built from `fields` (YAML lines) and a body.
    public func article(_ name: String, _ fields: String, body: String = "Body text.") throws {
        try write("Content/articles/\(name)", "---\n\(fields)\n---\n\n\(body)\n")
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The synthetic corpus generator of the workplace (`../shared/bench/make-corpus.py`, or the path
/// in `BROADSHEET_CORPUS_SCRIPT`), run into a temporary folder.
public enum SyntheticCorpus {
    public static var script: URL? {
        if let path = ProcessInfo.processInfo.environment["BROADSHEET_CORPUS_SCRIPT"] {
            return URL(fileURLWithPath: path)
        }
        let shared = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/bench/make-corpus.py")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    /// Generates `count` articles (with entities.yml and gold.jsonl) and returns the folder.
    public static func generate(count: Int, seed: Int = 1) throws -> URL {
        guard let script else { throw CocoaError(.fileNoSuchFile) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "broadsheet-corpus-\(count)-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, "-n", String(count), "--seed", String(seed)]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return folder
    }
}
