import ArchiveModel
import Foundation
import Rendering

/// Writing cross-article pages, keeping those that have not changed since the last build.
extension SiteBuilder {
    /// Renders and writes pages in parallel; returns the write failures. With a cache, a page that
    /// `mustCheck` says cannot have changed, or whose fingerprint is what it was in the previous
    /// build, is kept from the previous output instead. A previous build in another process left no
    /// fingerprints: `previous` works out its pages' from its index. With `listsFiles`, also
    /// returns each page's file as the build leaves it (`pageFiles`, for the cache on disk).
    func write<Page: Sendable & Hashable>(
        listsFiles: Bool, _ pages: [Page], kind: String, to stage: any SiteOutput,
        fingerprint: @escaping @Sendable (Page) -> Int,
        previous: PreviousPages<Page>?, mustCheck: (Page) -> Bool, progress counts: (before: Int, total: Int)?,
        renderLaterAt sitePath: (@Sendable (Page) -> String?)? = nil,
        rowPatch: (@Sendable (String) -> RowPatch?)? = nil,
        render: @escaping @Sendable (Page) -> RenderedPage?
    ) async -> (
        kind: String, diagnostics: [Diagnostic], reused: Int, files: [String], pageFiles: [String], patched: Int
    ) {
        let table = cache?.pages(Page.self, kind: kind) { previous?.pages() ?? [] }
        // serve: pages are rendered when asked for, kept ones too, by this build's renderer.
        let later = sitePath == nil ? nil : stage as? MemoryStage
        if let later, let sitePath { later.renderPages(of: kind, pages, at: sitePath) { render($0)?.data } }
        var work: [Page] = []
        var keptFiles: [String] = []
        let entries = table?.entries(pages)
        // Pages that cannot have changed keep their files, all at once (in memory without a look
        // each); one that is not there after all is rendered again.
        var unchanged: [(page: Page, file: String)] = []
        for (position, page) in pages.enumerated() {
            if let entries, !mustCheck(page), let previous = entries[position] {
                unchanged.append((page, previous.file))
            } else {
                work.append(page)
            }
        }
        let missing = Set(stage.keep(lastBuilt: unchanged.map(\.file)))
        for (offset, candidate) in unchanged.enumerated() {
            if missing.contains(offset) { work.append(candidate.page) } else { keptFiles.append(candidate.file) }
        }
        // Fingerprints first, a few large chunks at a time: most take a few dozen hashes, less than
        // a task of its own would cost (5,500 list pages after an edit at 10,000 articles). serve
        // needs none: every page, kept or not, is rendered at the request by the newest renderer,
        // so a page that may have changed is simply registered again (working out the
        // fingerprints of 20,000 pages was a fifth of serve's start).
        let compares = later == nil
        let chunkSize = max(64, work.count / (options.concurrency * 8) + 1)
        let chunks = stride(from: 0, to: work.count, by: chunkSize).map { work[$0..<min($0 + chunkSize, work.count)] }
        let looked = await concurrentMap(chunks, limit: options.concurrency) { chunk in
            chunk.map { page -> (print: Int, file: String?) in
                guard compares else { return (0, nil) }
                let print = table == nil ? 0 : fingerprint(page)
                guard let entry = table?.entry(page), (entry.fingerprint ?? previous?.fingerprint(page)) == print else {
                    return (print, nil)
                }
                return (print, entry.file)
            }
        }.joined()
        var toRender: [(page: Page, print: Int)] = []
        for (page, (print, file)) in zip(work, looked) {
            if let file, stage.keep(file) {
                keptFiles.append(file)
            } else {
                toRender.append((page, print))
            }
        }
        let kept = keptFiles.count
        let tell: ((Int) -> Void)? = progress.flatMap { tell in
            counts.map { counts in
                { done in tell(BuildProgress(stage: .pages, done: counts.before + kept + done, total: counts.total)) }
            }
        }
        let results = await concurrentMap(toRender, limit: options.concurrency, progress: tell) {
            page, print -> (error: Diagnostic?, file: String?, patched: Bool) in
            do throws(Diagnostic) {
                // serve: the page is rendered whenever it is asked for (after an edit that shows
                // on lists, rendering pages nobody had asked for yet was most of the rebuild the
                // reload waited for; keeping them was most of serve's memory).
                if let sitePath, let later {
                    guard let path = sitePath(page).map(RenderedPage.filePath(of:)) else { return (nil, nil, false) }
                    try later.renderLater(to: path, kind: kind)
                    table?.store(BuildCache.PageEntry(fingerprint: print, file: path), for: page)
                    return (nil, path, false)
                }
                guard let rendered = render(page) else { return (nil, nil, false) }
                var patched = false
                if let rows = rendered.rows {
                    let written = try stage.writeRows(
                        rows, to: rendered.filePath, patching: rowPatch?(rendered.filePath))
                    if let record = written.record { cache?.storeRowFile(record, for: rendered.filePath) }
                    patched = written.patched
                } else if let stream = rendered.stream {
                    try stage.stream(to: rendered.filePath, stream)
                } else {
                    try stage.write(rendered.html, to: rendered.filePath)
                }
                table?.store(BuildCache.PageEntry(fingerprint: print, file: rendered.filePath), for: page)
                return (nil, rendered.filePath, patched)
            } catch {
                return (error, nil, false)
            }
        }
        return (
            kind, results.compactMap(\.error), kept, keptFiles + results.compactMap(\.file),
            listsFiles ? table?.currentFiles(pages) ?? pages.map { _ in "" } : [], results.count(where: \.patched)
        )
    }
}

/// The pages of one kind as the last build made them, and their fingerprints worked out again from
/// its index (for a build whose cache came from disk).
struct PreviousPages<Page: Sendable>: Sendable {
    let pages: @Sendable () -> [Page]
    let fingerprint: @Sendable (Page) -> Int

    init<Renderer: PageListing>(_ renderer: Renderer) where Renderer.Listed == Page {
        pages = { renderer.pages }
        fingerprint = { renderer.fingerprint($0) }
    }
}

extension RenderedPage {
    /// The whole file: its HTML, or the pieces of its stream or rows one after another.
    var data: Data {
        var data = Data()
        if let rows {
            _ = rows.render(bytes: { data.append(contentsOf: $0) })
        } else if let stream {
            stream { data.append(contentsOf: $0.utf8) }
        } else {
            data = Data(html.utf8)
        }
        return data
    }
}
