import ArgumentParser
import Foundation
import Synchronization
import WegwijsConsole
import WegwijsCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a course interactively.",
        discussion: """
        With a terminal, answers are typed through readline (editing, history, Tab completion). Piped, answers are read one per line and --learner is required.

        At the prompt: a letter (or 'a c' for several), ?, richtlijnen/guidelines, stop.
        """
    )

    @Argument(help: "A course file, or the id of a bundled course.")
    var course: String = CourseCatalog.defaultCourseID

    @Option(help: "Employee number: 1-64 of A-Z a-z 0-9 . _ -, not starting with '.'.")
    var learner: String?

    @Option(help: "Your display name.")
    var name: String?

    @OptionGroup var records: RecordsOptions
    @OptionGroup var language: LanguageOptions

    @Flag(help: "Ignore a saved unfinished attempt and start over (it is kept, marked abandoned).")
    var restart = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let learner, !LearnerID.isValid(learner) {
            throw ValidationError("invalid --learner '\(TextLayout.inline(learner, limit: 70))': use 1-64 letters, digits, '.', '_' or '-', not starting with '.'")
        }
        if let name, ControlCharacters.contains(in: name) {
            throw ValidationError("--name may not contain control characters, bidirectional overrides or line separators")
        }
    }

    func run() throws {
        let terminal = display.terminal
        if !terminal.isInteractive, learner == nil {
            throw ValidationError("--learner is required when input is not a terminal")
        }
        let configured = try loadSettings(flags: records.flags)
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let language = try language.language(for: loaded.course)
        let signer = try SigningKey.configured()
        var settings = SessionSettings(learnerID: learner, learnerName: name, language: language, restart: restart,
                                       store: RecordStore(root: configured.records), signer: signer)
        let statements = try StatementQueue(settings: configured, course: loaded.course)
        if let statements {
            settings.onRecordSaved = { record in statements.add(record) }
        }
        let phrases = Phrases(code: language)
        SignalTrap.install(farewell: phrases.interrupted)
        let output = StandardOutput()
        let reader: LineReader = terminal.isInteractive ? ReadlineReader() : PipedReader(output: output)
        let session = CourseSession(loaded: loaded, settings: settings, terminal: terminal, reader: reader, output: output)
        do {
            let outcome = try session.run()
            statements?.finish(records: configured.records, phrases: phrases)
            switch outcome {
            case .passed: return
            case .failed: throw Exit.notPassed
            case .stopped: throw Exit.stopped
            }
        } catch let failure as SessionStorageError {
            printError(failure.underlying.description)
            printError(phrases.notSaved(failure.underlying.reason))
            printError(phrases.lastAnswerLost)
            throw Exit.ioError
        }
    }
}

/// xAPI statements of the attempt on their way to the LRS while the learner works (SPEC §7):
/// each saved record's statements go to the outbox, and a background thread delivers them.
/// Nothing here may stop, slow or trouble the learner: failures only leave statements waiting.
final class StatementQueue: Sendable {
    private let outbox: Outbox
    private let course: Course
    private let profile: XAPIProfile
    private let background: BackgroundDelivery

    /// Nil when no LRS is configured.
    init?(settings: Settings, course: Course) throws {
        guard let endpoint = try lrsEndpoint(settings) else { return nil }
        outbox = Outbox(records: settings.records)
        self.course = course
        profile = xapiProfile(settings)
        background = BackgroundDelivery(delivery: Delivery(outbox: outbox, client: LRSClient(endpoint: endpoint, timeout: 5)))
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
    func add(_ record: CompletionRecord) {
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
            SignalTrap.whileSaving {
                try? outbox.enqueue(attemptID: record.attemptId, statements: statements)
            }
        }
        background.nudge()
    }

    /// Hands what still waits to a delivery process of its own (`DeliveryHandOff`), so the
    /// learner never waits for the network; when the LRS seems unavailable, says how many of
    /// this run's statements wait.
    func finish(records: String, phrases: Phrases) {
        writer.sync {}
        // A folder listing, not a read of every waiting statement: a shared folder's outbox can
        // hold a long backlog when the LRS has been away.
        guard !outbox.pendingAttempts().isEmpty else { return }
        DeliveryHandOff.start(records: records)
        guard background.seemsUnavailable(stalledAfter: 1) else { return }
        let mine = attempts.withLock { $0 }.reduce(0) { $0 + outbox.pending(attemptID: $1).count }
        guard mine > 0 else { return }
        printOutput(phrases.statementsWaiting(mine))
    }
}
