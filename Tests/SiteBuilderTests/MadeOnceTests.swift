import Foundation
import Testing

@testable import SiteBuilder

/// The sitemap's parts share one page list: however many ask, and from however many threads, it
/// is made once.
struct MadeOnceTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.withLock {
                count += 1; return count
            }
        }
        var value: Int { lock.withLock { count } }
    }

    @Test func aValueIsMadeOnceForEveryThreadThatAsks() {
        let counter = Counter()
        let shared = MadeOnce { () -> [Int] in
            // Slow enough that threads arriving together would each make it without the lock.
            usleep(20_000)
            return Array(0..<counter.next() * 1000)
        }
        let sizes = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { sizes.deallocate() }
        nonisolated(unsafe) let base = sizes.baseAddress!
        DispatchQueue.concurrentPerform(iterations: 8) { (base + $0).initialize(to: shared.value.count) }
        #expect(counter.value == 1)
        #expect(Array(sizes) == Array(repeating: 1000, count: 8))
        #expect(shared.value.count == 1000)
        #expect(counter.value == 1)
    }
}
