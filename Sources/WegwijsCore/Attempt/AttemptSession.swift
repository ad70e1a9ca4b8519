import Foundation

/// A session that could not go on because its records could not be written.
public struct SessionStorageError: Error, Sendable {
    public var underlying: FileProblem
}

/// Everything an attempt session needs besides the course.
public struct SessionSettings: Sendable {
    public var learnerID: String?
    public var learnerName: String?
    /// Language of the course text and the interface.
    public var language: String
    public var restart: Bool
    /// `--full-course`: the whole course even when a refresher is due (a new pass restarts the
    /// validity and the refreshers that follow it).
    public var fullCourse = false
    /// Where the learner's records are kept (`RecordStore` for a records folder).
    public var store: any RecordWriter
    /// Signs every record written, when a key is configured.
    public var signer: RecordSigner?
    /// Called after every record the session has saved (in progress, ended or abandoned), on
    /// the session's thread; for the xAPI outbox.
    public var onRecordSaved: (@Sendable (CompletionRecord) -> Void)?
    /// Runs a record write so that nothing interrupts it halfway (the console holds signals
    /// off meanwhile); by default the write simply runs.
    public var guardWrite: @Sendable (() -> Void) -> Void = { $0() }

    public init(learnerID: String?, learnerName: String?, language: String, restart: Bool, store: any RecordWriter,
                signer: RecordSigner? = nil) {
        self.learnerID = learnerID
        self.learnerName = learnerName
        self.language = language
        self.restart = restart
        self.store = store
        self.signer = signer
    }
}

/// One learner's attempt at one course and the rules that keep it safe (SPEC §4, §9): the
/// learner's folder is prepared and locked before the first question, a saved attempt is
/// resumed or abandoned (never silently lost), pools are drawn preferring scenarios not seen
/// before, every answer is saved before `answer` returns, and an attempt gets exactly one
/// ended record. No terminal I/O: the console asks and shows, this type decides and stores.
public final class AttemptSession {
    /// What was saved for this learner and course when the session opened.
    public enum Saved: Sendable {
        /// Nothing: a new attempt starts.
        case none
        /// An unreadable in-progress file, moved aside to this path.
        case damaged(movedTo: String)
        /// An attempt that can be resumed: the learner may be asked (`resume()` or `abandonSaved()`).
        case resumable(answered: Int, name: String?)
        /// A saved attempt that no longer fits the course; it was kept, marked abandoned.
        case unfit(Unfit)
        /// `--restart`: the saved attempt was kept, marked abandoned.
        case restarted
    }

    /// Why a saved attempt could not be resumed.
    public enum Unfit: Sendable, Equatable {
        /// The course's routes or scores changed (not only its wording).
        case structureChanged
        /// The saved answers do not follow the course any more.
        case answersDoNotFit(String)
    }

    public let loaded: LoadedCourse
    public private(set) var settings: SessionSettings
    public private(set) var attempt: Attempt
    public private(set) var attemptID = UUID().uuidString.lowercased()
    public private(set) var startedAt: Date
    private let clock: () -> Date
    private let monotone: MonotoneClock
    private var events: [CompletionRecord.Event] = []
    /// Set when this attempt is a refresher.
    public private(set) var refresher: CompletionRecord.Refresher?
    /// For a new retake in its own order (`RetakeOrder`): the guidelines that failed last time.
    public private(set) var retakeGuidelines: [String] = []
    private var saved: CompletionRecord?
    private var resumable: Attempt?
    private var lock: (any RecordLock)?

    public var course: Course { loaded.course }
    private var store: any RecordWriter { settings.store }
    private var learnerID: String { settings.learnerID ?? "" }

    /// `settings.learnerID` must be set (the console asks for it first when needed).
    public init(loaded: LoadedCourse, settings: SessionSettings, clock: @escaping () -> Date = { Date() }) {
        self.loaded = loaded
        self.settings = settings
        // Whole seconds: records show times to the second, and a replay must match them; and
        // never back, whatever the machine's clock does during the attempt.
        nonisolated(unsafe) let source = clock
        let monotone = MonotoneClock { source() }
        self.monotone = monotone
        self.clock = { monotone.now() }
        self.startedAt = self.clock()
        self.attempt = Attempt(course: loaded.course, seed: 0)
    }

    public var learnerName: String? {
        get { settings.learnerName }
        set { settings.learnerName = newValue }
    }

    // MARK: - Opening

    /// Prepares and locks the learner's folder. When another session holds the lock,
    /// `waiting` is called once and the call blocks until the lock is free (a signal still ends
    /// the process: the wait is not a record write). Then looks at what was saved.
    public func open(waiting: () -> Void) throws(SessionStorageError) -> Saved {
        let course = self.course.id
        let learner = learnerID
        try storing { () throws(FileProblem) in try store.prepare(course: course, learner: learner) }
        do {
            if let held = try store.lock(course: course, learner: learner, wait: false) {
                lock = held
            } else {
                waiting()
                lock = try store.lock(course: course, learner: learner, wait: true)
            }
        } catch {
            throw SessionStorageError(underlying: error)
        }
        return try lookUpSaved()
    }

