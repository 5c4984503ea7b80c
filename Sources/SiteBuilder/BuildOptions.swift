import ArchiveModel
import Foundation

/// What `broadsheet build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder holding `Content/` and `Templates/`.
    public var source: URL
    /// Where the site is written; `Output/` inside the site folder by default.
    public var output: URL
    /// Replaces site.yml's `base_url` (e.g. for a staging server).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Parallel per-article tasks; the core count by default.
    public var concurrency: Int
    /// Build into this in-memory site instead of the output folder (serve); the folder is untouched.
    public var memorySite: MemorySite?
    /// Leave the output folder as it is when nothing it was built from has changed (`BuildManifest`);
    /// `build --force` turns it off.
    public var reusesUnchangedOutput = true
    /// Paths (relative to the site folder) a file watcher saw change since the last build with
    /// this build's `BuildCache` (serve): every other article file is taken to be as it was, and
    /// neither listed nor checked. nil checks every file.
    public var changedPaths: Set<String>?
    /// The process ends with the build (`broadsheet build`): what the build cache holds is left
    /// for the exit to reclaim instead of being freed object by object (0.15 s at 10,000 articles).
    public var endsProcess = false

    public init(
        source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("Output", isDirectory: true)).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.concurrency = max(1, concurrency)
    }
}

/// What a finished build did, for the summary line.
public struct BuildReport: Sendable {
    public var articles: Int
    public var drafts: Int
    public var pages: Int
    public var seconds: Double
    public var warnings: [Diagnostic]
    /// Articles taken unchanged from a `BuildCache`, with their pages.
    public var reused: Int = 0
    /// Articles rendered again from a `BuildCache` after a template change, without reading their files.
    public var rerendered: Int = 0
    /// Cross-article pages whose fingerprint had not changed, kept from the previous build.
    public var reusedPages: Int = 0
    /// Exports and search files patched from the previous build's (only the edited articles' rows
    /// made again) rather than written whole.
    public var patchedFiles: Int = 0
    /// Entities and quotations in the archive.
    public var entities: Int = 0
    public var quotes: Int = 0
    /// Nothing had changed since the last build, whose output was left as it was.
    public var unchanged = false
    /// Only article files had changed, and nothing they show beyond their own pages: those pages
    /// alone were written (`InPlaceRebuild`).
    public var inPlace = false
}

/// How far a build has got, for a progress display: `done` of `total` items of a stage.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable {
        /// Reading, enriching and rendering articles.
        case articles
        /// Rendering the cross-article pages.
        case pages
    }

    public var stage: Stage
    public var done: Int
    public var total: Int
}
