import Foundation

/// Moves statements from the outbox to the LRS (SPEC §7): in batches; a refused batch is split
/// until the statements the LRS accepts have arrived and each refused one is kept aside.
public struct Delivery: Sendable {
    public let outbox: Outbox
    public let client: LRSClient
    /// Statements per request.
    public let batchSize: Int

    /// When set, no new batch is sent after this moment (the background hand-over's bound).
    public let deadline: Date?

    public init(outbox: Outbox, client: LRSClient, batchSize: Int = 2000, deadline: Date? = nil) {
        self.outbox = outbox
        self.client = client
        self.batchSize = max(1, batchSize)
        self.deadline = deadline
    }

    /// What one delivery achieved.
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var rejected = 0
        /// Set when the LRS could not be reached (or refused the credentials): delivery stopped.
        public var unavailable: String?
        /// Files and lines of `pending/` that cannot be delivered, set aside in `unusable/`.
        public var setAside: [FileProblem] = []

        public init() {}
    }

    /// Delivers everything pending; `progress` is told the running total after each batch.
    /// Stops at the first sign that the LRS is unavailable; what is left stays in the outbox.
    ///
    /// Pipelined: while the LRS works on one batch, the next is read from the outbox and sent as
    /// soon as the answer is in, and only then are the accepted statements struck off the queue,
    /// so the LRS never waits for this side's files. A kill between an answer and the
    /// bookkeeping costs a re-delivery, which the LRS answers with 204 (same id, same content).
    public func deliverAll(progress: (Report) -> Void = { _ in }) throws(FileProblem) -> Report {
        var report = Report()
        report.setAside = try outbox.setAsideUnusable()
        var batches = Batches(outbox: outbox, size: batchSize)
        var current = batches.next()
        var inFlight = current.map { client.startPost($0.map(\.statement.json)) }
        while let batch = current, let post = inFlight {
            let following = batches.next()
            let outcome = post.outcome()
            if case .unavailable(let message) = outcome {
                report.unavailable = message
                progress(report)
                return report
            }
            if outcome == .accepted {
                inFlight = following.map { client.startPost($0.map(\.statement.json)) }
                try outbox.markDelivered(batch)
                report.delivered += batch.count
            } else {
                // A refused batch is split and its halves sent before the next batch goes.
                try settle(batch, outcome: outcome, into: &report)
                if report.unavailable != nil {
                    progress(report)
                    return report
                }
                inFlight = following.map { client.startPost($0.map(\.statement.json)) }
            }
            progress(report)
            current = following
            if let deadline, Date() >= deadline, current != nil {
                report.unavailable = "the time allowed for this delivery is over; the rest waits for the next one"
                return report
            }
        }
        return report
    }

    /// The pending statements in batches of whole attempts where they fit, so most attempts
    /// leave the queue at once; read one batch at a time.
    private struct Batches {
        let outbox: Outbox
        let size: Int
        var attempts: IndexingIterator<[String]>

        init(outbox: Outbox, size: Int) {
            self.outbox = outbox
            self.size = size
            attempts = outbox.pendingAttempts().makeIterator()
        }

        mutating func next() -> [Outbox.Item]? {
            var batch: [Outbox.Item] = []
            while batch.count < size, let attempt = attempts.next() {
                for statement in outbox.pending(attemptID: attempt) {
                    batch.append(Outbox.Item(attemptID: attempt, statement: statement))
                }
            }
            return batch.isEmpty ? nil : batch
        }
    }

    private func send(_ items: [Outbox.Item], into report: inout Report) throws(FileProblem) {
        guard report.unavailable == nil, !items.isEmpty else { return }
        try settle(items, outcome: client.post(items.map(\.statement.json)), into: &report)
    }

    /// Acts on the LRS's answer to a batch: a refused batch is halved until each refused
    /// statement stands alone, and that one is kept aside with the LRS's message.
    private func settle(_ items: [Outbox.Item], outcome: PostOutcome, into report: inout Report) throws(FileProblem) {
        switch outcome {
        case .accepted:
            try outbox.markDelivered(items)
            report.delivered += items.count
        case .unavailable(let message):
            report.unavailable = message
        case .refused(let status, let message):
            if items.count == 1, let item = items.first {
                try outbox.reject(item, status: status, message: message)
                report.rejected += 1
            } else {
                let middle = items.count / 2
                try send(Array(items[..<middle]), into: &report)
                try send(Array(items[middle...]), into: &report)
            }
        }
    }
}
