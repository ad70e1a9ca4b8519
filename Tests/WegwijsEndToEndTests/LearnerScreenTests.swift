import Foundation
import TestSupport
import Testing
import WegwijsConsole
import WegwijsCore

/// The learner's screens (issue 20, item 4): the language from the locale or asked, a first
/// screen of 24 lines, re-wrapping after a resize, every guideline that lost points on the pass
/// screen, and a stop that says where the progress is and how to go on.
@Suite("The learner's screens")
struct LearnerScreenTests {
    let course = Wegwijs.fixture("branching.json")
    let bundled = Wegwijs.packageRoot.appendingPathComponent("courses/uwv-sociale-media.json").path

    // MARK: a. The language

    @Test("the locale: the first non-empty of LC_ALL, LC_MESSAGES and LANG; C, POSIX and other languages decide nothing", arguments: [
        (["LANG": "en_GB.UTF-8"], InterfaceLanguage.en), (["LANG": "en_US"], .en), (["LANG": "en"], .en),
        (["LANG": "nl_NL.UTF-8"], .nl), (["LANG": "nl_BE"], .nl), (["LANG": "nl_NL@euro"], .nl),
        (["LANG": "C"], nil), (["LANG": "POSIX"], nil), (["LANG": "C.UTF-8"], nil), (["LANG": "de_DE.UTF-8"], nil), ([:], nil),
        (["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "nl_NL"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "nl_BE", "LANG": "en_US"], .nl),
        (["LC_MESSAGES": "", "LANG": "en_US"], .en),
        (["LC_MESSAGES": "C", "LANG": "en_GB"], nil),
    ] as [([String: String], InterfaceLanguage?)])
    func locale(environment: [String: String], expected: InterfaceLanguage?) {
        #expect(LanguageChoice.locale(environment) == expected)
    }

    @Test("the question takes a code or a language's name, Enter for the course's own, and stop")
    func languageAnswers() {
        let both: [InterfaceLanguage] = [.nl, .en]
        #expect(LanguageChoice.parse("en", offered: both, fallback: .nl) == .chose(.en))
        #expect(LanguageChoice.parse(" Nederlands ", offered: both, fallback: .en) == .chose(.nl))
        #expect(LanguageChoice.parse("English", offered: both, fallback: .nl) == .chose(.en))
        #expect(LanguageChoice.parse("", offered: both, fallback: .en) == .chose(.en))
        #expect(LanguageChoice.parse("stop", offered: both, fallback: .nl) == .stop)
        #expect(LanguageChoice.parse("fr", offered: both, fallback: .nl) == .unknown)
        #expect(LanguageChoice.parse("en", offered: [.nl], fallback: .nl) == .unknown)
    }

    @Test("precedence in piped runs: --lang, then the setting, then the locale, then the course's language; never a question",
          arguments: [
              ([String](), ["LANG": "en_US.UTF-8"], "Welcome!"),
              (["--lang", "nl"], ["LANG": "en_US.UTF-8"], "Welkom!"),
              ([], ["LANG": "en_US.UTF-8", "WEGWIJS_LANGUAGE": "nl"], "Welkom!"),
              ([], ["LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"], "Welkom!"),
              ([], ["LANG": "C.UTF-8"], "Welkom!"),
              (["--lang", "en"], ["LANG": "nl_NL.UTF-8"], "Welcome!"),
          ])
    func pipedPrecedence(extra: [String], environment: [String: String], greeting: String) throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        let result = try Wegwijs.run(["run", course, "--learner", "5", "--records", records.path, "--plain"] + extra,
                                     input: "", environment: environment)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains(greeting), "\(result.stdout)")
        #expect(!result.stdout.contains("Kies je taal"))
    }

