import Foundation

/// One attempt at a course, as HR receives it (`wegwijs.record/1`, SPEC §4).
public struct CompletionRecord: Sendable, Hashable, Codable {
    public static let format = "wegwijs.record/1"

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case passed
        case failed
        case inProgress = "in-progress"
        case abandoned
    }

    public struct Learner: Sendable, Hashable, Codable {
        public var id: String
        public var name: String?

        public init(id: String, name: String?) {
            self.id = id
            self.name = name
        }
    }

    /// The exact course an attempt was made on, and the terms it was earned under.
    public struct CourseReference: Sendable, Hashable, Codable {
        public var id: String
        public var version: String
        public var sha256: String
        /// `LoadedCourse.structure`: what decides routes and scores. Absent in records made
        /// before it existed.
        public var structure: String?
        public var validFor: String?
        public var dueWithinDays: Int?
        /// The course's `refresher.every`, when it declares a refresher, so a report without the
        /// course file knows when refreshers fall due. Absent in records made before it existed.
        public var refresherEvery: String?

        public init(_ loaded: LoadedCourse) {
            id = loaded.course.id
            version = loaded.course.version
            sha256 = loaded.sha256
            structure = loaded.structure
            validFor = loaded.course.validFor?.description
            dueWithinDays = loaded.course.dueWithinDays
            refresherEvery = loaded.course.refresher?.every.description
        }
    }

    public struct Score: Sendable, Hashable, Codable {
        public var earned: Int
        public var possible: Int
        public var percent: Double?

        public init(earned: Int, possible: Int, percent: Double?) {
            self.earned = earned
            self.possible = possible
            self.percent = percent
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(earned, forKey: .earned)
            try container.encode(possible, forKey: .possible)
            try container.encode(percent, forKey: .percent)
        }
    }

    public struct GuidelineResult: Sendable, Hashable, Codable {
        public var id: String
        public var earned: Int
        public var possible: Int
        public var percent: Double?

        public init(_ score: GuidelineScore) {
            id = score.id
            earned = score.earned
            possible = score.possible
            percent = score.percent
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(earned, forKey: .earned)
            try container.encode(possible, forKey: .possible)
            try container.encode(percent, forKey: .percent)
        }
    }

    /// A moment in the attempt's life besides its answers: the learner stopped (`suspended`)
    /// or came back (`resumed`). xAPI statements are built from these and the answers.
    public struct Event: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case suspended
            case resumed
        }
        public var type: Kind
        public var at: Date

        public init(type: Kind, at: Date) {
            self.type = type
            self.at = at
        }
    }

    /// What marks a record as a refresher (a short attempt that falls due after a pass, see
    /// `RefresherSchedule`) and lets `verify` replay its choice of situations.
    public struct Refresher: Sendable, Hashable, Codable {
        /// The due day (`YYYY-MM-DD`, UTC) this refresher satisfies: the last one reached when it started.
        public var due: String
        /// Seeds `RefresherSelection.choose`; below 2^53.
        public var seed: UInt64
        /// The situations shown, in order: what `RefresherSelection` chose.
        public var scenarios: [String]
        /// The attemptIds of the learner's ended records of the course the choice was made from.
        public var earlierAttempts: [String]

        public init(due: String, seed: UInt64, scenarios: [String], earlierAttempts: [String]) {
            self.due = due
            self.seed = seed
            self.scenarios = scenarios
            self.earlierAttempts = earlierAttempts
        }
    }

    public var format: String
    public var attemptId: String
    public var learner: Learner
    public var course: CourseReference
    public var language: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var score: Score
    public var guidelines: [GuidelineResult]
    public var criticalChosen: [String]
    public var answers: [Answer]
    public var seed: UInt64?
    /// The pool members drawn for this attempt, in course order (courses with pools only).
    public var drawn: [String]?
    /// Present only on a refresher.
    public var refresher: Refresher?
    /// A retake's order of the situations, when it differs from the course's (`RetakeOrder`).
    public var order: [String]?
    /// When the learner confirmed the course's acknowledgement.
    public var acknowledgedAt: Date?
    /// Suspensions and resumptions, in order; absent when there were none.
    public var events: [Event]?
    public var signature: String?

    /// A record of an attempt's current state. Status and score follow from the answers unless
    /// the attempt is unfinished (`in-progress`) or given up (`abandoned`).
    public init(attempt: Attempt, attemptID: String, learner: Learner, course: CourseReference, language: String,
                startedAt: Date, finishedAt: Date?) {
        let sheet = attempt.scoreSheet
        format = Self.format
        attemptId = attemptID
        self.learner = learner
        self.course = course
        self.language = language
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        if attempt.isFinished {
            status = sheet.passed ? .passed : .failed
        } else {
            status = .inProgress
        }
        score = Score(earned: sheet.earned, possible: sheet.possible, percent: sheet.percent)
        guidelines = sheet.guidelines.map(GuidelineResult.init)
        criticalChosen = sheet.criticalChosen
        answers = attempt.answers
        seed = attempt.seed
        drawn = attempt.drawn
        order = attempt.order
        signature = nil
    }

    /// Whether the attempt has ended (passed or failed); abandoned and in-progress have not.
    public var isFinished: Bool { status == .passed || status == .failed }
}

extension CompletionRecord {
    /// The JSON written to disk: stable key order, two-space indentation, dates in UTC.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a record; throws `DecodingError` for foreign or broken files.
    public static func decode(_ data: Data) throws -> CompletionRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(CompletionRecord.self, from: data)
        guard record.format == format else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "format is '\(record.format)', not '\(format)'"))
        }
        return record
    }
}

/// Employee numbers as the runner accepts them; they become folder names, so the rule is what
/// keeps a learner from writing outside the records folder.
public enum LearnerID {
    /// `[A-Za-z0-9._-]{1,64}`, not starting with `.`.
    public static func isValid(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id.utf8.first != UInt8(ascii: ".") else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
