import Foundation
import WegwijsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A one-line progress count on standard error while a long task runs: shown only when
/// standard error is a terminal and the task has taken more than a second, redrawn a few times
/// a second, and erased when the task ends.
public final class ProgressLine: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var thread: Thread?
    private let enabled: Bool

    /// `enabled` defaults to whether standard error is a terminal (and `TERM` is not `dumb`).
    public init(enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb") {
        self.enabled = enabled
    }

    /// Starts drawing `text()` after `delay` seconds, every `interval` seconds.
    public func start(delay: Double = 1, interval: Double = 0.2, text: @escaping @Sendable () -> String) {
        guard enabled else { return }
        let thread = Thread { [self] in
            var shown = false
            var deadline = Date(timeIntervalSinceNow: delay)
            condition.lock()
            while !stopped {
                if !condition.wait(until: deadline) {
                    StandardStreams.writeError("\r\u{1B}[2K" + TextLayout.inline(text(), limit: 70))
                    shown = true
                    deadline = Date(timeIntervalSinceNow: interval)
                }
            }
            condition.unlock()
            if shown { StandardStreams.writeError("\r\u{1B}[2K") }
            condition.lock()
            self.thread = nil
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        self.thread = thread
        condition.unlock()
        thread.start()
    }

    /// Stops and erases the line; returns once it is gone, so later output starts on a clean line.
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while thread != nil { condition.wait() }
        condition.unlock()
    }
}
