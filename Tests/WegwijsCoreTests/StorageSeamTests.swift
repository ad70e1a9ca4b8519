import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// The storage seam: the folder implementations and the in-memory ones answer alike.
@Suite("Storage seam")
struct StorageSeamTests {
    @Test("records come in a stable order: course, learner, ended by name, the attempt in progress last")
    func orderedPlaces() throws {
        let memory = MemoryRecords()
        for place in ["c1-b/1/20260101T000000Z-00000000.json", "c1/2/in-progress.json", "c1/2/20260301T000000Z-00000000.json",
                      "c1/2/20260201T000000Z-00000000.json", "c1/10/20260101T000000Z-00000000.json", "c1/2/notes.txt"] {
            memory.put([], at: place)
        }
        #expect(try memory.orderedPlaces() == [
            "c1/10/20260101T000000Z-00000000.json",
            "c1/2/20260201T000000Z-00000000.json", "c1/2/20260301T000000Z-00000000.json", "c1/2/in-progress.json",
            "c1-b/1/20260101T000000Z-00000000.json",
        ])
    }

    @Test("export's list of a records folder is the report's walk, in order: hidden folders, other files and links to folders left out")
    func oneWalker() throws {
        let root = TestFolders.path("seam-walk")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["c/1/b.json", "c/1/in-progress.json", "c/1/a.json", "c/2/a.json", "c/1/.a.json.1234.tmp", ".outbox/pending/x.json",
                     "c/1/readme.txt", "d/9/z.json"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("e").path, withDestinationPath: root.appendingPathComponent("d").path)
        let listed = try RecordStatements.recordFiles(root: root.path).files.map { String($0.dropFirst(root.path.count + 1)) }
        #expect(listed == ["c/1/a.json", "c/1/b.json", "c/1/in-progress.json", "c/2/a.json", "d/9/z.json"])
        var walked: [String] = []
        try RecordFiles.walk(root.path, found: { walked.append(String($0.dropFirst(root.path.count + 1))) }, problem: { _ in })
        #expect(walked.sorted() == listed.sorted())
        #expect(throws: FileProblem.self) { try RecordStatements.recordFiles(root: root.appendingPathComponent("missing").path) }
    }

    @Test("a learner's lock is one holder at a time, in the folder store and in memory")
    func lockOneAtATime() throws {
        let root = TestFolders.path("seam-lock")
        defer { try? FileManager.default.removeItem(at: root) }
        for store in [RecordStore(root: root.path), MemoryRecords()] as [any RecordWriter] {
            try store.prepare(course: "c", learner: "1")
            var first = try store.lock(course: "c", learner: "1", wait: false)
            #expect(first != nil)
            #expect(try store.lock(course: "c", learner: "1", wait: false) == nil)
            first = nil
            #expect(try store.lock(course: "c", learner: "1", wait: false) != nil)
        }
    }

    @Test("a run killed between the ended record and the clean-up: the next session finishes the clean-up and starts afresh")
    func killedBetweenSteps() throws {
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        let memory = MemoryRecords()
        let settings = SessionSettings(learnerID: "1", learnerName: nil, language: "nl", restart: false, store: memory)
        let first = AttemptSession(loaded: loaded, settings: settings)
        _ = try first.open(waiting: {})
        try first.start()
        _ = try first.answer(["goed"])
        let inProgress = try #require(memory.files["test-branching/1/in-progress.json"])
        _ = try first.finish()
        first.close()
        memory.put(inProgress, at: "test-branching/1/in-progress.json")
        let second = AttemptSession(loaded: loaded, settings: settings)
        guard case .none = try second.open(waiting: {}) else {
            Issue.record("the ended attempt should not be offered again")
            return
        }
        #expect(memory.files["test-branching/1/in-progress.json"] == nil)
        #expect(memory.endedRecords(course: "test-branching", learner: "1").count == 1)
    }

    @Test("stats reads the same fields by the same rules as report: a record out of range is a problem for both")
    func oneFactReader() throws {
        let record = #"{"format":"wegwijs.record/1","learner":{"id":"1"},"course":{"id":"c","sha256":"x","dueWithinDays":0},"status":"passed","startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:10:00Z","answers":[]}"#
        let root = try JSONParser.parse(Array(record.utf8))
        let report = try #require(throws: RecordFacts.Problem.self) { try RecordFacts.extract(from: root) }
        let stats = try #require(throws: RecordFacts.Problem.self) { try AttemptFacts.extract(from: root) }
        #expect(report.reason == stats.reason)
        #expect(report.reason.hasPrefix("course.dueWithinDays"))
    }

    @Test("under a key, report believes a signed record: the whole record is read for the signature")
    func signedRecordsTrusted() throws {
        let loaded = try RecordFixtures.course()
        let signer = RecordSigner(key: Array("0123456789abcdef0123456789abcdef".utf8))
        let record = try RecordFixtures.record(RecordFixtures.passing, course: loaded, signer: signer)
        let memory = MemoryRecords()
        memory.put(Array(try record.encoded()), at: "test-branching/123/20260101T000000Z-00000000.json")
        let scan = try RecordScanner.scan(source: memory, trust: RecordTrust(signer: signer))
        #expect(scan.untrusted.isEmpty, "\(scan.untrusted)")
        let tally = try #require(scan.tallies[LearnerCourse(course: "test-branching", learner: "123")])
        #expect(tally.finished == 1 && tally.lastPass != nil && tally.bestPercent == 100)
    }
}
