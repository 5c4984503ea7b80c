import Foundation

/// A value made when first asked for, once, however many files or threads ask: the sitemap's
/// sorted page list, shared by its parts (serve makes them only when they are requested), and
/// where each article's rows were in the last build's exports, shared by the files patched.
final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make!()
            made = value
            // What it was made from (every article's summary) need not outlive it.
            make = nil
            return value
        }
    }
}
