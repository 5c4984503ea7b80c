import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Knowledge
import Logging
import Rendering
import SiteIndex

/// The build: load the site's settings and templates, read and render every article in parallel,
/// index the summaries, render the index pages, copy static files, and swap the result in place of
/// the output folder. Any error leaves the previous output untouched.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    let logger: Logger
    /// Article results of earlier builds in this process (serve's rebuilds) or of the last `build`
    /// (`BuildCacheFile`), or nil.
    let cache: BuildCache?
    /// Told how far the build has got, from one task at a time.
    let progress: (@Sendable (BuildProgress) -> Void)?

    public init(
        options: BuildOptions, logger: Logger = Logger(label: "broadsheet.build") { _ in SwiftLogNoOpLogHandler() },
        cache: BuildCache? = nil, progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) {
        self.options = options
        self.logger = logger
        self.cache = cache
        self.progress = progress
    }

    /// Builds the site, or throws every error found (with the warnings that came with them).
    public func build() async throws(DiagnosticError) -> BuildReport {
        let start = Date()
        var clock = PhaseClock(logger: logger)
        // `build` (rather than serve or a test with a cache of its own) keeps what it did on disk.
        let onDisk = options.memorySite == nil && cache == nil
        let output = options.output
        let source = options.source
        // Two builds of one output folder one after the other, never at once.
        let lock = onDisk ? try OutputLock.forBuild(output: output, source: source, logger: logger) : nil
        defer { withExtendedLifetime(lock) {} }
        let makeInputs = { @Sendable () throws(DiagnosticError) -> BuildCache.Inputs in
            let path = source.appendingPathComponent("Content/entities.yml").path
            let stamp = FileStamp(path: path)
            let entities = try SiteLoader.entities(in: source)
            return BuildCache.Inputs(
                entitiesPath: path, entitiesStamp: stamp, entities: entities,
                gazetteer: Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared))
        }
        // Without a cache in memory, the gazetteer (the built-in knowledge, a third of a build
        // after a small edit, and entities.yml) is made on another core while the files are listed.
        let madeInputs =
            cache == nil
            ? Task { () -> Result<BuildCache.Inputs, DiagnosticError> in
                do throws(DiagnosticError) { return .success(try makeInputs()) } catch { return .failure(error) }
            } : nil
        // A build into the output folder made from exactly what the last good one was made from
        // leaves it as it is.
        let manifest = onDisk ? BuildManifest(options: options) : nil
        let stored = manifest != nil && options.reusesUnchangedOutput ? BuildManifest.stored(for: output) : nil
        if let manifest, let stored, stored.manifest == manifest {
            var report = stored.report
            report.unchanged = true
            report.seconds = Date().timeIntervalSince(start)
            return report
        }
        // When a few articles alone changed, they may be rebuilt in place (`InPlaceRebuild`);
        // otherwise the last build's cache is read on the other cores while the settings,
        // entities and templates load, and checked against them after.
        let edited = manifest.flatMap { manifest in
            stored.flatMap { stored in
                manifest.changedArticles(since: stored.manifest).flatMap {
                    $0.count <= InPlaceRebuild.limit
                        ? InPlaceRebuild.Edited(positions: $0, manifest: manifest, last: stored.report) : nil
                }
            }
        }
        let readCache = { Task { await BuildCacheFile.read(for: output) } }
        var cacheFile = onDisk && options.reusesUnchangedOutput && edited == nil ? readCache() : nil
        // serve starts from what `build` left, when it can (see `BuildCache.adopt`).
        let adopting = options.memorySite != nil && cache?.isUnused == true ? readCache() : nil
        let config = try SiteLoader.config(in: options.source, baseURLOverride: options.baseURL)
        let templates = try TemplateSet.load(
            from: options.source.appendingPathComponent("Templates", isDirectory: true), reusing: cache?.templateSet)
        cache?.templateSet = templates
        let context = contextKey()
        // The edited articles' entries are read from the cache while the gazetteer is made.
        var inPlace = edited.flatMap {
            InPlaceRebuild($0, output: output, context: context, templates: templates.fingerprint)
        }
        let inputs: BuildCache.Inputs
        if let cache {
            inputs = try cache.inputs(make: makeInputs)
        } else if let madeInputs {
            inputs = try await madeInputs.value.get()
        } else {
            inputs = try makeInputs()
        }
        let gazetteer = inputs.gazetteer
        clock.lap("settings, templates, entities")
        if let adopting, let adopted = await cache?.adopt(adopting, context: context, templates: templates.fingerprint)
        {
            clock.lap("build's cache read (\(adopted) articles)")
        }
        if edited != nil {
            if let report = try inPlace?.run(
                options: options, config: config, templates: templates, gazetteer: gazetteer, context: context,
                start: start, clock: &clock)
            {
                return report
            }
            cacheFile = readCache()
        }
        // `build` starts from the cache on disk when it is whole and current, and patches the
        // output folder; otherwise it builds everything and replaces the folder.
        var builder = self
        var previousFiles: Set<String>?
        if onDisk {
            var restored: BuildCache?
            if let cacheFile {
                switch await cacheFile.value.flatMap({
                    $0.restore(
                        context: context, templates: templates.fingerprint,
                        index: {
                            SiteIndex(summaries: $0, hashes: $1, dataHashes: $2, entityDetails: gazetteer.entity(id:))
                        })
                }) {
                case .success(let found):
                    restored = found.cache
                    previousFiles = found.outputFiles
                case .failure(let miss):
                    logger.info("full build: \(miss)")
                }
            }
            builder = SiteBuilder(
                options: options, logger: logger, cache: restored ?? BuildCache(keepsSources: false),
                progress: progress)
            clock.lap("cache loaded")
        }
        builder.cache?.begin(context: context, templates: templates.fingerprint)
        let stage: any SiteOutput
        if let memory = options.memorySite {
            stage = MemoryStage(site: memory)
        } else {
            do throws(Diagnostic) {
                stage = try OutputStage(
                    output: options.output, source: options.source, baseURL: config.baseURL, patching: previousFiles)
            } catch {
                throw DiagnosticError([error])
            }
        }
        do throws(DiagnosticError) {
            let built = try await builder.buildPages(
                listsPageFiles: onDisk, stamps: manifest?.stamps ?? [:], listed: manifest?.articlePaths,
                listingProblems: manifest?.skipped ?? [],
                config: config, templates: templates, enricher: ArticleEnricher(gazetteer: gazetteer), stage: stage,
                clock: &clock)
            if onDisk {
                // Whatever happens to the output from here, no manifest or cache describes it.
                BuildManifest.remove(for: options.output)
                BuildCacheFile.retire(for: options.output)
            }
            do throws(Diagnostic) {
                try stage.commit()
            } catch { throw DiagnosticError([error]) }
            clock.lap("output folder committed")
            builder.cache?.commit(
                index: built.index, paths: built.paths, keeping: built.pathSet, outcomes: built.outcomes)
            var report = built.report
            if onDisk, let cache = builder.cache, let disk = stage as? OutputStage {
                await BuildCacheFile.save(
                    cache, paths: built.paths, pageFiles: built.pageFiles, outputFiles: disk.ledger.allFiles,
                    feedPaths: built.index.articles.prefix { $0.date != nil }.prefix(config.feedLimit).map(\.path),
                    for: options.output)
                clock.lap("cache saved")
            }
            report.seconds = Date().timeIntervalSince(start)
            manifest?.store(for: options.output, report: report)
            if options.endsProcess, let cache = builder.cache { _ = Unmanaged.passRetained(cache) }
            return report
        } catch {
            stage.discard()
            throw error
        }
    }

    /// `listsPageFiles`: work out every cross-article page's file for the cache on disk (serve's
    /// cache, in memory, needs no list). `stamps` and `listed`: the article files' stamps and
    /// paths as the manifest found them (nil without a manifest: serve lists them itself).
    private func buildPages(
        listsPageFiles: Bool, stamps: [String: FileStamp], listed: [String]?, listingProblems: [Diagnostic],
        config: SiteConfig,
        templates: TemplateSet,
        enricher: ArticleEnricher,
        stage: any SiteOutput,
        clock: inout PhaseClock
    ) async throws(DiagnosticError) -> (
        report: BuildReport, index: SiteIndex, paths: [String], pathSet: Set<String>?, outcomes: [ArticleJob.Outcome],
        pageFiles: [String: [String]]
    ) {
        // Serve says which files changed; otherwise (or when that is not enough) they are listed.
        let trusted = options.changedPaths.flatMap { changes in
            cache?.paths.flatMap { ChangedPaths.articlePaths(after: changes, previous: $0, source: options.source) }
        }
        var skipped: [ContentScanner.Skipped] = []
        let paths = trusted ?? listed ?? ContentScanner.articlePaths(in: options.source, skipped: &skipped)
        let unchecked = trusted == nil ? nil : options.changedPaths
        logger.debug("reading \(paths.count) article files")
        let tools = ArticleJob.Tools(
            enricher: enricher, renderer: ArticlePageRenderer(templates: templates, config: config), stage: stage,
            cache: cache, templates: templates.fingerprint, bodies: NewestBodies(limit: config.feedLimit),
            stamps: stamps)
        let outcomes = await articleOutcomes(paths, tools: tools, onlyChanged: unchecked)
        clock.lap("articles: \(outcomes.count(where: { !$0.reused })) built, \(outcomes.count(where: \.reused)) kept")
        var diagnostics =
            (listed == nil ? skipped.map { $0.diagnostic(prefix: ContentScanner.articlesFolder) } : listingProblems)
            + outcomes.flatMap(\.diagnostics)
        var summaries: [ArticleSummary] = []
        var hashes: [Int] = []
        var dataHashes: [Int] = []
        for outcome in outcomes {
            guard let summary = outcome.summary else { continue }
            summaries.append(summary)
            hashes.append(outcome.pageHash)
            dataHashes.append(outcome.summaryHash)
        }
        // The same files as the last build (serve, after an edit): not hashed again.
        let keptPaths = cache?.paths == paths ? nil : Set(paths)
        // When articles changed in place (the same date and slug), the last index is updated for
        // them alone.
        let edits = cache?.edits(keeping: keptPaths)
        let updated = edits.flatMap { cache?.index?.updating($0.edits, entityDetails: enricher.gazetteer.entity(id:)) }
        // An updated index has the last good build's slugs.
        for duplicate in updated == nil ? SiteIndex.duplicateSlugs(in: summaries) : [] {
            diagnostics.append(
                Diagnostic(
                    file: duplicate.second, line: 1, column: 1,
                    message: "slug `\(duplicate.slug)` is already used by \(duplicate.first)",
                    hint: "rename one of the files or give one a `slug:` of its own in its front matter"))
        }
        guard !diagnostics.containsErrors else { throw DiagnosticError(diagnostics) }

        let index: SiteIndex
        let listsUnchanged: Bool
        if let updated {
            index = updated.index
            // Edits that show on no list (text edited around the quotations, say) leave every list,
            // entity and quotation page as it was: none needs looking at.
            listsUnchanged = edits?.listsSame == true
        } else {
            index = SiteIndex(
                summaries: summaries, hashes: hashes, dataHashes: dataHashes,
                entityDetails: enricher.gazetteer.entity(id:))
            listsUnchanged = cache?.index.map { index.listsSame(as: $0) } ?? false
        }
        // With a previous build to compare with, entity and speaker pages are looked at only for
        // the entities the changed articles name; every other page is checked by fingerprint.
        let touched: Set<String>? =
            listsUnchanged
            ? []
            : cache?.changedSummaries(keeping: keptPaths).map {
                TouchedEntities.find(changed: $0, previous: cache?.index, current: index)
            }
        clock.lap(
            listsUnchanged ? "site index (no list changed)" : updated != nil ? "site index (updated)" : "site index")
        let indexRenderer = IndexPageRenderer(index: index, templates: templates, config: config)
        let entityRenderer = EntityPageRenderer(index: index, templates: templates, config: config)
        let quoteRenderer = QuotePageRenderer(index: index, templates: templates, config: config)
        // After articles changed in place, only the list pages that show them can have changed.
        let changedLists = updated.flatMap { updated in
            cache?.index.flatMap { indexRenderer.pagesChanged(at: updated.positions, from: $0) }
        }
        let changedQuotePages = updated.flatMap { updated in
            cache?.index.flatMap { quoteRenderer.indexPagesChanged(at: updated.positions, from: $0) }
        }
        let indexPages = indexRenderer.pages
        let entityPages = entityRenderer.pages
        let quotePages = quoteRenderer.pages
        let total = indexPages.count + entityPages.count + quotePages.count
        // serve: pages are rendered when they are asked for, not before the reload.
        let renderLater = stage.rendersPagesLater
        // The last build's pages, to compare with, when its cache came from disk.
        let previous = cache?.hasRestoredPages == true ? cache?.index : nil
        let writtenIndex = await write(
            listsFiles: listsPageFiles,
            indexPages, kind: "index", to: stage, fingerprint: indexRenderer.fingerprint,
            previous: previous.map {
                PreviousPages(IndexPageRenderer(index: $0, templates: templates, config: config))
            }, mustCheck: { page in !listsUnchanged && changedLists?.contains(page) != false },
            progress: (0, total),
            renderLaterAt: renderLater ? indexRenderer.sitePath : nil
        ) { indexRenderer.render($0) }
        clock.lap("list pages")
        let writtenEntities = await write(
            listsFiles: listsPageFiles,
            entityPages, kind: "entity", to: stage, fingerprint: entityRenderer.fingerprint,
            previous: previous.map {
                PreviousPages(EntityPageRenderer(index: $0, templates: templates, config: config))
            },
            mustCheck: { page in
                guard !listsUnchanged else { return false }
                guard let touched, case .entity(let id, _) = page else { return true }
                return touched.contains(id)
            }, progress: (indexPages.count, total),
            renderLaterAt: renderLater ? entityRenderer.sitePath : nil
        ) { entityRenderer.render($0) }
        clock.lap("entity pages")
        let writtenQuotes = await write(
            listsFiles: listsPageFiles,
            quotePages, kind: "quote", to: stage, fingerprint: quoteRenderer.fingerprint,
            previous: previous.map {
                PreviousPages(QuotePageRenderer(index: $0, templates: templates, config: config))
            },
            mustCheck: { page in
                guard !listsUnchanged else { return false }
                switch page {
                case .speaker(let id, _): return touched?.contains(id) ?? true
                case .index(let number): return changedQuotePages?.contains(number) ?? true
                case .speakers: return true
                }
            }, progress: (indexPages.count + entityPages.count, total),
            renderLaterAt: renderLater ? quoteRenderer.sitePath : nil
        ) { quoteRenderer.render($0) }
        let written = [writtenIndex, writtenEntities, writtenQuotes]
        clock.lap("quotation pages (\(written.map(\.reused).reduce(0, +)) of \(total) cross-article pages kept)")
        let publication = PublicationRenderer(
            index: index, config: config, bodies: feedBodies(index, limit: config.feedLimit, tools: tools))
        let previousBodies = cache?.previousBodies ?? [:]
        let published = await write(
            listsFiles: listsPageFiles,
            publication.pages, kind: "published", to: stage, fingerprint: publication.fingerprint,
            previous: previous.map {
                PreviousPages(PublicationRenderer(index: $0, config: config, bodies: previousBodies))
            },
            mustCheck: { file in
                guard let touched, case .atom(.entity(let id)) = file else { return true }
                return touched.contains(id)
            }, progress: nil,
            renderLaterAt: renderLater ? publication.sitePath : nil,
            // The exports and search index are patched from the last build's: the rows of every
            // article whose summary is the same are copied, wherever it now is.
            rowPatch: cache?.index.map { last in
                let sources = MadeOnce { ArticleRows.sources(from: last, to: index) }
                let cache = cache
                return { path in cache?.rowFile(path).map { RowPatch(previous: $0, sources: sources.value) } }
            }
        ) { publication.render($0) }
        clock.lap("feeds, search and exports (\(published.patched) patched)")
        diagnostics += (written + [published]).flatMap(\.diagnostics)
        guard !diagnostics.containsErrors else { throw DiagnosticError(diagnostics) }
        // The sitemap is made when written (serve: when first asked for), from every page's file;
        // every article page is listed.
        let listed = summaries.count + written.reduce(0) { $0 + $1.files.count(where: SitemapRenderer.lists) }
        let writtenFiles = written.map(\.files)
        let articles = summaries
        // Made once for all its parts (past 50,000 URLs, one per 50,000 and an index): listing and
        // sorting the pages again for each of the four files took 1.3 s at 100,000 articles.
        let sitemap = MadeOnce {
            let pageFiles = articles.map { ArticleJob.pageFile(slug: $0.slug) } + writtenFiles.joined()
            return SitemapRenderer(index: index, config: config, files: pageFiles)
        }
        // It lists the pages and the articles' dates, which every list shows: with no list
        // changed, the last build's is current, and often after edits in place that changed some.
        let sitemapHolds =
            listsUnchanged && cache?.index != nil
            || updated.flatMap { updated in
                cache?.index.map {
                    Self.sitemapHolds(
                        positions: updated.positions, index: index, last: $0, templates: templates, config: config)
                }
            } == true
        for file in SitemapRenderer.files(pages: listed) {
            if sitemapHolds, stage.keep(file) { continue }
            do throws(Diagnostic) {
                try stage.stream(to: file) { emit in emit(sitemap.value.render(file)) }
            } catch {
                diagnostics.append(error)
            }
        }
        guard !diagnostics.containsErrors else { throw DiagnosticError(diagnostics) }
        clock.lap("sitemap")
        do throws(Diagnostic) {
            diagnostics += try copyStaticFiles(into: stage)
        } catch {
            throw DiagnosticError(diagnostics + [error])
        }
        clock.lap("static files")
        let report = BuildReport(
            articles: summaries.count, drafts: outcomes.count(where: \.isSkippedDraft),
            pages: summaries.count + indexPages.count + entityPages.count + quotePages.count, seconds: 0,
            warnings: diagnostics, reused: outcomes.count(where: \.reused),
            rerendered: outcomes.count(where: \.rerendered), reusedPages: written.map(\.reused).reduce(0, +),
            patchedFiles: published.patched,
            entities: index.entities.entries.count, quotes: index.quotes.all.count)
        let filesByKind = Dictionary(uniqueKeysWithValues: (written + [published]).map { ($0.kind, $0.pageFiles) })
        return (report, index, paths, keptPaths, outcomes, filesByKind)
    }
}
