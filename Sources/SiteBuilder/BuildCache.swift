import ArchiveModel
import Enrichment
import Foundation
import Rendering
import SiteIndex

/// What earlier builds produced: kept in memory by `serve` between rebuilds, and on disk by `build`
/// (`BuildCacheFile`).
///
/// - An article whose file is unchanged, built with the same settings and gazetteer, is not read
///   again: with the same templates its page is kept, with new templates it is rendered again from
///   the kept source bytes.
/// - A cross-article page is looked at only when it may show something that changed (see
///   `SiteBuilder.touchedEntities`), and rendered only when its fingerprint (a hash of everything it
///   shows) moved; otherwise its file is kept from the previous output.
///
/// A build records what it did as pending and `commit` makes it current, so a failed build, whose
/// output is thrown away, never leaves entries that point at pages nobody kept.
public final class BuildCache: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.

    /// One article as the last good build left it.
    struct Entry: Sendable {
        var stamp: FileStamp
        /// The file's content hash: a file touched but not changed is still the same article.
        var digest: UInt64
        var outcome: ArticleJob.Outcome
        /// The templates' fingerprint when the page was rendered.
        var templates: Int
        /// The file's bytes, to render the page again after a template change (only when the cache
        /// `keepsSources`).
        var source: [UInt8]?
    }

    /// A cross-article page: its fingerprint and file in the output folder.
    struct PageEntry: Sendable {
        /// Nil for a page of a build in another process (`Hasher` is seeded per process): worked out
        /// again from that build's index when needed.
        var fingerprint: Int?
        var file: String
    }

    /// The gazetteer of the last build, valid while entities.yml keeps its stamp.
    struct Inputs: Sendable {
        var entitiesPath: String?
        var entitiesStamp: FileStamp?
        var entities: [Entity]
        var gazetteer: Gazetteer
    }

    /// Whether entries keep their article's source (serve: a template change then
    /// reads no article again; `build` does not hold every article in memory for that).
    let keepsSources: Bool
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var pendingEntries: [String: Entry] = [:]
    /// A table of cross-article pages per page type, by `ObjectIdentifier` of the type.
    private var pageTables: [ObjectIdentifier: any PageTableCommitting] = [:]
    private var context: Int?
    private var templates: Int?
    private var lastInputs: Inputs?
    private var storedIndex: SiteIndex?
    /// The article files of the last good build, sorted.
    private var storedPaths: [String]?
    /// The last good build's article outcomes, parallel to `storedPaths`, and the templates their
    /// pages were rendered with.
    private var storedOutcomes: (outcomes: [ArticleJob.Outcome], templates: Int)?
    private var parsedTemplates: TemplateSet?
    /// The site feeds' article bodies of the last good build, by slug, and this build's.
    private var bodies: [String: String] = [:]
    private var pendingBodies: [String: String] = [:]
    /// The files of each kind of cross-article page of a build in another process, in the order of
    /// that build's page list, until the kind's table is first asked for.
    private var restoredPageFiles: [String: [String]] = [:]
    /// The cache file this cache was read from, and the articles stored again since: the others'
    /// segments are copied from it when the cache is saved.
    private var source: BuildCacheFile.Source?
    private var storedSinceRestore: Set<String> = []
    /// The files of article rows of the last good build on disk, and this build's, by path.
    private var rowFiles: [String: RowFileRecord] = [:]
    private var pendingRowFiles: [String: RowFileRecord] = [:]

    /// The index of the last good build.
    var index: SiteIndex? { lock.withLock { storedIndex } }
    /// The article files of the last good build, sorted (made in this process only).
    var paths: [String]? { lock.withLock { storedPaths } }

    /// The last good build's article outcomes, parallel to `paths`, if its pages were rendered
    /// with `templates`.
    func lastOutcomes(templates: Int) -> [ArticleJob.Outcome]? {
        lock.withLock { storedOutcomes?.templates == templates ? storedOutcomes?.outcomes : nil }
    }
    /// The templates as last parsed, for a rebuild to reuse while their texts are the same.
    var templateSet: TemplateSet? {
        get { lock.withLock { parsedTemplates } }
        set { lock.withLock { parsedTemplates = newValue } }
    }

    /// Whether the cache came from disk with page files whose fingerprints must be worked out from
    /// `index` (before any page table is asked for).
    var hasRestoredPages: Bool { lock.withLock { !restoredPageFiles.isEmpty } }

    /// The feed bodies of the last good build, by slug.
    var previousBodies: [String: String] { lock.withLock { bodies } }

    public init(keepsSources: Bool = true) {
        self.keepsSources = keepsSources
    }

    /// Starts a build. Articles depend on `context` (settings, entities, drafts): a different one
    /// empties the cache. Pages depend on `templates` as well: a different one keeps the articles'
    /// sources but no page.
    func begin(context: Int, templates: Int) {
        lock.withLock {
            pendingEntries = [:]
            for table in pageTables.values { table.dropPending() }
            pendingBodies = [:]
            pendingRowFiles = [:]
            if self.context != context {
                rowFiles = [:]
                entries = [:]
                storedOutcomes = nil
                storedIndex = nil
                bodies = [:]
            }
            if self.context != context || self.templates != templates {
                pageTables = [:]
                restoredPageFiles = [:]
            }
            self.context = context
            self.templates = templates
        }
    }

    /// The outcome of an article whose file still has `stamp` and whose page was rendered with
    /// `templates` (or a skipped draft's), without copying the rest of its entry.
    /// A nil `stamp` trusts that the file did not change (`BuildOptions.changedPaths`).
    func outcome(for path: String, stamp: FileStamp?, templates: Int) -> ArticleJob.Outcome? {
        lock.withLock {
            guard let entry = entries[path], stamp == nil || entry.stamp == stamp,
                entry.templates == templates || entry.outcome.isSkippedDraft  // a skipped draft has no page
            else { return nil }
            return entry.outcome
        }
    }

    /// The outcome of an article whose file has a new stamp but the same bytes as before (a
    /// checkout or a copy touched it), which from now on is trusted with the new stamp.
    func outcome(for path: String, digest: UInt64, stamp: FileStamp, templates: Int) -> ArticleJob.Outcome? {
        lock.withLock {
            guard var entry = entries[path], entry.digest == digest,
                entry.templates == templates || entry.outcome.isSkippedDraft
            else { return nil }
            entry.stamp = stamp
            pendingEntries[path] = entry
            return entry.outcome
        }
    }

    func hasEntry(for path: String) -> Bool {
        lock.withLock { entries[path] != nil }
    }

    func entry(for path: String) -> Entry? {
        lock.withLock { entries[path] }
    }

    func store(_ entry: Entry, for path: String) {
        lock.withLock { pendingEntries[path] = entry }
    }

    /// What this build stored for `path`, before it commits.
    func pendingEntry(for path: String) -> Entry? {
        lock.withLock { pendingEntries[path] }
    }

    /// The cross-article pages of one type, as the last good build left them. A cache read from
    /// disk has only their files, in the order of the last build's pages, which `previousPages`
    /// lists again (from that build's index); a count that differs means no previous pages.
    func pages<Page: Hashable & Sendable>(
        _ type: Page.Type, kind: String, previousPages: () -> [Page]
    ) -> PageTable<Page> {
        lock.withLock {
            if let table = pageTables[ObjectIdentifier(type)] as? PageTable<Page> { return table }
            let table = PageTable<Page>()
            if let files = restoredPageFiles.removeValue(forKey: kind) {
                let pages = previousPages()
                if pages.count == files.count { table.restore(pages: pages, files: files) }
            }
            pageTables[ObjectIdentifier(type)] = table
            return table
        }
    }

    /// The summaries that the build changes: the old and new ones of articles stored in this build,
    /// and those of articles whose files are gone. Nil when there is no previous build to compare with.
    /// Here and below, `paths` nil means the same files as the last good build.
    func changedSummaries(keeping paths: Set<String>?) -> [ArticleSummary]? {
        lock.withLock {
            guard storedIndex != nil else { return nil }
            var changed: [ArticleSummary] = []
            for (path, entry) in pendingEntries {
                if let old = entries[path]?.outcome.summary { changed.append(old) }
                if let new = entry.outcome.summary { changed.append(new) }
            }
            if let paths {
                for (path, entry) in entries where !paths.contains(path) {
                    if let old = entry.outcome.summary { changed.append(old) }
                }
            }
            return changed
        }
    }

    /// The new summaries of the articles this build did again, when each only replaces an article
    /// of the last good build: no file added or gone, no draft published or withdrawn. Nil
    /// otherwise, or without a last build. `listsSame` tells whether each shows the same on every
    /// list as before (the same page hash).
    func edits(keeping paths: Set<String>?) -> (edits: [SiteIndex.Edit], listsSame: Bool)? {
        lock.withLock {
            guard storedIndex != nil else { return nil }
            if let paths, entries.count != paths.count || !paths.allSatisfy({ entries[$0] != nil }) { return nil }
            var edits: [SiteIndex.Edit] = []
            var listsSame = true
            for (path, entry) in pendingEntries {
                guard let old = entries[path]?.outcome, (old.summary == nil) == (entry.outcome.summary == nil) else {
                    return nil
                }
                guard let summary = entry.outcome.summary else { continue }
                if old.pageHash != entry.outcome.pageHash { listsSame = false }
                edits.append(
                    SiteIndex.Edit(summary: summary, hash: entry.outcome.pageHash, dataHash: entry.outcome.summaryHash))
            }
            return (edits, listsSame)
        }
    }

    /// The feed body of an article the last good build had among the newest, if it had.
    func body(for slug: String) -> String? {
        lock.withLock { bodies[slug] }
    }

    /// The last good build's record of a file of article rows, to patch it from.
    func rowFile(_ path: String) -> RowFileRecord? {
        lock.withLock { rowFiles[path] }
    }

    func storeRowFile(_ record: RowFileRecord, for path: String) {
        lock.withLock { pendingRowFiles[path] = record }
    }

    /// The feed bodies of this build, current when it commits.
    func storeBodies(_ bodies: [String: String]) {
        lock.withLock { pendingBodies = bodies }
    }

    /// The gazetteer for entities.yml as it is now: the last one while the file keeps its stamp,
    /// otherwise what `make` reads and builds.
    func inputs(make: () throws(DiagnosticError) -> Inputs) throws(DiagnosticError) -> Inputs {
        if let last = lock.withLock({ lastInputs }), let path = last.entitiesPath,
            FileStamp(path: path) == last.entitiesStamp
        {
            return last
        }
        let made = try make()
        lock.withLock { lastInputs = made }
        return made
    }

    /// The committed state, for `BuildCacheFile`: those of `paths` that have an entry, in order;
    /// the file the cache was read from and the articles stored since. Entries themselves are
    /// taken (`entries(_:)`) only for the segments a save encodes.
    func snapshot(paths: [String]) -> (
        context: Int?, templates: Int?, paths: [String], bodies: [String: String], source: BuildCacheFile.Source?,
        changed: Set<String>, rowFiles: [String: RowFileRecord]
    ) {
        lock.withLock {
            (
                context, templates, paths.filter { entries[$0] != nil }, bodies, source, storedSinceRestore,
                rowFiles
            )
        }
    }

    /// The committed entries of `paths` (each of which has one).
    func entries(_ paths: ArraySlice<String>) -> [(String, Entry)] {
        lock.withLock { paths.compactMap { path in entries[path].map { (path, $0) } } }
    }

    /// A cache as a build in another process left it, read from `source` (see `BuildCacheFile`).
    init(
        restoring entries: [(String, Entry)], from source: BuildCacheFile.Source, index: SiteIndex,
        bodies: [String: String], pageFiles: [String: [String]], rowFiles: [String: RowFileRecord]
    ) {
        keepsSources = false
        self.rowFiles = rowFiles
        self.entries = Dictionary(entries, uniquingKeysWith: { $1 })
        self.source = source
        self.context = source.context
        self.templates = source.templates
        storedIndex = index
        self.bodies = bodies
        restoredPageFiles = pageFiles
    }

    /// Whether no build has begun with this cache yet.
    var isUnused: Bool { lock.withLock { context == nil } }

    /// Takes the articles and feed bodies of the cache a `build` left on disk, made from the same
    /// settings, entities and templates, as if this cache had built them (serve's first build):
    /// an article whose file has the same bytes is then read but not enriched again. Only for a
    /// cache no build has used; the last build's pages are not taken (serve has none of them).
    func adopt(_ decoded: BuildCacheFile.Decoded, context: Int, templates: Int) {
        lock.withLock {
            guard self.context == nil else { return }
            entries = Dictionary(decoded.entries, uniquingKeysWith: { $1 })
            bodies = Dictionary(decoded.bodies, uniquingKeysWith: { $1 })
            self.context = context
            self.templates = templates
        }
    }

    /// Makes what the build stored current and forgets articles whose files are gone.
    func commit(index: SiteIndex, paths sorted: [String], keeping paths: Set<String>?, outcomes: [ArticleJob.Outcome]) {
        lock.withLock {
            storedPaths = sorted
            storedOutcomes = templates.map { (outcomes, $0) }
            if source != nil { storedSinceRestore.formUnion(pendingEntries.keys) }
            entries.merge(pendingEntries) { $1 }
            if let paths { for gone in entries.keys where !paths.contains(gone) { entries[gone] = nil } }
            for table in pageTables.values { table.commit() }
            restoredPageFiles = [:]
            pendingEntries = [:]
            bodies = pendingBodies
            rowFiles.merge(pendingRowFiles) { $1 }
            pendingRowFiles = [:]
            storedIndex = index
        }
    }
}

