import Foundation

/// A value made on a thread of its own while the caller goes on; `value` waits for it. A thread
/// rather than a task or a dispatch queue: the caller blocks, and a thread of the cooperative pool
/// must not wait on work that may need another.
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the thread, before `done` is signalled, and read
    // only after it.
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = make()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once made (read it once).
    var value: Value {
        done.wait()
        return result!
    }
}
