import Foundation
import Synchronization

/// One learner's attempts at one course.
public struct LearnerCourse: Sendable, Hashable {
    public var course: String
    public var learner: String

    public init(course: String, learner: String) {
        self.course = course
        self.learner = learner
    }
}

/// What the records of one learner and course add up to. Records are folded in one at a time
/// and then dropped, so a report's memory grows with learners, not with attempts.
public struct AttemptTally: Sendable, Hashable {
    /// Attempt records of every status.
    public var attempts = 0
    /// Passed or failed attempts.
    public var finished = 0
    /// In-progress or abandoned attempts.
    public var unfinished = 0
    /// Highest percentage of a finished attempt.
    public var bestPercent: Double?
    /// Seconds since 1970.
    public var lastActivity: Int64?
    /// When the latest passed full-course attempt finished (refreshers not counted).
    public var lastPass: Int64?
    /// When passed refreshers finished, in no particular order.
    public var refresherPasses: [Int64] = []
    /// The latest confirmation of the course's acknowledgement by a passed attempt.
    public var lastAcknowledgement: Int64?
    /// Records counted here that cannot be believed (SPEC §5 Trust): attempts, never passes.
    public var untrusted = 0
    /// The learner's name in the newest record that has one.
    public var name: String?
    private var nameAt = Int64.min

    public init() {}

    /// Folds in one record as it stood at the end of `asOf` (nil: now). An attempt started
    /// after that day is left out; one finished after it counts as still in progress.
    /// Returns whether the record counted.
    @discardableResult
    public mutating func add(_ facts: RecordFacts, asOf: CalendarDay?) -> Bool {
        var status = facts.status
        var activity = facts.lastActivity
        if let asOf {
            let endOfDay = Int64(asOf.number + 1) * 86_400
            if facts.startedAt >= endOfDay { return false }
            if activity >= endOfDay {
                if status == .passed || status == .failed { status = .inProgress }
                activity = facts.startedAt
            }
        }
        attempts += 1
        if facts.distrust != nil { untrusted += 1 }
        lastActivity = max(lastActivity ?? activity, activity)
        switch status {
        case .passed, .failed:
            finished += 1
            // A refresher's few situations say less than the course: its percentage and pass
            // count only for the refresher schedule.
            if facts.isRefresher {
                if status == .passed, let at = facts.finishedAt { refresherPasses.append(at) }
            } else {
                if let percent = facts.percent { bestPercent = max(bestPercent ?? percent, percent) }
                if status == .passed, let at = facts.finishedAt { lastPass = max(lastPass ?? at, at) }
            }
            if status == .passed, let at = facts.acknowledgedAt, asOf.map({ at < Int64($0.number + 1) * 86_400 }) ?? true {
                lastAcknowledgement = max(lastAcknowledgement ?? at, at)
            }
        case .inProgress, .abandoned:
            unfinished += 1
        }
        if let learnerName = facts.learnerName, !learnerName.isEmpty, activity >= nameAt {
            name = learnerName
            nameAt = activity
        }
        return true
    }

    /// Combines the tallies two workers made of different records.
    public mutating func merge(_ other: AttemptTally) {
        attempts += other.attempts
        finished += other.finished
        unfinished += other.unfinished
        untrusted += other.untrusted
        if let percent = other.bestPercent { bestPercent = max(bestPercent ?? percent, percent) }
        if let at = other.lastActivity { lastActivity = max(lastActivity ?? at, at) }
        if let at = other.lastPass { lastPass = max(lastPass ?? at, at) }
        refresherPasses += other.refresherPasses
        if let at = other.lastAcknowledgement { lastAcknowledgement = max(lastAcknowledgement ?? at, at) }
        if other.name != nil, other.nameAt >= nameAt {
            name = other.name
            nameAt = other.nameAt
        }
    }
}

/// A course's terms as stated by its newest record (SPEC §4: the record copies them).
public struct RecordedTerms: Sendable, Hashable {
    public var version: String
    public var validFor: ISODuration?
    public var dueWithinDays: Int?
    /// The course's `refresher.every`, when the record states one.
    public var refresherEvery: ISODuration? = nil
    /// When the newest record's attempt last changed.
    public var newest: Int64

