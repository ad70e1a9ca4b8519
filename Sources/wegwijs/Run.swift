import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a course interactively.",
        discussion: """
        With a terminal, answers are typed through readline (editing, history, Tab completion). Piped, answers are read one per line and --learner is required.

        When the course declares a refresher and one is due after the learner's pass, a short refresher runs instead of the whole course (see docs/learner.md).

        At the prompt: a letter (or 'a c' for several), ?, richtlijnen/guidelines, beleid/policy, stop.

        A course whose translation is not finished runs in every language it is complete in; asking for another (--lang) exits 65 and lists every missing text.
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

    @Flag(help: "Take the whole course even when a refresher is due (a pass then counts as a new pass).")
    var fullCourse = false

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
        try run(serverCommand: nil)
    }

    /// The run; `serverCommand` is what followed `ssh <server>` when it runs over ssh.
    func run(serverCommand: String?) throws {
        let terminal = display.terminal
        if !terminal.isInteractive, learner == nil {
            throw ValidationError("--learner is required when input is not a terminal")
        }
        let configured = try loadSettings(flags: records.flags)
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let output = StandardOutput()
        let reader: LineReader = terminal.isInteractive ? ReadlineReader() : PipedReader(output: output)
        // Only a terminal is asked; a piped run keeps the course's language.
        let store = RecordStore(root: configured.records)
        let inProgress = learner.flatMap { store.languageInProgress(course: loaded.course.id, learner: $0) }
        let language = try language.language(for: loaded, inProgress: restart ? nil : inProgress,
                                             ask: !terminal.isInteractive ? nil : { offered, fallback in
            SignalTrap.install(farewell: "Onderbroken. / Interrupted.")
            guard let chosen = LanguageChoice.ask(offered, fallback: fallback, reader: reader, output: output) else { throw Exit.stopped }
            return chosen
        })
        let signer = try SigningKey.configured()
        var settings = SessionSettings(learnerID: learner, learnerName: name, language: language, restart: restart,
                                       store: store, signer: signer)
        settings.fullCourse = fullCourse
        let statements = try StatementQueue.configured(configured, course: loaded.course)
        if let statements {
            settings.onRecordSaved = { record in statements.add(record) }
        }
        let phrases = Phrases(code: language)
        SignalTrap.install(farewell: phrases.interrupted)
        // The organisation's own copy of the policy, when the administrator keeps one (docs/administration.md).
        let policy = PolicyView.document(folder: configured[.policyFolder], courseID: loaded.course.id,
                                         phrases: .of(phrases.language))
        if let problem = policy.problem { printError(problem) }
        let session = CourseSession(loaded: loaded, settings: settings, terminal: terminal, reader: reader, output: output,
                                    policyDocument: policy.text, serverCommand: serverCommand)
        do {
            let outcome = try session.run()
            statements?.finish(records: configured.records, phrases: phrases)
            switch outcome {
            case .passed: return
            case .failed: throw Exit.notPassed
            case .stopped: throw Exit.stopped
            }
        } catch let failure as SessionStorageError {
            // In the learner's language, with the technical detail for the administrator.
            for line in StoragePhrases.of(phrases.language).lines(for: failure.underlying, phrases: phrases) { printError(line) }
            throw Exit.ioError
        }
    }
}

extension StatementQueue {
    /// The queue of a run, delivering to the configured LRS; nil when no LRS is configured.
    static func configured(_ settings: Settings, course: Course) throws -> StatementQueue? {
        guard let endpoint = try lrsEndpoint(settings) else { return nil }
        let outbox = Outbox(records: settings.records)
        let delivery = BackgroundDelivery(delivery: Delivery(outbox: outbox, client: LRSClient(endpoint: endpoint, timeout: 5)))
        return StatementQueue(outbox: outbox, delivery: delivery, course: course, profile: xapiProfile(settings),
                              guardWrite: { body in SignalTrap.whileSaving { body() } })
    }

    /// Hands what still waits to a delivery process of its own; when the LRS seems
    /// unavailable, says how many of this run's statements wait.
    func finish(records: String, phrases: Phrases) {
        if let waiting = finish(handOff: { DeliveryHandOff.start(records: records) }) {
            printOutput(phrases.statementsWaiting(waiting))
        }
    }
}
