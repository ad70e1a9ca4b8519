import Foundation
import WegwijsCore

/// How a session ended.
public enum SessionOutcome: Sendable, Equatable {
    case passed(recordPath: String)
    case failed(recordPath: String)
    /// `stop` or end of input; progress is saved.
    case stopped
}

/// One learner taking one course in the terminal: a read-and-render loop over the core's
/// `AttemptSession`, which decides and stores. All I/O goes through `reader` and `output`.
public final class CourseSession {
    private let loaded: LoadedCourse
    private var settings: SessionSettings
    private let terminal: TerminalInfo
    private let reader: LineReader
    private let output: ConsoleOutput
    private let clock: () -> Date
    private let phrases: Phrases
    /// The organisation's own copy of the policy (the policyFolder setting), shown by `beleid`.
    private let policyDocument: String?
    /// What followed `ssh <server>` when the session runs over ssh (`wegwijs ssh session`), else nil.
    private let serverCommand: String?
    /// The layout at the terminal's width of the moment: a resized window (also over ssh, where
    /// sshd passes the change on to the pseudo-terminal) re-wraps what is written next.
    private var layout: TextLayout { TextLayout(terminal: terminal.resized()) }

    private var course: Course { loaded.course }

    public init(loaded: LoadedCourse, settings: SessionSettings, terminal: TerminalInfo, reader: LineReader,
                output: ConsoleOutput, policyDocument: String? = nil, serverCommand: String? = nil, clock: @escaping () -> Date = { Date() }) {
        self.loaded = loaded
        self.settings = settings
        self.settings.guardWrite = { body in SignalTrap.whileSaving { body() } }
        self.terminal = terminal
        self.reader = reader
        self.output = output
        self.clock = clock
        self.policyDocument = policyDocument
        self.phrases = Phrases(code: settings.language)
        self.serverCommand = serverCommand
    }

    /// Runs the session to its end, a stop, or a storage failure.
    public func run() throws(SessionStorageError) -> SessionOutcome {
        SignalTrap.setFarewell(phrases.interruptedBeforeStart)
        output.write("\n" + layout.styled(text(course.title), .bold) + "\n")
        output.write(layout.wrap(phrases.welcome))
        // SPEC §1: without --learner, an interactive run asks for the number (here) and the
        // name (once it is known whether a saved attempt already has one).
        let asksName = settings.learnerID == nil && settings.learnerName == nil
        guard let learnerID = settings.learnerID ?? askLearnerID() else { return .stopped }
        settings.learnerID = learnerID
        let session = AttemptSession(loaded: loaded, settings: settings, clock: clock)
        let saved = try session.open { output.write(layout.wrap(phrases.waitingForOtherSession)) }

        var resumed = false
        switch saved {
        case .none:
            break
        case .damaged(let aside):
            output.write(layout.wrap(phrases.damagedProgress, path: aside))
        case .restarted:
            output.write(layout.wrap(phrases.restarting))
        case .unfit(let reason):
            output.write(layout.wrap(phrases.savedAttemptDoesNotFit(reason)))
        case .resumable(let answered, _):
            if terminal.isInteractive {
                switch ask(phrases.resumeQuestion(answered), empty: true) as Bool? {
                case nil: return .stopped
                case true?: resumed = try session.resume()
                case false?:
                    try session.abandonSaved()
                    output.write(layout.wrap(phrases.restarting))
                }
            } else {
                resumed = try session.resume()
            }
            if resumed { output.write(layout.wrap(phrases.resuming(answered))) }
        }
        if asksName, session.learnerName == nil { session.learnerName = askName() }
        SignalTrap.setFarewell(phrases.interrupted)
        if !resumed {
            try session.start()
            // The first screen fits 24 lines: how it works and how to pass; the course's own
            // introduction and the guidelines come after the Enter.
            showStart(session.attempt, refresher: session.refresher, retake: session.retakeGuidelines)
            if terminal.isInteractive, !pause(phrases.pressEnterToStart) { return stop(session) }
            showIntroduction(refresher: session.refresher)
        }

        while let scenario = session.attempt.currentScenario {
            let options = session.attempt.shownOptions
            showScenario(scenario, options: options, attempt: session.attempt)
            guard let positions = askAnswer(scenario, options: options, showAgain: {
                self.showScenario(scenario, options: options, attempt: session.attempt)
            }) else { return stop(session) }
            let outcome: ScenarioOutcome
            do {
                outcome = try session.answer(positions.map { options[$0].id })
            } catch {
                switch error {
                case .storage(let failure): throw failure
                // Positions come from the shown options, so this only happens on a broken course.
                case .attempt(let problem):
                    output.write(problem.message + "\n")
                    continue
                }
            }
            showOutcome(outcome, options: options)
            if session.attempt.isFinished { break }
            if terminal.isInteractive, !pause(phrases.pressEnterToContinue) { return stop(session) }
        }
        if terminal.isInteractive, !pause(phrases.pressEnterToSeeResult) { return stop(session) }
        return try finish(session)
    }

