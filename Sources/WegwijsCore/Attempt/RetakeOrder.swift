/// A retake that works on what went wrong: after a failed attempt (or refresher), the next
/// attempt at a reorderable course (`Course.isReorderable`: no links, or only follow-ups)
/// starts with the situations of its draw that the learner has not seen and that score a
/// guideline that failed; the rest follow in the course's order (or the shuffled pools' order).
/// The order follows from the earlier records alone (no seed), and is recorded as `order`.
public enum RetakeOrder {
    /// The guidelines that failed in the learner's last ended attempt when it failed: those
    /// below `perGuideline`, else (the attempt failed overall or on a critical option) those
    /// where points were lost; course order. Empty after a pass or without an ended attempt.
    public static func failedGuidelines(in course: Course, earlier: [CompletionRecord]) -> [String] {
        let finished = earlier.filter(\.isFinished)
        guard let last = finished.max(by: { a, b in
            let left = a.finishedAt ?? a.startedAt, right = b.finishedAt ?? b.startedAt
            return left != right ? left < right : a.attemptId < b.attemptId
        }), last.status == .failed else { return [] }
        let results = Dictionary(last.guidelines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = course.guidelines.map(\.id)
        let below = ids.filter { id in
            guard let result = results[id], result.possible > 0 else { return false }
            return 100 * result.earned < course.passing.perGuideline * result.possible
        }
        if !below.isEmpty { return below }
        return ids.filter { id in results[id].map { $0.possible > $0.earned } ?? false }
    }

    /// The order of a new attempt with this draw, or nil when `route` stands (a course that
    /// cannot be reordered, no failed attempt before, or nothing unseen of what failed).
    /// `route` is the main-line order before the retake's: the course's, or shuffled pools'.
    public static func order(course: Course, drawn: [String]?, earlier: [CompletionRecord], route: [String]? = nil) -> [String]? {
        guard course.isReorderable else { return nil }
        let failed = failedGuidelines(in: course, earlier: earlier)
        guard !failed.isEmpty else { return nil }
        let seen = Set(earlier.flatMap { $0.answers.map(\.scenario) })
        let route = route ?? course.mainRoute(drawn: drawn.map(Set.init))
        let first = route.filter { id in
            guard !seen.contains(id), let scenario = course.scenario(id) else { return false }
            return failed.contains { Scoring.possible(scenario, guideline: $0) > 0 }
        }
        let order = first + route.filter { !first.contains($0) }
        return first.isEmpty || order == route ? nil : order
    }
}
