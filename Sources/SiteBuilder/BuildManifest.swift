import ArchiveModel
import ContentReader
import Foundation

/// What a finished `build` was made from: every file under Content/ and Templates/ with its size
/// and modification time, the options, and the identity of the Broadsheet binary. Kept next to the
/// output folder (`.Output.cache/manifest`) after a good build; when the next build would be made
/// from exactly the same, it leaves the output as it is. Anything unreadable or different — a
/// touched file, another binary, a deleted output — means a full build: the manifest is never
/// trusted beyond an exact match.
struct BuildManifest: Equatable {
    /// The manifest's text: a header line per input kind, then a line per file.
    let text: String
    /// The stamp of each file under Content/ (by its path in the site folder) as the manifest
    /// found it, so that the build need not look at each article file again.
    let stamps: [String: FileStamp]

    static func == (first: Self, second: Self) -> Bool { first.text == second.text }

    /// The manifest file for an output folder.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache/manifest")
    }

    /// The manifest of the build `options` describe, as the files are now.
    init(options: BuildOptions) {
        var lines = [
            "broadsheet-manifest 1",
            "binary \(Self.binaryIdentity)",
            "source \(options.source.path)",
            "output \(options.output.path)",
            "base-url \(options.baseURL ?? "-")",
            "drafts \(options.includeDrafts)",
        ]
        var stamps: [String: FileStamp] = [:]
        for folder in ["Content", "Templates"] {
            let root = options.source.appendingPathComponent(folder, isDirectory: true)
            for relative in ContentScanner.relativeFiles(under: root) {
                let path = "\(folder)/\(relative)"
                let stamp = FileStamp(path: root.path + "/" + relative)
                if folder == "Content", let stamp { stamps[path] = stamp }
                lines.append("\(path)\t\(stamp.map { "\($0.size) \($0.seconds).\($0.nanoseconds)" } ?? "-")")
            }
        }
        text = lines.joined(separator: "\n") + "\n"
        self.stamps = stamps
    }

    private init(text: String) {
        self.text = text
        stamps = [:]
    }

    /// The executable's path, size and modification time: a rebuilt Broadsheet is another binary.
    static let binaryIdentity: String = {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "?"
        let stamp = FileStamp(path: path)
        return "\(path) \(stamp.map { "\($0.size) \($0.seconds).\($0.nanoseconds)" } ?? "-")"
    }()

    /// The manifest of the last good build into `output`, with the counts it reported, if there is
    /// one and the output folder still carries Broadsheet's marker.
    static func stored(for output: URL) -> (manifest: BuildManifest, report: BuildReport)? {
        guard OutputStage.isMarked(output),
            let data = FileManager.default.contents(atPath: location(for: output).path),
            let split = data.range(of: Data("\n---\n".utf8), options: .backwards)
        else { return nil }
        let counts = String(decoding: data[split.upperBound...], as: UTF8.self).split(separator: " ").compactMap {
            Int($0)
        }
        // The last build's warnings are not stored: after a build with warnings, build again so
        // that they are shown again.
        guard counts.count == 6, counts[5] == 0 else { return nil }
        let report = BuildReport(
            articles: counts[0], drafts: counts[1], pages: counts[2], seconds: 0, warnings: [],
            entities: counts[3], quotes: counts[4])
        return (BuildManifest(text: String(decoding: data[..<split.lowerBound], as: UTF8.self) + "\n"), report)
    }

    /// Records the manifest of a good build with its counts; a failure to write only costs the
    /// next build its shortcut.
    func store(for output: URL, report: BuildReport) {
        let url = Self.location(for: output)
        let counts = [
            report.articles, report.drafts, report.pages, report.entities, report.quotes, report.warnings.count,
        ]
        // `text` ends with a line break, which the separator's first one stands for.
        let body = text + "---\n" + counts.map(String.init).joined(separator: " ")
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(body.utf8).write(to: url, options: .atomic)
    }

    /// Forgets the manifest, before a build replaces the output it describes.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}
