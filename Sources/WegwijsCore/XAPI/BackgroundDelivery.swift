import Foundation
import Synchronization

/// Delivers the outbox from a thread of its own while a learner takes a course, so the learner
/// never waits for the network: `nudge()` returns at once, failures are only remembered.
public final class BackgroundDelivery: Sendable {
    private struct State {
        var wanted = false
        var busy = false
        var busySince = Date.distantPast
        var lastFailure: Date?
    }

    private let delivery: Delivery
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    /// After a failure, nudges within this time do not try again.
    private let pause: TimeInterval

    public init(delivery: Delivery, pause: TimeInterval = 20) {
        self.delivery = delivery
        self.pause = pause
        let thread = Thread { [self] in self.loop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Asks for a delivery soon; never blocks.
    public func nudge() {
        let go = state.withLock { state -> Bool in
            if let failure = state.lastFailure, Date().timeIntervalSince(failure) < pause { return false }
            if state.wanted { return false }
            state.wanted = true
            return true
        }
        if go { wake.signal() }
    }

    /// Waits, at most `seconds`, for a delivery asked for to be tried and end, so that the end
    /// of a run knows whether the LRS answered before it hands the rest to a process of its own
    /// (which would take the delivery lock from this one). A refusal ends it at once; a try
    /// that has had no answer for a quarter of `seconds` ends the wait, so a silent host costs
    /// the end of a run at most that.
    public func settle(within seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let settled = state.withLock { state in
                state.lastFailure != nil || (!state.wanted && !state.busy)
                    || (state.busy && Date().timeIntervalSince(state.busySince) > seconds / 4)
            }
            if settled { return }
            usleep(10_000)
        }
    }

    /// Whether the LRS seems unavailable: the last delivery failed, or the one under way has
    /// had no answer for `seconds`.
    public func seemsUnavailable(stalledAfter seconds: TimeInterval) -> Bool {
        state.withLock { $0.lastFailure != nil || ($0.busy && Date().timeIntervalSince($0.busySince) > seconds) }
    }

    private func loop() {
        while true {
            wake.wait()
            state.withLock {
                $0.wanted = false
                $0.busy = true
                $0.busySince = Date()
            }
            var failed = false
            do {
                // Another process (sync, another run) delivering now will take these too.
                if let lock = try delivery.outbox.deliveryLock(wait: false) {
                    let report = try delivery.deliverAll()
                    failed = report.unavailable != nil
                    withExtendedLifetime(lock) {}
                }
            } catch {
                failed = true
            }
            state.withLock { state in
                state.busy = false
                state.lastFailure = failed ? Date() : nil
            }
        }
    }
}
