import Foundation

/// serve's newest renderer of each kind of cross-article page (`index`, `entity`, `quote`) and of
/// the published files (`published`: feeds, exports, search index), which makes every page of that
/// kind when it is asked for, by its file's path. A page that a rebuild kept is made by the newest
/// renderer, not by the one of the build that first made it: the page at that path shows what it
/// showed (else the rebuild would have rendered it again), and no page holds on to an older site
/// index.
final class PageRenderers: @unchecked Sendable {
    // @unchecked: `renderers` is read and replaced only under `lock`.
    /// One kind's renderer.
    struct Render: Sendable {
        /// Makes the page whose file is at a path (`tags/x/index.html`); nil when there is none.
        let page: @Sendable (String) -> Data?
        /// Works out ahead what the first request would otherwise wait for (which page each path
        /// is: 0.5 s at 100,000 articles).
        let prepare: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var renderers: [String: Render] = [:]

    /// The page of `kind` whose file is at `path`; empty when there is none.
    func render(path: String, kind: String) -> Data {
        guard let render = lock.withLock({ renderers[kind] }) else { return Data() }
        return render.page(path) ?? Data()
    }

    /// Takes a rebuild's renderers (kinds it did not render keep theirs); returns those replaced,
    /// for the caller to free where it suits.
    func update(_ newer: [String: Render]) -> [Render] {
        lock.withLock {
            var replaced: [Render] = []
            for (kind, render) in newer {
                if let old = renderers.updateValue(render, forKey: kind) { replaced.append(old) }
            }
            return replaced
        }
    }
}
