/// A course's `refresher`: after a pass, a short refresher of `scenarios` situations falls due
/// every `every` (an ISO 8601 duration).
public struct RefresherRule: Sendable, Equatable {
    public var every: ISODuration
    public var scenarios: Int

    public init(every: ISODuration, scenarios: Int) {
        self.every = every
        self.scenarios = scenarios
    }
}

extension CourseDecoder {
    private static let refresherKeys: Set = ["every", "scenarios"]

    /// Decodes `"refresher": {"every": "P4M", "scenarios": 4}`, reporting each problem at its
    /// pointer; nil when the field is absent or broken.
    mutating func decodeRefresher(_ node: JSONNode?) -> RefresherRule? {
        guard let node else { return nil }
        guard let fields = object(node, at: "/refresher", keys: Self.refresherKeys) else { return nil }
        var every: ISODuration?
        if let text = string(fields, "every", at: "/refresher", required: true) {
            every = ISODuration(text)
            if let duration = every, !CourseLimits.isWithinLimit(duration) {
                every = nil
                error(at: "/refresher/every", "'every' may be at most \(CourseLimits.validForText), not \(duration)")
            } else if let duration = every, duration.isZero {
                every = nil
                error(at: "/refresher/every", "'every' must be a period longer than nothing, not \(text)")
            } else if every == nil {
                error(at: "/refresher/every", "'every' is not an ISO 8601 duration like P4M or P90D: '\(text)'")
            }
        }
        let count = integer(fields, "scenarios", at: "/refresher", range: 1...10_000)
        if fields["scenarios"] == nil {
            error(at: "/refresher", "'refresher' is missing 'scenarios' (how many situations a refresher shows)")
        }
        guard let every, let count else { return nil }
        return RefresherRule(every: every, scenarios: count)
    }
}
