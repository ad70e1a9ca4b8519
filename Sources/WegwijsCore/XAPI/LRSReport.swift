import Foundation

/// Rebuilds what the HR report needs from statements read back from an LRS (SPEC §7
/// `report --lrs`): one `RecordFacts` per registration (attempt), as its record would give.
///
/// Anyone with the LRS's write credentials can post any statement, so the statements get the
/// checks a record gets (SPEC §5 Trust): numbers out of range skip the statement with a reason,
/// and a pass is believed only when its score meets the course's passing terms, its
/// registration's statements agree (one learner, one course and version, an `attempted` before
/// the pass, no `failed` beside it) and it is not dated in the future. An attempt that fails a
/// check is kept with `distrust` set: listed, and counted as not passed.
public struct StatementFacts: Sendable {
    private struct Partial {
        var learnerID: String?
        var learnerName: String?
        var nameAt = Int64.min
        var course: JSONNode?
        var startedAt: Int64?
        var lastAnswerAt: Int64?
        var acknowledgedAt: Int64?
        var ended: (status: CompletionRecord.Status, at: Int64, percent: Double?)?
        var distrust: String?
        /// A statement of the registration carries the refresher extension.
        var isRefresher = false

        mutating func distrust(_ reason: String) {
            if distrust == nil { distrust = reason }
        }
    }

    private var attempts: [String: Partial] = [:]
    /// Statements that were not Wegwijs's (no course extension) and were left out.
    public private(set) var foreign = 0
    /// Statements skipped because a value is out of range, with why (`statement <id>`).
    public private(set) var problems: [FileProblem] = []
    /// Passing terms per course id; other courses are judged by the default terms.
    public let passingRules: [String: PassingRule]
    /// The moment of reading: a statement dated later than this (plus `clockSkew`) is not believed.
    public let now: Int64?

    public init(passingRules: [String: PassingRule] = [:], now: Int64? = nil) {
        self.passingRules = passingRules
        self.now = now
    }

    /// Folds in one statement as the LRS returned it.
    public mutating func add(_ statement: JSONNode) {
        guard let context = statement["context"], let registration = context["registration"]?.string,
              let course = context["extensions"]?[XAPIVocabulary.courseExtension], let courseID = course["id"]?.string,
              let verb = statement["verb"]?["id"]?.string,
              let timestampText = statement["timestamp"]?.string, let at = Timestamp.secondsSince1970(timestampText)
        else {
            foreign += 1
            return
        }
        let place = "statement \(String((statement["id"]?.string ?? "without an id").prefix(40)))"
        if let problem = Self.outOfRange(statement, course: course) {
            problems.append(FileProblem(path: place, reason: problem))
            return
        }
        var partial = attempts[registration] ?? Partial()
        if context["extensions"]?[XAPIVocabulary.refresherExtension] != nil { partial.isRefresher = true }
        if !CourseID.isValid(courseID) {
            partial.distrust("course.id '\(courseID.prefix(70))' is not a valid course id")
        }
        if let first = partial.course {
            if first["id"]?.string != courseID || first["version"]?.string != course["version"]?.string {
                partial.distrust("the registration's statements name different courses or versions")
            }
        } else {
            partial.course = course
        }
        if let account = statement["actor"]?["account"], let name = account["name"]?.string {
            if let known = partial.learnerID, known != name {
                partial.distrust("the registration's statements name different learners")
            }
            partial.learnerID = partial.learnerID ?? name
        }
        if let name = statement["actor"]?["name"]?.string, at >= partial.nameAt {
            partial.learnerName = name
            partial.nameAt = at
        }
        if let now, at > now + RecordTrust.clockSkew {
            partial.distrust("\(place) is dated \(timestampText.prefix(30)), after the time of reading")
        }
        switch verb {
        case XAPIVocabulary.attempted:
            partial.startedAt = min(partial.startedAt ?? at, at)
        case XAPIVocabulary.answered:
            partial.lastAnswerAt = max(partial.lastAnswerAt ?? at, at)
        case XAPIVocabulary.passed, XAPIVocabulary.failed:
            let passed = verb == XAPIVocabulary.passed
            var percent: Double?
            let score = statement["result"]?["score"]
            if let score, let raw = Self.integer(score["raw"]), let max = Self.integer(score["max"]) {
                percent = Scoring.percent(earned: raw, possible: max)
            }
            if let ended = partial.ended, ended.status == .passed || ended.status == .failed,
               (ended.status == .passed) != passed {
                partial.distrust("the registration has both a passed and a failed statement")
            }
            if passed {
                let rule = passingRules[courseID] ?? PassingRule()
                if let reason = Self.doubtAboutPass(statement["result"], percent: percent, rule: rule) {
                    partial.distrust("\(place): \(reason)")
                }
            }
            partial.ended = (passed ? .passed : .failed, at, percent)
        case XAPIVocabulary.agreed:
            partial.acknowledgedAt = max(partial.acknowledgedAt ?? at, at)
        case XAPIVocabulary.abandoned:
            if partial.ended == nil { partial.ended = (.abandoned, at, nil) }
        default:
            break
        }
        attempts[registration] = partial
    }

