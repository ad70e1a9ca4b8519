import Foundation
import Synchronization
import WegwijsCore

/// Records kept in memory: a `RecordWriter` for sessions and a `RecordSource` for the readers,
/// so a whole attempt, its report and its statements run in-process without a folder (as
/// swiftly's tests run commands against a swapped context). Places are `course/learner/name`,
/// named by `RecordsLayout` like the files of a records folder.
public final class MemoryRecords: RecordWriter, RecordSource {
    private struct State {
        var files: [String: [UInt8]] = [:]
        var prepared = Set<String>()
        var held = Set<String>()
        var failure: String?
        var written = 0
    }

    private let state = Mutex(State())
    private let released = NSCondition()

    public init() {}

    public var name: String { "memory" }

    /// Makes every later write fail with `reason` (nil: writes work again), as a full disk would.
    public func failWrites(_ reason: String?) {
        state.withLock { $0.failure = reason }
    }

    /// Puts bytes at a place, as a file dropped into a records folder would be.
    public func put(_ bytes: [UInt8], at place: String) {
        state.withLock { $0.files[place] = bytes }
    }

    /// Every place and its bytes.
    public var files: [String: [UInt8]] { state.withLock { $0.files } }

    /// Writes that succeeded so far.
    public var writes: Int { state.withLock { $0.written } }

    /// The record at a place, decoded.
    public func record(at place: String) -> CompletionRecord? {
        state.withLock { $0.files[place] }.flatMap { try? CompletionRecord.decode(Data($0)) }
    }

    // MARK: RecordWriter

    public func place(course: String, learner: String) -> String { "\(course)/\(learner)" }

    /// Nothing on disk a learner could open.
    public func inProgressFile(course: String, learner: String) -> String? { nil }

    private func inProgressPlace(_ course: String, _ learner: String) -> String {
        place(course: course, learner: learner) + "/" + RecordsLayout.inProgressName
    }

    public func prepare(course: String, learner: String) throws(FileProblem) {
        let folder = place(course: course, learner: learner)
        if let reason = state.withLock({ $0.failure }) { throw FileProblem(path: folder, reason: reason) }
        state.withLock { _ = $0.prepared.insert(folder) }
    }

    /// Released when dropped, like the folder store's `flock`.
    private final class Held: Sendable {
        let release: @Sendable () -> Void
        init(release: @escaping @Sendable () -> Void) { self.release = release }
        deinit { release() }
    }

    public func lock(course: String, learner: String, wait: Bool) throws(FileProblem) -> (any RecordLock)? {
        let folder = place(course: course, learner: learner)
        released.lock()
        defer { released.unlock() }
        while !state.withLock({ $0.held.insert(folder).inserted }) {
            guard wait else { return nil }
            released.wait()
        }
        return Held { [self] in
            released.lock()
            _ = state.withLock { $0.held.remove(folder) }
            released.broadcast()
            released.unlock()
        }
    }

    public func inProgress(course: String, learner: String) throws(FileProblem) -> InProgressLookup {
        let place = inProgressPlace(course, learner)
        guard let bytes = state.withLock({ $0.files[place] }) else { return .none }
        if let record = try? CompletionRecord.decode(Data(bytes)) { return .found(record) }
        let aside = self.place(course: course, learner: learner) + "/" + RecordsLayout.inProgressName + ".damaged"
        state.withLock { state in
            state.files[place] = nil
            state.files[aside] = bytes
        }
        return .damaged(movedTo: aside)
    }

    public func endedRecords(course: String, learner: String) -> [CompletionRecord] {
        let prefix = place(course: course, learner: learner) + "/"
        let files = state.withLock { $0.files }
        return files.keys.filter { key in
            guard key.hasPrefix(prefix) else { return false }
            let name = String(key.dropFirst(prefix.count))
            return !name.contains("/") && RecordsLayout.isRecordName(name) && name != RecordsLayout.inProgressName
        }.sorted().compactMap { files[$0].flatMap { try? CompletionRecord.decode(Data($0)) } }
    }

