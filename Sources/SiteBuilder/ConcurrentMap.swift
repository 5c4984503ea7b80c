/// Runs `transform` over `items` with at most `limit` tasks at a time and returns the results in
/// the order of `items`. Bounded so that a 100,000-article archive never has more than a few
/// bodies in memory at once.
/// `progress`, when given, is told how many items are done after each one (from one task, in order).
func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, progress: ((Int) -> Void)? = nil,
    _ transform: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    var results = [Result?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, Result).self) { group in
        var next = 0
        func startNext() {
            guard next < items.count else { return }
            let position = next
            let item = items[position]
            group.addTask { (position, await transform(item)) }
            next += 1
        }
        for _ in 0..<limit { startNext() }
        var done = 0
        while let (position, result) = await group.next() {
            results[position] = result
            done += 1
            progress?(done)
            startNext()
        }
    }
    return results.compactMap { $0 }
}
