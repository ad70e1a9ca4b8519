/// What a report needs from one record file, read straight from the parsed JSON: decoding a
/// whole `CompletionRecord` with Foundation costs several times more, and a report reads
/// every record there is.
public struct RecordFacts: Sendable, Hashable {
    public var learnerID: String
    public var learnerName: String?
    public var courseID: String
    public var courseVersion: String
    /// The course's terms as the record states them.
    public var validFor: ISODuration?
    public var dueWithinDays: Int?
    /// The course's `refresher.every` as the record states it.
    public var refresherEvery: ISODuration?
    public var status: CompletionRecord.Status
    public var percent: Double?
    /// Seconds since 1970.
    public var startedAt: Int64
    public var finishedAt: Int64?
    /// When the last answer was given, if any.
    public var lastAnswerAt: Int64?
    /// When the learner confirmed the course's acknowledgement (SPEC §4 `acknowledgedAt`).
    public var acknowledgedAt: Int64?
    /// Why the record cannot be believed (SPEC §5 Trust); nil when it can or was not checked.
    public var distrust: String?
    /// Whether the record is a refresher (it has a `refresher` block).
    public var isRefresher = false

    public init(learnerID: String, learnerName: String? = nil, courseID: String, courseVersion: String = "1",
                validFor: ISODuration? = nil, dueWithinDays: Int? = nil, status: CompletionRecord.Status,
                percent: Double? = nil, startedAt: Int64, finishedAt: Int64? = nil, lastAnswerAt: Int64? = nil,
                acknowledgedAt: Int64? = nil) {
        self.learnerID = learnerID
        self.learnerName = learnerName
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.validFor = validFor
        self.dueWithinDays = dueWithinDays
        self.status = status
        self.percent = percent
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lastAnswerAt = lastAnswerAt
        self.acknowledgedAt = acknowledgedAt
    }

    /// The latest moment anything happened in this attempt.
    public var lastActivity: Int64 { max(startedAt, finishedAt ?? startedAt, lastAnswerAt ?? startedAt) }

    /// Why a file is not a record a report can use, in words for HR.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        /// Where in the file, when one value is to blame.
        public var offset: Int?
        public var description: String { reason }

