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
                error(at: "/refresher/every", CourseMessages.durationTooLong("every", duration))
            } else if let duration = every, duration.isZero {
                every = nil
                error(at: "/refresher/every", CourseMessages.everyNotLonger(text))
            } else if every == nil {
                error(at: "/refresher/every", CourseMessages.everyNotDuration(text))
            }
        }
        let count = integer(fields, "scenarios", at: "/refresher", range: 1...10_000)
        if fields["scenarios"] == nil {
            error(at: "/refresher", CourseMessages.refresherMissingScenarios)
        }
        guard let every, let count else { return nil }
        return RefresherRule(every: every, scenarios: count)
    }
}