    // MARK: - Questions

    /// Waits for Enter; false when the learner typed stop or input ended. The guidelines and
    /// the policy can be read here too; the same pause follows.
    private func pause(_ prompt: String) -> Bool {
        while true {
            guard let line = reader.readLine(prompt: prompt) else { return false }
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            if phrases.words.policy.contains(word) {
                showPolicy()
            } else if phrases.words.guidelines.contains(word) {
                showGuidelines()
            } else {
                return !phrases.words.stop.contains(word)
            }
        }
    }

    /// A yes/no question that takes only its documented answers and asks again on anything
    /// else; nil on stop or end of input. `empty` is what a bare Enter means, if anything.
    private func ask(_ question: String, empty: Bool?) -> Bool? {
        while true {
            guard let line = reader.readLine(prompt: question) else { return nil }
            let reply = line.trimmingCharacters(in: .whitespaces).lowercased()
            if reply.isEmpty, let empty { return empty }
            if phrases.words.yes.contains(reply) { return true }
            if phrases.words.no.contains(reply) { return false }
            if phrases.words.stop.contains(reply) { return nil }
            if phrases.words.policy.contains(reply) {
                showPolicy()
                continue
            }
            output.write(layout.wrap(phrases.yesOrNo))
        }
    }

    private func askLearnerID() -> String? {
        while true {
            guard let line = reader.readLine(prompt: phrases.askLearnerID) else { return nil }
            let id = line.trimmingCharacters(in: .whitespaces)
            // A prompt command is not an employee number.
            if phrases.words.stop.contains(id.lowercased()) { return nil }
            if LearnerID.isValid(id) { return id }
            output.write(layout.wrap(phrases.invalidLearnerID))
        }
    }

    private func askName() -> String? {
        guard let line = reader.readLine(prompt: phrases.askName) else { return nil }
        // Control characters (pasted escape codes) have no place in a name HR will print.
        let typed = String(String.UnicodeScalarView(line.unicodeScalars.filter { !ControlCharacters.isControl($0) }))
        let name = typed.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : String(name.prefix(200))
    }

    // MARK: - The end

    /// Shows the result, asks for the acknowledgement after a pass, and writes the ended record.
    private func finish(_ session: AttemptSession) throws(SessionStorageError) -> SessionOutcome {
        let sheet = session.attempt.scoreSheet
        showResult(sheet, session: session)
        var acknowledgedAt: Date?
        if sheet.passed, let statement = course.acknowledgement {
            output.write("\n" + layout.wrap(text(statement), indent: "  ", firstIndent: "  "))
            if let note = policyView.acknowledgementNote() { output.write(note) }
            if ask(phrases.acknowledgeQuestion, empty: nil) == true {
                acknowledgedAt = session.now()
                output.write(layout.wrap(phrases.acknowledged))
            } else {
                output.write(layout.wrap(phrases.notAcknowledged))
            }
        }
        let path = try session.finish(acknowledgedAt: acknowledgedAt)
        if let closing = course.closing {
            output.write("\n" + layout.wrap(text(closing)))
        }
        output.write("\n" + layout.wrap(phrases.recordWritten, path: path))
        if sheet.passed, session.refresher == nil, let record = session.endedRecord, let code = CertificateCode.code(for: record) {
            output.write(layout.wrap(phrases.certificate.endScreen(record.learner.id, record.course.id, code)))
        }
        return sheet.passed ? .passed(recordPath: path) : .failed(recordPath: path)
    }

