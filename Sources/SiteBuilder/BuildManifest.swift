import ArchiveModel
import ContentReader
import Foundation

/// What a finished `build` was made from: every file under Content/ and Templates/ with its size
/// and modification time, the options, and the identity of the Broadsheet binary — as digests
/// (FNV-1a, 64 bits): one for everything but the articles' stamps, one per article file — kept
/// next to the output folder (`.Output.cache/manifest`) after a good build. When the next build
/// would be made from exactly the same, it leaves the output as it is; when only some articles'
/// stamps differ, it knows which without reading the cache (`InPlaceRebuild`).
/// Anything unreadable or different — a touched file, another binary, a deleted output — means a
/// full build: the manifest is never trusted beyond an exact match. (It was the text of every
/// line until the 10 MB of a 100,000-article archive cost more to make, read and write than the
/// listing it came from.)
struct BuildManifest: Equatable {
    static let format = "broadsheet-manifest 4"
    /// The digest of the header facts, of each input file's path and of the stamps of every file
    /// but the articles, in order.
    let frame: UInt64
    /// A digest of each article file's stamp, in the order of `articlePaths`: with the same
    /// `frame`, the articles whose digest differs are the only files that changed.
    let articleStamps: [UInt64]
    /// The stamp of each file under Content/ (by its path in the site folder) as the manifest
    /// found it, so that the build need not look at each article file again.
    let stamps: [String: FileStamp]
    /// The article files among them, as `ContentScanner.articlePaths` lists them (the build need
    /// not list the folder again).
    let articlePaths: [String]
    /// What the listing of Content/ could not take (an unreadable folder, a link to a file), said
    /// by the build.
    let skipped: [Diagnostic]

