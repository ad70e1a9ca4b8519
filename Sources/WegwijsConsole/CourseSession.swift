import Foundation
import WegwijsCore

/// How a session ended.
public enum SessionOutcome: Sendable, Equatable {
    case passed(recordPath: String)
    case failed(recordPath: String)
    /// `stop` or end of input; progress is saved.
    case stopped
}

/// A session that could not go on because its records could not be written.
public struct SessionStorageError: Error, Sendable {
    public var underlying: FileProblem
}

/// Everything a session needs besides the course and the terminal.
public struct SessionSettings: Sendable {
    public var learnerID: String?
    public var learnerName: String?
    /// Language of the course text and the interface.
    public var language: String
    public var restart: Bool
    public var store: RecordStore
    /// Signs every record written, when a key is configured.
    public var signer: RecordSigner?
    /// Called after every record the session has saved (in progress, ended or abandoned), on
    /// the session's thread; for the xAPI outbox.
    public var onRecordSaved: (@Sendable (CompletionRecord) -> Void)?

    public init(learnerID: String?, learnerName: String?, language: String, restart: Bool, store: RecordStore,
                signer: RecordSigner? = nil) {
        self.learnerID = learnerID
        self.learnerName = learnerName
        self.language = language
        self.restart = restart
        self.store = store
        self.signer = signer
    }
}

/// One learner taking one course in the terminal: asks, explains, scores, saves after every
/// answer, and shows the result. All I/O goes through `reader` and `output`.
public final class CourseSession {
    private let loaded: LoadedCourse
    private var settings: SessionSettings
    private let terminal: TerminalInfo
    private let reader: LineReader
    private let output: ConsoleOutput
    private let clock: () -> Date
    private let phrases: Phrases
    private let layout: TextLayout

    private var course: Course { loaded.course }
    private var attempt: Attempt
    private var attemptID = UUID().uuidString.lowercased()
    private var startedAt = Date()
    private var sessionLock: RecordStore.LearnerLock?
    private var events: [CompletionRecord.Event] = []

