import Foundation
import Testing
@testable import WegwijsCore
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Round 3 of the hardening (issue 22) at the level of the core: what an outbox, an LRS or a
/// clock hands Wegwijs is checked before it names a file or counts as a pass.
@Suite("hostile outbox lines, LRS statements and clocks")
struct HostileInputTests {
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"

    @Test("only a UUID is a statement id; a 36-byte relative path is not, and a line carrying one is no statement")
    func statementIDs() {
        #expect(Outbox.isStatementID(Self.uuid))
        #expect(Outbox.isStatementID(Self.uuid.uppercased()))
        let traversal = "./././../../../../etc/wegwijs/config"
        #expect(traversal.utf8.count == 36)
        for bad in [traversal, "", String(Self.uuid.dropLast()), Self.uuid + "0", "0f8fad5b/d9cb-469f-a165-70867728950e",
                    "0f8fad5b-d9cb-469f-a165-70867728950g", "0f8fad5bd-9cb-469f-a165-70867728950e"] {
            #expect(!Outbox.isStatementID(bad), "\(bad)")
        }
        let tail = ",\"actor\":{\"name\":\"x\"},\"timestamp\":\"2026-12-01T00:00:00Z\"}"
        #expect(Outbox.statement(fromLine: "{\"id\":\"\(Self.uuid)\"" + tail)?.id == Self.uuid)
        #expect(Outbox.statement(fromLine: "{\"id\":\"\(traversal)\"" + tail) == nil)
    }

    @Test("a refused statement whose id is not a UUID is never written to a file")
    func rejectRefusesUnsafeIDs() throws {
        let folder = TestFolders.path("outbox-reject")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outbox = Outbox(records: folder.path)
        try outbox.prepare()
        let victim = folder.appendingPathComponent("victim.json")
        try Data("{\"keep\":1}".utf8).write(to: victim)
        let item = Outbox.Item(attemptID: "a1", statement: XAPIStatement(id: "../../victim/////////////////////////", timestamp: 0, json: "{}"))
        #expect(throws: FileProblem.self) { try outbox.reject(item, status: 400, message: "no") }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "{\"keep\":1}")
    }

