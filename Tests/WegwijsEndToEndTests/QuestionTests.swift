import Foundation
import Testing
import WegwijsCore

/// Questions take only their documented answers; `stop` stops at any of them; signals end a
/// session promptly, also while it waits for another session (issue 9, items 3, 4, 6, 7, 16).
@Suite("Questions and signals in a pseudo-terminal", .serialized)
struct QuestionTests {
    let course = Wegwijs.fixture("branching.json")

    /// Starts a run for `learner`, answers the first scenario and stops, leaving an attempt in progress.
    private func leaveAttempt(learner: String, records: URL) throws {
        let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: "b\n")
        #expect(result.status == 3)
    }

    @Test("the resume question asks again on a typo, and 'stop' there stops with the attempt kept")
    func resumeQuestion() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        try leaveAttempt(learner: "r1", records: records)
        let session = try PseudoTerminalSession(["run", course, "--learner", "r1", "--records", records.path])
        var mark = try session.waitFor("Wil je verdergaan? [J/n]")
        session.send("jaa\r")
        mark = try session.waitFor("Typ ja of nee", after: mark)
        mark = try session.waitFor("Wil je verdergaan? [J/n]", after: mark)
        session.send("stop\r")
        #expect(try session.exitStatus() == 3)
        // Nothing was thrown away: the attempt is still there with its answer.
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/r1/in-progress.json")))
        #expect(saved.answers.count == 1)
        #expect(Wegwijs.files(under: records).count == 1)
    }

    @Test("only an explicit no starts over; the old attempt is kept as abandoned")
    func explicitNo() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        try leaveAttempt(learner: "r2", records: records)
        let session = try PseudoTerminalSession(["run", course, "--learner", "r2", "--records", records.path])
        var mark = try session.waitFor("Wil je verdergaan? [J/n]")
        session.send("nee\r")
        mark = try session.waitFor("Je begint opnieuw", after: mark)
        try session.waitFor("Druk op Enter om te beginnen", after: mark)
        session.send("stop\r")
        #expect(try session.exitStatus() == 3)
        let ended = Wegwijs.files(under: records).filter { !$0.hasSuffix("in-progress.json") }
        #expect(ended.count == 1)
        let abandoned = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(try #require(ended.first))))
        #expect(abandoned.status == .abandoned && abandoned.answers.count == 1)
    }

    @Test("'stop' at a pause stops, and 'stop' as employee number is no employee number")
    func stopAnywhere() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let asked = try PseudoTerminalSession(["run", course, "--records", records.path])
        var mark = try asked.waitFor("Testcursus")
        mark = try asked.waitFor("Welkom!", after: mark)
        try asked.waitFor("Je personeelsnummer: ", after: mark)
        asked.send("stop\r")
        #expect(try asked.exitStatus() == 3)
        #expect(Wegwijs.files(under: records, includingHidden: true).isEmpty)

        let paused = try PseudoTerminalSession(["run", course, "--learner", "p1", "--records", records.path])
        mark = try paused.waitFor("Druk op Enter om te beginnen")
        paused.send("\r")
        mark = try paused.waitFor("Je antwoord (a-c): ", after: mark)
        paused.send("a\r")
        try paused.waitFor("Druk op Enter om verder te gaan", after: mark)
        paused.send("stop\r")
        #expect(try paused.exitStatus() == 3)
        #expect(paused.transcript.contains("Je voortgang is bewaard (1 beantwoord)"))
    }

    @Test("Ctrl-C at the employee-number prompt does not claim progress was saved")
    func interruptBeforeStart() throws {
        let session = try PseudoTerminalSession(["run", course, "--records", "/nonexistent-wegwijs"])
        let mark = try session.waitFor("Je personeelsnummer: ")
        session.process.interrupt()
        try session.waitFor("Onderbroken", after: mark)
        #expect(try session.exitStatus() == 130)
        #expect(!session.transcript.contains("bewaard"))
        #expect(session.terminalIsSane)
    }

    @Test("a saved attempt on a course whose scores changed is abandoned with a Dutch reason")
    func unfitReasonInDutch() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        try leaveAttempt(learner: "u1", records: records)
        let changed = records.appendingPathComponent("changed.json")
        try String(contentsOfFile: course, encoding: .utf8)
            .replacingOccurrences(of: #""scores": {"openbaar": 1}"#, with: #""scores": {"openbaar": 0}"#)
            .write(to: changed, atomically: true, encoding: .utf8)
        let result = try Wegwijs.run(["run", changed.path, "--learner", "u1", "--records", records.path], input: "")
        let text = result.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Je opgeslagen poging past niet meer bij deze versie van de cursus: de vragen of de punten zijn veranderd."))
        #expect(!result.stdout.contains("course file changed"))
    }

    @Test("SIGTERM, SIGHUP and SIGQUIT end a session that waits for another one's lock, at once",
          arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGQUIT, Int32(131))])
    func signalWhileWaiting(signal: Int32, status: Int32) throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let holder = try PseudoTerminalSession(["run", course, "--learner", "w1", "--records", records.path])
        try holder.waitFor("Druk op Enter om te beginnen")
        let waiter = try PseudoTerminalSession(["run", course, "--learner", "w1", "--records", records.path])
        try waiter.waitFor("Wegwijs wacht tot die klaar is")
        kill(waiter.process.processIdentifier, signal)
        #expect(try waiter.exitStatus(seconds: 5) == status)
        #expect(holder.process.isRunning)
        holder.send("stop\r")
        #expect(try holder.exitStatus() == 3)
    }

    @Test("SIGQUIT (Ctrl-\\) mid-run saves like SIGTERM and exits 131 without a backtrace")
    func quitMidRun() throws {
        let records = try Wegwijs.temporaryFolder("pty")
        defer { try? FileManager.default.removeItem(at: records) }
        let session = try PseudoTerminalSession(["run", course, "--learner", "q1", "--records", records.path])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("a\r")
        mark = try session.waitFor("Druk op Enter om verder te gaan", after: mark)
        // What Ctrl-\ sends to the foreground process.
        kill(session.process.processIdentifier, SIGQUIT)
        try session.waitFor("Onderbroken", after: mark)
        #expect(try session.exitStatus(seconds: 5) == 131)
        #expect(!session.transcript.contains("Backtrace") && !session.transcript.contains("Fatal error"))
        #expect(session.terminalIsSane)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/q1/in-progress.json")))
        #expect(saved.answers.map(\.options) == [["goed"]])
    }
}
