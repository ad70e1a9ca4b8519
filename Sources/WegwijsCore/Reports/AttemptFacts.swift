/// What item statistics need from one record file, read straight from the parsed JSON.
public struct AttemptFacts: Sendable {
    public var learnerID: String
    public var courseID: String
    /// SHA-256 of the course file the attempt was made on.
    public var sha256: String
    /// SHA-256 of the course's structure (SPEC §4 `course.structure`), when the record has one.
    public var structure: String?
    public var status: CompletionRecord.Status
    /// Seconds since 1970.
    public var startedAt: Int64
    public var finishedAt: Int64?
    /// The record's `answers` array as parsed: scenario and option ids are looked up in the
    /// course straight from it, without copying them out per record.
    public var answers: JSONNode?
    /// Whether the attempt is a refresher (a few situations, not the course).
    public var isRefresher = false

    /// The facts of a parsed record file, read by `RecordFacts.read` (the one reader of the
    /// record format); throws for foreign JSON, records missing a field and numbers out of range.
    public static func extract(from root: JSONNode) throws(RecordFacts.Problem) -> AttemptFacts {
        let fields = try RecordFacts.read(root)
        if let answers = fields.answers, answers.elements == nil { throw RecordFacts.Problem(reason: "answers is not an array") }
        let facts = fields.facts
        var attempt = AttemptFacts(learnerID: facts.learnerID, courseID: facts.courseID, sha256: fields.course?["sha256"]?.string ?? "",
                                   structure: fields.course?["structure"]?.string, status: facts.status, startedAt: facts.startedAt,
                                   finishedAt: facts.finishedAt, answers: fields.answers)
        attempt.isRefresher = facts.isRefresher
        return attempt
    }
}

/// The course an analysis is for, with what identifies the records that count.
public struct StatisticsCourse: Sendable {
    public var course: Course
    /// SHA-256 of the course file's bytes.
    public var sha256: String
    /// SHA-256 of the course's structure, when known. A record that states a structure counts
    /// when it equals this; a record without one (or a course without one) counts when its
    /// `sha256` equals the course file's.
    public var structure: String?
    /// The course's points, in arrays, for scoring many attempts fast.
    public let table: ScoringTable

    public init(course: Course, sha256: String, structure: String? = nil) {
        self.course = course
        self.sha256 = sha256
        self.structure = structure
        table = ScoringTable(course)
    }

    /// Whether a record was made on this course's structure.
    public func matches(_ facts: AttemptFacts) -> Bool {
        guard facts.courseID == course.id else { return false }
        if let recorded = facts.structure, let structure { return recorded == structure }
        return facts.sha256 == sha256
    }
}
