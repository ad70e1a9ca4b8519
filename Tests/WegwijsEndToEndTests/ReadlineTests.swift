import Foundation
import Testing
import WegwijsCore

@Suite("Interactive runs through readline in a pseudo-terminal", .serialized)
struct ReadlineTests {
    let course = Wegwijs.fixture("branching.json")

    @Test("line editing, Tab completion, history and Ctrl-D")
    func editingCompletionHistoryAndEndOfInput() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        let session = try PseudoTerminalSession(["run", course, "--learner", "7", "--records", records.path])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        // Type a wrong letter, erase it with Backspace, then answer a.
        session.send("c\u{7F}a\r")
        mark = try session.waitFor("Goed", after: mark)
        mark = try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        session.send("\r")
        mark = try session.waitFor("Situatie 2 van 3", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        // Tab completes the command word.
        session.send("richt\t\r")
        mark = try session.waitFor("Deel geen geheimen.", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        // The up arrow brings back the previous line.
        session.send("\u{1B}[A\r")
        mark = try session.waitFor("Deel geen geheimen.", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        // Ctrl-D at an empty line: save and leave with exit 3.
        session.send("\u{04}")
        try session.waitFor("Je voortgang is bewaard (1 beantwoord)", after: mark)
        #expect(try session.exitStatus() == 3)
        #expect(session.terminalIsSane)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/7/in-progress.json")))
        #expect(saved.answers.map(\.options) == [["goed"]])
    }

    @Test("in a ranking, Tab offers only the letters not yet placed: after 'a b ' it completes the order with c")
    func rankingCompletion() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", Wegwijs.fixture("ranking.json"), "--learner", "8", "--records", records.path])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("a b \t\r")
        mark = try session.waitFor("Jouw volgorde:", after: mark)
        mark = try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        session.send("\u{04}")
        try session.waitFor("Je voortgang is bewaard (1 beantwoord)", after: mark)
        #expect(try session.exitStatus() == 3)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-ranking/8/in-progress.json")))
        #expect(saved.answers.first?.options.count == 3)
    }

    @Test("an interactive run asks for the employee number and offers to resume")
    func asksLearnerAndResumes() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        let first = try PseudoTerminalSession(["run", course, "--records", records.path])
        var mark = try first.waitFor("Je personeelsnummer: ")
        first.send("../x\r")
        mark = try first.waitFor("Je personeelsnummer: ", after: mark)
        first.send("4711\r")
        mark = try first.waitFor("Je naam (mag je leeg laten): ", after: mark)
        first.send("Jan Jansen\r")
        mark = try first.waitFor("Druk op Enter om te beginnen", after: mark)
        first.send("\r")
        mark = try first.waitFor("Je antwoord (a-c): ", after: mark)
        first.send("sto\t\r")
        #expect(try first.exitStatus() == 3)

        let second = try PseudoTerminalSession(["run", course, "--learner", "4711", "--records", records.path])
        mark = try second.waitFor("Wil je verdergaan? [J/n]")
        second.send("\r")
        mark = try second.waitFor("Situatie 1 van 3", after: mark)
        mark = try second.waitFor("Je antwoord (a-c): ", after: mark)
        second.send("\u{04}")
        #expect(try second.exitStatus() == 3)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/4711/in-progress.json")))
        #expect(saved.learner == .init(id: "4711", name: "Jan Jansen"))
    }

    @Test("Ctrl-C (SIGINT) keeps the answers given, exits 130 and leaves the terminal sane")
    func interrupt() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        let session = try PseudoTerminalSession(["run", course, "--learner", "8", "--records", records.path])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("b\r")
        mark = try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("a c")
        session.process.interrupt()
        try session.waitFor("Onderbroken", after: mark)
        #expect(try session.exitStatus() == 130)
        #expect(session.terminalIsSane)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/8/in-progress.json")))
        #expect(saved.answers.map(\.options) == [["half"]])
    }
}

extension ReadlineTests {
    enum Display: String, CaseIterable {
        case colour, noColorVariable, dumbTerminal, plainFlag
    }

    @Test("colour only in a capable terminal; NO_COLOR, TERM=dumb and --plain switch it off", arguments: Display.allCases)
    func colour(display: Display) throws {
        let records = try Wegwijs.temporaryFolder("pty")
        var arguments = ["run", course, "--learner", "c1", "--records", records.path]
        var environment: [String: String] = [:]
        switch display {
        case .colour: break
        case .noColorVariable: environment["NO_COLOR"] = "1"
        case .dumbTerminal: environment["TERM"] = "dumb"
        case .plainFlag: arguments.append("--plain")
        }
        let session = try PseudoTerminalSession(arguments, environment: environment)
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("a\r")
        mark = try session.waitFor("Goed", after: mark)
        try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        session.send("\u{04}")
        #expect(try session.exitStatus() == 3)
        let green = "\u{1B}[32m"
        #expect(session.transcript.contains(green) == (display == .colour))
        // Words carry the verdict in every mode; symbols and rules only where graphics are on.
        #expect(session.transcript.contains("Goed"))
        #expect(session.transcript.contains("✔") == (display != .plainFlag && display != .dumbTerminal))
        #expect(session.transcript.contains("────") == (display != .plainFlag && display != .dumbTerminal))
    }
}
