import Foundation
import Synchronization

/// The clock of one attempt: whole seconds that never go back. When the machine's clock jumps
/// back during a run (a time server correcting it, a user setting it), the attempt's times stay
/// in order — each is the later of the clock and the attempt's latest time so far — so its
/// record still agrees with itself (`finishedAt` never before `startedAt`) and nothing is lost.
final class MonotoneClock: Sendable {
    private let source: @Sendable () -> Date
    private let latest = Mutex<TimeInterval>(-.infinity)

    init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    /// The clock's time in whole seconds, or the latest time so far when the clock is behind it.
    func now() -> Date {
        let reading = source().timeIntervalSince1970.rounded(.down)
        return Date(timeIntervalSince1970: latest.withLock { latest in
            latest = max(latest, reading)
            return latest
        })
    }

    /// Times already in the attempt (a resumed record's): later readings are not before them.
    func keepAtLeast(_ date: Date) {
        latest.withLock { $0 = max($0, date.timeIntervalSince1970.rounded(.down)) }
    }
}