    private func lookUpSaved() throws(SessionStorageError) -> Saved {
        let course = self.course.id
        let learner = learnerID
        let lookup = try storing { () throws(FileProblem) in try store.inProgress(course: course, learner: learner) }
        switch lookup {
        case .none:
            return .none
        case .damaged(let aside):
            return .damaged(movedTo: aside)
        case .found(let record):
            // A run killed between writing the ended record and removing the in-progress file:
            // the attempt is over; finish the clean-up instead of asking the last question again.
            if store.endedRecords(course: course, learner: learner).contains(where: { $0.attemptId == record.attemptId }) {
                try storing { () throws(FileProblem) in try store.removeInProgress(course: course, learner: learner) }
                return .none
            }
            saved = record
            if settings.restart {
                try abandonSaved()
                return .restarted
            }
            if let structure = record.course.structure, structure != loaded.structure {
                try abandonSaved()
                return .unfit(.structureChanged)
            }
            if record.course.structure == nil, record.course.sha256 != loaded.sha256 {
                try abandonSaved()
                return .unfit(.structureChanged)
            }
            do {
                resumable = try Attempt(course: self.course, seed: record.seed, drawn: record.drawn,
                                        refresher: record.refresher?.scenarios, order: record.order, replaying: record.answers)
            } catch {
                try abandonSaved()
                return .unfit(.answersDoNotFit(error.message))
            }
            return .resumable(answered: record.answers.count, name: record.learner.name)
        }
    }

    /// Keeps the saved attempt as abandoned (the learner chose to start over).
    public func abandonSaved() throws(SessionStorageError) {
        guard var record = saved else { return }
        saved = nil
        resumable = nil
        record.status = .abandoned
        record.finishedAt = clock()
        record.signature = nil
        try saveEnded(sign(record))
    }

    /// Continues the saved attempt; false when there is none to resume.
    @discardableResult
    public func resume() throws(SessionStorageError) -> Bool {
        guard let record = saved, let replayed = resumable else { return false }
        attempt = replayed
        attemptID = record.attemptId
        refresher = record.refresher
        startedAt = record.startedAt
        for time in [record.startedAt] + record.answers.map(\.at) + (record.events ?? []).map(\.at) { monotone.keepAtLeast(time) }
        if settings.learnerName == nil { settings.learnerName = record.learner.name }
        events = (record.events ?? []) + [.init(type: .resumed, at: clock())]
        saved = nil
        resumable = nil
        try saveProgress()
        return true
    }

