import Foundation
import Logging

/// Times the stages of a build and logs each at `debug` level (`broadsheet build --verbose`), so
/// that a slow build says where its time went.
struct PhaseClock {
    let logger: Logger
    private var last = DispatchTime.now()

    init(logger: Logger) { self.logger = logger }

    /// Logs the time since the last lap (or the start) against `phase`.
    mutating func lap(_ phase: @autoclosure () -> String) {
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        last = now
        logger.debug("\(String(format: "%8.1f ms", milliseconds))  \(phase())")
    }
}
