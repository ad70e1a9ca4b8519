import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// Behaviours that once had no test failing when they broke (found by changing one line of the
/// code and running the tests): each test here names one and pins it down.
@Suite("Behaviours pinned down one by one")
struct BehaviourTests {
    @Test("line and paragraph separators (U+2028, U+2029) are escaped like control characters")
    func separators() {
        #expect(ControlCharacters.escaped("a\u{2028}b\u{2029}c") == "a\\u{2028}b\\u{2029}c")
    }

    @Test("a multiple answer keeps the order the learner typed")
    func chosenOrder() throws {
        let course = TestCourses.course([
            Scenario(id: "s", situation: TestCourses.text("s"), kind: .multiple, options: [
                TestCourses.option("a", ["g1": 1]), TestCourses.option("b", ["g1": 1]), TestCourses.option("c", ["g2": 1]),
            ]),
        ])
        var attempt = Attempt(course: course)
        let outcome = try attempt.answer(["c", "a"], at: Date())
        #expect(attempt.answers.first?.options == ["c", "a"])
        #expect(outcome.chosen.map(\.id) == ["c", "a"])
    }

    @Test("a bare line feed in a CSV field is quoted")
    func csvLineFeed() {
        #expect(CSV.field("a\nb", delimiter: ",") == "\"a\nb\"")
        #expect(CSV.field("ab", delimiter: ",") == "ab")
    }

    @Test("a CSV cell starting with '-' (or =, +, @) is shown as text, never run as a formula",
          arguments: ["-1+1", "=1+1", "+1", "@SUM(A1)"])
    func csvFormula(cell: String) {
        #expect(ReportFormat.neutralized(cell) == "'" + cell)
        #expect(ReportFormat.neutralized("a" + cell) == "a" + cell)
    }

    @Test("an id that is not an id never makes a path outside the records folder")
    func pathGuard() {
        let store = RecordStore(root: "/r")
        for course in ["../x", "a/b", ".", "", String(repeating: "a", count: 65)] {
            let folder = store.folder(course: course, learner: "123")
            #expect(!folder.contains("..") && folder.hasPrefix("/r/") && folder.split(separator: "/").count == 3, "\(folder)")
        }
        #expect(store.folder(course: "cursus", learner: "../../etc") == "/r/cursus/invalid-learner-id")
    }

    @Test("a key file's line ending is not part of the key (CRLF too)")
    func keyLineEnding() throws {
        let folder = TestFolders.path("wegwijs-key")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = "0123456789abcdef0123"
        var signatures: [String] = []
        for ending in ["", "\n", "\r\n"] {
            let path = folder.appendingPathComponent("key\(signatures.count)").path
            try Data((key + ending).utf8).write(to: URL(fileURLWithPath: path))
            // Key files are private to their account (PrivateFiles.checkSecret).
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let signer = try RecordSigner(keyFile: path)
            signatures.append(try signer.signature(for: try Self.record()))
        }
        #expect(Set(signatures).count == 1)
    }

    @Test("a new attempt is saved before the introduction, so it is there before the first answer")
    func savedBeforeIntroduction() throws {
        let folder = TestFolders.path("wegwijs-start")
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        let session = AttemptSession(loaded: loaded, settings: SessionSettings(learnerID: "1", learnerName: nil, language: "nl",
                                                                                restart: false, store: RecordStore(root: folder.path)))
        _ = try session.open(waiting: {})
        try session.start()
        let saved = try CompletionRecord.decode(Data(contentsOf: URL(fileURLWithPath: RecordStore(root: folder.path).inProgressPath(course: "test-branching", learner: "1"))))
        #expect(saved.status == .inProgress && saved.answers.isEmpty && saved.attemptId == session.attemptID)
    }

    @Test("a stop is noted as 'suspended' and a return as 'resumed', in the record's events")
    func suspendAndResume() throws {
        let folder = TestFolders.path("wegwijs-events")
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        let settings = SessionSettings(learnerID: "1", learnerName: nil, language: "nl", restart: false, store: RecordStore(root: folder.path))
        let first = AttemptSession(loaded: loaded, settings: settings)
        _ = try first.open(waiting: {})
        try first.start()
        _ = try first.answer(["goed"])
        try first.suspend()
        first.close()
        let path = RecordStore(root: folder.path).inProgressPath(course: "test-branching", learner: "1")
        #expect(try CompletionRecord.decode(Data(contentsOf: URL(fileURLWithPath: path))).events?.map(\.type) == [.suspended])
        let second = AttemptSession(loaded: loaded, settings: settings)
        _ = try second.open(waiting: {})
        #expect(try second.resume())
        #expect(try CompletionRecord.decode(Data(contentsOf: URL(fileURLWithPath: path))).events?.map(\.type) == [.suspended, .resumed])
    }

