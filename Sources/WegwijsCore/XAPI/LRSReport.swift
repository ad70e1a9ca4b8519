import Foundation

/// Rebuilds what the HR report needs from statements read back from an LRS (SPEC §7
/// `report --lrs`): one `RecordFacts` per registration (attempt), as its record would give.
public struct StatementFacts: Sendable {
    private struct Partial {
        var learnerID: String?
        var learnerName: String?
        var nameAt = Int64.min
        var course: JSONNode?
        var startedAt: Int64?
        var lastAnswerAt: Int64?
        var ended: (status: CompletionRecord.Status, at: Int64, percent: Double?)?
    }

    private var attempts: [String: Partial] = [:]
    /// Statements that were not Wegwijs's (no course extension) and were left out.
    public private(set) var foreign = 0

    public init() {}

    /// Folds in one statement as the LRS returned it.
    public mutating func add(_ statement: JSONNode) {
        guard let context = statement["context"], let registration = context["registration"]?.string,
              let course = context["extensions"]?[XAPIVocabulary.courseExtension], course["id"]?.string != nil,
              let verb = statement["verb"]?["id"]?.string,
              let timestampText = statement["timestamp"]?.string, let at = Timestamp.secondsSince1970(timestampText)
        else {
            foreign += 1
            return
        }
        var partial = attempts[registration] ?? Partial()
        partial.course = partial.course ?? course
        if let account = statement["actor"]?["account"], let name = account["name"]?.string {
            partial.learnerID = name
        }
        if let name = statement["actor"]?["name"]?.string, at >= partial.nameAt {
            partial.learnerName = name
            partial.nameAt = at
        }
        switch verb {
        case XAPIVocabulary.attempted:
            partial.startedAt = at
        case XAPIVocabulary.answered:
            partial.lastAnswerAt = max(partial.lastAnswerAt ?? at, at)
        case XAPIVocabulary.passed, XAPIVocabulary.failed:
            var percent: Double?
            if let score = statement["result"]?["score"], let raw = Self.integer(score["raw"]), let max = Self.integer(score["max"]) {
                percent = Scoring.percent(earned: raw, possible: max)
            }
            partial.ended = (verb == XAPIVocabulary.passed ? .passed : .failed, at, percent)
        case XAPIVocabulary.abandoned:
            if partial.ended == nil { partial.ended = (.abandoned, at, nil) }
        default:
            break
        }
        attempts[registration] = partial
    }

    private static func integer(_ node: JSONNode?) -> Int? {
        guard let node, case .number(let literal) = node.value else { return nil }
        return Int(literal) ?? Double(literal).map { Int($0) }
    }

    /// One fact per attempt whose start is known, in registration order.
    public func facts() -> [RecordFacts] {
        attempts.keys.sorted().compactMap { registration in
            guard let partial = attempts[registration], let learnerID = partial.learnerID,
                  let course = partial.course, let courseID = course["id"]?.string, let started = partial.startedAt
            else { return nil }
            var dueWithinDays: Int?
            if let node = course["dueWithinDays"] { dueWithinDays = Self.integer(node) }
            return RecordFacts(learnerID: learnerID, learnerName: partial.learnerName, courseID: courseID,
                               courseVersion: course["version"]?.string ?? "",
                               validFor: course["validFor"]?.string.flatMap(ISODuration.init),
                               dueWithinDays: dueWithinDays, status: partial.ended?.status ?? .inProgress,
                               percent: partial.ended?.percent, startedAt: started, finishedAt: partial.ended?.at,
                               lastAnswerAt: partial.lastAnswerAt)
        }
    }
}