        init(reason: String, offset: Int? = nil) {
            self.reason = reason
            self.offset = offset
        }
    }

    /// The facts of a parsed record file; throws for foreign JSON, records missing a field and
    /// numbers out of range. With `trust`, a record that cannot be believed says why in `distrust`.
    public static func extract(from root: JSONNode, trust: RecordTrust? = nil) throws(Problem) -> RecordFacts {
        var facts = try read(root).facts
        facts.distrust = trust?.distrust(of: root, courseID: facts.courseID)
        return facts
    }

    /// The record's fields as parsed, for readers that need more than the facts (`stats`
    /// looks up each answer's scenario and options in the course).
    public struct Fields {
        public var facts: RecordFacts
        /// The `course` object.
        public var course: JSONNode?
        /// The `answers` value.
        public var answers: JSONNode?
    }

    /// The one reader of the record format's fields (SPEC §4) for `report`, `stats` and
    /// `report --lrs`'s checks: every member is looked at once, every rule is here.
    public static func read(_ root: JSONNode) throws(Problem) -> Fields {
        guard let members = root.members else {
            throw Problem(reason: "not a completion record (the JSON is \(root.value.kindName), not an object)")
        }
        var format: String?
        var learner: JSONNode?
        var course: JSONNode?
        var status: String?
        var score: JSONNode?
        var startedAt: String?
        var finishedAt: JSONNode?
        var answers: JSONNode?
        var acknowledgedAt: String?
        var refresher: JSONNode?
        var order: JSONNode?
        for member in members {
            switch member.key {
            case "format": format = member.node.string
            case "learner": learner = member.node
            case "course": course = member.node
            case "status": status = member.node.string
            case "score": score = member.node
            case "startedAt": startedAt = member.node.string
            case "finishedAt": finishedAt = member.node
            case "answers": answers = member.node
            case "acknowledgedAt": acknowledgedAt = member.node.string
            case "refresher": refresher = member.node
            case "order": order = member.node
            default: break
            }
        }
        guard format == CompletionRecord.format else {
            let found = format.map { "'\(String($0.prefix(40)))'" } ?? "missing"
            throw Problem(reason: "not a completion record (format is \(found), not '\(CompletionRecord.format)')")
        }
        guard let learnerID = learner?["id"]?.string else { throw Problem(reason: "learner.id is missing or not a string") }
        guard LearnerID.isValid(learnerID) else {
            throw Problem(reason: "learner.id '\(String(learnerID.prefix(70)))' is not a valid employee number")
        }
        guard let courseID = course?["id"]?.string, !courseID.isEmpty else { throw Problem(reason: "course.id is missing or not a string") }
        guard CourseID.isValid(courseID) else {
            throw Problem(reason: "course.id '\(String(courseID.prefix(70)))' is not a valid course id", offset: course?["id"]?.offset)
        }
        if let problem = RecordChecks.outOfRange(in: root) {
            throw Problem(reason: problem.description, offset: problem.offset)
        }
        guard let statusText = status, let parsedStatus = CompletionRecord.Status(rawValue: statusText) else {
            throw Problem(reason: "status is missing or not one of passed, failed, in-progress, abandoned")
        }
        guard let startedText = startedAt, let started = Timestamp.secondsSince1970(startedText) else {
            throw Problem(reason: "startedAt is missing or not a UTC timestamp")
        }
        var finished: Int64?
        if let finishedAt, case .string(let text) = finishedAt.value {
            guard let seconds = Timestamp.secondsSince1970(text) else { throw Problem(reason: "finishedAt is not a UTC timestamp") }
            finished = seconds
        }
        if parsedStatus == .passed || parsedStatus == .failed, finished == nil {
            throw Problem(reason: "status is \(statusText) but finishedAt is missing")
        }
        // Numbers were range-checked above.
        var percent: Double?
        if let scoreNode = score?["percent"], case .number(let literal) = scoreNode.value {
            percent = Double(literal)
        }
        let validFor = course?["validFor"]?.string.flatMap(ISODuration.init)
        var dueWithinDays: Int?
        if let node = course?["dueWithinDays"], case .number(let literal) = node.value {
            dueWithinDays = Int(literal)
        }
        var lastAnswerAt: Int64?
        if let last = answers?.elements?.last, let text = last["at"]?.string {
            lastAnswerAt = Timestamp.secondsSince1970(text)
        }
        var acknowledged: Int64?
        if let acknowledgedAt {
            guard let seconds = Timestamp.secondsSince1970(acknowledgedAt) else {
                throw Problem(reason: "acknowledgedAt is not a UTC timestamp")
            }
            acknowledged = seconds
        }
        if let refresher { try checkRefresher(refresher) }
        if let order, order.elements.map({ $0.allSatisfy { $0.string != nil } }) != true {
            throw Problem(reason: "order is not a list of scenario ids", offset: order.offset)
        }
        var facts = RecordFacts(learnerID: learnerID, learnerName: learner?["name"]?.string, courseID: courseID,
                                courseVersion: course?["version"]?.string ?? "", validFor: validFor, dueWithinDays: dueWithinDays,
                                status: parsedStatus, percent: percent, startedAt: started, finishedAt: finished,
                                lastAnswerAt: lastAnswerAt, acknowledgedAt: acknowledged)
        facts.isRefresher = refresher != nil
        facts.refresherEvery = course?["refresherEvery"]?.string.flatMap(ISODuration.init)
        return Fields(facts: facts, course: course, answers: answers)
    }

    /// The `refresher` block's rules: `due` a day, `seed` a whole number below 2^53,
    /// `scenarios` a non-empty list of ids, `earlierAttempts` a list of ids.
    private static func checkRefresher(_ node: JSONNode) throws(Problem) {
        guard node.members != nil else {
            throw Problem(reason: "refresher is not an object", offset: node.offset)
        }
        guard let due = node["due"]?.string, CalendarDay(due) != nil else {
            throw Problem(reason: "refresher.due is missing or not a day (YYYY-MM-DD)", offset: node["due"]?.offset ?? node.offset)
        }
        guard let seed = node["seed"], case .number(let literal) = seed.value, let value = UInt64(literal), value < 1 << 53 else {
            throw Problem(reason: "refresher.seed is missing or not a whole number from 0 to 2^53 - 1", offset: node["seed"]?.offset ?? node.offset)
        }
        for field in ["scenarios", "earlierAttempts"] {
            guard let list = node[field]?.elements, list.allSatisfy({ $0.string != nil }) else {
                throw Problem(reason: "refresher.\(field) is missing or not a list of ids", offset: node[field]?.offset ?? node.offset)
            }
            if field == "scenarios", list.isEmpty {
                throw Problem(reason: "refresher.scenarios names no situations", offset: node[field]?.offset)
            }
        }
    }
}