    @Test("the shuffle is the same forever for a seed: a changed generator or hash fails here")
    func goldenShuffle() {
        let scenario = Scenario(id: "klacht", situation: TestCourses.text("s"),
                                options: ["a", "b", "c", "d", "e"].map { TestCourses.option($0, ["g1": 1]) })
        // Computed independently (SplitMix64 of seed ^ FNV-1a("klacht"), Fisher–Yates from the end, in Python).
        #expect(Attempt.shownOptions(of: scenario, seed: 1).map(\.id) == ["e", "a", "b", "d", "c"])
        #expect(Attempt.shownOptions(of: scenario, seed: 2).map(\.id) == ["a", "e", "c", "d", "b"])
        #expect(Attempt.shownOptions(of: scenario, seed: nil).map(\.id) == ["a", "b", "c", "d", "e"])
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(Attempt.stableHash("klacht") == Attempt.stableHash("klacht") && Attempt.stableHash("") == 0xcbf2_9ce4_8422_2325)
    }

    @Test("a penalty rules out 'good', even with full points on every guideline the scenario scores")
    func penaltyRulesOutGood() {
        let scenario = Scenario(id: "s", situation: TestCourses.text("s"), kind: .multiple, options: [
            TestCourses.option("a", ["g1": 1]), TestCourses.option("b", ["g1": 1]), TestCourses.option("c", ["g1": 1, "g2": -1]),
        ])
        #expect(Scoring.verdict(scenario, chosen: scenario.options) == .partlyGood)
        #expect(Scoring.verdict(scenario, chosen: Array(scenario.options.prefix(2))) == .partlyGood)
        let single = Scenario(id: "t", situation: TestCourses.text("t"), options: [
            TestCourses.option("best", ["g1": 2, "g2": -1]), TestCourses.option("other", ["g1": 1]),
        ])
        #expect(Scoring.verdict(single, chosen: [single.options[0]]) == .partlyGood)
    }

    @Test("the best multiple answer is every option with a positive total, never a zero one")
    func bestMultipleAnswer() {
        #expect(ScenarioKind.multiple.rules.bestAnswer(totals: [2, 0, -1, 1], usable: [true, true, true, true]) == [0, 3])
        #expect(ScenarioKind.single.rules.bestAnswer(totals: [1, 3, 3], usable: [true, true, true]) == [1])
        #expect(ScenarioKind.single.rules.bestAnswer(totals: [1, 3, 2], usable: [true, false, true]) == [2])
    }

    @Test("an answer that names an option twice is refused (a tampered record cannot count it twice)")
    func optionTwice() {
        let course = TestCourses.course([
            Scenario(id: "s", situation: TestCourses.text("s"), kind: .multiple, options: [
                TestCourses.option("a", ["g1": 1]), TestCourses.option("b", ["g2": 1]),
            ]),
        ])
        var attempt = Attempt(course: course)
        #expect(throws: AttemptError.self) { try attempt.answer(["a", "a"], at: Date()) }
        #expect(attempt.answers.isEmpty)
    }

    @Test("a recorded draw must hold exactly `draw` members of every pool, no fewer and no more")
    func drawCounts() {
        var course = TestCourses.course(["a1", "a2", "a3", "b"].map { id in
            Scenario(id: id, situation: TestCourses.text(id), options: [TestCourses.option("x", ["g1": 1, "g2": 1]), TestCourses.option("y", [:])])
        })
        course.pools = [ScenarioPool(id: "a", draw: 2, scenarios: ["a1", "a2", "a3"])]
        #expect(Attempt.drawProblem(["a1", "a2"], in: course) == nil)
        #expect(Attempt.drawProblem(["a1"], in: course) != nil)
        #expect(Attempt.drawProblem(["a1", "a2", "a3"], in: course) != nil)
        #expect(Attempt.drawProblem(["a1", "b"], in: course) != nil)
        #expect(Attempt.drawProblem(nil, in: course) != nil)
    }

    static func record() throws -> CompletionRecord {
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        let attempt = Attempt(course: loaded.course, seed: 1)
        return CompletionRecord(attempt: attempt, attemptID: "x", learner: .init(id: "1", name: nil), course: .init(loaded),
                                language: "nl", startedAt: Date(timeIntervalSince1970: 0), finishedAt: nil)
    }
}
