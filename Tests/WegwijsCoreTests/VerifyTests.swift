import Foundation
import Testing
@testable import WegwijsCore

@Suite("Verifying records against their course")
struct VerifyTests {
    static let key = RecordSigner(key: Array("0123456789abcdef0123456789abcdef".utf8))

    /// A way to tamper with a record, and the problem `verify` must report.
    enum Tampering: String, CaseIterable, Sendable {
        case editScore, editPercent, changeStatusToPassed, changeStatusToInProgress, swapOptionForAnotherReal,
             unknownOption, unknownScenario, answersOffRoute, answersAfterEnd, skippedBranch, editGuideline,
             dropGuideline, hideCritical, extendValidFor, editedCourseFile, otherCourse, badSignature,
             signedWithOtherKey, missingSignature, removedField, foreignJSON, brokenJSON, learnerRenamedAfterSigning

        var expected: VerifyProblem.Kind {
            switch self {
            case .editScore, .editPercent, .changeStatusToPassed, .changeStatusToInProgress, .swapOptionForAnotherReal,
                 .editGuideline, .dropGuideline, .hideCritical, .extendValidFor: .mismatch
            case .unknownOption, .unknownScenario: .unknownID
            case .answersOffRoute, .answersAfterEnd, .skippedBranch: .offRoute
            case .editedCourseFile: .courseChanged
            case .otherCourse: .unknownCourse
            case .badSignature, .signedWithOtherKey, .learnerRenamedAfterSigning: .badSignature
            case .missingSignature: .unsigned
            case .removedField, .foreignJSON: .format
            case .brokenJSON: .notJSON
            }
        }
    }

    /// The file bytes after tampering, and the courses `verify` is given.
    static func tampered(_ tampering: Tampering) throws -> (bytes: [UInt8], courses: [LoadedCourse]) {
        let loaded = try RecordFixtures.course()
        let signer = Self.key
        var record = try RecordFixtures.record(RecordFixtures.failing, course: loaded, signer: signer)
        var resign = true
        var courses = [loaded]
        func encode(_ record: CompletionRecord) throws -> [UInt8] {
            var copy = record
            if resign { copy.signature = try signer.signature(for: copy) }
            return Array(try copy.encoded())
        }
        switch tampering {
        case .editScore: record.score.earned += 5
        case .editPercent: record.score.percent = 95
        case .changeStatusToPassed: record.status = .passed
        case .changeStatusToInProgress: record.status = .inProgress
        case .swapOptionForAnotherReal: record.answers[3].options = ["weiger"]
        case .unknownOption: record.answers[0].options = ["bestaat-niet"]
        case .unknownScenario: record.answers[1].scenario = "bestaat-niet"
        case .answersOffRoute: record.answers.swapAt(1, 2)
        case .answersAfterEnd: record.answers.append(record.answers[3])
        case .skippedBranch: record.answers.remove(at: 1)
        case .editGuideline: record.guidelines[0].earned = record.guidelines[0].possible
        case .dropGuideline: record.guidelines.removeLast()
        case .hideCritical: record.criticalChosen = []
        case .extendValidFor: record.course.validFor = "P9Y"
        case .editedCourseFile:
            var text = try String(contentsOfFile: loaded.path, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"scores\": {\"geheim\": -3}", with: "\"scores\": {\"geheim\": 0}")
            let edited = try RecordFixtures.temporaryFolder().appendingPathComponent("branching.json")
            try text.write(to: edited, atomically: true, encoding: .utf8)
            courses = [try CourseLoader.load(path: edited.path)]
        case .otherCourse: record.course.id = "another-course"
        case .badSignature:
            resign = false
            record.signature = "hmac-sha256:" + String(repeating: "0", count: 64)
        case .signedWithOtherKey:
            resign = false
            record.signature = try RecordSigner(key: Array("another key, also 32 bytes long!".utf8)).signature(for: record)
        case .missingSignature:
            resign = false
            record.signature = nil
        case .learnerRenamedAfterSigning:
            resign = false
            record.learner.name = "Someone Else"
        case .removedField:
            let text = String(decoding: try encode(record), as: UTF8.self)
            return (Array(text.replacingOccurrences(of: "\"attemptId\"", with: "\"attemptID\"").utf8), courses)
        case .foreignJSON: return (Array("{\"name\": \"not a record\"}".utf8), courses)
        case .brokenJSON: return (Array(try encode(record).dropLast(10)), courses)
        }
        return (try encode(record), courses)
    }

    @Test("an untouched record, signed or not, has no problems", arguments: [true, false])
    func soundRecord(signed: Bool) throws {
        let loaded = try RecordFixtures.course()
        for answers in [RecordFixtures.passing, RecordFixtures.failing, [["goed"]]] {
            let record = try RecordFixtures.record(answers, course: loaded, signer: signed ? Self.key : nil)
            var verifier = RecordVerifier(courses: [loaded], signer: signed ? Self.key : nil)
            #expect(verifier.check(bytes: Array(try record.encoded()), path: "r.json").isEmpty)
        }
    }

    @Test("every kind of tampering is found", arguments: Tampering.allCases)
    func tamperingIsFound(_ tampering: Tampering) throws {
        let (bytes, courses) = try Self.tampered(tampering)
        var verifier = RecordVerifier(courses: courses, signer: Self.key)
        let problems = verifier.check(bytes: bytes, path: "records/x.json")
        #expect(problems.contains { $0.kind == tampering.expected }, "\(problems)")
        #expect(problems.allSatisfy { $0.description.hasPrefix("records/x.json:") })
    }