    static func == (first: Self, second: Self) -> Bool {
        first.frame == second.frame && first.articleStamps == second.articleStamps
    }

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
        var articleStamps: [UInt64] = []
        var skipped: [ContentScanner.Skipped] = []
        for folder in ["Content", "Templates"] {
            hasher.combine(folder)
            let root = options.source.appendingPathComponent(folder, isDirectory: true)
            let files =
                folder == "Content"
                ? ContentScanner.contentFiles(in: options.source, skipped: &skipped)
                : ContentScanner.relativeFiles(under: root)
            let found = Self.stamps(of: files, in: root.path)
            hasher.combine(files.count)
            if folder == "Content" { stamps.reserveCapacity(files.count) }
            for (relative, stamp) in zip(files, found) {
                hasher.combine(relative)
                let path = folder + "/" + relative
                // In the same (byte) order: every article path shares the folder's prefix.
                if folder == "Content", path.hasPrefix(ContentScanner.articlesFolder),
                    ContentScanner.isArticleName(path)
                {
                    articlePaths.append(path)
                    articleStamps.append(stamp.map(Self.digest) ?? 0)
                    if let stamp { stamps[path] = stamp }
                    continue
                }
                guard let stamp else {
                    hasher.combine(-1)
                    continue
                }
                if folder == "Content" { stamps[path] = stamp }
                hasher.combine(Int(stamp.size))
                hasher.combine(stamp.seconds)
                hasher.combine(stamp.nanoseconds)
                hasher.combine(stamp.change)
                hasher.combine(stamp.change)
            }
        }
        frame = hasher.finalize()
        self.articleStamps = articleStamps
        self.stamps = stamps
        self.articlePaths = articlePaths
        self.skipped = skipped.filter { $0.path == "articles" || $0.path.hasPrefix("articles/") }.map {
            $0.diagnostic(prefix: "Content/")
        }
    }

    /// The stamps of `files` under `root`, looked up from the open folder (a third of the path to
    /// walk for each) on every core: the kernel's path walks were a third of a build with nothing
    /// changed at 100,000 articles.
    private static func stamps(of files: [String], in root: String) -> [FileStamp?] {
        let opened = FolderHandle(path: root)
        let found = UnsafeMutableBufferPointer<FileStamp?>.allocate(capacity: files.count)
        defer { found.deallocate() }
        // Each task fills its own range of `found`.
        nonisolated(unsafe) let base = found.baseAddress!
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, max(1, files.count / 1024))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for position in files.count * chunk / chunks..<files.count * (chunk + 1) / chunks {
                let relative = files[position]
                (base + position).initialize(
                    to: opened.flatMap { FileStamp(in: $0, relative) } ?? FileStamp(path: root + "/" + relative))
            }
        }
        let stamps = Array(found)
        found.baseAddress!.deinitialize(count: files.count)
        return stamps
    }

    private init(frame: UInt64, articleStamps: [UInt64]) {
        self.frame = frame
        self.articleStamps = articleStamps
        stamps = [:]
        articlePaths = []
        skipped = []
    }

    /// A file stamp as one number (never 0, which stands for a file that could not be looked at).
    static func digest(_ stamp: FileStamp) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(Int(stamp.size))
        hasher.combine(stamp.seconds)
        hasher.combine(stamp.nanoseconds)
        hasher.combine(stamp.change)
        return max(hasher.finalize(), 1)
    }

    /// The positions (in `articlePaths`) of the article files changed since the build `stored`
    /// describes, when they are the only files changed: the same files, the same settings,
    /// entities, templates and options, and the same binary. Nil when anything else changed.
    func changedArticles(since stored: BuildManifest) -> [Int]? {
        guard frame == stored.frame, articleStamps.count == stored.articleStamps.count else { return nil }
        return articleStamps.indices.filter { articleStamps[$0] != stored.articleStamps[$0] }
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
    /// one and the output folder still carries Broadsheet's marker. The file is four lines of text
    /// (format, frame digest, counts, number and checksum of the article stamps), then the article
    /// stamps' digests, eight bytes each.
    static func stored(for output: URL) -> (manifest: BuildManifest, report: BuildReport)? {
        guard OutputStage.isMarked(output), let data = FileManager.default.contents(atPath: location(for: output).path)
        else { return nil }
        let bytes = [UInt8](data)
        var lines: [Substring] = []
        var start = 0
        while lines.count < 4, let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(Substring(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard lines.count == 4, lines[0] == Self.format, let frame = UInt64(lines[1], radix: 16) else { return nil }
        let counts = lines[2].split(separator: " ").compactMap { Int($0) }
        let table = lines[3].split(separator: " ")
        // The last build's warnings are not stored: after a build with warnings, build again so
        // that they are shown again.
        guard counts.count == 6, counts[5] == 0, table.count == 2, let articles = Int(table[0]),
            let checksum = UInt64(table[1], radix: 16), bytes.count - start == articles * 8
        else { return nil }
        let articleStamps = bytes[start...].withUnsafeBytes { raw in
            (0..<articles).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        guard Self.checksum(articleStamps) == checksum else { return nil }
        let report = BuildReport(
            articles: counts[0], drafts: counts[1], pages: counts[2], seconds: 0, warnings: [],
            entities: counts[3], quotes: counts[4])
        return (BuildManifest(frame: frame, articleStamps: articleStamps), report)
    }

    /// Records the manifest of a good build with its counts; a failure to write only costs the
    /// next build its shortcut.
    func store(for output: URL, report: BuildReport) {
        let url = Self.location(for: output)
        let counts = [
            report.articles, report.drafts, report.pages, report.entities, report.quotes, report.warnings.count,
        ]
        let text = [
            Self.format, String(frame, radix: 16), counts.map(String.init).joined(separator: " "),
            "\(articleStamps.count) \(String(Self.checksum(articleStamps), radix: 16))",
        ]
        var bytes = Array((text.joined(separator: "\n") + "\n").utf8)
        bytes.reserveCapacity(bytes.count + 8 * articleStamps.count)
        for stamp in articleStamps { withUnsafeBytes(of: stamp.littleEndian) { bytes += $0 } }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url, options: .atomic)
    }

    private static func checksum(_ stamps: [UInt64]) -> UInt64 {
        var checksum = Checksum()
        stamps.withUnsafeBytes { checksum.combine($0) }
        return checksum.value
    }

    /// Forgets the manifest, before a build replaces the output it describes.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}
