import ArchiveModel
import ContentReader
import Enrichment
import Foundation
import Rendering
import SiteIndex

/// Reading, enriching, rendering and writing one article; returns only its summary so the body is
/// freed as soon as its page is written (unless serve's cache keeps the source to render it again).
struct ArticleJob: Sendable {
    struct Outcome: Sendable {
        var summary: ArticleSummary?
        /// A digest of the summary (`CacheWriter.digests`), worked out once here rather than on every
        /// rebuild's index, and kept in the cache on disk so that a build need not work it out
        /// again for every article it did not change.
        var summaryHash = 0
        /// The same without the quotations' places in the file, which only the exports show
        /// (`SiteIndex.articleHash`): an edit above a quotation moves them and nothing else.
        var pageHash = 0
        var diagnostics: [Diagnostic]
        var isSkippedDraft = false
        /// Taken from the cache with its page, not worked out again.
        var reused = false
        /// Rendered again from the cache's source and enrichment after a template change.
        var rerendered = false
    }

    /// What every article of a build shares.
    struct Tools: Sendable {
        var enricher: ArticleEnricher
        var renderer: ArticlePageRenderer
        var stage: any SiteOutput
        var cache: BuildCache?
        /// The templates' fingerprint, to tell whether a cached page is current.
        var templates: Int
        /// Collects the newest articles' bodies for the feeds.
        var bodies: NewestBodies?
        /// Files' stamps by path, as the build's manifest found them (so not looked up again).
        var stamps: [String: FileStamp] = [:]
    }

    let path: String
    /// The site folder's path.
    let source: String
    let includeDrafts: Bool

    var filePath: String { source + "/" + path }

    /// The cached outcome of an unchanged file whose page is current (the caller keeps the page
    /// from the previous output); nil when the article needs work. Without `checkingFile` the file is taken
    /// to be as it was (a file watcher did not see it change).
    func reuse(with tools: Tools, checkingFile: Bool = true) -> Outcome? {
        guard let cache = tools.cache else { return nil }
        let stamp = checkingFile ? tools.stamps[path] ?? FileStamp(path: filePath) : nil
        guard stamp != nil || !checkingFile else { return nil }
        var found = cache.outcome(for: path, stamp: stamp, templates: tools.templates)
        if found == nil, let stamp, cache.hasEntry(for: path), let data = FileManager.default.contents(atPath: filePath)
        {
            // A new stamp, but perhaps the same bytes (a checkout, a copy): then the same article.
            found = cache.outcome(
                for: path, digest: Checksum.digest(of: data), stamp: stamp, templates: tools.templates)
        }
        guard var outcome = found, outcome.isSkippedDraft || outcome.summary != nil else { return nil }
        outcome.reused = true
        outcome.rerendered = false
        return outcome
    }

    /// The file of an article's page.
    static func pageFile(slug: String) -> String { "articles/\(slug)/index.html" }

    /// Builds the article: from the cache's source when only the templates changed, otherwise from
    /// the file.
    func run(with tools: Tools) -> Outcome {
        let stamp = FileStamp(path: filePath)
        let entry = tools.cache?.entry(for: path)
        if let entry, let stamp, entry.stamp == stamp, let bytes = entry.source {
            if rendersOnRequest(tools) {
                return again(entry.outcome, bytes: bytes, stamp: stamp, digest: entry.digest, tools: tools)
            }
            var outcome = work(bytes: bytes, tools: tools, stamp: stamp)
            outcome.rerendered = true
            return outcome
        }
        let bytes: [UInt8]
        switch FileBytes.read(filePath, shownAs: path, limit: ArticleReader.maximumBytes) {
        case .success(let read): bytes = read
        case .failure(let problem): return Outcome(summary: nil, diagnostics: [problem])
        }
        // serve's first build, from the cache `build` left on disk (`BuildCache.adopt`): an article
        // with the bytes it had then is that build's article, not enriched again.
        if let entry, entry.source == nil, rendersOnRequest(tools), entry.digest == Checksum.digest(of: bytes) {
            var outcome = again(entry.outcome, bytes: bytes, stamp: stamp, digest: entry.digest, tools: tools)
            outcome.reused = true
            outcome.rerendered = false
            return outcome
        }
        return work(bytes: bytes, tools: tools, stamp: stamp)
    }

    /// serve: the article is what it was; only its page, made when asked for, changes.
    private func again(_ outcome: Outcome, bytes: [UInt8], stamp: FileStamp?, digest: UInt64, tools: Tools)
        -> Outcome
    {
        var outcome = outcome
        outcome.reused = false
        outcome.rerendered = true
        if let slug = outcome.summary?.slug {
            do throws(Diagnostic) {
                try renderOnRequest(slug: slug, bytes: bytes, tools: tools)
            } catch {
                return Outcome(summary: nil, diagnostics: outcome.diagnostics + [error])
            }
        }
        remember(outcome, stamp: stamp, bytes: bytes, digest: digest, tools: tools)
        return outcome
    }