    @Test("SafeFile opens regular files only: a FIFO and a link are refused at once, with what they are")
    func safeOpen() throws {
        let folder = TestFolders.path("safe-open")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try RecordFiles.contents(of: file) == Array("{}".utf8))
        let fifo = folder.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Without O_NONBLOCK this open would wait for a writer forever.
        let fifoProblem = try #require(throws: FileProblem.self) { try RecordFiles.contents(of: fifo) }
        #expect(fifoProblem.reason.contains("named pipe"))
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let linkProblem = try #require(throws: FileProblem.self) { try RecordFiles.contents(of: link) }
        #expect(linkProblem.reason.contains("symbolic link"))
        #expect(try RecordFiles.contents(of: link, namedByUser: true) == Array("{}".utf8))
        #expect(throws: FileProblem.self) { try RecordFiles.contents(of: folder.path) }
    }

    @Test("pending files that are not the outbox's own are set aside with a reason, good lines stay")
    func setAside() throws {
        let folder = TestFolders.path("outbox-aside")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outbox = Outbox(records: folder.path)
        try outbox.prepare()
        let pending = folder.appendingPathComponent(".outbox/pending")
        let good = "{\"id\":\"\(Self.uuid)\",\"actor\":{},\"timestamp\":\"2026-12-01T00:00:00Z\"}"
        let bad = "{\"id\":\"./././../../../../etc/wegwijs/config\",\"timestamp\":\"2026-12-01T00:00:00Z\"}"
        try Data((good + "\n" + bad + "\n").utf8).write(to: pending.appendingPathComponent("mixed.ndjson"))
        try Data("junk".utf8).write(to: pending.appendingPathComponent("notes.txt"))
        #expect(mkfifo(pending.appendingPathComponent("fifo.ndjson").path, 0o644) == 0)
        try Data(".stale".utf8).write(to: pending.appendingPathComponent(".mixed.ndjson.0badf00d.tmp"))

        let seen = outbox.unusable()
        #expect(seen.count == 3, "\(seen)")
        #expect(outbox.status().pending == 1)
        let problems = try outbox.setAsideUnusable()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.path.hasSuffix("mixed.ndjson") && $0.reason.contains("line 2") })
        #expect(problems.contains { $0.path.hasSuffix("fifo.ndjson") && $0.reason.contains("named pipe") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: pending.path).sorted() == ["mixed.ndjson"])
        #expect(outbox.pending(attemptID: "mixed").map { $0.id } == [Self.uuid])
        let aside = folder.appendingPathComponent(".outbox/unusable")
        #expect(try String(contentsOf: aside.appendingPathComponent("mixed.ndjson"), encoding: .utf8) == bad + "\n")
        #expect(try String(contentsOf: aside.appendingPathComponent("mixed.ndjson.reason"), encoding: .utf8).contains(":2: "))
        #expect(FileManager.default.fileExists(atPath: aside.appendingPathComponent("notes.txt.reason").path))
        #expect(outbox.unusable().isEmpty)
    }

    @Test("credentials inside lrs.url are refused and never shown")
    func credentialsInURL() throws {
        let problem = try #require(throws: FileProblem.self) {
            try LRSEndpoint.make(url: "https://user:UrlSecret9@lrs.example.org/xAPI", credentialsFile: nil)
        }
        #expect(problem.reason.contains("lrs.credentialsFile"))
        #expect(!problem.description.contains("UrlSecret9"))
        #expect(LRSEndpoint.shown("https://user:UrlSecret9@lrs.example.org/x@y") == "https://***@lrs.example.org/x@y")
        #expect(LRSEndpoint.shown("https://lrs.example.org/xAPI") == "https://lrs.example.org/xAPI")
        #expect(throws: Never.self) { try LRSEndpoint.make(url: "https://lrs.example.org/xAPI", credentialsFile: nil) }
    }

    @Test("same origin means the same scheme, host and port")
    func sameOrigin() throws {
        let endpoint = try LRSEndpoint.make(url: "http://127.0.0.1:8100/xAPI", credentialsFile: nil)
        #expect(endpoint.isSameOrigin(try #require(URL(string: "http://127.0.0.1:8100/xAPI/statements?more=2"))))
        for other in ["http://127.0.0.1:8101/xAPI/statements", "https://127.0.0.1:8100/xAPI/statements",
                      "http://localhost:8100/xAPI/statements", "http://u:p@127.0.0.1:8100/xAPI/statements"] {
            #expect(!endpoint.isSameOrigin(try #require(URL(string: other))), "\(other)")
        }
        let https = try LRSEndpoint.make(url: "https://lrs.example.org/xAPI", credentialsFile: nil)
        #expect(https.isSameOrigin(try #require(URL(string: "https://LRS.example.org:443/xAPI/statements"))))
    }

    // MARK: - Statements read back from an LRS

    /// The statements of one Wegwijs attempt as an LRS returns them.
    static func attempt(registration: String = uuid, learner: String = "901", verb: String = XAPIVocabulary.passed,
                        raw: String = "8", max: String = "8", success: Bool? = true, due: String = "30",
                        at: String = "2026-12-01T10:05:00Z", startedAt: String = "2026-12-01T10:00:00Z",
                        course: String = "voorbeeld", version: String = "1") throws -> [JSONNode] {
        func statement(_ verb: String, _ at: String, result: String = "") -> String {
            """
            {"id":"\(UUID().uuidString.lowercased())","actor":{"account":{"homePage":"urn:x","name":"\(learner)"}},
             "verb":{"id":"\(verb)"},"object":{"id":"urn:wegwijs:course:\(course)"},\(result)
             "context":{"registration":"\(registration)","extensions":{"\(XAPIVocabulary.courseExtension)":
               {"id":"\(course)","version":"\(version)","validFor":"P1Y","dueWithinDays":\(due)}}},
             "timestamp":"\(at)"}
            """
        }
        let success = success.map { ",\"success\":\($0)" } ?? ""
        let result = "\"result\":{\"score\":{\"raw\":\(raw),\"min\":0,\"max\":\(max)}\(success)},"
        return try [statement(XAPIVocabulary.attempted, startedAt), statement(verb, at, result: result)].map {
            try JSONParser.parse(Array($0.utf8))
        }
    }

    static func facts(_ statements: [JSONNode], rules: [String: PassingRule] = [:], now: Int64? = nil) -> StatementFacts {
        var facts = StatementFacts(passingRules: rules, now: now)
        for statement in statements { facts.add(statement) }
        return facts
    }

    @Test("numbers beyond every range skip the statement with a reason instead of trapping")
    func hugeNumbers() throws {
        for (raw, max, due) in [("1e300", "8", "30"), ("8", "1e300", "30"), ("-1e300", "8", "30"), ("8", "8", "1e300"),
                                ("8", "8", "99999999999999999999999"), ("8", "8", "9223372036854775807"), ("8.5", "8", "30")] {
            let facts = Self.facts(try Self.attempt(raw: raw, max: max, due: due))
            // dueWithinDays is in every statement's course facts, a score only in the pass.
            #expect(facts.problems.count == (due == "30" ? 1 : 2), "\(raw) \(max) \(due)")
            #expect(facts.problems.allSatisfy { $0.reason.contains("out of range") && $0.path.hasPrefix("statement ") })
            // No pass is left; the attempt's start still counts where it was readable.
            #expect(facts.facts().allSatisfy { $0.status == .inProgress })
            #expect(facts.facts().count == (due == "30" ? 1 : 0))
        }
    }

    @Test("a genuine pass is believed; a pass below the passing terms, without a score or with success false is not")
    func passTrust() throws {
        let genuine = Self.facts(try Self.attempt()).facts()
        #expect(genuine.count == 1)
        #expect(genuine.first?.status == .passed && genuine.first?.distrust == nil)
        #expect(genuine.first?.percent == 100)

        let forged = Self.facts(try Self.attempt(raw: "0")).facts()
        #expect(forged.first?.distrust?.contains("below the course's 80%") == true)
        let strict = Self.facts(try Self.attempt(raw: "7"), rules: ["voorbeeld": PassingRule(overall: 90)]).facts()
        #expect(strict.first?.distrust?.contains("below the course's 90%") == true)
        let lenient = Self.facts(try Self.attempt(raw: "7"), rules: ["voorbeeld": PassingRule(overall: 80)]).facts()
        #expect(lenient.first?.distrust == nil)
        let noMax = Self.facts(try Self.attempt(raw: "0", max: "0")).facts()
        #expect(noMax.first?.distrust?.contains("without a score") == true)
        let unsuccessful = Self.facts(try Self.attempt(success: false)).facts()
        #expect(unsuccessful.first?.distrust?.contains("success is false") == true)
        // A failed attempt is counted as failed, trusted or not.
        #expect(Self.facts(try Self.attempt(verb: XAPIVocabulary.failed, raw: "0")).facts().first?.distrust == nil)
    }

    @Test("a registration whose statements disagree, or that is dated in the future, gives no pass")
    func registrationTrust() throws {
        let mixedLearner = try Self.attempt(learner: "901") + [try Self.attempt(learner: "902")[0]]
        #expect(Self.facts(mixedLearner).facts().first?.distrust?.contains("different learners") == true)
        let mixedCourse = try Self.attempt() + [try Self.attempt(version: "2")[0]]
        #expect(Self.facts(mixedCourse).facts().first?.distrust?.contains("different courses") == true)
        let failedThenPassed = [try Self.attempt(verb: XAPIVocabulary.failed)[1]] + (try Self.attempt())
        #expect(Self.facts(failedThenPassed).facts().first?.distrust?.contains("both a passed and a failed") == true)
        let passedThenFailed = try Self.attempt() + [try Self.attempt(verb: XAPIVocabulary.failed)[1]]
        #expect(Self.facts(passedThenFailed).facts().first?.status == .failed)
        let withoutStart = [try Self.attempt()[1]]
        #expect(Self.facts(withoutStart).facts().first?.distrust?.contains("no 'attempted'") == true)
        let backwards = try Self.attempt(at: "2026-12-01T09:00:00Z")
        #expect(Self.facts(backwards).facts().first?.distrust?.contains("ends before it starts") == true)

        let now = Timestamp.secondsSince1970("2026-12-01T10:05:00Z") ?? 0
        #expect(Self.facts(try Self.attempt(), now: now).facts().first?.distrust == nil)
        // Within the clock-skew allowance, and beyond it.
        #expect(Self.facts(try Self.attempt(), now: now - RecordTrust.clockSkew).facts().first?.distrust == nil)
        let future = Self.facts(try Self.attempt(), now: now - RecordTrust.clockSkew - 1).facts()
        #expect(future.first?.distrust?.contains("after the time of reading") == true)
    }

    // MARK: - Records and time

    @Test("a record dated after the time of reading (beyond the allowance) is found, whichever of its times it is")
    func futureRecords() throws {
        let now = Timestamp.secondsSince1970("2026-12-02T12:00:00Z") ?? 0
        func record(_ startedAt: String, answerAt: String = "2026-12-02T11:00:00Z") throws -> JSONNode {
            try JSONParser.parse(Array("""
            {"startedAt":"\(startedAt)","finishedAt":"2026-12-02T11:30:00Z","answers":[{"at":"\(answerAt)"}]}
            """.utf8))
        }
        #expect(RecordTrust.futureTime(in: try record("2026-12-02T10:00:00Z"), now: now) == nil)
        #expect(RecordTrust.futureTime(in: try record("2026-12-02T12:05:00Z"), now: now) == nil)
        #expect(RecordTrust.futureTime(in: try record("2026-12-02T12:05:01Z"), now: now)?.contains("startedAt") == true)
        #expect(RecordTrust.futureTime(in: try record("2026-12-02T10:00:00Z", answerAt: "2031-11-06T10:00:00Z"), now: now)?
            .contains("answers[0].at") == true)
    }

    @Test("a record in another learner's folder of its own course is a copy")
    func copiedRecords() {
        let facts = RecordFacts(learnerID: "901", courseID: "voorbeeld", status: .passed, startedAt: 0)
        #expect(RecordTrust.folderMismatch(path: "/r/voorbeeld/901/a.json", facts: facts) == nil)
        #expect(RecordTrust.folderMismatch(path: "/r/voorbeeld/999/a.json", facts: facts)?.contains("folder of learner '999'") == true)
        // Outside the layout (another course's folder, a loose file) nothing is claimed.
        #expect(RecordTrust.folderMismatch(path: "/r/andere/999/a.json", facts: facts) == nil)
        #expect(RecordTrust.folderMismatch(path: "a.json", facts: facts) == nil)
        #expect(RecordTrust.folderMismatch(path: "901/a.json", facts: facts) == nil)
        // Doubled and trailing slashes count for nothing, as in the folder names they join.
        #expect(RecordTrust.folderMismatch(path: "voorbeeld//999//a.json", facts: facts)?.contains("folder of learner '999'") == true)
        #expect(RecordTrust.folderMismatch(path: "//r//voorbeeld/901/a.json/", facts: facts) == nil)
        #expect(RecordTrust.folderMismatch(path: "/voorbeeld/9010/a.json", facts: facts)?.contains("learner '9010'") == true)
        #expect(RecordTrust.folderMismatch(path: "/voorbeeldje/999/a.json", facts: facts) == nil)
    }

    @Test("an attempt's clock never goes back, whatever the machine's clock does")
    func monotoneClock() {
        let readings = Readings([100.4, 200.9, 150, 199, 201.2])
        let clock = MonotoneClock { readings.next() }
        #expect([clock.now(), clock.now(), clock.now(), clock.now(), clock.now()].map(\.timeIntervalSince1970) == [100, 200, 200, 200, 201])
        let resumed = MonotoneClock { Date(timeIntervalSince1970: 50) }
        resumed.keepAtLeast(Date(timeIntervalSince1970: 90.7))
        #expect(resumed.now().timeIntervalSince1970 == 90)
    }
}

private final class Readings: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [TimeInterval]
    init(_ values: [TimeInterval]) { self.values = values }
    func next() -> Date { lock.withLock { Date(timeIntervalSince1970: values.removeFirst()) } }
}
