import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

@Suite("Completion records and the record store")
struct RecordTests {
    func finishedRecord(passing: Bool = true) throws -> CompletionRecord {
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        var attempt = Attempt(course: loaded.course)
        for choice in passing ? [["goed"], ["m1", "m3"], ["weiger"]] : [["fout"], ["negeer"], ["m2"], ["deel"]] {
            try attempt.answer(choice, at: Date(timeIntervalSince1970: 1_790_000_000))
        }
        return CompletionRecord(attempt: attempt, attemptID: "id-1", learner: .init(id: "123", name: "Jan Jansen"),
                                course: .init(loaded), language: "nl",
                                startedAt: Date(timeIntervalSince1970: 1_789_999_000),
                                finishedAt: Date(timeIntervalSince1970: 1_790_000_100))
    }

    @Test("a record survives encoding and decoding unchanged")
    func roundTrip() throws {
        let record = try finishedRecord()
        #expect(try CompletionRecord.decode(record.encoded()) == record)
    }

    @Test("a failed attempt records the critical scenarios and null for guidelines not assessed")
    func failedRecord() throws {
        let record = try finishedRecord(passing: false)
        #expect(record.status == .failed)
        #expect(record.criticalChosen == ["kritiek"])
        let json = String(decoding: try record.encoded(), as: UTF8.self)
        #expect(json.contains("\"format\" : \"wegwijs.record/1\""))
        #expect(json.contains("\"sha256\""))
    }

    @Test("records state the course's terms")
    func courseTerms() throws {
        let record = try finishedRecord()
        #expect(record.course.validFor == "P1Y")
        #expect(record.course.dueWithinDays == 30)
    }

    @Test("a foreign JSON file is not taken for a record")
    func foreignFormat() throws {
        var record = try finishedRecord()
        record.format = "something/2"
        #expect(throws: DecodingError.self) { try CompletionRecord.decode(record.encoded()) }
    }

    @Test("learner ids that could leave the records folder are refused", arguments: [
        ("12345", true), ("jan.jansen_2", true), ("A-1", true), (".hidden", false), ("..", false), ("a/b", false),
        ("", false), (String(repeating: "x", count: 65), false), (String(repeating: "x", count: 64), true), ("jan jansen", false),
    ])
    func learnerIDs(id: String, valid: Bool) {
        #expect(LearnerID.isValid(id) == valid)
    }

    @Test("ended attempts get new files and remove the in-progress file; no temp file stays behind")
    func storeLayout() throws {
        let root = TestFolders.path("store").path
        let store = RecordStore(root: root)
        try store.prepare(course: "test-branching", learner: "123")
        var record = try finishedRecord()
        record.status = .inProgress
        try store.saveInProgress(record)
        try store.saveInProgress(record)
        #expect(FileManager.default.fileExists(atPath: store.inProgressPath(course: "test-branching", learner: "123")))
        let first = try store.saveEnded(try finishedRecord())
        let second = try store.saveEnded(try finishedRecord())
        #expect(first != second, "two attempts finished in the same second never share a file")
        let files = try FileManager.default.contentsOfDirectory(atPath: store.folder(course: "test-branching", learner: "123")).sorted()
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.hasPrefix("20260921T") && $0.hasSuffix(".json") }, "\(files)")
        #expect(!files.contains { $0.hasPrefix(".") }, "no temp or probe file is left")
    }

    @Test("a damaged in-progress file is moved aside, never deleted")
    func damagedInProgress() throws {
        let root = TestFolders.path("store").path
        let store = RecordStore(root: root)
        try store.prepare(course: "c", learner: "1")
        let path = store.inProgressPath(course: "c", learner: "1")
        try Data("{ half a rec".utf8).write(to: URL(fileURLWithPath: path))
        guard case .damaged(let aside) = try store.inProgress(course: "c", learner: "1") else {
            Issue.record("expected the damaged file to be reported")
            return
        }
        #expect(FileManager.default.contents(atPath: aside) == Data("{ half a rec".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a folder that cannot be written is reported before any question")
    func unwritableFolder() throws {
        let root = TestFolders.path("store")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // A file where the course folder should be makes the folder impossible to create, even as root.
        try Data().write(to: root.appendingPathComponent("c"))
        #expect(throws: FileProblem.self) { try RecordStore(root: root.path).prepare(course: "c", learner: "1") }
    }
}