    /// Why a `passed` statement's result cannot be believed, or nil.
    private static func doubtAboutPass(_ result: JSONNode?, percent: Double?, rule: PassingRule) -> String? {
        guard let percent, let score = result?["score"], let raw = integer(score["raw"]), let max = integer(score["max"]),
              max > 0, raw <= max else {
            return "'passed' without a score of points out of a maximum"
        }
        if case .bool(false)? = result?["success"]?.value { return "'passed' but result.success is false" }
        if let scaledNode = score["scaled"], case .number(let literal) = scaledNode.value, let scaled = Double(literal),
           abs(scaled * 100 - percent) >= 0.1 {
            return "score.scaled \(literal.prefix(20)) does not follow from \(raw)/\(max) points"
        }
        if percent < Double(rule.overall) {
            return "'passed' at \(Percent.text(percent))%, below the course's \(rule.overall)%"
        }
        return nil
    }

    /// The first number in a statement outside what a record may hold (SPEC §2, §9), in words.
    private static func outOfRange(_ statement: JSONNode, course: JSONNode) -> String? {
        let limit = Int64(RecordChecks.pointLimit)
        if let score = statement["result"]?["score"] {
            for (field, range) in [("raw", -limit...limit), ("min", -limit...limit), ("max", 0...limit)] {
                if let node = score[field], let problem = wholeNumber(node, in: range) { return "result.score.\(field) \(problem)" }
            }
            if let node = score["scaled"] {
                guard case .number(let literal) = node.value, let value = Double(literal), (-1...1).contains(value) else {
                    return "result.score.scaled is not a number from -1 to 1"
                }
            }
        }
        if let node = course["dueWithinDays"], let problem = wholeNumber(node, in: 1...Int64(CourseLimits.dueWithinDays)) {
            return "course.dueWithinDays \(problem)"
        }
        for (field, mayBeZero) in [("validFor", true), ("refresherEvery", false)] {
            if let text = course[field]?.string, let problem = RecordChecks.durationProblem(text, mayBeZero: mayBeZero) {
                return "course.\(field) \(problem)"
            }
        }
        return nil
    }

    private static func wholeNumber(_ node: JSONNode, in range: ClosedRange<Int64>) -> String? {
        guard case .number(let literal) = node.value else { return "is \(node.value.kindName), not a whole number" }
        guard let value = Int64(literal), range.contains(value) else {
            return "\(literal.prefix(24)) is out of range (a whole number from \(range.lowerBound) to \(range.upperBound))"
        }
        return nil
    }

    /// A range-checked whole number (never a trap: `outOfRange` has let only these through).
    private static func integer(_ node: JSONNode?) -> Int? {
        guard let node, case .number(let literal) = node.value, let value = Int64(literal),
              abs(value) <= Int64(RecordChecks.pointLimit) else { return nil }
        return Int(value)
    }

    /// One fact per attempt whose start is known, in registration order; an attempt whose
    /// statements cannot be believed says why in `distrust`.
    public func facts() -> [RecordFacts] {
        attempts.keys.sorted().compactMap { registration in
            guard let partial = attempts[registration], let learnerID = partial.learnerID,
                  let course = partial.course, let courseID = course["id"]?.string else { return nil }
            var distrust = partial.distrust
            // A pass without its start is kept (as untrusted), anything else needs its start.
            let passed = partial.ended?.status == .passed
            guard let started = partial.startedAt ?? (passed ? partial.ended?.at : nil) else { return nil }
            if partial.startedAt == nil {
                distrust = distrust ?? "the registration has no 'attempted' statement"
            } else if let ended = partial.ended, ended.at < started {
                distrust = distrust ?? "the attempt ends before it starts"
            }
            var facts = RecordFacts(learnerID: learnerID, learnerName: partial.learnerName, courseID: courseID,
                                    courseVersion: course["version"]?.string ?? "",
                                    validFor: course["validFor"]?.string.flatMap(ISODuration.init),
                                    dueWithinDays: Self.integer(course["dueWithinDays"]), status: partial.ended?.status ?? .inProgress,
                                    percent: partial.ended?.percent, startedAt: started, finishedAt: partial.ended?.at,
                                    lastAnswerAt: partial.lastAnswerAt, acknowledgedAt: partial.acknowledgedAt)
            facts.isRefresher = partial.isRefresher
            facts.refresherEvery = course["refresherEvery"]?.string.flatMap(ISODuration.init)
            // Only a pass is at stake: a distrusted attempt of any other status counts as it is.
            if facts.status == .passed { facts.distrust = distrust.map { "registration \(registration.prefix(40)): \($0)" } }
            return facts
        }
    }
}
