import Foundation
import Testing
@testable import WegwijsCore

@Suite("Scanning a records folder")
struct ReportScanTests {
    @Test("good records are tallied; corrupt, foreign and unreadable files are listed with a reason and skipped")
    func corruptFilesAreSkipped() throws {
        let loaded = try RecordFixtures.course()
        let root = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("test-branching/123")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try RecordFixtures.record(RecordFixtures.passing, course: loaded).encoded().write(to: folder.appendingPathComponent("a.json"))
        try RecordFixtures.record(RecordFixtures.failing, course: loaded).encoded().write(to: folder.appendingPathComponent("b.json"))
        let bad: [(String, String)] = [
            ("truncated.json", "{\"format\": \"wegwijs.record/1\", \"learner\": {"),
            ("empty.json", ""),
            ("foreign.json", "{\"name\": \"package.json\", \"version\": \"1.0.0\"}"),
            ("array.json", "[1, 2, 3]"),
            ("nostatus.json", "{\"format\": \"wegwijs.record/1\", \"learner\": {\"id\": \"5\"}, \"course\": {\"id\": \"x\"}, \"startedAt\": \"2026-01-01T00:00:00Z\"}"),
            ("badlearner.json", "{\"format\": \"wegwijs.record/1\", \"learner\": {\"id\": \"../../etc\"}, \"course\": {\"id\": \"x\"}, \"status\": \"passed\", \"startedAt\": \"2026-01-01T00:00:00Z\", \"finishedAt\": \"2026-01-01T00:10:00Z\"}"),
        ]
        for (name, text) in bad { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try Data([0x7B, 0xFF, 0x7D]).write(to: folder.appendingPathComponent("binary.json"))
        // Not records: hidden temp files, a damaged in-progress moved aside, other files.
        try Data("{".utf8).write(to: folder.appendingPathComponent(".a.json.1234abcd.tmp"))
        try Data("{".utf8).write(to: folder.appendingPathComponent(".hidden.json"))
        try Data("{".utf8).write(to: folder.appendingPathComponent("in-progress.json.damaged-20260101T000000Z"))
        try Data("notes".utf8).write(to: root.appendingPathComponent("README.txt"))
        // A folder that is a JSON name, and a file nobody may read (when not running as root).
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.json"), withIntermediateDirectories: true)

        let scan = try RecordScanner.scan(root: root.path, workers: 2)
        let tally = try #require(scan.tallies[LearnerCourse(course: "test-branching", learner: "123")])
        #expect(tally.attempts == 2 && tally.finished == 2 && tally.lastPass != nil && tally.bestPercent == 100)
        let skipped = scan.problems.map { ($0.path as NSString).lastPathComponent.split(separator: ":").first.map(String.init) ?? "" }
        #expect(skipped == ["array.json", "badlearner.json", "binary.json", "empty.json", "foreign.json", "nostatus.json", "truncated.json"])
        #expect(scan.files == 9)
        let reasons = Dictionary(uniqueKeysWithValues: zip(skipped, scan.problems.map(\.reason)))
        #expect(reasons["foreign.json"]?.contains("not a completion record") == true)
        #expect(reasons["truncated.json"]?.hasPrefix("not valid JSON") == true)
        #expect(reasons["binary.json"]?.contains("UTF-8") == true)
        #expect(reasons["nostatus.json"]?.contains("status") == true)
        #expect(reasons["badlearner.json"]?.contains("employee number") == true)
    }

    @Test("a missing records folder is an error, not an empty report")
    func missingRoot() {
        #expect(throws: FileProblem.self) { try RecordScanner.scan(root: "/nonexistent/wegwijs-records") }
    }

    @Test("one worker and two workers give the same tallies", arguments: [1, 2, 3])
    func workersAgree(workers: Int) throws {
        let loaded = try RecordFixtures.course()
        let root = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for learner in 0..<40 {
            let folder = root.appendingPathComponent("test-branching/\(learner)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for attempt in 0..<(learner % 4) {
                let answers = attempt % 2 == 0 ? RecordFixtures.failing : RecordFixtures.passing
                try RecordFixtures.record(answers, course: loaded, learner: String(learner)).encoded()
                    .write(to: folder.appendingPathComponent("\(attempt).json"))
            }
        }
        let progress = ScanProgress()
        let scan = try RecordScanner.scan(root: root.path, workers: workers, progress: progress)
        #expect(scan.files == 60 && progress.files == 60 && scan.problems.isEmpty)
        #expect(scan.tallies.count == 30)
        for (key, tally) in scan.tallies {
            let count = (Int(key.learner) ?? 0) % 4
            #expect(tally.attempts == count)
            #expect((tally.lastPass != nil) == (count >= 2))
        }
    }

    @Test("record facts come straight from the JSON the runner writes")
    func factsFromRecord() throws {
        let loaded = try RecordFixtures.course()
        let record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
        let facts = try RecordFacts.extract(from: JSONParser.parse(Array(record.encoded())))
        #expect(facts.learnerID == "123" && facts.learnerName == "Jan Jansen" && facts.courseID == "test-branching")
        #expect(facts.status == .passed && facts.percent == 100)
        #expect(facts.validFor == ISODuration("P1Y") && facts.dueWithinDays == 30)
        #expect(facts.startedAt == Int64(RecordFixtures.start.timeIntervalSince1970))
        #expect(facts.finishedAt == facts.startedAt + 600)
        #expect(facts.lastAnswerAt == facts.startedAt + 90)
        #expect(facts.refresherEvery == nil, "the fixture course declares no refresher")
    }

    @Test("a record states its course's refresher period, and a report without the course file takes it from the newest record")
    func refresherPeriodFromRecords() throws {
        let loaded = try RecordFixtures.course()
        var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
        record.course.refresherEvery = "P4M"
        let facts = try RecordFacts.extract(from: JSONParser.parse(Array(record.encoded())))
        #expect(facts.refresherEvery == ISODuration(months: 4))
        var scan = RecordScan()
        scan.add(facts, courses: nil, asOf: nil)
        let terms = HRReport.terms(for: ["test-branching"], given: [], bundled: { _ in nil }, recorded: scan.recordedTerms)
        #expect(terms.map(\.refresherEvery) == [ISODuration(months: 4)] && terms.map(\.validFor) == [ISODuration(years: 1)])
    }
}