    public func removeInProgress(course: String, learner: String) throws(FileProblem) {
        let place = inProgressPlace(course, learner)
        _ = state.withLock { $0.files.removeValue(forKey: place) }
    }

    private func write(_ record: CompletionRecord, to place: String) throws(FileProblem) {
        let bytes: [UInt8]
        do {
            bytes = Array(try record.encoded())
        } catch {
            throw FileProblem(path: place, reason: "cannot encode the record (\(error))")
        }
        try state.withLock { (state: inout State) throws(FileProblem) in
            if let reason = state.failure { throw FileProblem(path: place, reason: reason) }
            guard state.prepared.contains((place as NSString).deletingLastPathComponent) else {
                throw FileProblem(path: place, reason: "written before its place was prepared")
            }
            state.files[place] = bytes
            state.written += 1
        }
    }

    public func saveInProgress(_ record: CompletionRecord) throws(FileProblem) {
        try write(record, to: inProgressPlace(record.course.id, record.learner.id))
    }

    @discardableResult
    public func saveEnded(_ record: CompletionRecord) throws(FileProblem) -> String {
        let folder = place(course: record.course.id, learner: record.learner.id)
        let stamp = RecordStore.fileTimestamp(record.finishedAt ?? Date())
        let number = state.withLock { $0.files.count }
        let place = folder + "/" + "\(stamp)-\(String(format: "%08x", number)).json"
        try write(record, to: place)
        try removeInProgress(course: record.course.id, learner: record.learner.id)
        return place
    }

    // MARK: RecordSource

    public func places(found: (String) -> Void, problem: (FileProblem) -> Void) throws(FileProblem) {
        for place in state.withLock({ $0.files.keys }) where RecordsLayout.isRecordName((place as NSString).lastPathComponent) {
            found(place)
        }
    }

    public func bytes(at place: String) throws(FileProblem) -> [UInt8] {
        guard let bytes = state.withLock({ $0.files[place] }) else { throw FileProblem(path: place, reason: "no such record") }
        return bytes
    }
}

/// An outbox in memory, for the statement queue in-process.
public final class MemoryOutbox: StatementOutbox {
    private let queued = Mutex<[(attempt: String, statements: [XAPIStatement])]>([])
    private let failure = Mutex<String?>(nil)

    public init() {}

    /// Makes every later enqueue fail (nil: they work again).
    public func failWrites(_ reason: String?) { failure.withLock { $0 = reason } }

    public func enqueue(attemptID: String, statements: [XAPIStatement]) throws(FileProblem) {
        if let reason = failure.withLock({ $0 }) { throw FileProblem(path: "outbox", reason: reason) }
        queued.withLock { queued in
            if let index = queued.firstIndex(where: { $0.attempt == attemptID }) {
                queued[index].statements = statements
            } else {
                queued.append((attemptID, statements))
            }
            queued.removeAll { $0.statements.isEmpty }
        }
    }

    public func pendingAttempts() -> [String] { queued.withLock { $0.map(\.attempt) } }

    public func pending(attemptID: String) -> [XAPIStatement] {
        queued.withLock { $0.first { $0.attempt == attemptID }?.statements ?? [] }
    }

    /// Takes everything out, as a delivery the LRS accepted would.
    public func deliverAll() { queued.withLock { $0.removeAll() } }
}

/// A delivery that only counts how often it was asked, and says the LRS is away when told to.
public final class MemoryDelivery: StatementDelivery {
    private let nudges = Atomic<Int>(0)
    private let away = Atomic<Bool>(false)

    public init(unavailable: Bool = false) { away.store(unavailable, ordering: .relaxed) }

    public var nudgeCount: Int { nudges.load(ordering: .relaxed) }

    public func nudge() { nudges.add(1, ordering: .relaxed) }

    public func seemsUnavailable(stalledAfter seconds: TimeInterval) -> Bool { away.load(ordering: .relaxed) }

    /// Nothing is ever under way: this delivery does nothing.
    public func settle(within seconds: TimeInterval) {}
}