    /// Keeps whichever of two statements is newer.
    mutating func keepNewer(_ other: RecordedTerms) {
        if other.newest > newest { self = other }
    }
}

/// Everything a report reads from a records folder.
public struct RecordScan: Sendable {
    public var tallies: [LearnerCourse: AttemptTally] = [:]
    /// Per course id seen in the records.
    public var recordedTerms: [String: RecordedTerms] = [:]
    /// Files skipped, with why; sorted by path.
    public var problems: [FileProblem] = []
    /// Records that cannot be believed (SPEC §5 Trust), with why; counted as not passed. Sorted by path.
    public var untrusted: [FileProblem] = []
    /// Record files found (read or not).
    public var files = 0

    public init() {}

    /// Folds in one record's facts; records of courses outside `courses` (when given) are ignored.
    public mutating func add(_ facts: RecordFacts, courses: Set<String>?, asOf: CalendarDay?) {
        if let courses, !courses.contains(facts.courseID) { return }
        let terms = RecordedTerms(version: facts.courseVersion, validFor: facts.validFor,
                                  dueWithinDays: facts.dueWithinDays, refresherEvery: facts.refresherEvery,
                                  newest: facts.lastActivity)
        if recordedTerms[facts.courseID] == nil {
            recordedTerms[facts.courseID] = terms
        } else {
            recordedTerms[facts.courseID]?.keepNewer(terms)
        }
        tallies[LearnerCourse(course: facts.courseID, learner: facts.learnerID), default: AttemptTally()].add(facts, asOf: asOf)
    }

    /// Reads, parses and folds in one record file, or notes why it was skipped.
    public mutating func read(_ path: String, courses: Set<String>?, asOf: CalendarDay?, trust: RecordTrust? = nil) {
        read(path, from: RecordFolder(root: (path as NSString).deletingLastPathComponent), courses: courses, asOf: asOf, trust: trust)
    }

    /// Reads, parses and folds in the record at `path` in `source`, or notes why it was skipped.
    public mutating func read(_ path: String, from source: some RecordSource, courses: Set<String>?, asOf: CalendarDay?,
                              trust: RecordTrust? = nil) {
        files += 1
        do {
            // The facts need only the last answer; a signature is over the whole record.
            let condensed = trust?.signer == nil ? "answers" : nil
            let (bytes, root) = try RecordFiles.parsed(source.bytes(at: path), path: path, keepingLastOf: condensed)
            do {
                var facts = try RecordFacts.extract(from: root, trust: trust)
                if let courses, !courses.contains(facts.courseID) { return }
                if trust != nil, let copied = RecordTrust.folderMismatch(path: path, facts: facts) {
                    // A copy of another learner's attempt: listed, and not counted at all.
                    untrusted.append(FileProblem(path: path, reason: copied + "; not counted"))
                    return
                }
                if let distrust = facts.distrust {
                    untrusted.append(FileProblem(path: path, reason: distrust))
                    // Counted as an attempt, never as a pass, and its percentage is not believed.
                    if facts.status == .passed { facts.status = .failed }
                    facts.percent = nil
                }
                add(facts, courses: courses, asOf: asOf)
            } catch {
                let place = error.offset.map { offset in
                    let position = SourceText(bytes: bytes).position(of: offset)
                    return "\(path):\(position.line):\(position.column)"
                } ?? path
                problems.append(FileProblem(path: place, reason: error.reason))
            }
        } catch {
            problems.append(error)
        }
    }

    /// Combines the scans two workers made of different files.
    public mutating func merge(_ other: RecordScan) {
        for (key, tally) in other.tallies {
            tallies[key, default: AttemptTally()].merge(tally)
        }
        for (course, terms) in other.recordedTerms {
            if recordedTerms[course] == nil { recordedTerms[course] = terms } else { recordedTerms[course]?.keepNewer(terms) }
        }
        problems += other.problems
        untrusted += other.untrusted
        files += other.files
    }
}

/// How far a scan has got, readable from another thread (for a progress line).
public final class ScanProgress: Sendable {
    private let done = Atomic<Int>(0)

    public init() {}

    /// Record files handled so far.
    public var files: Int { done.load(ordering: .relaxed) }

