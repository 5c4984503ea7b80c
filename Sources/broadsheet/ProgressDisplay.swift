import Foundation
import SiteBuilder

#if canImport(Glibc)
    import Glibc
#endif

/// Shows how far a long build has got on standard error: a bar redrawn in place on a terminal,
/// a plain line every tenth otherwise (logs, CI). Builds of fewer than `threshold` items show nothing.
final class ProgressDisplay: @unchecked Sendable {
    // @unchecked: `lastShown` is touched only under `lock`.
    static let threshold = 1000
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastShown: (stage: BuildProgress.Stage, step: Int)?

    func update(_ progress: BuildProgress) {
        guard progress.total >= Self.threshold else { return }
        let steps = isTerminal ? 50 : 10
        let step = progress.done * steps / progress.total
        let label =
            progress.stage == .articles ? "reading, annotating and rendering articles" : "rendering cross-article pages"
        let line: String? = lock.withLock {
            if let last = lastShown, last.stage == progress.stage, last.step == step { return nil }
            lastShown = (progress.stage, step)
            if isTerminal {
                let bar = String(repeating: "#", count: step) + String(repeating: ".", count: steps - step)
                let end = progress.done == progress.total ? "\n" : ""
                return "\r[\(bar)] \(label) \(progress.done)/\(progress.total)\(end)"
            }
            return "\(label): \(progress.done)/\(progress.total)\n"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
