/// The checks `report` and `verify` make on a parsed record before believing any number in it:
/// numbers within the limits (SPEC §2, §9), and a record that agrees with itself (SPEC §5 Trust).
public enum RecordChecks {
    /// Points a record may state, summed over a whole attempt. A course's option scores are
    /// limited to ±1000, so real attempts stay far below; beyond it a file is not a record.
    public static let pointLimit = 1_000_000_000

    /// A number (or other field) outside what a record can hold, located by its byte offset.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var field: String
        public var message: String
        /// Where the offending value starts in the file.
        public var offset: Int?

        public var description: String { "\(field) \(message)" }
    }

    /// The first number in a record that is out of range or not a number of the right kind:
    /// `score`, each `guidelines[]` entry, `course.dueWithinDays`, `course.validFor`, `seed`.
    public static func outOfRange(in root: JSONNode) -> Problem? {
        if let score = root["score"] {
            if let problem = points(score, field: "score") { return problem }
        }
        if let guidelines = root["guidelines"]?.elements {
            for (index, guideline) in guidelines.enumerated() {
                if let problem = points(guideline, field: "guidelines[\(index)]") { return problem }
            }
        }
        if let due = root["course"]?["dueWithinDays"], !isNull(due) {
            if let problem = integer(due, field: "course.dueWithinDays", in: 1...Int64(CourseLimits.dueWithinDays)) { return problem }
        }
        let course = root["course"]
        for (field, mayBeZero) in [("validFor", true), ("refresherEvery", false)] {
            if let node = course?[field], let text = node.string, let message = durationProblem(text, mayBeZero: mayBeZero) {
                return Problem(field: "course." + field, message: message, offset: node.offset)
            }
        }
        if let seed = root["seed"], !isNull(seed) {
            guard case .number(let literal) = seed.value, UInt64(literal) != nil else {
                return Problem(field: "seed", message: "is not a whole number from 0 to \(UInt64.max)", offset: seed.offset)
            }
        }
        return nil
    }

    /// What is wrong with a record's `course.validFor` or `course.refresherEvery`, if anything:
    /// an ISO 8601 duration up to the course limit, and (a refresher period) one that is some time.
    public static func durationProblem(_ text: String, mayBeZero: Bool) -> String? {
        guard let duration = ISODuration(text) else { return "'\(text.prefix(20))' is not an ISO 8601 duration" }
        if !CourseLimits.isWithinLimit(duration) { return "\(duration) is longer than \(CourseLimits.validForText)" }
        if !mayBeZero, duration.isZero { return "\(duration) is no period at all" }
        return nil
    }

    /// `earned`, `possible` and `percent` of a score or guideline result. Field names are
    /// made only for a problem: a report checks every record, and nearly all are sound.
    private static func points(_ node: JSONNode, field: @autoclosure () -> String) -> Problem? {
        if let earned = node["earned"],
           let problem = integer(earned, field: field() + ".earned", in: -Int64(pointLimit)...Int64(pointLimit)) {
            return problem
        }
        if let possible = node["possible"],
           let problem = integer(possible, field: field() + ".possible", in: 0...Int64(pointLimit)) {
            return problem
        }
        if let percent = node["percent"], !isNull(percent) {
            guard case .number(let literal) = percent.value, let value = Double(literal), value.isFinite else {
                return Problem(field: field() + ".percent", message: "is not a number", offset: percent.offset)
            }
            guard (0...100).contains(value) else {
                return Problem(field: field() + ".percent", message: "\(literal.prefix(24)) is out of range (0 to 100)", offset: percent.offset)
            }
        }
        return nil
    }

    private static func integer(_ node: JSONNode, field: @autoclosure () -> String, in range: ClosedRange<Int64>) -> Problem? {
        guard case .number(let literal) = node.value else {
            return Problem(field: field(), message: "is \(node.value.kindName), not a whole number", offset: node.offset)
        }
        guard let value = Int64(literal), range.contains(value) else {
            return Problem(field: field(), message: "\(literal.prefix(24)) is out of range (a whole number from \(range.lowerBound) to \(range.upperBound))",
                           offset: node.offset)
        }
        return nil
    }

    private static func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    /// Why a record that passed `outOfRange` does not agree with itself, or nil when it does:
    /// its percentages follow from its points, its guideline points add up to its score, and
    /// a `passed` status is what its points and `criticalChosen` give under `rule` (SPEC §3).
    public static func inconsistency(in root: JSONNode, rule: PassingRule) -> String? {
        guard let status = root["status"]?.string.flatMap(CompletionRecord.Status.init(rawValue:)) else {
            return "status is missing or unknown"
        }
        guard let score = root["score"], let total = pointsValue(score) else { return "score is missing or incomplete" }
        if let problem = percentMismatch(total, field: "score") { return problem }
        guard let guidelineNodes = root["guidelines"]?.elements else { return "guidelines are missing" }
        var earnedSum: Int64 = 0
        var possibleSum: Int64 = 0
        // The first guideline below its threshold, named only for a pass (the only status it can contradict).
        var firstBelow: String?
        for (index, node) in guidelineNodes.enumerated() {
            guard let guideline = pointsValue(node) else { return "guidelines[\(index)] is incomplete" }
            func name() -> String { node["id"]?.string.map { "guideline '\($0.prefix(64))'" } ?? "guidelines[\(index)]" }
            if let problem = percentMismatch(guideline, field: name()) { return problem }
            earnedSum += guideline.earned
            possibleSum += guideline.possible
            if status == .passed, firstBelow == nil, guideline.possible > 0,
               100 * guideline.earned < Int64(rule.perGuideline) * guideline.possible {
                firstBelow = name()
            }
        }
        if earnedSum != total.earned || possibleSum != total.possible {
            return "the guidelines add up to \(earnedSum)/\(possibleSum) points, but the score says \(total.earned)/\(total.possible)"
        }
        guard let critical = root["criticalChosen"]?.elements else { return "criticalChosen is missing" }
        // Any other status is counted as not passed whatever its points say.
        guard status == .passed else { return nil }
        if 100 * total.earned < Int64(rule.overall) * total.possible {
            return "status is 'passed' but the overall score is below \(rule.overall)%"
        }
        if let first = firstBelow { return "status is 'passed' but \(first) is below \(rule.perGuideline)%" }
        if rule.noCritical, !critical.isEmpty { return "status is 'passed' but a critical option was chosen" }
        if root["finishedAt"]?.string == nil { return "status is 'passed' but finishedAt is missing" }
        return nil
    }

    private struct Points {
        var earned: Int64
        var possible: Int64
        var percent: Double?
    }

    /// The points of a range-checked score or guideline result.
    private static func pointsValue(_ node: JSONNode) -> Points? {
        guard case .number(let earnedText)? = node["earned"]?.value, let earned = Int64(earnedText),
              case .number(let possibleText)? = node["possible"]?.value, let possible = Int64(possibleText) else { return nil }
        var percent: Double?
        if case .number(let literal)? = node["percent"]?.value { percent = Double(literal) }
        return Points(earned: earned, possible: possible, percent: percent)
    }

    private static func percentMismatch(_ points: Points, field: @autoclosure () -> String) -> String? {
        let expected = Scoring.percent(earned: Int(points.earned), possible: Int(points.possible))
        switch (points.percent, expected) {
        case (nil, nil): return nil
        case (let stated?, let computed?) where abs(stated - computed) < 0.001: return nil
        default:
            let stated = points.percent.map { Percent.text($0) } ?? "null"
            let computed = expected.map { Percent.text($0) } ?? "null"
            return "\(field()) says \(stated)% for \(points.earned)/\(points.possible) points, which is \(computed)%"
        }
    }
}

/// What `report` needs to decide whether a record can be believed (SPEC §5 Trust): the passing
/// terms of each course it knows and, when a key is configured, the key.
public struct RecordTrust: Sendable {
    /// Passing terms per course id; other courses are judged by the default terms.
    public var passingRules: [String: PassingRule]
    public var signer: RecordSigner?
    /// The moment of reading (seconds since 1970): a record dated later (beyond `clockSkew`)
    /// is not believed. Nil: not checked.
    public var now: Int64?

    public init(passingRules: [String: PassingRule] = [:], signer: RecordSigner? = nil, now: Int64? = nil) {
        self.passingRules = passingRules
        self.signer = signer
        self.now = now
    }

    /// Why the record cannot be believed, or nil when it can.
    public func distrust(of root: JSONNode, courseID: String) -> String? {
        if let now, let future = Self.futureTime(in: root, now: now) { return future }
        if let signer {
            if root["signature"] == nil { return "not signed, though a signing key is configured" }
            if !signer.isValid(recordJSON: root) { return "the signature does not match (changed after signing, or another key)" }
        }
        return RecordChecks.inconsistency(in: root, rule: passingRules[courseID] ?? PassingRule())
    }
}