    @Test("re-scoring alone catches tampering even without a key", arguments: Tampering.allCases.filter {
        ![.badSignature, .signedWithOtherKey, .missingSignature, .learnerRenamedAfterSigning].contains($0)
    })
    func tamperingWithoutKey(_ tampering: Tampering) throws {
        let (bytes, courses) = try Self.tampered(tampering)
        var verifier = RecordVerifier(courses: courses, signer: nil)
        #expect(verifier.check(bytes: bytes, path: "x.json").contains { $0.kind == tampering.expected })
    }

    @Test("a re-signed forgery is caught by re-scoring, not by the signature")
    func resignedForgery() throws {
        let (bytes, courses) = try Self.tampered(.changeStatusToPassed)
        var verifier = RecordVerifier(courses: courses, signer: Self.key)
        let kinds = verifier.check(bytes: bytes, path: "x.json").map(\.kind)
        #expect(kinds == [.mismatch])
    }

    @Test("a broken file is located by line and column")
    func brokenFileIsLocated() throws {
        let (bytes, courses) = try Self.tampered(.brokenJSON)
        var verifier = RecordVerifier(courses: courses, signer: nil)
        let problem = try #require(verifier.check(bytes: bytes, path: "x.json").first)
        #expect(problem.position != nil)
        #expect(problem.description.hasPrefix("x.json:\(problem.position?.line ?? 0):"))
    }

    @Test("the same attempt in two files is reported as a copy")
    func copiedRecord() throws {
        let loaded = try RecordFixtures.course()
        let bytes = Array(try RecordFixtures.record(RecordFixtures.passing, course: loaded).encoded())
        var verifier = RecordVerifier(courses: [loaded], signer: nil)
        #expect(verifier.check(bytes: bytes, path: "a.json").isEmpty)
        #expect(verifier.check(bytes: bytes, path: "b.json").map(\.kind) == [.duplicate])
    }

    @Test("a record is checked against the course file whose sha256 it names, among several versions")
    func picksMatchingVersion() throws {
        let loaded = try RecordFixtures.course()
        let record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
        let (_, edited) = try Self.tampered(.editedCourseFile)
        var verifier = RecordVerifier(courses: edited + [loaded], signer: nil)
        #expect(verifier.check(bytes: Array(try record.encoded()), path: "x.json").isEmpty)
    }

    @Test("an unfinished attempt may be in progress or abandoned, never passed")
    func unfinishedStatuses() throws {
        let loaded = try RecordFixtures.course()
        var record = try RecordFixtures.record([["goed"]], course: loaded)
        var verifier = RecordVerifier(courses: [loaded], signer: nil)
        record.status = .abandoned
        record.attemptId = "a"
        #expect(verifier.check(bytes: Array(try record.encoded()), path: "a.json").isEmpty)
        record.status = .failed
        record.attemptId = "b"
        record.finishedAt = RecordFixtures.start.addingTimeInterval(60)
        #expect(verifier.check(bytes: Array(try record.encoded()), path: "b.json").map(\.kind) == [.mismatch])
    }
}

/// `report`, `stats`, `verify` and `export`/`sync` read a record's rules from one reader
/// (`RecordFacts.read`): a file that breaks one is refused by each, in the same words.
@Suite("One reader of the record format")
struct OneRecordReaderTests {
    /// Records that Foundation's decoder takes but that break a rule of the record format.
    static let broken: [(edit: @Sendable (String) -> String, reason: String)] = [
        ({ $0.replacingOccurrences(of: "\"finishedAt\"", with: "\"finishedAtX\"") }, "status is failed but finishedAt is missing"),
        ({ $0.replacingOccurrences(of: "\"id\" : \"123\"", with: "\"id\" : \"../123\"") }, "learner.id '../123' is not a valid employee number"),
    ]

    @Test("verify, export and report refuse a record for the same reason", arguments: 0..<2)
    func sameReason(_ index: Int) throws {
        let loaded = try RecordFixtures.course()
        let record = try RecordFixtures.record(RecordFixtures.failing, course: loaded)
        let original = String(decoding: try record.encoded(), as: UTF8.self)
        let text = Self.broken[index].edit(original)
        try #require(text != original)
        let reason = Self.broken[index].reason

        let bytes = Array(text.utf8)
        _ = try CompletionRecord.decode(Data(bytes))  // Foundation's decoder alone would take it.
        #expect(throws: RecordFacts.Problem(reason: reason)) { try RecordFacts.read(JSONParser.parse(bytes)) }

        var verifier = RecordVerifier(courses: [loaded], signer: nil)
        let problems = verifier.check(bytes: bytes, path: "r.json")
        #expect(problems.map(\.message) == ["invalid record: \(reason)"])

        let folder = try RecordFixtures.temporaryFolder()
        let file = folder.appendingPathComponent("r.json")
        try Data(bytes).write(to: file)
        let statements = RecordStatements(courses: [loaded], profile: XAPIProfile(actorHomepage: "https://example.org", activityBase: "urn:wegwijs:course:", platform: "wegwijs test"))
        #expect(throws: FileProblem(path: file.path, reason: "invalid record: \(reason)")) {
            try statements.statements(ofFile: file.path)
        }
    }
}