    public init(loaded: LoadedCourse, settings: SessionSettings, terminal: TerminalInfo, reader: LineReader,
                output: ConsoleOutput, clock: @escaping () -> Date = { Date() }) {
        self.loaded = loaded
        self.settings = settings
        self.terminal = terminal
        self.reader = reader
        self.output = output
        self.clock = { Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down)) }
        self.phrases = Phrases(code: settings.language)
        self.layout = TextLayout(terminal: terminal)
        self.attempt = Attempt(course: loaded.course)
    }

    /// Runs the session to its end, a stop, or a storage failure.
    public func run() throws(SessionStorageError) -> SessionOutcome {
        SignalTrap.setFarewell(phrases.interrupted)
        // SPEC §1: without --learner, an interactive run asks for the number (here) and the
        // name (once it is known whether a saved attempt already has one).
        let asksName = settings.learnerID == nil && settings.learnerName == nil
        guard let learnerID = settings.learnerID ?? askLearnerID() else { return .stopped }
        settings.learnerID = learnerID
        try storing { () throws(FileProblem) in try settings.store.prepare(course: course.id, learner: learnerID) }
        sessionLock = try storing { () throws(FileProblem) in
            if let lock = try settings.store.lock(course: course.id, learner: learnerID, wait: false) { return lock }
            output.write(layout.wrap(phrases.waitingForOtherSession))
            return try settings.store.lock(course: course.id, learner: learnerID, wait: true)
        }

        output.write("\n" + layout.styled(text(course.title), .bold) + "\n")
        let resumed = try resumeOrStart(learnerID: learnerID)
        if asksName, settings.learnerName == nil { settings.learnerName = askName() }
        if !resumed {
            startedAt = clock()
            attempt = Attempt(course: course)
            try saveProgress()
            showIntroduction()
            if terminal.isInteractive, reader.readLine(prompt: phrases.pressEnterToStart) == nil {
                return stop()
            }
        }

        while let scenario = attempt.currentScenario {
            let options = attempt.shownOptions
            showScenario(scenario, options: options)
            guard let positions = askAnswer(scenario, options: options) else { return stop() }
            let outcome: ScenarioOutcome
            do {
                outcome = try attempt.answer(positions.map { options[$0].id }, at: clock())
            } catch {
                // Positions come from the shown options, so this only happens on a broken course.
                output.write(error.message + "\n")
                continue
            }
            // Save before showing anything: a crash now loses nothing that was answered.
            if attempt.isFinished {
                let path = try saveEnded()
                showOutcome(outcome, options: options)
                if terminal.isInteractive { _ = reader.readLine(prompt: phrases.pressEnterToContinue) }
                return showResult(recordPath: path)
            }
            try saveProgress()
            showOutcome(outcome, options: options)
            if terminal.isInteractive, reader.readLine(prompt: phrases.pressEnterToContinue) == nil {
                return stop()
            }
        }
        // A resumed attempt whose answers already reached the end: close it now.
        return showResult(recordPath: try saveEnded())
    }

    // MARK: - Learner and resuming

    private func askLearnerID() -> String? {
        while true {
            guard let line = reader.readLine(prompt: phrases.askLearnerID) else { return nil }
            let id = line.trimmingCharacters(in: .whitespaces)
            if LearnerID.isValid(id) { return id }
            output.write(phrases.invalidLearnerID + "\n")
        }
    }

    private func askName() -> String? {
        guard let line = reader.readLine(prompt: phrases.askName) else { return nil }
        // Control characters (pasted escape codes) have no place in a name HR will print.
        let typed = String(String.UnicodeScalarView(line.unicodeScalars.filter { !ControlCharacters.isControl($0) }))
        let name = typed.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : String(name.prefix(200))
    }

    /// Resumes a saved attempt when there is one and the learner wants it; returns whether it did.
    private func resumeOrStart(learnerID: String) throws(SessionStorageError) -> Bool {
        let lookup = try storing { () throws(FileProblem) in try settings.store.inProgress(course: course.id, learner: learnerID) }
        switch lookup {
        case .none:
            return false
        case .damaged(let aside):
            output.write(layout.wrap(phrases.damagedProgress(aside)))
            return false
        case .found(let saved):
            if settings.restart {
                try abandon(saved)
                output.write(layout.wrap(phrases.restarting))
                return false
            }
            guard saved.course.sha256 == loaded.sha256 else {
                try abandon(saved)
                output.write(layout.wrap(phrases.savedAttemptDoesNotFit("course file changed")))
                return false
            }
            let resumed: Attempt
            do {
                resumed = try Attempt(course: course, seed: saved.seed, replaying: saved.answers)
            } catch {
                try abandon(saved)
                output.write(layout.wrap(phrases.savedAttemptDoesNotFit(error.message)))
                return false
            }
            if terminal.isInteractive {
                let reply = reader.readLine(prompt: phrases.resumeQuestion(answered: saved.answers.count))
                let wantsResume = phrases.isYes.contains((reply ?? "").trimmingCharacters(in: .whitespaces).lowercased())
                if !wantsResume {
                    try abandon(saved)
                    output.write(layout.wrap(phrases.restarting))
                    return false
                }
            }
            attempt = resumed
            attemptID = saved.attemptId
            startedAt = saved.startedAt
            events = (saved.events ?? []) + [.init(type: .resumed, at: clock())]
            if settings.learnerName == nil { settings.learnerName = saved.learner.name }
            output.write(layout.wrap(phrases.resuming(answered: saved.answers.count)))
            return true
        }
    }

    private func abandon(_ saved: CompletionRecord) throws(SessionStorageError) {
        var record = saved
        record.status = .abandoned
        record.finishedAt = clock()
        record.signature = nil
        let signed = try sign(record)
        try storing { () throws(FileProblem) in _ = try settings.store.saveEnded(signed) }
        settings.onRecordSaved?(signed)
    }

    // MARK: - Saving

    private func record(finished: Bool) throws(SessionStorageError) -> CompletionRecord {
        let record = CompletionRecord(
            attempt: attempt, attemptID: attemptID,
            learner: .init(id: settings.learnerID ?? "", name: settings.learnerName),
            course: .init(loaded), language: settings.language,
            startedAt: startedAt, finishedAt: finished ? clock() : nil)
        var withEvents = record
        withEvents.events = events.isEmpty ? nil : events
        return try sign(withEvents)
    }

    /// Signs a record when a key is configured. A record that should be signed is never
    /// written unsigned: a failure stops the session like a failed write.
    private func sign(_ record: CompletionRecord) throws(SessionStorageError) -> CompletionRecord {
        guard let signer = settings.signer else { return record }
        var signed = record
        do {
            signed.signature = try signer.signature(for: record)
        } catch {
            let path = settings.store.folder(course: record.course.id, learner: record.learner.id)
            throw SessionStorageError(underlying: FileProblem(path: path, reason: "the record cannot be signed (\(error))"))
        }
        return signed
    }

    /// Writes the ended attempt as its own record and removes the in-progress file.
    private func saveEnded() throws(SessionStorageError) -> String {
        let final = try record(finished: true)
        let path = try storing { () throws(FileProblem) in try settings.store.saveEnded(final) }
        settings.onRecordSaved?(final)
        return path
    }

    private func saveProgress() throws(SessionStorageError) {
        let current = try record(finished: false)
        try storing { () throws(FileProblem) in try settings.store.saveInProgress(current) }
        settings.onRecordSaved?(current)
    }

    private func storing<T>(_ body: () throws(FileProblem) -> T) throws(SessionStorageError) -> T {
        do {
            return try SignalTrap.whileSaving(body)
        } catch {
            throw SessionStorageError(underlying: error)
        }
    }

    private func stop() -> SessionOutcome {
        // The answers are saved already; a failure to note the pause loses nothing else.
        events.append(.init(type: .suspended, at: clock()))
        try? saveProgress()
        output.write(layout.wrap(phrases.stopped(answered: attempt.answers.count)))
        return .stopped
    }

    // MARK: - Showing

    /// Course text in the session's language, with anything a terminal would obey removed.
    private func text(_ localized: LocalizedText?) -> String {
        TextLayout.sanitized(localized?.resolved(settings.language, fallback: course.language) ?? "")
    }

    private func showIntroduction() {
        if let introduction = course.introduction {
            output.write("\n" + layout.wrap(text(introduction)))
        }
        output.write("\n" + layout.styled(phrases.guidelinesHeading, .bold) + "\n")
        for guideline in course.guidelines {
            output.write(layout.wrap(text(guideline.title), indent: "    ", firstIndent: "  • "))
        }
        output.write("\n" + layout.wrap(phrases.introduction(scenarios: attempt.expectedTotal)) + "\n")
    }

    private func showGuidelines() {
        output.write("\n" + layout.styled(phrases.guidelinesHeading, .bold) + "\n")
        for guideline in course.guidelines {
            output.write(layout.styled(layout.wrap(text(guideline.title), indent: "    ", firstIndent: "  • "), .bold))
            output.write(layout.wrap(text(guideline.summary), indent: "    "))
        }
        output.write("\n")
    }

    private func showScenario(_ scenario: Scenario, options: [Scenario.Option]) {
        var header = phrases.progress(attempt.position, of: attempt.expectedTotal)
        if let channel = scenario.channel { header += " · " + TextLayout.inline(channel) }
        output.write("\n" + layout.rule)
        output.write(layout.styled(header, .cyan) + "\n")
        if let title = scenario.title {
            output.write(layout.styled(TextLayout.inline(text(title), limit: 200), .bold) + "\n")
        }
        output.write(layout.rule + "\n")
        output.write(layout.wrap(text(scenario.situation)) + "\n")
        output.write(layout.styled(TextLayout.inline(scenario.question.map(text) ?? phrases.defaultQuestion, limit: 200), .bold) + "\n")
        for (position, option) in options.enumerated() {
            let letter = AnswerInput.letter(position)
            output.write(layout.wrap(text(option.text), indent: "     ", firstIndent: "  \(letter)) "))
        }
        let last = AnswerInput.letter(options.count - 1)
        let hint = scenario.kind == .multiple ? phrases.multipleHint(last: last) : phrases.singleHint(last: last)
        output.write("\n" + layout.styled(layout.wrap(hint), .dim))
    }

    /// Asks until the learner gives a usable answer; nil means stop (the word or end of input).
    private func askAnswer(_ scenario: Scenario, options: [Scenario.Option]) -> [Int]? {
        let last = AnswerInput.letter(options.count - 1)
        let letters = (0..<options.count).map { String(AnswerInput.letter($0)) }
        let words = phrases.language == .dutch ? ["help", "richtlijnen", "stop"] : ["help", "guidelines", "stop", "quit"]
        while true {
            reader.setCompletions(letters + words)
            guard let line = reader.readLine(prompt: phrases.answerPrompt(last: last)) else { return nil }
            switch AnswerInput.parse(line, optionCount: options.count, allowsMany: scenario.kind == .multiple) {
            case .choose(let positions):
                return positions
            case .help:
                output.write(phrases.help(last: last, multiple: scenario.kind == .multiple) + "\n")
            case .guidelines:
                showGuidelines()
            case .stop:
                return nil
            case .empty:
                output.write(phrases.emptyAnswer + "\n")
            case .tooMany:
                output.write(phrases.onlyOne(last: last) + "\n")
            case .noSuchOption(let letter):
                output.write(phrases.noSuchOption(letter, last: last) + "\n")
            case .notUnderstood:
                output.write(layout.wrap(phrases.notUnderstood(TextLayout.inline(line, limit: 30), last: last)))
            }
        }
    }

    private func showOutcome(_ outcome: ScenarioOutcome, options: [Scenario.Option]) {
        let verdict = phrases.verdict(outcome.verdict)
        let (symbol, colour): (String, TextLayout.Colour) = switch outcome.verdict {
        case .good: ("✔ ", .green)
        case .partlyGood: ("◐ ", .yellow)
        case .notGood: ("✘ ", .red)
        case .seriousBreach: ("⚠ ", .red)
        }
        output.write("\n" + layout.styled((terminal.usesGraphics ? symbol : "") + verdict, colour) + "\n\n")
        func letter(_ option: Scenario.Option) -> Character {
            AnswerInput.letter(options.firstIndex { $0.id == option.id } ?? 0)
        }
        for option in outcome.chosen {
            output.write(layout.wrap("\(phrases.youChose) \(letter(option))) \(text(option.text))", indent: "  "))
            if let feedback = option.feedback {
                output.write(layout.wrap(text(feedback), indent: "    ", firstIndent: "  → "))
            }
        }
        for option in outcome.missed {
            output.write(layout.wrap("\(phrases.alsoRight): \(letter(option))) \(text(option.text))", indent: "  "))
            if let feedback = option.feedback {
                output.write(layout.wrap(text(feedback), indent: "    ", firstIndent: "  → "))
            }
        }
        if let explanation = outcome.scenario.explanation {
            output.write("\n" + layout.wrap("\(phrases.explanation): \(text(explanation))"))
        }
        if !outcome.guidelinesInvolved.isEmpty {
            let titles = outcome.guidelinesInvolved.map { text($0.title) }.joined(separator: "; ")
            output.write(layout.wrap("\(phrases.guidelinesInvolved): \(titles)") + "\n")
        }
    }

    // MARK: - The end

    /// Shows the result of the ended attempt and says how the session ended.
    private func showResult(recordPath: String) -> SessionOutcome {
        let sheet = attempt.scoreSheet
        output.write("\n" + layout.rule)
        output.write(layout.styled(phrases.resultHeading, .bold) + "\n")
        output.write(layout.rule + "\n")
        let titles = course.guidelines.map { TextLayout.inline(text($0.title), limit: 44) }
        let column = max(titles.map(\.count).max() ?? 0, phrases.total.count) + 2
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(column - text.count, 1)) }
        func rightAligned(_ text: String) -> String { String(repeating: " ", count: max(0, 7 - text.count)) + text }
        for (guideline, title) in zip(sheet.guidelines, titles) {
            let bar = guideline.percent.map { layout.bar(percent: $0) } ?? (terminal.usesGraphics ? String(repeating: " ", count: 20) : "")
            let line = "  " + pad(title) + (bar.isEmpty ? "" : bar + "  ") + rightAligned(phrases.percent(guideline.percent))
            output.write(line + "\n")
        }
        output.write("  " + pad(phrases.total) + (terminal.usesGraphics ? layout.bar(percent: sheet.percent ?? 0) + "  " : "")
                     + layout.styled(rightAligned(phrases.percent(sheet.percent)), .bold) + "\n\n")

        if sheet.passed {
            output.write(layout.styled(phrases.passed, .green) + "\n")
        } else {
            output.write(layout.styled(phrases.notPassed, .red) + "\n")
            for failure in sheet.failures {
                let reason: String
                switch failure {
                case .overallBelow(let required):
                    reason = phrases.overallBelow(phrases.percent(sheet.percent), required: required)
                case .guidelineBelow(let id, let required):
                    let score = sheet.guidelines.first { $0.id == id }
                    reason = phrases.guidelineBelow(text(course.guideline(id)?.title), phrases.percent(score?.percent), required: required)
                case .criticalChosen(let scenarios):
                    reason = phrases.criticalChosen(scenarios.map { id in
                        "'" + (course.scenario(id)?.title.map(text) ?? id) + "'"
                    })
                }
                output.write(layout.wrap(reason, indent: "    ", firstIndent: "  - "))
            }
        }
        if let weakest = sheet.weakestGuideline, let guideline = course.guideline(weakest.id),
           !sheet.passed || (weakest.percent ?? 100) < 100 {
            output.write("\n" + layout.styled(layout.wrap(phrases.reread(text(guideline.title))), .bold))
            output.write(layout.wrap(text(guideline.summary), indent: "  "))
        }
        if let closing = course.closing {
            output.write("\n" + layout.wrap(text(closing)))
        }
        output.write("\n" + layout.wrap(phrases.recordWritten(recordPath)))
        return sheet.passed ? .passed(recordPath: recordPath) : .failed(recordPath: recordPath)
    }
}
