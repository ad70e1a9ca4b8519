import Foundation

/// Moves statements from the outbox to the LRS (SPEC §7): in batches; a refused batch is split
/// until the statements the LRS accepts have arrived and each refused one is kept aside.
public struct Delivery: Sendable {
    public let outbox: Outbox
    public let client: LRSClient
    /// Statements per request.
    public let batchSize: Int

    public init(outbox: Outbox, client: LRSClient, batchSize: Int = 2000) {
        self.outbox = outbox
        self.client = client
        self.batchSize = max(1, batchSize)
    }

    /// What one delivery achieved.
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var rejected = 0
        /// Set when the LRS could not be reached (or refused the credentials): delivery stopped.
        public var unavailable: String?

        public init() {}
    }

    /// Delivers everything pending; `progress` is told the running total after each batch.
    /// Stops at the first sign that the LRS is unavailable; what is left stays in the outbox.
    public func deliverAll(progress: (Report) -> Void = { _ in }) throws(FileProblem) -> Report {
        var report = Report()
        var batch: [Outbox.Item] = []
        for attempt in outbox.pendingAttempts() {
            for statement in outbox.pending(attemptID: attempt) {
                batch.append(Outbox.Item(attemptID: attempt, statement: statement))
            }
            // Whole attempts per batch where they fit, so most attempts leave the queue at once.
            if batch.count >= batchSize {
                try send(batch, into: &report)
                progress(report)
                batch.removeAll(keepingCapacity: true)
                if report.unavailable != nil { return report }
            }
        }
        if !batch.isEmpty {
            try send(batch, into: &report)
            progress(report)
        }
        return report
    }

    private func send(_ items: [Outbox.Item], into report: inout Report) throws(FileProblem) {
        guard report.unavailable == nil, !items.isEmpty else { return }
        switch client.post(items.map(\.statement.json)) {
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
