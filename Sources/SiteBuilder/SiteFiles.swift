import ArchiveModel
import ContentReader
import Foundation
import SiteIndex

/// What a build takes besides the articles' pages: the newest articles' bodies for the feeds, the
/// theme's and the site's static files, and the digest of the settings every article depends on.
extension SiteBuilder {
    /// The body HTML of the newest articles for the site's feeds: those rendered in this build were
    /// kept as they went; the others are unchanged since the last build, which kept theirs, or
    /// (newly among the newest after a deletion) are rendered again alone.
    func feedBodies(_ index: SiteIndex, limit: Int, tools: ArticleJob.Tools) -> [String: String] {
        let fresh = tools.bodies?.bySlug ?? [:]
        var bodies: [String: String] = [:]
        for summary in index.articles.prefix(limit) where summary.date != nil {
            if let body = fresh[summary.slug] ?? cache?.body(for: summary.slug) {
                bodies[summary.slug] = body
            } else {
                let job = ArticleJob(
                    path: summary.path, source: options.source.path, includeDrafts: options.includeDrafts)
                bodies[summary.slug] = job.content(with: tools)
            }
        }
        cache?.storeBodies(bodies)
        return bodies
    }

    /// A digest of what every article depends on besides its file: the settings and entities files
    /// as they are, `--base-url` and `--drafts`. Stable across processes, for the cache on disk.
    func contextKey() -> Int {
        var hasher = StableHasher()
        for file in ["Content/site.yml", "Content/entities.yml"] {
            let data = FileManager.default.contents(atPath: options.source.appendingPathComponent(file).path)
            hasher.combine(data?.count ?? -1)
            hasher.combine(bytes: data ?? Data())
        }
        hasher.combine(options.baseURL ?? "")
        hasher.combine(options.includeDrafts ? 1 : 0)
        return Int(truncatingIfNeeded: hasher.finalize())
    }

    /// Theme assets go to `assets/`, `Content/static/` to the site root; a static file that would
    /// overwrite a generated page is skipped with a warning.
    func copyStaticFiles(into stage: any SiteOutput) throws(Diagnostic) -> [Diagnostic] {
        let assets = options.source.appendingPathComponent("Templates/assets", isDirectory: true)
        _ = try stage.copyTree(assets, files: ContentScanner.relativeFiles(under: assets), prefix: "assets/")
        let statics = options.source.appendingPathComponent("Content/static", isDirectory: true)
        let skipped = try stage.copyTree(statics, files: ContentScanner.relativeFiles(under: statics), prefix: "")
        return skipped.map {
            Diagnostic.warning(
                file: "Content/static/\($0)", message: "not copied: a generated page has the same path",
                hint: "rename or move the file")
        }
    }
}
