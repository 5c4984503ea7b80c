import ArchiveModel
import Foundation
import SiteIndex

/// The body HTML of the newest articles, which the site's feeds carry in full, collected while
/// articles are rendered in parallel. It holds at most `limit` bodies at any time, so a
/// 100,000-article build keeps no more than a feed's worth of bodies in memory.
final class NewestBodies: @unchecked Sendable {
    // @unchecked: `kept` is touched only under `lock`.
    private struct Body {
        var slug: String
        var instant: Double
        var content: String
    }

    private let lock = NSLock()
    private let limit: Int
    /// Newest first, at most `limit`.
    private var kept: [Body] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps the body if it is among the `limit` newest offered so far; `content` is asked for only
    /// then. Undated articles are never in a feed's newest.
    func offer(slug: String, date: ArticleDate?, content: () -> String) {
        guard let instant = date?.instant, lock.withLock({ position(slug: slug, instant: instant) < limit }) else {
            return
        }
        let body = Body(slug: slug, instant: instant, content: content())
        lock.withLock {
            let position = position(slug: slug, instant: instant)
            guard position < limit else { return }
            kept.insert(body, at: position)
            if kept.count > limit { kept.removeLast() }
        }
    }

    /// Where a body would go among those kept, newest first. Under `lock`.
    private func position(slug: String, instant: Double) -> Int {
        kept.firstIndex { ($0.instant, slug) < (instant, $0.slug) } ?? kept.endIndex
    }

    /// The kept bodies by slug.
    var bySlug: [String: String] {
        lock.withLock { Dictionary(kept.map { ($0.slug, $0.content) }, uniquingKeysWith: { first, _ in first }) }
    }
}
