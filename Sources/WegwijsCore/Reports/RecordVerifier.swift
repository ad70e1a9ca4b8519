import Foundation

/// One thing wrong with a record file, found by `RecordVerifier`.
public struct VerifyProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of check failed; tests and summaries count by kind.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unreadable
        case notJSON = "not-json"
        case format
        case unknownCourse = "unknown-course"
        case courseChanged = "course-changed"
        case unknownID = "unknown-id"
        case offRoute = "off-route"
        case mismatch
        case unsigned
        case badSignature = "bad-signature"
        case duplicate
        /// A refresher that was not due, or whose situations are not the ones its seed chooses.
        case refresher
    }

    public var path: String
    /// Where in the file, when known (JSON syntax errors).
    public var position: SourcePosition?
    public var kind: Kind
    public var message: String

    public init(path: String, position: SourcePosition? = nil, kind: Kind, message: String) {
        self.path = path
        self.position = position
        self.kind = kind
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message` or `FILE: message`.
    public var description: String {
        if let position { return "\(path):\(position.line):\(position.column): \(message)" }
        return "\(path): \(message)"
    }
}

/// Re-scores completion records against the exact course files they were made on, with the
/// runner's own `Attempt` replay and `Scoring`, and checks their signatures.
public struct RecordVerifier: Sendable {
    public let courses: [LoadedCourse]
    /// Courses used for a record whose course is not among `courses` (the bundled ones).
    public let fallback: [LoadedCourse]
    public let signer: RecordSigner?
    /// attemptId → the first file seen with it, to catch copied records.
    private var attemptFiles: [String: String] = [:]
    /// Things worth saying about sound records, as `PATH: note`: a record made on an earlier
    /// wording of its course.
    public private(set) var notes: [String] = []

    public init(courses: [LoadedCourse], fallback: [LoadedCourse] = [], signer: RecordSigner?) {
        self.courses = courses
        self.fallback = fallback
        self.signer = signer
    }

    /// The folders a record file lies in, as a records folder's layout names them.
    public struct Folders: Sendable, Hashable {
        public var course: String
        public var learner: String
        /// The file is known to lie in the layout (found exactly `<course>/<learner>/` below a
        /// records folder); else the learner folder counts only when the course folder matches.
        public var certain: Bool

        public init(course: String, learner: String, certain: Bool) {
            self.course = course
            self.learner = learner
            self.certain = certain
        }
    }

    /// Every problem with one record file's bytes; empty when the record is sound.
    /// `folders`, when the file lies in a records folder's layout, are the names of its course
    /// and learner folders, which must match the record's own ids.
    public mutating func check(bytes: [UInt8], path: String, folders: Folders? = nil) -> [VerifyProblem] {
        var problems: [VerifyProblem] = []
        func problem(_ kind: VerifyProblem.Kind, _ message: String) {
            problems.append(VerifyProblem(path: path, kind: kind, message: message))
        }

        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            let position = SourceText(bytes: bytes).position(of: error.offset)
            return [VerifyProblem(path: path, position: position, kind: .notJSON, message: "not valid JSON: \(error.message)")]
        }
        guard root["format"]?.string == CompletionRecord.format else {
            return [VerifyProblem(path: path, kind: .format, message: "not a completion record (no \"format\": \"\(CompletionRecord.format)\")")]
        }

        // The record format's rules have one home, the reader `report` and `stats` use too: a
        // file that they refuse, `verify` refuses with the same words.
        do {
            _ = try RecordFacts.read(root)
        } catch {
            let position = error.offset.map { SourceText(bytes: bytes).position(of: $0) }
            return [VerifyProblem(path: path, position: position, kind: .format, message: "invalid record: \(error.description)")]
        }

        if let signer {
            if root["signature"] == nil {
                problem(.unsigned, "not signed, though a signing key is configured")
            } else if !signer.isValid(recordJSON: root) {
                problem(.badSignature, "the signature does not match: the record was changed after signing, or signed with another key")
            }
        }

        let record: CompletionRecord
        do {
            record = try CompletionRecord.decode(Data(bytes))
        } catch {
            problem(.format, Self.describe(error))
            return problems
        }

        if let first = attemptFiles[record.attemptId] {
            problem(.duplicate, "attemptId '\(record.attemptId)' is also in \(first): a copied record")
        } else {
            attemptFiles[record.attemptId] = path
        }
        if !LearnerID.isValid(record.learner.id) {
            problem(.format, "learner.id '\(record.learner.id.prefix(70))' is not a valid employee number")
        }
        if let folders, folders.certain || folders.course == record.course.id {
            if folders.course != record.course.id {
                problem(.mismatch, "course.id is '\(record.course.id.prefix(70))' but the record is in the folder of course '\(folders.course)'")
            }
            if folders.learner != record.learner.id {
                problem(.mismatch, "learner.id is '\(record.learner.id.prefix(70))' but the record is in the folder of learner '\(folders.learner)'")
            }
        }
        if record.isFinished, record.finishedAt == nil {
            problem(.format, "status is '\(record.status.rawValue)' but finishedAt is missing")
        }
        if let finishedAt = record.finishedAt, finishedAt < record.startedAt {
            problem(.format, "finishedAt is before startedAt")
        }

        var candidates = courses.filter { $0.course.id == record.course.id }
        if candidates.isEmpty { candidates = fallback.filter { $0.course.id == record.course.id } }
        guard !candidates.isEmpty else {
            problem(.unknownCourse, "course '\(record.course.id.prefix(70))' was not given with --course and is not a bundled course, so the record cannot be re-scored")
            return problems
        }
        // The exact file, else one that differs only in wording (same structure, SPEC §4).
        let exact = candidates.first { $0.sha256 == record.course.sha256 }
        let reworded = exact == nil ? candidates.first { record.course.structure != nil && $0.structure == record.course.structure } : nil
        guard let loaded = exact ?? reworded else {
            let files = candidates.map { "\($0.path) has sha256 \($0.sha256.prefix(12))…" }.joined(separator: "; ")
            problem(.courseChanged, "made on course '\(record.course.id)' version \(record.course.version) with sha256 \(record.course.sha256.prefix(12))…, but \(files), and its routes or scores differ too; a record can only be verified against a course file with the same structure")
            return problems
        }
        if reworded != nil {
            notes.append("\(path): made on an earlier wording of course '\(record.course.id)' (version \(record.course.version), sha256 \(record.course.sha256.prefix(12))…); routes and scores are the same as in \(loaded.path), so it is verified against that file")
        }
        let course = loaded.course
        var reference = CompletionRecord.CourseReference(loaded)
        if reworded != nil {
            // The wording (and with it version and sha256) may differ; the terms may not.
            reference.version = record.course.version
            reference.sha256 = record.course.sha256
        }
        if record.course.structure == nil { reference.structure = nil }
        // Records made before the refresher period was copied into them do not state it.
        if record.course.refresherEvery == nil { reference.refresherEvery = nil }
        if record.course != reference {
            problem(.mismatch, "the course block (version, validFor, dueWithinDays, refresherEvery) differs from the course file: \(Self.describe(record.course)) in the record, \(Self.describe(reference)) in the course")
        }
        if course.needsSeed, record.seed == nil {
            problem(.format, course.shuffleOptions ? "the course shuffles options but the record has no seed"
                                                   : "the course has a ranking, whose options are always shuffled, but the record has no seed")
        }

        var unknown = false
        for (number, answer) in record.answers.enumerated() {
            guard let scenario = course.scenario(answer.scenario) else {
                problem(.unknownID, "answer \(number + 1): the course has no scenario '\(answer.scenario)'")
                unknown = true
                continue
            }
            for option in answer.options where scenario.option(option) == nil {
                problem(.unknownID, "answer \(number + 1): scenario '\(scenario.id)' has no option '\(option)'")
                unknown = true
            }
        }
        guard !unknown else { return problems }

        if let mark = record.refresher {
            for message in RefresherReplay.problems(of: record, mark: mark, course: course, path: path) {
                problem(.refresher, message)
            }
        }

        let attempt: Attempt
        do {
            attempt = try Attempt(course: course, seed: record.seed, drawn: record.drawn, refresher: record.refresher?.scenarios,
                                  order: record.order, replaying: record.answers)
        } catch {
            problem(.offRoute, "the answers do not follow a route the course allows: \(error.message)")
            return problems
        }

        let sheet = attempt.scoreSheet
        let expectedStatus: CompletionRecord.Status = attempt.isFinished ? (sheet.passed ? .passed : .failed) : .inProgress
        // An attempt whose last answer is given stays in progress until its ended record is
        // written (after the acknowledgement), and may be abandoned at that point too.
        let statusFits = record.status == expectedStatus || record.status == .abandoned
            || (record.status == .inProgress && record.finishedAt == nil)
        if !statusFits {
            let reason = attempt.isFinished ? "the answers finish the course and give '\(expectedStatus.rawValue)'"
                : "the answers do not finish the course"
            problem(.mismatch, "status is '\(record.status.rawValue)' but \(reason)")
        }
        let expectedScore = CompletionRecord.Score(earned: sheet.earned, possible: sheet.possible, percent: sheet.percent)
        if record.score != expectedScore {
            problem(.mismatch, "score is \(Self.describe(record.score)) but the answers give \(Self.describe(expectedScore))")
        }
        let expectedGuidelines = sheet.guidelines.map(CompletionRecord.GuidelineResult.init)
        if record.guidelines != expectedGuidelines {
            let recorded = Dictionary(record.guidelines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var named = false
            for expected in expectedGuidelines where recorded[expected.id] != expected {
                named = true
                let found = recorded[expected.id].map { Self.describe($0) } ?? "missing"
                problem(.mismatch, "guideline '\(expected.id)' is \(found) but the answers give \(Self.describe(expected))")
            }
            let known = Set(expectedGuidelines.map(\.id))
            for extra in record.guidelines where !known.contains(extra.id) {
                named = true
                problem(.mismatch, "guideline '\(extra.id)' is not a guideline of the course")
            }
            if !named { problem(.mismatch, "the guidelines are listed twice or out of the course's order") }
        }
        if record.criticalChosen != sheet.criticalChosen {
            problem(.mismatch, "criticalChosen is \(record.criticalChosen) but the answers give \(sheet.criticalChosen)")
        }
        return problems
    }

    static func describe(_ score: CompletionRecord.Score) -> String {
        "\(score.earned)/\(score.possible) (\(score.percent.map(ReportColumns.percentText) ?? "null")%)"
    }

    static func describe(_ result: CompletionRecord.GuidelineResult) -> String {
        "\(result.earned)/\(result.possible) (\(result.percent.map(ReportColumns.percentText) ?? "null")%)"
    }

    static func describe(_ reference: CompletionRecord.CourseReference) -> String {
        "version \(reference.version), validFor \(reference.validFor ?? "none"), dueWithinDays \(reference.dueWithinDays.map(String.init) ?? "none")"
            + (reference.refresherEvery.map { ", refresherEvery \($0)" } ?? "")
    }

    /// A decoding error in words: which field, and what is wrong with it.
    static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        guard let decoding = error as? DecodingError else { return "not a valid record: \(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath + [key])
            return "not a valid record: '\(place)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "not a valid record: '\(path(context.codingPath))' has the wrong type (\(context.debugDescription))"
        case .dataCorrupted(let context):
            let place = path(context.codingPath)
            return "not a valid record: \(place.isEmpty ? "" : "'\(place)': ")\(context.debugDescription)"
        @unknown default:
            return "not a valid record: \(error)"
        }
    }
}