/// The cross-article pages of one type, with their fingerprints and files; pages a build stores
/// become current when the build commits.
final class PageTable<Page: Hashable & Sendable>: PageTableCommitting, @unchecked Sendable {
    // @unchecked: both dictionaries are touched only under `lock`.
    private let lock = NSLock()
    private var pages: [Page: BuildCache.PageEntry] = [:]
    private var pending: [Page: BuildCache.PageEntry] = [:]

    func entry(_ page: Page) -> BuildCache.PageEntry? {
        lock.withLock { pages[page] }
    }

    func store(_ entry: BuildCache.PageEntry, for page: Page) {
        lock.withLock { pending[page] = entry }
    }

    /// Each page's entry, under one lock.
    func entries(_ list: [Page]) -> [BuildCache.PageEntry?] {
        lock.withLock { list.map { pages[$0] } }
    }

    /// Each page's file as this build leaves it ("" for none): stored by this build, or kept from
    /// the last; under one lock.
    func currentFiles(_ list: [Page]) -> [String] {
        lock.withLock { list.map { page in (pending[page] ?? pages[page])?.file ?? "" } }
    }

    /// The files of a build in another process, whose fingerprints are not known here.
    func restore(pages: [Page], files: [String]) {
        lock.withLock {
            for (page, file) in zip(pages, files) where !file.isEmpty {
                self.pages[page] = BuildCache.PageEntry(fingerprint: nil, file: file)
            }
        }
    }

    func commit() {
        lock.withLock {
            pages.merge(pending) { $1 }
            pending = [:]
        }
    }

    func dropPending() {
        lock.withLock { pending = [:] }
    }
}

/// What `BuildCache` asks of every page table, whatever its page type.
protocol PageTableCommitting: AnyObject, Sendable {
    func commit()
    func dropPending()
}
