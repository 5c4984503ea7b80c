import ArchiveModel
import Rendering

/// Writing cross-article pages, keeping those that have not changed since the last build.
extension SiteBuilder {
    /// Renders and writes pages in parallel; returns the write failures. With a cache, a page that
    /// `mustCheck` says cannot have changed, or whose fingerprint is what it was in the previous
    /// build, is kept from the previous output instead. A previous build in another process left no
    /// fingerprints: `previous` works out its pages' from its index.
    func write<Page: Sendable & Hashable>(
        _ pages: [Page], kind: String, to stage: any SiteOutput, fingerprint: @escaping @Sendable (Page) -> Int,
        previous: PreviousPages<Page>?, mustCheck: (Page) -> Bool, progress counts: (before: Int, total: Int)?,
        renderLaterAt sitePath: (@Sendable (Page) -> String?)? = nil,
        render: @escaping @Sendable (Page) -> RenderedPage?
    ) async -> (kind: String, diagnostics: [Diagnostic], reused: Int, files: [String], pageFiles: [String]) {
        let table = cache?.pages(Page.self, kind: kind) { previous?.pages() ?? [] }
        var work: [Page] = []
        var keptFiles: [String] = []
        let entries = table?.entries(pages)
        for (position, page) in pages.enumerated() {
            if let entries, !mustCheck(page), let previous = entries[position], stage.keep(previous.file) {
                keptFiles.append(previous.file)
            } else {
                work.append(page)
            }
        }
        let kept = keptFiles.count
        let tell: ((Int) -> Void)? = progress.flatMap { tell in
            counts.map { counts in
                { done in tell(BuildProgress(stage: .pages, done: counts.before + kept + done, total: counts.total)) }
            }
        }
        let results = await concurrentMap(work, limit: options.concurrency, progress: tell) {
            page -> (error: Diagnostic?, reused: Bool, file: String?) in
            let print = table == nil ? 0 : fingerprint(page)
            if let entry = table?.entry(page), (entry.fingerprint ?? previous?.fingerprint(page)) == print,
                stage.keep(entry.file)
            {
                return (nil, true, entry.file)
            }
            do throws(Diagnostic) {
                // serve: the page is rendered when it is first asked for, or soon after the rebuild
                // (after an edit that shows on lists, rendering pages nobody had asked for yet was
                // most of the rebuild the reload waited for).
                if let sitePath {
                    guard let path = sitePath(page).map(RenderedPage.filePath(of:)) else { return (nil, false, nil) }
                    try stage.renderLater(to: path) { render(page)?.html ?? "" }
                    table?.store(BuildCache.PageEntry(fingerprint: print, file: path), for: page)
                    return (nil, false, path)
                }
                guard let rendered = render(page) else { return (nil, false, nil) }
                if let stream = rendered.stream {
                    try stage.stream(to: rendered.filePath, stream)
                } else {
                    try stage.write(rendered.html, to: rendered.filePath)
                }
                table?.store(BuildCache.PageEntry(fingerprint: print, file: rendered.filePath), for: page)
                return (nil, false, rendered.filePath)
            } catch {
                return (error, false, nil)
            }
        }
        return (
            kind, results.compactMap(\.error), kept + results.count(where: \.reused),
            keptFiles + results.compactMap(\.file), table?.currentFiles(pages) ?? pages.map { _ in "" }
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