@Suite("Finding the bundled courses")
struct CourseCatalogTests {
    @Test("an installed binary finds PREFIX/share/wegwijs/courses; WEGWIJS_COURSES comes first")
    func installedLayout() throws {
        let prefix = TestFolders.path("prefix")
        let courses = prefix.appendingPathComponent("share/wegwijs/courses")
        try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: courses.appendingPathComponent("a.json"))
        try Data("{}".utf8).write(to: courses.appendingPathComponent("course.schema.json"))
        let binary = prefix.appendingPathComponent("bin/wegwijs").path
        let installed = CourseCatalog.standard(executablePath: binary, environment: [:])
        #expect(installed.directory == courses.path)
        #expect(installed.courseFiles() == [courses.appendingPathComponent("a.json").path], "the schema is not a course")
        #expect(installed.resolve("a") == courses.appendingPathComponent("a.json").path)
        #expect(installed.resolve("./a") == "./a", "anything that looks like a path stays a path")

        let other = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: prefix, create: true)
        let configured = CourseCatalog.standard(executablePath: binary, environment: ["WEGWIJS_COURSES": other.path])
        #expect(configured.directory == other.path)
    }
}

@Suite("ISO 8601 durations for validFor")
struct ISODurationTests {
    @Test("valid durations", arguments: [
        ("P1Y", ISODuration(years: 1)), ("P6M", ISODuration(months: 6)), ("P90D", ISODuration(days: 90)),
        ("P1Y2M3W4D", ISODuration(years: 1, months: 2, weeks: 3, days: 4)), ("P2W", ISODuration(weeks: 2)),
    ])
    func valid(text: String, expected: ISODuration) {
        #expect(ISODuration(text) == expected)
        #expect(ISODuration(text)?.description == text)
    }

    @Test("anything else is refused", arguments: ["", "P", "1Y", "P1", "PT1H", "P1D1Y", "P1Y1Y", "P-1Y", "P1.5Y", "P9999999D", "p1y"])
    func invalid(text: String) {
        #expect(ISODuration(text) == nil)
    }

    @Test("a year after 29 February is 28 February; a month after 31 January is the end of February")
    func calendarArithmetic() throws {
        let formatter = ISO8601DateFormatter()
        let leap = try #require(formatter.date(from: "2028-02-29T12:00:00Z"))
        #expect(formatter.string(from: ISODuration(years: 1).added(to: leap)) == "2029-02-28T12:00:00Z")
        let january = try #require(formatter.date(from: "2027-01-31T00:00:00Z"))
        #expect(formatter.string(from: ISODuration(months: 1).added(to: january)) == "2027-02-28T00:00:00Z")
    }
}

@Suite("Temp files left by killed runs")
struct StaleTempFileTests {
    @Test("old hidden temp files are removed when a learner's folder is prepared; recent ones and records stay")
    func staleTempFiles() throws {
        let root = TestFolders.path("stale").path
        let store = RecordStore(root: root)
        try store.prepare(course: "c", learner: "1")
        let folder = store.folder(course: "c", learner: "1")
        let old = folder + "/.in-progress.json.0badf00d.tmp"
        let recent = folder + "/.in-progress.json.12345678.tmp"
        let record = folder + "/20260101T000000Z-00000000.json"
        for path in [old, recent, record] { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: record)
        try store.prepare(course: "c", learner: "1")
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: recent))
        #expect(FileManager.default.fileExists(atPath: record))
    }
}
