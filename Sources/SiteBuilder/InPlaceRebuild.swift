import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Rendering
import SiteIndex

/// `build` after a few article files were edited and nothing else changed, when the edits show on
/// no page but each article's own (a sentence reworded, a typo fixed below the quotations): the
/// edited articles are built again and their pages replaced, and nothing else is read — not the
/// cache's other articles, not the site index, not the output folder's other files.
///
/// Whether an edit shows anywhere else is known by comparing the new summary's digest with the
/// one the cache kept (title, date, tags, entities, quotations and where they are: everything a
/// list, entity page, feed entry, export or the search index takes from an article). A different
/// digest, a warning or a draft, and the build goes on as a whole one from the cache, which
/// renders every page that shows the article. The one other file that shows an article's body is
/// the site feed (the newest `feed_limit` articles): when it carries an edited article, it is
/// rendered again from its articles' summaries, read from the cache, and the new bodies.
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
    /// The segments of the cache that hold the edited articles (and the site feed's, when it must
    /// be rendered again), by position, and where each edited article is in them.
    private var segments: [Int: [(String, BuildCache.Entry)]]
    private let places: [(segment: Int, offset: Int)]
    /// When an edited article's body is in the site feed: the cache's tail, and where the feed's
    /// articles are in `segments`, newest first.
    private let tail: BuildCacheFile.Tail?
    private let feedPlaces: [(segment: Int, offset: Int)]

    /// Reads the edited articles' entries from the last build's cache (and, when the site feed
    /// carries the body of one, the entries of every article of the feed), or nil when they cannot
    /// be rebuilt in place: no cache made with these settings and templates, an article that had a
    /// warning or was a skipped draft. (Needs no gazetteer: done while it is made.)
    init?(_ edited: Edited, output: URL, context: Int, templates: Int) {
        // A cache file more than half stale is written afresh by a whole build.
        guard case .success(let cache) = BuildCacheFile.opened(for: output), cache.source.context == context,
            cache.source.templates == templates, cache.source.size <= 2 * cache.source.live,
            let feed = try? cache.decodedFeed()
        else { return nil }
        var segments: [Int: [(String, BuildCache.Entry)]] = [:]
        // Where the article at `position` of the manifest's list is, with its segment decoded.
        func place(of path: String, at position: Int) -> (segment: Int, offset: Int)? {
            guard let place = cache.segment(at: position) else { return nil }
            if segments[place.segment] == nil {
                segments[place.segment] = try? cache.file.entries(cache.segments[place.segment])
            }
            guard let entries = segments[place.segment], entries[place.offset].0 == path else { return nil }
            return place
        }
        let paths = edited.positions.map { edited.manifest.articlePaths[$0] }
        var places: [(segment: Int, offset: Int)] = []
        let feedSlugs = Set(feed.bodies.map(\.0))
        var inFeed = false
        for (position, path) in zip(edited.positions, paths) {
            guard let place = place(of: path, at: position) else { return nil }
            let outcome = segments[place.segment]![place.offset].1.outcome
            guard let summary = outcome.summary, outcome.diagnostics.isEmpty else { return nil }
            inFeed = inFeed || feedSlugs.contains(summary.slug)
            places.append(place)
        }
        var feedPlaces: [(segment: Int, offset: Int)] = []
        var tail: BuildCacheFile.Tail?
        if inFeed {
            // The tail is written again, with the new bodies.
            guard let decoded = try? cache.decodedTail() else { return nil }
            tail = decoded
            for path in feed.paths {
                guard let position = ContentScanner.position(of: path, in: edited.manifest.articlePaths),
                    let place = place(of: path, at: position)
                else { return nil }
                feedPlaces.append(place)
            }
            let slugs = feedPlaces.compactMap { segments[$0.segment]![$0.offset].1.outcome.summary?.slug }
            guard Set(slugs) == feedSlugs, slugs.count == feedPlaces.count else { return nil }
        }
        self.edited = edited
        self.paths = paths
        self.cache = cache
        self.segments = segments
        self.places = places
        self.tail = tail
        self.feedPlaces = feedPlaces
    }

    /// Rebuilds the edited articles and moves their pages (and the site feed, when it carries one
    /// of them) into the output folder, or returns nil (having changed nothing) when an edit shows
    /// elsewhere and the build must be a whole one.
    mutating func run(
        options: BuildOptions, config: SiteConfig, templates: TemplateSet, gazetteer: Gazetteer, context: Int,
        start: Date, clock: inout PhaseClock
    ) throws(DiagnosticError) -> BuildReport? {
        let output = options.output
        let stage: OutputStage
        do throws(Diagnostic) {
            // Patching with no files to remove: only the pages written here move into the output.
            stage = try OutputStage(output: output, source: options.source, baseURL: config.baseURL, patching: [])
        } catch {
            return nil
        }
        let built = BuildCache(keepsSources: false)
        built.begin(context: context, templates: templates.fingerprint)
        let tools = ArticleJob.Tools(
            enricher: ArticleEnricher(gazetteer: gazetteer),
            renderer: ArticlePageRenderer(templates: templates, config: config), stage: stage, cache: built,
            templates: templates.fingerprint, bodies: tail == nil ? nil : NewestBodies(limit: paths.count),
            stamps: edited.manifest.stamps)
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
        let feed: BuildCacheFile.Tail?
        do throws(Diagnostic) {
            feed = try renderFeed(bodies: tools.bodies?.bySlug ?? [:], config: config, gazetteer: gazetteer, to: stage)
        } catch {
            stage.discard()
            throw DiagnosticError([error])
        }
        guard tail == nil || feed != nil else {
            stage.discard()
            return nil
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
        // Without its cache, the output gets no manifest either: the next build is a whole one.
        if BuildCacheFile.replace(segments, tail: feed, in: cache, for: output) {
            edited.manifest.store(for: output, report: report)
        }
        clock.lap("pages moved into place, cache and manifest saved")
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// When an edited article's body is in the site feed: the feed again, made from its articles'
    /// summaries alone with the new bodies, written to `stage`, and the tail with those bodies;
    /// nil when it cannot be made so (a body missing, the feed's order not found again).
    private func renderFeed(
        bodies fresh: [String: String], config: SiteConfig, gazetteer: Gazetteer, to stage: OutputStage
    ) throws(Diagnostic) -> BuildCacheFile.Tail? {
        guard var tail else { return nil }
        for place in places {
            guard let slug = segments[place.segment]![place.offset].1.outcome.summary?.slug,
                !tail.bodies.contains(where: { $0.0 == slug }) || fresh[slug] != nil
            else { return nil }
        }
        tail.bodies = tail.bodies.map { ($0.0, fresh[$0.0] ?? $0.1) }
        let outcomes = feedPlaces.map { segments[$0.segment]![$0.offset].1.outcome }
        let index = SiteIndex(
            summaries: outcomes.compactMap(\.summary), hashes: outcomes.map(\.pageHash),
            dataHashes: outcomes.map(\.summaryHash), entityDetails: gazetteer.entity(id:))
        guard index.articles.map(\.path) == tail.feedPaths else { return nil }
        let feeds = FeedRenderer(
            index: index, config: config, bodies: Dictionary(tail.bodies, uniquingKeysWith: { $1 }))
        guard let atom = feeds.atom(.site) else { return nil }
        try stage.write(atom, to: RenderedPage.filePath(of: feeds.atomPath(.site)))
        try stage.write(feeds.jsonFeed(), to: RenderedPage.filePath(of: FeedRenderer.jsonFeedPath))
        return tail
    }
}
