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
        for path in [folder, pendingFolder, sentFolder, rejectedFolder] {
            if mkdir(path, 0o750) != 0 && errno != EEXIST {
                throw FileProblem(path: path, reason: "cannot create the outbox folder (\(String(cString: strerror(errno))))")
            }
            try PrivateFiles.checkNoOtherWriter(path, following: false)
        }
    }

    private func writePending(attemptID: String, statements: [XAPIStatement]) throws(FileProblem) {
        let path = "\(pendingFolder)/\(attemptID).ndjson"
        if statements.isEmpty {
            unlink(path)
            return
        }
        var text = ""
        for statement in statements { text += statement.json + "\n" }
        let data = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: path), existing == data { return }
        // The file is flushed before it replaces the old one; the folder's entry is left to the
        // file system: after a power cut the queue may be one save behind (`sync --rescan`).
        try RecordStore.writeAtomically(data, to: path, replacing: true, syncingFolder: false)
    }

    // MARK: - Reading

    /// Attempts with statements waiting, oldest file first.
    public func pendingAttempts() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pendingFolder) else { return [] }
        return names.filter { $0.hasSuffix(".ndjson") && !$0.hasPrefix(".") }.sorted().map { String($0.dropLast(7)) }
    }

    /// The statements waiting for one attempt.
    public func pending(attemptID: String) -> [XAPIStatement] {
        guard let bytes = try? RecordFiles.contents(of: "\(pendingFolder)/\(attemptID).ndjson") else { return [] }
        // Split on bytes: splitting a String walks grapheme clusters, many times slower.
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            Self.statement(fromLine: String(decoding: line, as: UTF8.self))
        }
    }

    /// Reads id and timestamp back from a line this outbox wrote: the id is its first member
    /// and the timestamp its last (`…,"timestamp":"2026-11-24T10:15:00Z"}`), so both are read
    /// at fixed places without parsing the statement.
    static func statement(fromLine line: String) -> XAPIStatement? {
        let bytes = Array(line.utf8)
        let head = Array("{\"id\":\"".utf8), tail = Array(",\"timestamp\":\"".utf8)
        guard bytes.count > head.count + 36 + tail.count + 22, Array(bytes[0..<head.count]) == head,
              let id = String(validating: bytes[head.count..<(head.count + 36)], as: UTF8.self) else { return nil }
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
        var count = 0
        var oldest: Int64?
        for attempt in pendingAttempts() {
            for statement in pending(attemptID: attempt) {
                count += 1
                oldest = min(oldest ?? statement.timestamp, statement.timestamp)
            }
        }
        return (count, oldest, rejectedIDs().count)
    }

    /// The statements kept aside, with the LRS's answers.
    public func rejections() -> [Rejection] {
        rejectedIDs().sorted().compactMap { id in
            guard let data = FileManager.default.contents(atPath: "\(rejectedFolder)/\(id).json"),
                  let root = try? JSONParser.parse([UInt8](data)) else { return nil }
            let status = root["status"].flatMap { node -> Int? in
                if case .number(let literal) = node.value { return Int(literal) }
                return nil
            } ?? 0
            return Rejection(statementID: id, status: status, message: root["message"]?.string ?? "")
        }
    }

    func sentIDs(_ attemptID: String) -> Set<String> {
        guard let bytes = try? RecordFiles.contents(of: "\(sentFolder)/\(attemptID)") else { return [] }
        return Set(bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }

    func rejectedIDs() -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: rejectedFolder) else { return [] }
        return Set(names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) })
    }

    // MARK: - After delivery

    /// Notes that the LRS accepted these statements: they leave the pending files.
    public func markDelivered(_ items: [Item]) throws(FileProblem) {
        let byAttempt = Dictionary(grouping: items, by: \.attemptID)
        try locked { () throws(FileProblem) in
            for (attemptID, delivered) in byAttempt {
                let sentPath = "\(sentFolder)/\(attemptID)"
                var sent = sentIDs(attemptID)
                var added = ""
                for item in delivered where sent.insert(item.statement.id).inserted { added += item.statement.id + "\n" }
                if !added.isEmpty {
                    // The ledger only saves work: written without fsync.
                    let existing = FileManager.default.contents(atPath: sentPath) ?? Data()
                    let temp = "\(sentFolder)/.\(attemptID).\(RecordStore.randomHex()).tmp"
                    if FileManager.default.createFile(atPath: temp, contents: existing + Data(added.utf8),
                                                      attributes: [.posixPermissions: 0o640]) {
                        if rename(temp, sentPath) != 0 { unlink(temp) }
                    }
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

    private func locked<T>(_ body: () throws(FileProblem) -> T) throws(FileProblem) -> T {
        let path = folder + "/.lock"
        let fd = Self.openLockFile(path)
        guard fd >= 0 else { throw FileProblem(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw FileProblem(path: path, reason: "cannot lock (\(String(cString: strerror(errno))))")
        }
        return try body()
    }

    /// Held while one process talks to the LRS; released when dropped.
    public final class DeliveryLock: Sendable {
        private let descriptor: Int32
        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }
    }

    /// Takes the delivery lock: waiting for it, or returning nil at once when it is taken.
    public func deliveryLock(wait: Bool) throws(FileProblem) -> DeliveryLock? {
        try prepare()
        let path = folder + "/.delivering"
        let fd = Self.openLockFile(path)
        guard fd >= 0 else { throw FileProblem(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))") }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            close(fd)
            if failure == EWOULDBLOCK { return nil }
            throw FileProblem(path: path, reason: "cannot lock (\(String(cString: strerror(failure))))")
        }
        return DeliveryLock(descriptor: fd)
    }

    /// A lock file made by another account of a shared folder can still be locked read-only.
    private static func openLockFile(_ path: String) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        return fd >= 0 ? fd : open(path, O_RDONLY | O_CLOEXEC)
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