    /// The article's body HTML alone, for a feed: rendered again from the cache's source (or the
    /// file, without a cache), nothing written or stored.
    func content(with tools: Tools) -> String? {
        let bytes: [UInt8]
        if let entry = tools.cache?.entry(for: path), let source = entry.source {
            bytes = source
        } else if let data = FileManager.default.contents(atPath: filePath) {
            bytes = [UInt8](data)
        } else {
            return nil
        }
        return Self.page(path: path, bytes: bytes, enricher: tools.enricher, renderer: tools.renderer)?.content
    }

    /// The article's page made again from its bytes: read, enriched and rendered.
    private static func page(path: String, bytes: [UInt8], enricher: ArticleEnricher, renderer: ArticlePageRenderer)
        -> RenderedPage?
    {
        guard let article = ArticleReader.read(path: path, bytes: bytes).article else { return nil }
        let units = article.textUnits
        let known = enrich(article, units: units, with: enricher)
        return renderer.render(article, annotations: known.entities, quotes: known.quotes, units: units)
    }

    private static func enrich(_ article: Article, units: [TextUnit], with enricher: ArticleEnricher)
        -> ArticleEnrichment
    {
        enricher.enrich(
            units, entityOverrides: article.metadata.entityOverrides, quoteOverrides: article.metadata.quoteOverrides)
    }

    private func work(bytes: [UInt8], tools: Tools, stamp: FileStamp?) -> Outcome {
        let result = ArticleReader.read(path: path, bytes: bytes)
        guard let article = result.article else { return Outcome(summary: nil, diagnostics: result.diagnostics) }
        if article.metadata.draft && !includeDrafts {
            let outcome = Outcome(summary: nil, diagnostics: result.diagnostics, isSkippedDraft: true)
            remember(outcome, stamp: stamp, bytes: bytes, tools: tools)
            return outcome
        }
        // The text units are made once, for enrichment and for weaving the annotations in.
        let units = article.textUnits
        let enrichment = Self.enrich(article, units: units, with: tools.enricher)
        let annotations = enrichment.entities
        var diagnostics = result.diagnostics
        for id in annotations.unknownIDs {
            diagnostics.append(
                .warning(
                    file: path, message: "no entity has the id `\(id)`; the mention is not linked",
                    hint: "use an id from Content/entities.yml or of an entity the archive finds (see the entity pages)"
                ))
        }
        do throws(Diagnostic) {
            let renderer = tools.renderer
            if rendersOnRequest(tools) {
                // Only a feed's newest bodies are needed now.
                tools.bodies?.offer(slug: article.metadata.slug, date: article.metadata.date) {
                    renderer.content(article, annotations: annotations, quotes: enrichment.quotes, units: units)
                }
                try renderOnRequest(slug: article.metadata.slug, bytes: bytes, tools: tools)
            } else {
                let page = renderer.render(article, annotations: annotations, quotes: enrichment.quotes, units: units)
                if let content = page.content {
                    tools.bodies?.offer(slug: article.metadata.slug, date: article.metadata.date) { content }
                }
                try tools.stage.write(page.html, to: page.filePath)
            }
        } catch {
            return Outcome(summary: nil, diagnostics: diagnostics + [error])
        }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        let summary = ArticleSummary(
            article.metadata, path: path, entities: annotations.entities.map(EntityRef.init),
            quotes: enrichment.quotes.map {
                QuoteRef($0, anchor: ExtractRecord.anchor($0, source: scalars, units: units))
            })
        let digests = CacheWriter.digests(summary)
        let outcome = Outcome(
            summary: summary, summaryHash: digests.data, pageHash: digests.page, diagnostics: diagnostics)
        remember(outcome, stamp: stamp, bytes: bytes, tools: tools)
        return outcome
    }

    /// Whether article pages are rendered when they are asked for (serve, whose cache keeps every
    /// article's source anyway) rather than now.
    private func rendersOnRequest(_ tools: Tools) -> Bool {
        tools.stage.rendersPagesLater && tools.cache?.keepsSources == true
    }

    /// The article's page, rendered from its source whenever it is asked for: read and enriched
    /// again then (a millisecond or so for most articles), so that serve keeps only each article's
    /// bytes between requests, not its enrichment.
    private func renderOnRequest(slug: String, bytes: [UInt8], tools: Tools) throws(Diagnostic) {
        let (path, renderer, enricher) = (path, tools.renderer, tools.enricher)
        try tools.stage.renderLater(to: Self.pageFile(slug: slug)) {
            Self.page(path: path, bytes: bytes, enricher: enricher, renderer: renderer)?.html ?? ""
        }
    }

    /// Stores a good outcome in the cache, with the bytes a template change needs to render it
    /// again when the cache keeps sources (`digest`: theirs, when known).
    private func remember(_ outcome: Outcome, stamp: FileStamp?, bytes: [UInt8], digest: UInt64? = nil, tools: Tools) {
        guard let cache = tools.cache, let stamp, !outcome.diagnostics.containsErrors else { return }
        let keeps = cache.keepsSources && !outcome.isSkippedDraft
        cache.store(
            BuildCache.Entry(
                stamp: stamp, digest: digest ?? Checksum.digest(of: bytes), outcome: outcome,
                templates: tools.templates,
                source: keeps ? bytes : nil),
            for: path)
    }
}