    private func stop(_ session: AttemptSession) -> SessionOutcome {
        // The answers are saved already; a failure to note the pause loses nothing else.
        try? session.suspend()
        let answered = session.attempt.answers.count
        if let serverCommand {
            // The learner cannot see the server's folders: where it is kept means nothing there.
            output.write(layout.wrap(phrases.stoppedOnServer(answered, serverCommand)))
        } else if let learner = settings.learnerID, let file = settings.store.inProgressFile(course: course.id, learner: learner) {
            output.write(layout.wrap(phrases.stoppedIn(answered), path: file))
            output.write(layout.wrap(phrases.continueLater(settings.restart)))
        } else {
            output.write(layout.wrap(phrases.stopped(answered) + " " + phrases.continueLater(settings.restart)))
        }
        return .stopped
    }

    // MARK: - Showing

    private var view: ScenarioView { ScenarioView(course: course, language: settings.language, layout: layout) }

    private func text(_ localized: LocalizedText?) -> String { view.text(localized) }

    /// The first screen after the welcome: what the attempt is, how to pass, and the words to type.
    private func showStart(_ attempt: Attempt, refresher: CompletionRecord.Refresher?, retake: [String]) {
        if let refresher {
            output.write("\n" + layout.styled(layout.wrapped(phrases.refresherHeading), .bold) + "\n")
            let due = CalendarDay(refresher.due).map(phrases.date) ?? refresher.due
            output.write(layout.wrap(phrases.refresherIntroduction(attempt.expectedTotal, due)) + "\n")
            return
        }
        output.write("\n" + layout.wrap(phrases.introduction(attempt.expectedTotal, course.guidelines.count)))
        let rule = course.passing
        output.write(layout.wrap(phrases.passRule(rule.overall, rule.perGuideline, rule.noCritical)) + "\n")
        if !retake.isEmpty {
            let titles = retake.map { id in "'" + TextLayout.inline(text(course.guideline(id)?.title), limit: 60) + "'" }
            output.write(layout.wrap(phrases.retakeIntroduction(titles)) + "\n")
        }
    }

    /// After the first Enter: the course's own introduction and the guidelines. A refresher
    /// skips the course's introduction: the learner has read it before.
    private func showIntroduction(refresher: CompletionRecord.Refresher?) {
        if refresher == nil, let introduction = course.introduction {
            output.write("\n" + layout.wrap(text(introduction)))
        }
        showGuidelines()
    }

    private func showGuidelines() {
        output.write(view.guidelines() + "\n")
    }

    private var policyView: PolicyView {
        PolicyView(view: view, phrases: .of(phrases.language), document: policyDocument)
    }

    private func showPolicy() {
        policyView.show(on: output, reader: reader, paged: terminal.isInteractive, backWords: phrases.words.stop.union(["q"]))
    }

    private func showScenario(_ scenario: Scenario, options: [Scenario.Option], attempt: Attempt) {
        output.write(view.scenario(scenario, options: options, heading: phrases.progress(attempt.position, attempt.expectedTotal)))
        let last = AnswerInput.letter(options.count - 1)
        let hint = phrases.kind(scenario.kind).hint(last)
        output.write("\n" + layout.styled(layout.wrap(hint), .dim))
    }

    /// Asks until the learner gives a usable answer; nil means stop (the word or end of input).
    /// After the guidelines or the policy, `showAgain` shows the situation before the prompt.
    private func askAnswer(_ scenario: Scenario, options: [Scenario.Option], showAgain: () -> Void) -> [Int]? {
        let last = AnswerInput.letter(options.count - 1)
        let words = phrases.promptWords
        while true {
            let rules = scenario.rules, count = options.count
            reader.setCompletions(words) { typed in
                rules.remainingLetters(typed: typed.compactMap(Self.position), optionCount: count).map { String(AnswerInput.letter($0)) }
            }
            guard let line = reader.readLine(prompt: phrases.answerPrompt(last)) else { return nil }
            switch AnswerInput.parse(line, optionCount: options.count, rules: scenario.rules, words: phrases.words) {
            case .choose(let positions):
                return positions
            case .help:
                output.write(HelpLayout.fitted(table: phrases.help(for: scenario.kind, last: last), width: layout.terminal.width - 1) + "\n")
            case .guidelines:
                showGuidelines()
                showAgain()
            case .policy:
                showPolicy()
                showAgain()
            case .stop:
                return nil
            case .empty:
                output.write(phrases.emptyAnswer + "\n")
            case .tooMany:
                output.write(phrases.onlyOne(last) + "\n")
            case .repeated(let letter):
                output.write(phrases.repeatedLetter(letter, last) + "\n")
            case .missing(let letters):
                output.write(phrases.missingLetters(letters.map(String.init).joined(separator: ", "), last) + "\n")
            case .noSuchOption(let letter):
                output.write(phrases.noSuchOption(letter, last) + "\n")
            case .notUnderstood:
                output.write(layout.wrap(phrases.notUnderstood(TextLayout.inline(line, limit: 30), last)))
            }
        }
    }

