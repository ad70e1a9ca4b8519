/// Checks of a record against where and when it is read, shared by `report` and `verify`:
/// a record dated after the moment of reading, and a record in another learner's folder.
extension RecordTrust {
    /// How far a record's times may lie ahead of the reading machine's clock (clocks differ).
    public static let clockSkew: Int64 = 300

    /// How `futureTime` begins its reason: how the report tells a future-dated record from other untrusted ones.
    static let futureReasonStart = "dated in the future: "

    /// Whether an untrusted record's reason is that it is dated after the moment of reading.
    public static func isFutureDated(_ reason: String) -> Bool { reason.hasPrefix(futureReasonStart) }

    /// The first of a record's times (`startedAt`, `finishedAt`, `acknowledgedAt`, an answer's
    /// or event's `at`) later than `now` plus `clockSkew`, in words; nil when none is.
    public static func futureTime(in root: JSONNode, now: Int64) -> String? {
        var stamps: [(String, JSONNode?)] = [("startedAt", root["startedAt"]), ("finishedAt", root["finishedAt"]),
                                             ("acknowledgedAt", root["acknowledgedAt"])]
        for (index, answer) in (root["answers"]?.elements ?? []).enumerated() { stamps.append(("answers[\(index)].at", answer["at"])) }
        for (index, event) in (root["events"]?.elements ?? []).enumerated() { stamps.append(("events[\(index)].at", event["at"])) }
        for (field, node) in stamps {
            guard let text = node?.string, let seconds = Timestamp.secondsSince1970(text) else { continue }
            if seconds > now + clockSkew {
                return futureReasonStart + "\(field) is \(text.prefix(30)), after the time of reading (a clock set ahead?)"
            }
        }
        return nil
    }

    /// Why a record is not believed where it lies: in the folder of course C (its own course),
    /// but of another learner than its own (a copied record). Nil when it lies where it should
    /// or outside the `<course>/<learner>/` layout.
    public static func folderMismatch(path: String, facts: RecordFacts) -> String? {
        // A report asks this of every record: the last two folder names are found from the end
        // of the path's bytes, without splitting the whole path.
        var path = path
        return path.withUTF8 { bytes -> String? in
            // The path component that ends at or before `end`, skipping slashes as `split` does.
            func component(endingBefore end: Int) -> Range<Int>? {
                var index = end
                while index > 0, bytes[index - 1] == UInt8(ascii: "/") { index -= 1 }
                guard index > 0 else { return nil }
                let last = index
                while index > 0, bytes[index - 1] != UInt8(ascii: "/") { index -= 1 }
                return index..<last
            }
            guard let file = component(endingBefore: bytes.count),
                  let learnerRange = component(endingBefore: file.lowerBound),
                  let courseRange = component(endingBefore: learnerRange.lowerBound) else { return nil }
            let course = UnsafeBufferPointer(rebasing: bytes[courseRange])
            let learner = UnsafeBufferPointer(rebasing: bytes[learnerRange])
            guard course.elementsEqual(facts.courseID.utf8), !learner.elementsEqual(facts.learnerID.utf8) else { return nil }
            let learnerFolder = String(decoding: learner, as: UTF8.self)
            return "learner.id is '\(facts.learnerID.prefix(70))' but the record is in the folder of learner '\(learnerFolder.prefix(70))': a copied record"
        }
    }
}
