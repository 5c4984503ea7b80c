import ArchiveModel
import Enrichment
import Foundation
import Rendering

/// `build` after a few article files were edited and nothing else changed, when the edits show on
/// no page but each article's own (a sentence reworded, a typo fixed below the quotations): the
/// edited articles are built again and their pages replaced, and nothing else is read — not the
/// cache's other articles, not the site index, not the output folder's other files.
///
/// Whether an edit shows anywhere else is known by comparing the new summary's digest with the
/// one the cache kept (title, date, tags, entities, quotations and where they are: everything a
/// list, entity page, feed entry, export or the search index takes from an article). A different
/// digest, a warning, a draft, or an article whose body the site feed carries, and the build goes
/// on as a whole one from the cache, which renders every page that shows the article.
struct InPlaceRebuild {
    /// At most this many edited articles are tried in place; beyond, a build from the cache costs
    /// little more.
    static let limit = 32

    /// The manifest as the build found the files, the edited articles' positions in its list, and
    /// the last build's report.
    struct Edited {
        var positions: [Int]
        var manifest: BuildManifest
        var last: BuildReport
    }

    let edited: Edited
    let paths: [String]
    let cache: BuildCacheFile.Opened
    /// The segments of the cache that hold the edited articles, by position, and where each
    /// article is in them.
    private var segments: [Int: [(String, BuildCache.Entry)]]
    private let places: [(segment: Int, offset: Int)]

    /// Reads the edited articles' entries from the last build's cache, or nil when they cannot be
    /// rebuilt in place: no cache made with these settings and templates, an article that had a
    /// warning, was a skipped draft, or has its body in the site feed. (Needs no gazetteer: done
    /// while it is made.)
    init?(_ edited: Edited, output: URL, context: Int, templates: Int) {
        // A cache file more than half stale is written afresh by a whole build.
        guard case .success(let cache) = BuildCacheFile.opened(for: output), cache.source.context == context,
            cache.source.templates == templates, cache.source.size <= 2 * cache.source.live
        else { return nil }
        let paths = edited.positions.map { edited.manifest.articlePaths[$0] }
        var segments: [Int: [(String, BuildCache.Entry)]] = [:]
        var places: [(segment: Int, offset: Int)] = []
        for (position, path) in zip(edited.positions, paths) {
            guard let place = cache.segment(at: position) else { return nil }
            if segments[place.segment] == nil {
                segments[place.segment] = try? cache.file.entries(cache.segments[place.segment])
            }
            guard let entries = segments[place.segment], entries[place.offset].0 == path else { return nil }
            places.append(place)
        }
        guard let feedSlugs = try? cache.feedSlugs(),
            places.allSatisfy({ place in
                let outcome = segments[place.segment]![place.offset].1.outcome
                return outcome.summary.map { !feedSlugs.contains($0.slug) } == true && outcome.diagnostics.isEmpty
            })
        else { return nil }
        self.edited = edited
        self.paths = paths
        self.cache = cache
        self.segments = segments
        self.places = places
    }

    /// Rebuilds the edited articles and moves their pages into the output folder, or returns nil
    /// (having changed nothing) when an edit shows elsewhere and the build must be a whole one.
    mutating func run(
        options: BuildOptions, config: SiteConfig, templates: TemplateSet, gazetteer: Gazetteer, context: Int,
        start: Date, clock: inout PhaseClock
    ) throws(DiagnosticError) -> BuildReport? {
        let output = options.output
        let stage: OutputStage
        do throws(Diagnostic) {
            // Patching with no files to remove: only the pages written here move into the output.
            stage = try OutputStage(output: output, source: options.source, patching: [])
        } catch {
            return nil
        }
        let built = BuildCache(keepsSources: false)
        built.begin(context: context, templates: templates.fingerprint)
        let tools = ArticleJob.Tools(
            enricher: ArticleEnricher(gazetteer: gazetteer),
            renderer: ArticlePageRenderer(templates: templates, config: config), stage: stage, cache: built,
            templates: templates.fingerprint, bodies: nil, stamps: edited.manifest.stamps)
        for (path, place) in zip(paths, places) {
            let previous = segments[place.segment]![place.offset].1
            let outcome = ArticleJob(path: path, source: options.source.path, includeDrafts: options.includeDrafts)
                .run(with: tools)
            guard outcome.summary != nil, outcome.diagnostics.isEmpty,
                outcome.summaryHash == previous.outcome.summaryHash, let entry = built.pendingEntry(for: path)
            else {
                stage.discard()
                return nil
            }
            segments[place.segment]![place.offset].1 = entry
        }
        clock.lap("articles: \(paths.count) rebuilt in place (nothing else shows what changed)")

        // As a whole build does: no manifest or cache describes the output while it changes.
        BuildManifest.remove(for: output)
        BuildCacheFile.retire(for: output)
        do throws(Diagnostic) {
            try stage.commit()
        } catch {
            throw DiagnosticError([error])
        }
        var report = edited.last
        report.reused = report.articles + report.drafts - paths.count
        report.reusedPages = report.pages - report.articles
        report.inPlace = true
        if BuildCacheFile.replace(segments, in: cache, for: output) {
            report.seconds = Date().timeIntervalSince(start)
            edited.manifest.store(for: output, report: report)
        }
        clock.lap("pages moved into place, cache and manifest saved")
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