    @Test("in a terminal with no deciding locale the first screen asks the language, again after an unknown answer")
    func languageAsked() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", course, "--learner", "6", "--records", records.path],
                                                environment: ["LC_MESSAGES": "", "LANG": "C.UTF-8"])
        var mark = try session.waitFor("Kies je taal / Choose your language (nl/en, Enter: nl): ")
        session.send("fr\r")
        mark = try session.waitFor("Type one of: nl, en (or stop).", after: mark)
        mark = try session.waitFor("Choose your language", after: mark)
        session.send("en\r")
        mark = try session.waitFor("Press Enter to start", after: mark)
        #expect(session.transcript.contains("Welcome!") && !session.transcript.contains("Welkom!"))
        session.send("\u{04}")
        #expect(try session.exitStatus() == 3)
        // The attempt in progress continues in the language chosen: nothing is asked again.
        let again = try PseudoTerminalSession(["run", course, "--learner", "6", "--records", records.path],
                                              environment: ["LC_MESSAGES": "", "LANG": "C.UTF-8"])
        try again.waitFor("Do you want to continue? [Y/n] ")
        #expect(!again.transcript.contains("Kies je taal"))
        again.send("\u{04}")
        #expect(try again.exitStatus() == 3)
    }

    @Test("a locale that decides, or --lang, asks nothing", arguments: [
        (["LC_MESSAGES": "en_GB.UTF-8"], [String](), "Press Enter to start"),
        (["LC_MESSAGES": ""], ["--lang", "nl"], "Druk op Enter om te beginnen"),
    ])
    func languageNotAsked(environment: [String: String], extra: [String], prompt: String) throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", course, "--learner", "6", "--records", records.path] + extra,
                                                environment: environment.merging(["LANG": "C.UTF-8"]) { a, _ in a })
        try session.waitFor(prompt)
        #expect(!session.transcript.contains("Kies je taal"))
        session.send("\u{04}")
        #expect(try session.exitStatus() == 3)
    }

    // MARK: b. The first screen

    @Test("the bundled course's first screen, language question and all, fits 80 by 24; the guidelines follow the Enter",
          arguments: [true, false])
    func firstScreenFits(givesLearner: Bool) throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", bundled, "--records", records.path] + (givesLearner ? ["--learner", "12"] : []),
                                                environment: ["LC_MESSAGES": "", "LANG": "C.UTF-8"], columns: 80, rows: 24)
        var mark = try session.waitFor("Choose your language")
        session.send("nl\r")
        if !givesLearner {
            mark = try session.waitFor("Je personeelsnummer: ", after: mark)
            session.send("12\r")
            mark = try session.waitFor("Je naam (mag je leeg laten): ", after: mark)
            session.send("Piet\r")
        }
        let prompt = try session.waitFor("Druk op Enter om te beginnen. ", after: mark)
        let before = session.screenLines()
        let screen = before.joined(separator: "\n")
        // The screen: every line up to the prompt's; a leading empty line starts the title.
        #expect(before.count <= 24, "\(before.count) lines:\n\(screen)")
        #expect(before.allSatisfy { $0.count <= 80 }, "\(screen)")
        let flat = CapturedOutput.flat(screen)
        #expect(flat.contains("Je slaagt met minstens 80 % van de punten en minstens 60 % per richtlijn, zonder ernstige overtreding."), "\(screen)")
        #expect(flat.contains("Typ ? voor hulp"))
        #expect(!flat.contains("De richtlijnen") && !flat.contains("Bij UWV vinden we het goed"))
        session.send("\r")
        let situation = try session.waitFor("Situatie 1 van 15", after: prompt)
        let after = CapturedOutput.flat(String(session.transcript[prompt..<situation]))
        #expect(after.contains("De richtlijnen") && after.contains("Bij UWV vinden we het goed"), "\(after)")
        try session.waitFor("Je antwoord (a-", after: situation)
        session.send("\u{04}")
        #expect(try session.exitStatus() == 3)
    }

    // MARK: c. A resized window

    @Test("after a resize from 100 to 50 columns (TIOCSWINSZ, SIGWINCH) the help wraps at 50, and readline still edits")
    func resizeRewraps() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", course, "--learner", "9", "--records", records.path, "--plain"])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("?\r")
        let wide = try session.waitFor("Je antwoord (a-c): ", after: mark)
        let wideLines = session.screenLines(after: mark).dropLast()
        #expect(wideLines.contains { $0.count > 50 }, "at 100 columns the help has lines over 50: \(wideLines)")
        session.resize(columns: 50)
        usleep(100_000)
        session.send("?\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: wide)
        let narrow = session.screenLines(after: wide).dropFirst().dropLast()
        #expect(narrow.contains { $0.contains("pauzeer") }, "\(narrow)")
        #expect(narrow.allSatisfy { $0.count <= 50 }, "\(narrow.joined(separator: "\n"))")
        // Line editing after the resize: a typed mistake rubbed out with backspace.
        session.send("x\u{7F}a\r")
        mark = try session.waitFor("Goed", after: mark)
        try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        let verdict = session.screenLines(after: mark)
        #expect(verdict.allSatisfy { $0.count <= 50 }, "\(verdict.joined(separator: "\n"))")
        session.send("\u{04}")
        #expect(try session.exitStatus() == 3)
    }

    // MARK: d. The pass screen

    /// branching.json passed at 50 %, so a pass can lose points on both guidelines.
    static func lenientCourse() throws -> LoadedCourse {
        let folder = try Wegwijs.temporaryFolder("course")
        let text = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
            .replacingOccurrences(of: #""overall": 80, "perGuideline": 60"#, with: #""overall": 50, "perGuideline": 50"#)
        let path = folder.appendingPathComponent("branching.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try CourseLoader.load(path: path)
    }

    static func session(_ loaded: LoadedCourse, _ lines: [String], store: any RecordWriter, language: String = "nl",
                        restart: Bool = false, serverCommand: String? = nil) -> (CourseSession, CapturedOutput) {
        let settings = SessionSettings(learnerID: "123", learnerName: "Piet", language: language, restart: restart, store: store)
        let output = CapturedOutput()
        return (CourseSession(loaded: loaded, settings: settings, terminal: CourseSessionTests.terminal, reader: ScriptedReader(lines),
                              output: output, serverCommand: serverCommand), output)
    }

    @Test("a pass names every guideline below 100 % with its summary and the situations that lost points; a full one not")
    func passNamesEveryGuideline() throws {
        let loaded = try Self.lenientCourse()
        // Openbaar 2 of 3 and Geheim 3 of 4, both lost in 'Meerdere antwoorden'.
        let (both, bothOutput) = Self.session(loaded, ["a", "a", "a"], store: MemoryRecords())
        guard case .passed = try both.run() else { Issue.record("expected a pass:\n\(bothOutput.text)"); return }
        #expect(bothOutput.says("Lees nog eens na: Openbaar") && bothOutput.says("Lees nog eens na: Geheim"), "\(bothOutput.text)")
        #expect(bothOutput.says("Alles is openbaar.") && bothOutput.says("Deel geen geheimen."))
        let result = String(bothOutput.text[try #require(bothOutput.text.range(of: "Geslaagd!")).lowerBound...])
        #expect(result.components(separatedBy: "Hier liep je punten mis: 'Meerdere antwoorden'.").count == 3, "\(result)")
        // Geheim full (4 of 4), Openbaar 2 of 3: only Openbaar.
        let (one, oneOutput) = Self.session(loaded, ["b", "a c", "a"], store: MemoryRecords())
        guard case .passed = try one.run() else { Issue.record("expected a pass:\n\(oneOutput.text)"); return }
        #expect(oneOutput.says("Lees nog eens na: Openbaar") && !oneOutput.says("Lees nog eens na: Geheim"), "\(oneOutput.text)")
    }

    // MARK: e. The stop message

    @Test("a stop names the progress file on a line of its own and says the same command continues it; with --restart, without it",
          arguments: [("nl", false), ("nl", true), ("en", false)])
    func stopSaysWhere(language: String, restart: Bool) throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        let (session, output) = Self.session(try CourseLoader.load(path: course), ["a"], store: RecordStore(root: records.path),
                                             language: language, restart: restart)
        #expect(try session.run() == .stopped)
        let phrases = Phrases(code: language)
        let path = records.appendingPathComponent("test-branching/123/in-progress.json").path
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(output.says(phrases.stoppedIn(1)))
        #expect(output.text.contains("\n  " + path + "\n"), "\(output.text)")
        #expect(output.says(phrases.continueLater(restart)))
        #expect(restart == output.text.contains("--restart"))
    }

    @Test("over ssh a stop says the progress is kept on the server and which ssh command continues it, and names no path",
          arguments: ["nl", "en"])
    func stopOverSSH(language: String) throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        let (session, output) = Self.session(try CourseLoader.load(path: course), [], store: RecordStore(root: records.path),
                                             language: language, serverCommand: "test-branching --lang \(language)")
        #expect(try session.run() == .stopped)
        #expect(output.says(language == "nl" ? "Je voortgang is bewaard op de server (0 beantwoord)." : "Your progress is saved on the server (0 answered)."))
        #expect(output.says("ssh <server> test-branching --lang \(language)"))
        #expect(!output.text.contains(records.path) && !output.text.contains("in-progress.json"))
    }
}
