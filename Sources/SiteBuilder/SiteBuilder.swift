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
    /// Article results of earlier builds in this process (serve's rebuilds), or nil.
    let cache: ArticleCache?
    /// Told how far the build has got, from one task at a time.
    let progress: (@Sendable (BuildProgress) -> Void)?

    public init(
        options: BuildOptions, logger: Logger = Logger(label: "broadsheet.build") { _ in SwiftLogNoOpLogHandler() },
        cache: ArticleCache? = nil, progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) {
        self.options = options
        self.logger = logger
        self.cache = cache
        self.progress = progress
    }

    /// Builds the site, or throws every error found (with the warnings that came with them).
    public func build() async throws(DiagnosticError) -> BuildReport {
        let start = Date()
        let config = try SiteLoader.config(in: options.source, baseURLOverride: options.baseURL)
        let templates = try TemplateSet.load(
            from: options.source.appendingPathComponent("Templates", isDirectory: true))
        let entities = try SiteLoader.entities(in: options.source)
        let gazetteer = Gazetteer(entities: entities, knowledge: BuiltInKnowledge.shared)
        var context = Hasher()
        context.combine(config)
        context.combine(templates.fingerprint)
        context.combine(entities)
        context.combine(options.includeDrafts)
        cache?.begin(context: context.finalize())
        let stage: any SiteOutput
        if let memory = options.memorySite {
            stage = MemoryStage(site: memory)
        } else {
            do throws(Diagnostic) {
                var disk = try OutputStage(output: options.output, source: options.source)
                disk.removesOldOutputInBackground = options.removesOldOutputInBackground
                stage = disk
            } catch {
                throw DiagnosticError([error])
            }
        }
        do throws(DiagnosticError) {
            let report = try await buildPages(
                config: config, templates: templates, enricher: ArticleEnricher(gazetteer: gazetteer), stage: stage)
            do throws(Diagnostic) {
                try stage.commit()
            } catch { throw DiagnosticError([error]) }
            return BuildReport(
                articles: report.articles, drafts: report.drafts, pages: report.pages,
                seconds: Date().timeIntervalSince(start), warnings: report.warnings, reused: report.reused,
                reusedPages: report.reusedPages, entities: report.entities, quotes: report.quotes)
        } catch {
            stage.discard()
            throw error
        }
    }

    private func buildPages(
        config: SiteConfig, templates: TemplateSet, enricher: ArticleEnricher, stage: any SiteOutput
    ) async throws(DiagnosticError) -> BuildReport {
        let source = options.source
        let articleRenderer = ArticlePageRenderer(templates: templates, config: config)
        let includeDrafts = options.includeDrafts
        let paths = ContentScanner.articlePaths(in: source)
        let cache = self.cache
        cache?.keep(only: Set(paths))
        logger.info("reading \(paths.count) article files")
        let report = progress
        let outcomes = await concurrentMap(
            paths, limit: options.concurrency,
            progress: report.map { tell in { tell(BuildProgress(stage: .articles, done: $0, total: paths.count)) } }
        ) { path in
            ArticleJob(path: path, source: source, includeDrafts: includeDrafts)
                .run(enricher: enricher, renderer: articleRenderer, stage: stage, cache: cache)
        }
        var diagnostics = outcomes.flatMap(\.diagnostics)
        let summaries = outcomes.compactMap(\.summary)
        for duplicate in SiteIndex.duplicateSlugs(in: summaries) {
            diagnostics.append(
                Diagnostic(
                    file: duplicate.second, line: 1, column: 1,
                    message: "slug `\(duplicate.slug)` is already used by \(duplicate.first)",
                    hint: "rename one of the files or give one a `slug:` of its own in its front matter"))
        }
        guard !diagnostics.containsErrors else { throw DiagnosticError(diagnostics) }

        let index = SiteIndex(summaries: summaries, entityDetails: enricher.gazetteer.entity(id:))
        let indexRenderer = IndexPageRenderer(index: index, templates: templates, config: config)
        let entityRenderer = EntityPageRenderer(index: index, templates: templates, config: config)
        let indexPages = indexRenderer.pages
        let entityPages = entityRenderer.pages
        let quoteRenderer = QuotePageRenderer(index: index, templates: templates, config: config)
        let quotePages = quoteRenderer.pages
        let total = indexPages.count + entityPages.count + quotePages.count
        let written = [
            await write(indexPages, to: stage, fingerprint: indexRenderer.fingerprint, progress: (0, total)) {
                indexRenderer.render($0)
            },
            await write(
                entityPages, to: stage, fingerprint: entityRenderer.fingerprint, progress: (indexPages.count, total)
            ) {
                entityRenderer.render($0)
            },
            await write(
                quotePages, to: stage, fingerprint: quoteRenderer.fingerprint,
                progress: (indexPages.count + entityPages.count, total)
            ) { quoteRenderer.render($0) },
        ]
        diagnostics += written.flatMap(\.diagnostics)
        guard !diagnostics.containsErrors else { throw DiagnosticError(diagnostics) }
        do throws(Diagnostic) {
            diagnostics += try copyStaticFiles(into: stage)
        } catch {
            throw DiagnosticError(diagnostics + [error])
        }
        return BuildReport(
            articles: summaries.count, drafts: outcomes.filter(\.isSkippedDraft).count,
            pages: summaries.count + indexPages.count + entityPages.count + quotePages.count, seconds: 0,
            warnings: diagnostics, reused: outcomes.filter(\.reused).count,
            reusedPages: written.map(\.reused).reduce(0, +), entities: index.entities.entries.count,
            quotes: index.quotes.all.count)
    }

    /// Renders and writes pages in parallel; returns the write failures. With a cache, a page whose
    /// fingerprint is what it was in the previous build is linked from the previous output instead.
    private func write<Page: Sendable & Hashable>(
        _ pages: [Page], to stage: any SiteOutput, fingerprint: @escaping @Sendable (Page) -> Int,
        progress counts: (before: Int, total: Int), render: @escaping @Sendable (Page) -> RenderedPage?
    ) async -> (diagnostics: [Diagnostic], reused: Int) {
        let cache = self.cache
        let tell = progress.map { tell in
            { (done: Int) in tell(BuildProgress(stage: .pages, done: counts.before + done, total: counts.total)) }
        }
        let results = await concurrentMap(pages, limit: options.concurrency, progress: tell) {
            page -> (Diagnostic?, Bool) in
            let key = "\(Page.self):\(page)"
            let print = cache == nil ? 0 : fingerprint(page)
            if let previous = cache?.page(key), previous.fingerprint == print, stage.keep(previous.file) {
                return (nil, true)
            }
            guard let rendered = render(page) else { return (nil, false) }
            do throws(Diagnostic) {
                try stage.write(rendered.html, to: rendered.filePath)
                cache?.storePage(ArticleCache.PageEntry(fingerprint: print, file: rendered.filePath), for: key)
                return (nil, false)
            } catch {
                return (error, false)
            }
        }
        return (results.compactMap(\.0), results.filter(\.1).count)
    }

    /// Theme assets go to `assets/`, `Content/static/` to the site root; a static file that would
    /// overwrite a generated page is skipped with a warning.
    private func copyStaticFiles(into stage: any SiteOutput) throws(Diagnostic) -> [Diagnostic] {
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

/// Reading, rendering and writing one article; returns only its summary so the body is freed
/// as soon as its page is written.
struct ArticleJob: Sendable {
    struct Outcome: Sendable {
        var summary: ArticleSummary?
        var diagnostics: [Diagnostic]
        var isSkippedDraft = false
        /// Taken from the cache, not worked out again.
        var reused = false
    }

    let path: String
    let source: URL
    let includeDrafts: Bool

    func run(enricher: ArticleEnricher, renderer: ArticlePageRenderer, stage: any SiteOutput, cache: ArticleCache?)
        -> Outcome
    {
        let stamp = FileStamp(path: source.path + "/" + path)
        if let cache, let stamp, let reused = reuse(cache.entry(for: path), stamp: stamp, stage: stage) {
            return reused
        }
        let outcome = work(enricher: enricher, renderer: renderer, stage: stage)
        if let cache, let stamp, !outcome.diagnostics.containsErrors {
            cache.store(ArticleCache.Entry(stamp: stamp, outcome: outcome), for: path)
        }
        return outcome
    }

    /// A cached outcome for an unchanged file, with its page linked from the previous output.
    private func reuse(_ entry: ArticleCache.Entry?, stamp: FileStamp, stage: any SiteOutput) -> Outcome? {
        guard let entry, entry.stamp == stamp else { return nil }
        var outcome = entry.outcome
        outcome.reused = true
        if outcome.isSkippedDraft { return outcome }
        guard let summary = outcome.summary, stage.keep("articles/\(summary.slug)/index.html") else {
            return nil
        }
        return outcome
    }

    private func work(enricher: ArticleEnricher, renderer: ArticlePageRenderer, stage: any SiteOutput) -> Outcome {
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else {
            return Outcome(summary: nil, diagnostics: [Diagnostic(file: path, message: "cannot read the file")])
        }
        let result = ArticleReader.read(path: path, bytes: [UInt8](data))
        guard let article = result.article else { return Outcome(summary: nil, diagnostics: result.diagnostics) }
        if article.metadata.draft && !includeDrafts {
            return Outcome(summary: nil, diagnostics: result.diagnostics, isSkippedDraft: true)
        }
        // The text units are made once, for enrichment and for weaving the annotations in.
        let units = article.textUnits
        let enrichment = enricher.enrich(
            units, entityOverrides: article.metadata.entityOverrides, quoteOverrides: article.metadata.quoteOverrides)
        let annotations = enrichment.entities
        var diagnostics = result.diagnostics
        for id in annotations.unknownIDs {
            diagnostics.append(
                .warning(
                    file: path, message: "no entity has the id `\(id)`; the mention is not linked",
                    hint: "use an id from Content/entities.yml or of an entity the archive finds (see the entity pages)"
                ))
        }
        let page = renderer.render(article, annotations: annotations, quotes: enrichment.quotes, units: units)
        do throws(Diagnostic) {
            try stage.write(page.html, to: page.filePath)
        } catch {
            return Outcome(summary: nil, diagnostics: diagnostics + [error])
        }
        let summary = ArticleSummary(
            article.metadata, path: path, entities: annotations.entities.map(EntityRef.init),
            quotes: enrichment.quotes.map(QuoteRef.init))
        return Outcome(summary: summary, diagnostics: diagnostics)
    }
}
