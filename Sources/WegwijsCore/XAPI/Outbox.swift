import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Statements waiting for the LRS, kept in the records folder (SPEC §7).
///
/// Layout under `RECORDS/.outbox/`:
/// - `pending/<attemptId>.ndjson`: the attempt's statements not yet delivered, one per line,
///   rewritten atomically (temp file, fsync, rename) whenever the attempt's record is saved, so
///   a kill at any moment leaves the old queue or the new one, never half of one;
/// - `sent/<attemptId>`: ids the LRS has accepted, so a later save of the same attempt does
///   not queue them again (losing this file costs a re-delivery, which the LRS answers with
///   204: same id, same content);
/// - `rejected/<statementId>.json`: a statement the LRS refused, with its answer; never retried.
///
/// `.lock` (flock) guards every change; `.delivering` is held by whoever is talking to the
/// LRS, so two processes never post the same new statement at once.
public struct Outbox: Sendable {
    public let folder: String

    /// The outbox of a records folder.
    public init(records: String) {
        folder = records + "/.outbox"
    }

    var pendingFolder: String { folder + "/pending" }
    var sentFolder: String { folder + "/sent" }
    var rejectedFolder: String { folder + "/rejected" }
    var unusableFolder: String { folder + "/unusable" }

    /// One statement waiting, with the attempt it belongs to.
    public struct Item: Sendable, Hashable {
        public var attemptID: String
        public var statement: XAPIStatement
    }

    /// A statement the LRS refused, as kept aside.
    public struct Rejection: Sendable, Hashable {
        public var statementID: String
        public var status: Int
        public var message: String
    }

    // MARK: - Queueing

    /// Queues the statements of one attempt that the LRS has not accepted yet. Idempotent:
    /// queueing the same attempt again gives the same file.
    public func enqueue(attemptID: String, statements: [XAPIStatement]) throws(FileProblem) {
        guard Self.isSafeName(attemptID) else {
            throw FileProblem(path: pendingFolder, reason: "attempt id '\(attemptID.prefix(60))' cannot name an outbox file")
        }
        try prepare()
        try locked { () throws(FileProblem) in
            let sent = sentIDs(attemptID)
            let rejected = rejectedIDs()
            let waiting = statements.filter { !sent.contains($0.id) && !rejected.contains($0.id) }
            try writePending(attemptID: attemptID, statements: waiting)
        }
    }

    /// Creates the outbox folders (never group- or world-writable), and refuses ones that
    /// another account can write to (`PrivateFiles`).
    func prepare() throws(FileProblem) {
        for path in [folder, pendingFolder, sentFolder, rejectedFolder, unusableFolder] {
            if mkdir(path, 0o750) != 0 && errno != EEXIST {
                throw FileProblem(path: path, reason: "cannot create the outbox folder (\(String(cString: strerror(errno))))")
            }
            try PrivateFiles.checkNoOtherWriter(path, following: false)
        }
    }

    func writePending(attemptID: String, statements: [XAPIStatement]) throws(FileProblem) {
        let path = "\(pendingFolder)/\(attemptID).ndjson"
        if statements.isEmpty {
            unlink(path)
            return
        }
        var text = ""
        for statement in statements { text += statement.json + "\n" }
        let data = Data(text.utf8)
        if let existing = try? RecordFiles.contents(of: path), existing.elementsEqual(data) { return }
        // The file is flushed before it replaces the old one; the folder's entry is left to the
        // file system: after a power cut the queue may be one save behind (`sync --rescan`).
        try RecordStore.writeAtomically(data, to: path, replacing: true, syncingFolder: false)
    }

    // MARK: - Reading

