import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a course interactively.",
        discussion: """
        With a terminal, answers are typed through readline (editing, history, Tab completion).
        Piped, answers are read one per line and --learner is required.
        At the prompt: a letter (or 'a c' for several), ?, richtlijnen/guidelines, stop.
        """
    )

    @Argument(help: "A course file, or the id of a bundled course.")
    var course: String = CourseCatalog.defaultCourseID

    @Option(help: "Employee number: 1-64 of A-Z a-z 0-9 . _ -, not starting with '.'.")
    var learner: String?

    @Option(help: "Your display name.")
    var name: String?

    @Option(help: "Where completion records go (default: $WEGWIJS_RECORDS, else ./records).")
    var records: String?

    @Option(help: "Language of the course and interface: nl or en (default: the course's language).")
    var lang: String?

    @Flag(help: "Ignore a saved unfinished attempt and start over (it is kept, marked abandoned).")
    var restart = false

    @Flag(help: "No colour, box drawing or bars (screen readers, logs).")
    var plain = false

    func validate() throws {
        if let learner, !LearnerID.isValid(learner) {
            throw ValidationError("invalid --learner '\(TextLayout.inline(learner, limit: 70))': use 1-64 letters, digits, '.', '_' or '-', not starting with '.'")
        }
        if let name, name.unicodeScalars.contains(where: ControlCharacters.isControl) {
            throw ValidationError("--name may not contain control characters")
        }
        if let lang, !["nl", "en"].contains(lang) {
            throw ValidationError("unknown --lang '\(TextLayout.inline(lang, limit: 20))': use nl or en")
        }
    }

    func run() throws {
        let terminal = TerminalInfo.current(plain: plain)
        if !terminal.isInteractive, learner == nil {
            throw ValidationError("--learner is required when input is not a terminal")
        }
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let language = lang ?? loaded.course.language
        guard loaded.course.languages.contains(language) else {
            throw ValidationError("course '\(loaded.course.id)' is not available in '\(language)' (it offers \(loaded.course.languages.joined(separator: ", ")))")
        }

        let environment = ProcessInfo.processInfo.environment
        var signer: RecordSigner?
        if let keyFile = environment["WEGWIJS_SIGNING_KEY_FILE"], !keyFile.isEmpty {
            do {
                signer = try RecordSigner(keyFile: keyFile)
            } catch {
                printError(error.description)
                throw Exit.ioError
            }
        }
        let root = records ?? environment["WEGWIJS_RECORDS"].flatMap { $0.isEmpty ? nil : $0 } ?? "records"
        let settings = SessionSettings(learnerID: learner, learnerName: name, language: language, restart: restart,
                                       store: RecordStore(root: root), signer: signer)
        let phrases = Phrases(code: language)
        SignalTrap.install(farewell: phrases.interrupted)
        let output = StandardOutput()
        let reader: LineReader = terminal.isInteractive ? ReadlineReader() : PipedReader(output: output)
        let session = CourseSession(loaded: loaded, settings: settings, terminal: terminal, reader: reader, output: output)
        do {
            switch try session.run() {
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
