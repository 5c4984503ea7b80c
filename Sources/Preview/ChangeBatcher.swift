/// Collects changed paths and hands them out in batches once saving has paused for `quiet`, so a
/// burst of saves (an editor writing a file and its backup, a `git checkout`) is one rebuild.
actor ChangeBatcher {
    private var pending: Set<String> = []
    private var lastChange = ContinuousClock.now
    private var waiter: CheckedContinuation<Void, Never>?

    func add(_ path: String) {
        pending.insert(path)
        lastChange = .now
        waiter?.resume()
        waiter = nil
    }

    /// The next batch; nil when the task is cancelled.
    func nextBatch(quiet: Duration) async -> Set<String>? {
        while !Task.isCancelled {
            if pending.isEmpty {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { waiter = $0 }
                } onCancel: {
                    Task { await self.wake() }
                }
                continue
            }
            let wait = lastChange + quiet - .now
            if wait > .zero {
                try? await Task.sleep(for: wait)
                continue
            }
            defer { pending = [] }
            return pending
        }
        return nil
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }
}