    /// Attempts with statements waiting, oldest file first: only names this outbox writes
    /// (`<attempt id>.ndjson`, the id a safe name); anything else is `unusable()`.
    public func pendingAttempts() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pendingFolder) else { return [] }
        return names.filter { $0.hasSuffix(".ndjson") && !$0.hasPrefix(".") }.sorted().map { String($0.dropLast(7)) }
            .filter(Self.isSafeName)
    }

    /// The statements waiting for one attempt; lines that are not statements this outbox wrote
    /// (a statement id that is not a UUID, binary, a cut line) are left out (`unusable()`).
    public func pending(attemptID: String) -> [XAPIStatement] {
        guard Self.isSafeName(attemptID) else { return [] }
        return (try? pendingLines(attemptID: attemptID))?.statements ?? []
    }

    /// A pending file's statements and the lines that are not statements, by line number.
    func pendingLines(attemptID: String) throws(FileProblem) -> (statements: [XAPIStatement], bad: [(line: Int, text: [UInt8])]) {
        let bytes = try RecordFiles.contents(of: "\(pendingFolder)/\(attemptID).ndjson")
        var statements: [XAPIStatement] = []
        var bad: [(line: Int, text: [UInt8])] = []
        // Split on bytes: splitting a String walks grapheme clusters, many times slower.
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            if let statement = String(validating: line, as: UTF8.self).flatMap(Self.statement(fromLine:)) {
                statements.append(statement)
            } else {
                bad.append((index + 1, Array(line)))
            }
        }
        return (statements, bad)
    }

    /// Reads id and timestamp back from a line this outbox wrote: the id is its first member
    /// and the timestamp its last (`…,"timestamp":"2026-11-24T10:15:00Z"}`), so both are read
    /// at fixed places without parsing the statement.
    static func statement(fromLine line: String) -> XAPIStatement? {
        let bytes = Array(line.utf8)
        let head = Array("{\"id\":\"".utf8), tail = Array(",\"timestamp\":\"".utf8)
        guard bytes.count > head.count + 36 + tail.count + 22, Array(bytes[0..<head.count]) == head,
              let id = String(validating: bytes[head.count..<(head.count + 36)], as: UTF8.self), isStatementID(id),
              bytes[head.count + 36] == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "}") else { return nil }
        var timestamp: Int64 = 0
        let end = bytes.count - 2  // before `"}`
        let start = end - 20
        if Array(bytes[(start - tail.count)..<start]) == tail,
           let text = String(validating: bytes[start..<end], as: UTF8.self) {
            timestamp = Timestamp.secondsSince1970(text) ?? 0
        }
        return XAPIStatement(id: id, timestamp: timestamp, json: line)
    }

    /// How many statements wait and the timestamp of the oldest (SPEC §7 `sync --status`).
    public func status() -> (pending: Int, oldest: Int64?, rejected: Int) {
        let state = fullStatus()
        return (state.pending, state.oldest, state.rejected)
    }

    /// `status()` with the files and lines in `pending/` that cannot be delivered.
    public func fullStatus() -> (pending: Int, oldest: Int64?, rejected: Int, unusable: [FileProblem]) {
        let unusable = unusable()
        var count = 0
        var oldest: Int64?
        for attempt in pendingAttempts() {
            for statement in pending(attemptID: attempt) {
                count += 1
                oldest = min(oldest ?? statement.timestamp, statement.timestamp)
            }
        }
        return (count, oldest, rejectedIDs().count, unusable)
    }

    /// The statements kept aside, with the LRS's answers.
    public func rejections() -> [Rejection] {
        rejectedIDs().sorted().compactMap { id in
            guard let data = try? RecordFiles.contents(of: "\(rejectedFolder)/\(id).json"),
                  let root = try? JSONParser.parse(data) else { return nil }
            let status = root["status"].flatMap { node -> Int? in
                if case .number(let literal) = node.value { return Int(literal) }
                return nil
            } ?? 0
            return Rejection(statementID: id, status: status, message: root["message"]?.string ?? "")
        }
    }

    func sentIDs(_ attemptID: String) -> Set<String> {
        guard Self.isSafeName(attemptID), let bytes = try? RecordFiles.contents(of: "\(sentFolder)/\(attemptID)") else { return [] }
        return Set(bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }

    func rejectedIDs() -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: rejectedFolder) else { return [] }
        return Set(names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.filter(Self.isStatementID))
    }

    // MARK: - After delivery

    /// Notes that the LRS accepted these statements: they leave the pending files.
    public func markDelivered(_ items: [Item]) throws(FileProblem) {
        let byAttempt = Dictionary(grouping: items.filter { Self.isSafeName($0.attemptID) && Self.isStatementID($0.statement.id) },
                                   by: \.attemptID)
        try locked { () throws(FileProblem) in
            for (attemptID, delivered) in byAttempt {
                let sentPath = "\(sentFolder)/\(attemptID)"
                var sent = sentIDs(attemptID)
                var added = ""
                for item in delivered where sent.insert(item.statement.id).inserted { added += item.statement.id + "\n" }
                if !added.isEmpty {
                    // The ledger only saves work: written without fsync.
                    let existing = (try? RecordFiles.contents(of: sentPath)) ?? []
                    Self.writeWithoutSync(existing + Array(added.utf8), to: sentPath)
                }
                // Only lines sent exactly as they now stand leave the queue.
                let deliveredLines = Set(delivered.map(\.statement.json))
                let waiting = pending(attemptID: attemptID).filter { !deliveredLines.contains($0.json) }
                try writePending(attemptID: attemptID, statements: waiting)
            }
        }
    }

    /// Keeps a refused statement aside with the LRS's answer and takes it out of the queue.
    public func reject(_ item: Item, status: Int, message: String) throws(FileProblem) {
        // The id names a file: only a UUID may (`pending` never yields another).
        guard Self.isStatementID(item.statement.id), Self.isSafeName(item.attemptID) else {
            throw FileProblem(path: rejectedFolder, reason: "statement id '\(item.statement.id.prefix(60))' cannot name an outbox file")
        }
        try locked { () throws(FileProblem) in
            let body = OrderedJSON.object([
                ("status", .int(status)),
                ("message", .string(message)),
                ("attemptId", .string(item.attemptID)),
                ("statement", .string(item.statement.json)),
            ]).text + "\n"
            try RecordStore.writeAtomically(Data(body.utf8), to: "\(rejectedFolder)/\(item.statement.id).json", replacing: true)
            let waiting = pending(attemptID: item.attemptID).filter { $0.id != item.statement.id }
            try writePending(attemptID: item.attemptID, statements: waiting)
        }
    }

    // MARK: - Locks

    func locked<T>(_ body: () throws(FileProblem) -> T) throws(FileProblem) -> T {
        let lock = try FileLock.waiting(folder + "/.lock", readOnlyFallback: true)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }

    /// Held while one process talks to the LRS; released when dropped.
    public typealias DeliveryLock = FileLock

    /// Takes the delivery lock: waiting for it, or returning nil at once when it is taken.
    public func deliveryLock(wait: Bool) throws(FileProblem) -> DeliveryLock? {
        try prepare()
        // A lock file made by another account of a shared folder can still be locked read-only.
        return try FileLock.take(folder + "/.delivering", wait: wait, readOnlyFallback: true)
    }

    /// Attempt ids are UUIDs; anything that could leave the folder is refused.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.first != UInt8(ascii: ".")
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }
}
