import Foundation
import Synchronization

/// Where the statement queue leaves statements for the LRS: the outbox of a records folder
/// (`Outbox`), or an in-memory one in tests.
public protocol StatementOutbox: Sendable {
    /// Queues the statements of one attempt that the LRS has not accepted yet (idempotent).
    func enqueue(attemptID: String, statements: [XAPIStatement]) throws(FileProblem)
    /// Attempts with statements waiting.
    func pendingAttempts() -> [String]
    /// The statements waiting for one attempt.
    func pending(attemptID: String) -> [XAPIStatement]
}

/// What delivers the outbox while the learner works (`BackgroundDelivery`), asked never to block.
public protocol StatementDelivery: Sendable {
    /// Asks for a delivery soon; returns at once.
    func nudge()
    /// Whether the LRS seems unavailable: the last delivery failed, or the one under way has
    /// had no answer for `seconds`.
    func seemsUnavailable(stalledAfter seconds: TimeInterval) -> Bool
    /// Waits, at most `seconds`, for a delivery asked for to be tried and end (a quarter of
    /// that for a try that has no answer).
    func settle(within seconds: TimeInterval)
}

extension Outbox: StatementOutbox {}
extension BackgroundDelivery: StatementDelivery {}

/// xAPI statements of the attempt on their way to the LRS while the learner works (SPEC §7):
/// each saved record's statements go to the outbox, and a background delivery takes them.
/// Nothing here may stop, slow or trouble the learner: failures only leave statements waiting.
public final class StatementQueue: Sendable {
    private let outbox: any StatementOutbox
    private let delivery: any StatementDelivery
    private let course: Course
    private let profile: XAPIProfile
    private let guardWrite: @Sendable (() -> Void) -> Void

    /// `guardWrite` runs each outbox write so that nothing interrupts it halfway (the console
    /// holds signals off meanwhile, as for a record write).
    public init(outbox: any StatementOutbox, delivery: any StatementDelivery, course: Course, profile: XAPIProfile,
                guardWrite: @escaping @Sendable (() -> Void) -> Void = { $0() }) {
        self.outbox = outbox
        self.delivery = delivery
        self.course = course
        self.profile = profile
        self.guardWrite = guardWrite
    }

    /// Statements are made and queued off the learner's path, in the order records were saved.
    private let writer = DispatchQueue(label: "wegwijs-outbox")

    /// The newest saved record of each attempt not yet queued, in the order attempts appeared:
    /// a record's statements include all of an earlier record's, so only the newest counts.
    private let waiting = Mutex<[CompletionRecord]>([])

    /// The attempts this run has queued statements for.
    private let attempts = Mutex<Set<String>>([])

    /// Queues a saved record's statements and asks for a delivery; never throws, never waits.
    /// A kill before the write loses nothing the record does not hold: the next save of the
    /// attempt queues all its statements again, and `wegwijs sync --rescan` queues any record.
    public func add(_ record: CompletionRecord) {
        attempts.withLock { _ = $0.insert(record.attemptId) }
        let first = waiting.withLock { records -> Bool in
            if let index = records.firstIndex(where: { $0.attemptId == record.attemptId }) {
                records[index] = record
                return false
            }
            records.append(record)
            return records.count == 1
        }
        if first { writer.async { [self] in write() } }
    }

    private func write() {
        let records = waiting.withLock { records in
            defer { records.removeAll() }
            return records
        }
        for record in records {
            let statements = XAPIStatements.make(for: record, course: course, profile: profile)
            // Like a record write, a signal waits for the outbox write to finish.
            guardWrite {
                try? outbox.enqueue(attemptID: record.attemptId, statements: statements)
            }
        }
        delivery.nudge()
    }

    /// Waits for the statements queued so far to be in the outbox.
    public func flush() {
        writer.sync {}
    }

    /// At the end of a run: calls `handOff` when anything still waits, so a delivery process
    /// of its own (`DeliveryHandOff`) takes it and the learner never waits for the network.
    /// Returns how many of this run's statements wait when the LRS seems unavailable (for the
    /// learner to be told), else nil.
    public func finish(handOff: () -> Void) -> Int? {
        flush()
        // A folder listing, not a read of every waiting statement: a shared folder's outbox can
        // hold a long backlog when the LRS has been away.
        guard !outbox.pendingAttempts().isEmpty else { return nil }
        // The first try may not have been made yet (a short run, busy cores): without it the
        // count below would depend on the scheduler. It ends at once when the LRS refuses.
        delivery.settle(within: 1)
        handOff()
        guard delivery.seemsUnavailable(stalledAfter: 1) else { return nil }
        let mine = attempts.withLock { $0 }.reduce(0) { $0 + outbox.pending(attemptID: $1).count }
        return mine > 0 ? mine : nil
    }
}