    /// Starts a new attempt and saves it before the first question: a refresher when one is
    /// due (see `RefresherSchedule`, situations chosen by `RefresherSelection`), else the full
    /// course, its pools drawn preferring scenarios the learner has not been shown before, and
    /// after a failed attempt starting with unseen situations of what failed (`RetakeOrder`).
    public func start() throws(SessionStorageError) {
        let earlier = store.endedRecords(course: course.id, learner: learnerID)
        startedAt = clock()
        attemptID = UUID().uuidString.lowercased()
        events = []
        refresher = settings.fullCourse ? nil : Self.dueRefresher(course: course, earlier: earlier, at: startedAt)
        if let refresher {
            attempt = Attempt(course: course, refresher: refresher.scenarios)
        } else {
            let seen = Set(earlier.flatMap { $0.answers.map(\.scenario) })
            var generator = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))
            let drawn = course.pools.isEmpty ? nil : Attempt.draw(course, seen: seen, using: &generator)
            // Shuffled pools: the order is drawn like the pools' members, and recorded.
            let route = course.mainRoute(drawn: drawn.map(Set.init))
            let shuffled = course.shufflePools && course.isReorderable ? course.shufflingPools(of: route, using: &generator) : route
            let retake = RetakeOrder.order(course: course, drawn: drawn, earlier: earlier, route: shuffled)
            let order = retake ?? shuffled
            attempt = Attempt(course: course, drawn: drawn, order: order == route ? nil : order)
            retakeGuidelines = retake == nil ? [] : RetakeOrder.failedGuidelines(in: course, earlier: earlier)
        }
        if refresher != nil { retakeGuidelines = [] }
        try saveProgress()
    }

    /// The refresher to run at `date`, when one is due and the course has situations for it.
    static func dueRefresher(course: Course, earlier: [CompletionRecord], at date: Date,
                             seed: UInt64 = UInt64.random(in: 0..<(1 << 53))) -> CompletionRecord.Refresher? {
        guard let rule = course.refresher, let schedule = RefresherSchedule(course: course, records: earlier),
              case .outstanding(_, let latest, _) = schedule.state(on: CalendarDay(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down))))
        else { return nil }
        let scenarios = RefresherSelection.choose(course: course, count: rule.scenarios, earlier: earlier, seed: seed)
        guard !scenarios.isEmpty else { return nil }
        return CompletionRecord.Refresher(due: latest.description, seed: seed, scenarios: scenarios,
                                          earlierAttempts: earlier.map(\.attemptId))
    }

    /// The last day the learner's pass is valid, refreshers included (see `RefresherSchedule`),
    /// counting this attempt as ended now; nil without a pass or without `validFor`.
    public func passValidUntil() -> CalendarDay? {
        guard let validFor = course.validFor else { return nil }
        let records = store.endedRecords(course: course.id, learner: learnerID) + (attempt.isFinished ? [makeRecord(ended: true)] : [])
        if let schedule = RefresherSchedule(course: course, records: records) { return schedule.expiresAt }
        guard let last = records.filter({ $0.status == .passed && $0.refresher == nil }).compactMap(\.finishedAt).max() else { return nil }
        return CalendarDay(secondsSince1970: Int64(last.timeIntervalSince1970.rounded(.down))).adding(validFor)
    }

    // MARK: - Answering

    /// Records an answer to the current scenario and saves it before returning.
    public func answer(_ optionIDs: [String]) throws(SessionError) -> ScenarioOutcome {
        let outcome: ScenarioOutcome
        do {
            outcome = try attempt.answer(optionIDs, at: clock())
        } catch {
            throw .attempt(error)
        }
        do {
            try saveProgress()
        } catch {
            throw .storage(error)
        }
        return outcome
    }

    /// Notes that the learner stopped, so a later run resumes here (answers are saved already).
    public func suspend() throws(SessionStorageError) {
        events.append(.init(type: .suspended, at: clock()))
        try saveProgress()
    }

    /// Writes the ended attempt as its one record, with the acknowledgement when the learner
    /// confirmed it, and removes the in-progress file. Returns the record's path.
    public func finish(acknowledgedAt: Date? = nil) throws(SessionStorageError) -> String {
        var record = makeRecord(ended: true)
        record.acknowledgedAt = acknowledgedAt
        let signed = try sign(record)
        let path = try saveEnded(signed)
        endedRecord = signed
        return path
    }

    /// The ended record as written by `finish` (for the end screen's certificate code).
    public private(set) var endedRecord: CompletionRecord?

    /// Releases the learner's folder for another session (also done when the session is dropped).
    public func close() {
        lock = nil
    }

    /// The time now, as the session records it.
    public func now() -> Date { clock() }

    // MARK: - Storing

    private func makeRecord(ended: Bool) -> CompletionRecord {
        var record = CompletionRecord(
            attempt: attempt, attemptID: attemptID,
            learner: .init(id: learnerID, name: settings.learnerName),
            course: .init(loaded), language: settings.language,
            startedAt: startedAt, finishedAt: ended ? clock() : nil)
        // The in-progress file says so even when every question is answered: the attempt ends
        // only when its ended record is written (after the acknowledgement, if any).
        if !ended { record.status = .inProgress }
        record.refresher = refresher
        record.events = events.isEmpty ? nil : events
        return record
    }

    /// Signs a record when a key is configured. A record that should be signed is never
    /// written unsigned: a failure stops the session like a failed write.
    private func sign(_ record: CompletionRecord) throws(SessionStorageError) -> CompletionRecord {
        guard let signer = settings.signer else { return record }
        var signed = record
        do {
            signed.signature = try signer.signature(for: record)
        } catch {
            let path = store.place(course: record.course.id, learner: record.learner.id)
            throw SessionStorageError(underlying: FileProblem(path: path, reason: "the record cannot be signed (\(error))"))
        }
        return signed
    }

    private func saveProgress() throws(SessionStorageError) {
        let record = try sign(makeRecord(ended: false))
        try storing { () throws(FileProblem) in try store.saveInProgress(record) }
        settings.onRecordSaved?(record)
    }

    @discardableResult
    private func saveEnded(_ record: CompletionRecord) throws(SessionStorageError) -> String {
        let path = try storing { () throws(FileProblem) in try store.saveEnded(record) }
        settings.onRecordSaved?(record)
        return path
    }

    private func storing<T>(_ body: () throws(FileProblem) -> T) throws(SessionStorageError) -> T {
        var result: Result<T, FileProblem>?
        withoutActuallyEscaping(body) { body in
            settings.guardWrite {
                do throws(FileProblem) {
                    result = .success(try body())
                } catch {
                    result = .failure(error)
                }
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let problem): throw SessionStorageError(underlying: problem)
        case nil: throw SessionStorageError(underlying: FileProblem(path: store.place(course: course.id, learner: learnerID), reason: "the write did not run"))
        }
    }
}

/// Why `AttemptSession.answer` failed.
public enum SessionError: Error, Sendable {
    /// The answer does not fit the scenario (a programming error in the caller).
    case attempt(AttemptError)
    /// It could not be saved.
    case storage(SessionStorageError)
}
