import Foundation
import TestSupport
import Testing
import WegwijsConsole
import WegwijsCore

/// Lines typed by a learner, given in advance; nil (end of input) once they run out.
final class ScriptedReader: LineReader {
    private var lines: [String]
    private(set) var prompts: [String] = []
    private(set) var completions: [[String]] = []

    init(_ lines: [String]) {
        self.lines = lines
    }

    func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    func setCompletions(_ words: [String]) {
        completions.append(words)
    }
}

/// Everything the session writes to the terminal, kept.
final class CapturedOutput: ConsoleOutput {
    private(set) var text = ""

    func write(_ text: String) {
        self.text += text
    }

    /// Whether the output holds `phrase`, wherever the layout broke its lines.
    func says(_ phrase: String) -> Bool {
        Self.flat(text).contains(Self.flat(phrase))
    }

    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// `CourseSession` run in-process against a scripted reader, a captured output and records
/// in memory (the console's seams and the storage seam swapped, as swiftly's tests swap a
/// command's context): no binary, no terminal, no folder.
@Suite("Course session in-process")
struct CourseSessionTests {
    static let profile = XAPIProfile(actorHomepage: "urn:wegwijs:learner", activityBase: "urn:wegwijs:course:", platform: "wegwijs test")
    static let terminal = TerminalInfo(isInteractive: false, width: 80, usesColour: false, usesGraphics: false)

    static func session(_ lines: [String], records: MemoryRecords, learner: String = "123",
                        saved: (@Sendable (CompletionRecord) -> Void)? = nil) throws -> (CourseSession, ScriptedReader, CapturedOutput) {
        let loaded = try CourseLoader.load(path: Wegwijs.fixture("branching.json"))
        var settings = SessionSettings(learnerID: learner, learnerName: "Piet", language: "nl", restart: false, store: records)
        settings.onRecordSaved = saved
        let reader = ScriptedReader(lines)
        let output = CapturedOutput()
        return (CourseSession(loaded: loaded, settings: settings, terminal: terminal, reader: reader, output: output), reader, output)
    }

    @Test("best answers pass: the ended record is in the store, the output says so, and the report counts the pass")
    func bestAnswersPass() throws {
        let records = MemoryRecords()
        let (session, reader, output) = try Self.session(["a", "a c", "a"], records: records)
        let outcome = try session.run()
        guard case .passed(let place) = outcome else {
            Issue.record("expected a pass, got \(outcome)")
            return
        }
        #expect(place.hasPrefix("test-branching/123/") && place.hasSuffix(".json"))
        let record = try #require(records.record(at: place))
        #expect(record.status == .passed)
        #expect(record.answers.map(\.options) == [["goed"], ["m1", "m3"], ["weiger"]])
        #expect(record.score.earned == 7 && record.score.possible == 7)
        #expect(record.learner.name == "Piet")
        // The in-progress record is gone once the ended one is written.
        #expect(records.files.keys.sorted() == [place])
        let phrases = Phrases(code: "nl")
        #expect(output.says("Situatie 1 van 3"))
        #expect(output.says(phrases.passed))
        #expect(output.says(phrases.recordWritten) && output.says(place))
        #expect(reader.prompts.count == 3)
        // The readers take the same records through the same seam.
        let scan = try RecordScanner.scan(source: records)
        let tally = try #require(scan.tallies[LearnerCourse(course: "test-branching", learner: "123")])
        #expect(tally.attempts == 1 && tally.finished == 1 && tally.bestPercent == 100 && tally.lastPass != nil)
        #expect(scan.problems.isEmpty && scan.untrusted.isEmpty && scan.files == 1)
    }

    @Test("end of input saves the progress; the next session resumes it and ends with one record")
    func stopThenResume() throws {
        let records = MemoryRecords()
        let (first, _, output) = try Self.session(["a"], records: records)
        #expect(try first.run() == .stopped)
        #expect(output.says(Phrases(code: "nl").stopped(1)))
        let saved = try #require(records.record(at: "test-branching/123/in-progress.json"))
        #expect(saved.status == .inProgress && saved.answers.map(\.options) == [["goed"]])
        #expect(saved.events?.map(\.type) == [.suspended])

        let (second, _, again) = try Self.session(["a c", "a"], records: records)
        guard case .passed(let place) = try second.run() else {
            Issue.record("the resumed attempt should pass")
            return
        }
        #expect(again.says(Phrases(code: "nl").resuming(1)))
        let record = try #require(records.record(at: place))
        #expect(record.attemptId == saved.attemptId)
        #expect(record.answers.map(\.options) == [["goed"], ["m1", "m3"], ["weiger"]])
        #expect(record.events?.map(\.type) == [.suspended, .resumed])
        #expect(records.files.count == 1)
    }

    @Test("a damaged saved attempt is set aside and said so; a new attempt starts")
    func damagedProgress() throws {
        let records = MemoryRecords()
        records.put(Array("{not json".utf8), at: "test-branching/123/in-progress.json")
        let (session, _, output) = try Self.session(["a", "a c", "a"], records: records)
        guard case .passed = try session.run() else {
            Issue.record("expected a pass")
            return
        }
        let aside = "test-branching/123/in-progress.json.damaged"
        #expect(records.files[aside] == Array("{not json".utf8))
        #expect(output.says(Phrases(code: "nl").damagedProgress) && output.says(aside))
    }

    @Test("a write that fails stops the session with the storage error, before any question")
    func storageFailure() throws {
        let records = MemoryRecords()
        records.failWrites("the disk is full")
        let (session, reader, _) = try Self.session(["a", "a c", "a"], records: records)
        #expect {
            try session.run()
        } throws: { error in
            (error as? SessionStorageError)?.underlying.reason == "the disk is full"
        }
        #expect(reader.prompts.isEmpty)
        #expect(records.files.isEmpty)
    }

    @Test("every saved record reaches the statement queue, which puts the attempt's statements in the outbox")
    func statementsFollowRecords() throws {
        let records = MemoryRecords()
        let outbox = MemoryOutbox()
        let delivery = MemoryDelivery()
        let loaded = try CourseLoader.load(path: Wegwijs.fixture("branching.json"))
        let queue = StatementQueue(outbox: outbox, delivery: delivery, course: loaded.course, profile: Self.profile)
        let (session, _, _) = try Self.session(["a", "a c", "a"], records: records, saved: { queue.add($0) })
        guard case .passed(let place) = try session.run() else {
            Issue.record("expected a pass")
            return
        }
        queue.flush()
        let record = try #require(records.record(at: place))
        let expected = XAPIStatements.make(for: record, course: loaded.course, profile: Self.profile)
        #expect(outbox.pendingAttempts() == [record.attemptId])
        #expect(outbox.pending(attemptID: record.attemptId).map(\.id) == expected.map(\.id))
        #expect(delivery.nudgeCount >= 1)
    }
}
