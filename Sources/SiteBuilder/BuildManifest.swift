import ArchiveModel
import ContentReader
import Foundation

/// What a finished `build` was made from: every file under Content/ and Templates/ with its size
/// and modification time, the options, and the identity of the Broadsheet binary — as a digest
/// (FNV-1a, 64 bits), kept next to the output folder (`.Output.cache/manifest`) after a good
/// build; when the next build would be made from exactly the same, it leaves the output as it is.
/// Anything unreadable or different — a touched file, another binary, a deleted output — means a
/// full build: the manifest is never trusted beyond an exact match. (It was the text of every
/// line until the 10 MB of a 100,000-article archive cost more to make, read and write than the
/// listing it came from.)
struct BuildManifest: Equatable {
    static let format = "broadsheet-manifest 2"
    /// The digest of the header facts and each input file's path and stamp, in order.
    let digest: UInt64
    /// The stamp of each file under Content/ (by its path in the site folder) as the manifest
    /// found it, so that the build need not look at each article file again.
    let stamps: [String: FileStamp]
    /// The article files among them, as `ContentScanner.articlePaths` lists them (the build need
    /// not list the folder again).
    let articlePaths: [String]

    static func == (first: Self, second: Self) -> Bool { first.digest == second.digest }

    /// The manifest file for an output folder.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache/manifest")
    }

    /// The manifest of the build `options` describe, as the files are now.
    init(options: BuildOptions) {
        var hasher = StableHasher()
        for fact in [
            Self.format, Self.binaryIdentity, options.source.path, options.output.path, options.baseURL ?? "-",
            "\(options.includeDrafts)",
        ] {
            hasher.combine(fact)
        }
        var stamps: [String: FileStamp] = [:]
        var articlePaths: [String] = []
        for folder in ["Content", "Templates"] {
            hasher.combine(folder)
            let root = options.source.appendingPathComponent(folder, isDirectory: true)
            let files =
                folder == "Content"
                ? ContentScanner.contentFiles(in: options.source) : ContentScanner.relativeFiles(under: root)
            // Looked up from the open folder: a third of the path to walk for each file.
            let opened = FolderHandle(path: root.path)
            hasher.combine(files.count)
            for relative in files {
                hasher.combine(relative)
                guard
                    let stamp = opened.flatMap({ FileStamp(in: $0, relative) })
                        ?? FileStamp(path: root.path + "/" + relative)
                else {
                    hasher.combine(-1)
                    continue
                }
                if folder == "Content" {
                    let path = folder + "/" + relative
                    stamps[path] = stamp
                    // In the same (byte) order: every article path shares the folder's prefix.
                    if path.hasPrefix(ContentScanner.articlesFolder), ContentScanner.isArticleName(path) {
                        articlePaths.append(path)
                    }
                }
                hasher.combine(Int(stamp.size))
                hasher.combine(stamp.seconds)
                hasher.combine(stamp.nanoseconds)
            }
        }
        digest = hasher.finalize()
        self.stamps = stamps
        self.articlePaths = articlePaths
    }

    private init(digest: UInt64) {
        self.digest = digest
        stamps = [:]
        articlePaths = []
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
            let data = FileManager.default.contents(atPath: location(for: output).path)
        else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count == 3, lines[0] == Self.format, let digest = UInt64(lines[1], radix: 16) else { return nil }
        let counts = lines[2].split(separator: " ").compactMap { Int($0) }
        // The last build's warnings are not stored: after a build with warnings, build again so
        // that they are shown again.
        guard counts.count == 6, counts[5] == 0 else { return nil }
        let report = BuildReport(
            articles: counts[0], drafts: counts[1], pages: counts[2], seconds: 0, warnings: [],
            entities: counts[3], quotes: counts[4])
        return (BuildManifest(digest: digest), report)
    }

    /// Records the manifest of a good build with its counts; a failure to write only costs the
    /// next build its shortcut.
    func store(for output: URL, report: BuildReport) {
        let url = Self.location(for: output)
        let counts = [
            report.articles, report.drafts, report.pages, report.entities, report.quotes, report.warnings.count,
        ]
        let body = "\(Self.format)\n\(String(digest, radix: 16))\n\(counts.map(String.init).joined(separator: " "))\n"
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(body.utf8).write(to: url, options: .atomic)
    }

    /// Forgets the manifest, before a build replaces the output it describes.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}