    /// The option position of a typed letter (`a` = 0).
    private static func position(_ token: String) -> Int? {
        guard token.count == 1, let ascii = token.first?.asciiValue, ascii >= UInt8(ascii: "a"), ascii <= UInt8(ascii: "z") else { return nil }
        return Int(ascii - UInt8(ascii: "a"))
    }

    private func showOutcome(_ outcome: ScenarioOutcome, options: [Scenario.Option]) {
        output.write(OutcomeView(view: view).render(outcome, options: options))
    }

    /// The result table, passed or not and why, what to re-read and where points were lost,
    /// and on a pass until when it is valid.
    private func showResult(_ sheet: ScoreSheet, session: AttemptSession) {
        output.write("\n" + layout.rule)
        output.write(layout.styled(phrases.resultHeading, .bold) + "\n")
        output.write(layout.rule + "\n")
        // Guideline titles wrap in their column at any width (issue 9, item 18).
        var rows = zip(sheet.guidelines, course.guidelines).map { score, guideline in
            TextLayout.ScoreRow(label: text(guideline.title), percent: score.percent, value: phrases.percent(score.percent))
        }
        rows.append(TextLayout.ScoreRow(label: phrases.total, percent: sheet.percent ?? 0, value: phrases.percent(sheet.percent), emphasised: true))
        output.write(layout.scoreTable(rows) + "\n")

        if sheet.passed {
            output.write(layout.styled(layout.wrapped(session.refresher == nil ? phrases.passed : phrases.refresherPassed), .green) + "\n")
            // The same rule as the report's expiry date: the day of the pass plus validFor,
            // renewed by the refresher that falls due in the last period before expiry.
            if let day = session.passValidUntil() {
                output.write(layout.wrap(phrases.validUntil(phrases.date(day))))
            }
        } else {
            output.write(layout.styled(layout.wrapped(phrases.notPassed), .red) + "\n")
            for failure in sheet.failures {
                let reason: String
                switch failure {
                case .overallBelow(let required):
                    reason = phrases.overallBelow(phrases.percent(sheet.percent), required)
                case .guidelineBelow(let id, let required):
                    let score = sheet.guidelines.first { $0.id == id }
                    reason = phrases.guidelineBelow(text(course.guideline(id)?.title), phrases.percent(score?.percent), required)
                case .criticalChosen(let scenarios):
                    reason = phrases.criticalChosen(scenarios.map { id in
                        "'" + (course.scenario(id)?.title.map(text) ?? id) + "'"
                    })
                }
                output.write(layout.wrap(reason, indent: "    ", firstIndent: "  - "))
            }
            if session.refresher != nil { output.write(layout.wrap(phrases.refresherNotPassed)) }
        }
        // On a pass every guideline where points were lost; on a fail each guideline below its
        // threshold, else the weakest one that is not full.
        let below = sheet.failures.compactMap { failure -> String? in
            if case .guidelineBelow(let id, _) = failure { return id }
            return nil
        }
        let weakest = sheet.weakestGuideline.flatMap { ($0.percent ?? 100) < 100 ? [$0.id] : nil } ?? []
        let notFull = sheet.guidelines.filter { ($0.percent ?? 100) < 100 }.map(\.id)
        for id in sheet.passed ? notFull : below.isEmpty ? weakest : below {
            guard let guideline = course.guideline(id) else { continue }
            output.write("\n" + layout.styled(layout.wrap(phrases.reread(text(guideline.title))), .bold))
            output.write(layout.wrap(text(guideline.summary), indent: "  "))
            let lost = session.attempt.scenariosLosingPoints(guideline: id)
            if !lost.isEmpty {
                let titles = lost.map { "'" + TextLayout.inline(text($0.title ?? LocalizedText([course.language: $0.id])), limit: 60) + "'" }
                output.write(layout.wrap(phrases.pointsLostIn(titles), indent: "  ", firstIndent: "  "))
            }
        }
        // The next step after a failed attempt (a failed refresher says its own, above).
        if !sheet.passed, session.refresher == nil { output.write("\n" + layout.wrap(phrases.tryAgain)) }
    }
}
