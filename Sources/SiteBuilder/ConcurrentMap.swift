/// Runs `transform` over `items` with at most `limit` tasks at a time and returns the results in
/// the order of `items`. Bounded so that a 100,000-article archive never has more than a few
/// bodies in memory at once.
func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ transform: @escaping @Sendable (Item) async -> Result
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
        while let (position, result) = await group.next() {
            results[position] = result
            startNext()
        }
    }
    return results.compactMap { $0 }
}
