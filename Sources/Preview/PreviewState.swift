import ArchiveModel
import Foundation

/// What the server knows of the last rebuild — the errors of a failed one (empty after a good one)
/// and a version that changes with every rebuild, for ETags of pages whose overlay may change —
/// and the pages it has answered since, as sent: a page asked for again is answered from its bytes
/// without being rendered again (until the next rebuild, which forgets them all).
final class PreviewState: @unchecked Sendable {
    // @unchecked: everything below is read and written under `lock`.
    private let lock = NSLock()
    private var diagnostics: [Diagnostic] = []
    private var version = 0
    private var answered: [String: Answer] = [:]
    private var answeredBytes = 0

    /// A file's reply as sent: the body (with the live-reload script), its type and validators.
    struct Answer: Sendable {
        var body: Data
        var type: String
        var etag: String
        var modified: Date
    }

    /// At most this many bytes of answers are kept; past it they are all forgotten.
    static let answerBudget = 64 << 20
    /// Larger answers (the exports) are never kept.
    static let largestAnswer = 1 << 20

    /// The version and the errors of the last rebuild.
    var current: (version: Int, diagnostics: [Diagnostic]) { lock.withLock { (version, diagnostics) } }

    func record(_ diagnostics: [Diagnostic]) {
        lock.withLock {
            self.diagnostics = diagnostics
            version += 1
            answered = [:]
            answeredBytes = 0
        }
    }

    /// The answer kept for a path, if any.
    func answer(for path: String) -> Answer? { lock.withLock { answered[path] } }

    /// Keeps an answer made while `version` was current (an answer made across a rebuild is not
    /// kept: it may be of the site before it).
    func keep(_ answer: Answer, for path: String, madeAt made: Int) {
        guard answer.body.count <= Self.largestAnswer else { return }
        lock.withLock {
            guard made == version else { return }
            if answeredBytes + answer.body.count > Self.answerBudget {
                answered = [:]
                answeredBytes = 0
            }
            answered[path] = answer
            answeredBytes += answer.body.count
        }
    }
}