    func advance(by count: Int) { done.add(count, ordering: .relaxed) }
}

/// Reads a records folder with parallel workers: one thread walks the folders and hands out
/// batches of paths through a small bounded queue; each worker reads, parses and tallies into
/// its own `RecordScan`; the scans are merged at the end. Nothing holds all paths or all
/// records at once.
public enum RecordScanner {
    /// Paths handed to a worker at a time.
    static let batchSize = 64

    /// Scans every record file below `root`. Throws only when `root` cannot be read; every
    /// other problem is in the result.
    public static func scan(root: String, courses: Set<String>? = nil, asOf: CalendarDay? = nil, trust: RecordTrust? = nil,
                            workers: Int = 2, progress: ScanProgress? = nil) throws(FileProblem) -> RecordScan {
        try scan(source: RecordFolder(root: root), courses: courses, asOf: asOf, trust: trust, workers: workers, progress: progress)
    }

    /// Scans every record in `source`. Throws only when the source cannot be read; every
    /// other problem is in the result.
    public static func scan<Source: RecordSource>(source: Source, courses: Set<String>? = nil, asOf: CalendarDay? = nil,
                                                  trust: RecordTrust? = nil, workers: Int = 2,
                                                  progress: ScanProgress? = nil) throws(FileProblem) -> RecordScan {
        var (scan, walkProblems) = try fold(source: source, workers: workers, progress: progress, initial: RecordScan(),
                                            read: { scan, path in scan.read(path, from: source, courses: courses, asOf: asOf, trust: trust) },
                                            merge: { $0.merge($1) })
        scan.problems += walkProblems
        scan.problems.sort { $0.path < $1.path }
        scan.untrusted.sort { $0.path < $1.path }
        return scan
    }

    /// Folds every record of `source` into a `Partial` per worker and merges them: the walk
    /// and the workers that `report` and `stats` share. `read` gets each record's place and
    /// reads it from `source` itself. Returns the merged result and the parts that could not
    /// be read. Throws only when the source cannot be read.
    public static func fold<Partial: Sendable>(source: some RecordSource, workers: Int = 2, progress: ScanProgress? = nil,
                                               initial: Partial, read: @escaping @Sendable (inout Partial, String) -> Void,
                                               merge: (inout Partial, Partial) -> Void) throws(FileProblem) -> (Partial, [FileProblem]) {
        let queue = BatchQueue(capacity: max(workers, 1) * 4)
        let results = WorkerResults(Array(repeating: initial, count: max(workers, 1)))
        let finished = DispatchGroup()
        for worker in 0..<max(workers, 1) {
            finished.enter()
            let thread = Thread {
                var partial = initial
                while let batch = queue.pop() {
                    for path in batch { read(&partial, path) }
                    progress?.advance(by: batch.count)
                }
                results.store(partial, at: worker)
                finished.leave()
            }
            thread.name = "wegwijs-records-\(worker)"
            thread.start()
        }
        var walkProblems: [FileProblem] = []
        var batch: [String] = []
        batch.reserveCapacity(batchSize)
        do throws(FileProblem) {
            try source.places(found: { path in
                batch.append(path)
                if batch.count == batchSize {
                    queue.push(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }, problem: { walkProblems.append($0) })
        } catch {
            queue.close()
            finished.wait()
            throw error
        }
        if !batch.isEmpty { queue.push(batch) }
        queue.close()
        finished.wait()

        var combined = initial
        for partial in results.all() { merge(&combined, partial) }
        return (combined, walkProblems)
    }
}

/// A bounded first-in first-out queue of path batches between the walker and the workers.
private final class BatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[String]] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits while the queue is full, so the walker never runs far ahead of the workers.
    func push(_ batch: [String]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the queue is closed and empty.
    func pop() -> [String]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Each worker's result, written once by that worker before it signals the group.
private final class WorkerResults<Partial: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var partials: [Partial]

    init(_ partials: [Partial]) {
        self.partials = partials
    }

    func store(_ partial: Partial, at index: Int) {
        lock.withLock { partials[index] = partial }
    }

    func all() -> [Partial] {
        lock.withLock { partials }
    }
}
