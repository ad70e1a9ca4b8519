import Foundation

/// Which situations a refresher shows: the one rule the runner uses to choose them and `verify`
/// uses to replay the choice. The same course, count, earlier records and seed always give the
/// same situations in the same order.
///
/// - Candidates are the course's scenarios that score at least one guideline and are not only
///   reached as the follow-up of an option (the target of an option's `next` that no scenario
///   leads to by default): a follow-up makes no sense on its own.
/// - Situations the learner has not seen in any earlier attempt come first; when they run out,
///   those seen least recently.
/// - Unseen situations are taken guideline by guideline: first, for half the situations
///   (rounded up), only the guidelines where the learner lost points in their last attempts
///   (the last full-course attempt and the refreshers after it), the most points lost first;
///   then every guideline in turn, the others before those.
/// - Ties are broken by the seed, and the chosen situations are shown in a seeded order, so no
///   position tells which guideline a situation tests.
public enum RefresherSelection {
    /// The scenarios a refresher may show, in course order: those that score a guideline, less
    /// the follow-ups (targets of an option's `next` that no scenario leads to by default).
    public static func candidates(in course: Course) -> [Scenario] {
        var byDefault: Set<Int> = course.scenarios.isEmpty ? [] : [0]
        var followUps = Set<String>()
        for (index, scenario) in course.scenarios.enumerated() {
            if let next = course.successor(of: index, choosing: nil) { byDefault.insert(next) }
            for option in scenario.options {
                if case .scenario(let id)? = option.next { followUps.insert(id) }
            }
        }
        return course.scenarios.enumerated().filter { index, scenario in
            (byDefault.contains(index) || !followUps.contains(scenario.id))
                && course.guidelines.contains { Scoring.possible(scenario, guideline: $0.id) > 0 }
        }.map(\.element)
    }

    /// Points lost per guideline in the learner's last attempts: the last ended full-course
    /// attempt (passed or failed) and the refreshers finished after it. Guidelines with points
    /// lost, the most first (course order on a tie).
    public static func weakGuidelines(in course: Course, earlier: [CompletionRecord]) -> [String] {
        let finished = earlier.filter(\.isFinished).sorted { a, b in
            let left = a.finishedAt ?? a.startedAt, right = b.finishedAt ?? b.startedAt
            return left != right ? left < right : a.attemptId < b.attemptId
        }
        guard let lastFull = finished.lastIndex(where: { $0.refresher == nil }) else { return [] }
        var lost: [String: Int] = [:]
        for record in finished[lastFull...] {
            for result in record.guidelines { lost[result.id, default: 0] += max(result.possible - result.earned, 0) }
        }
        let order = course.guidelines.map(\.id)
        return order.filter { (lost[$0] ?? 0) > 0 }.enumerated()
            .sorted { a, b in
                let left = lost[a.element] ?? 0, right = lost[b.element] ?? 0
                return left != right ? left > right : a.offset < b.offset
            }
            .map(\.element)
    }

    /// The situations of a refresher of `count` (fewer when the course has fewer candidates).
    public static func choose(course: Course, count: Int, earlier: [CompletionRecord], seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        var lastSeen: [String: Date] = [:]
        for record in earlier {
            for answer in record.answers { lastSeen[answer.scenario] = max(lastSeen[answer.scenario] ?? answer.at, answer.at) }
        }
        let weak = weakGuidelines(in: course, earlier: earlier)
        let others = Attempt.shuffled(course.guidelines.map(\.id).filter { !weak.contains($0) }, using: &generator)
        let candidates = Attempt.shuffled(candidates(in: course), using: &generator)
        var unseen = candidates.filter { lastSeen[$0.id] == nil }
        var picked: [String] = []

        /// Takes the next unseen situation of each guideline in `turns`, round and round,
        /// until `limit` are picked or none of these guidelines has one left.
        func pick(turns: [String], until limit: Int) {
            var progress = true
            while picked.count < limit, progress {
                progress = false
                for guideline in turns where picked.count < limit {
                    guard let index = unseen.firstIndex(where: { Scoring.possible($0, guideline: guideline) > 0 }) else { continue }
                    picked.append(unseen.remove(at: index).id)
                    progress = true
                }
            }
        }
        pick(turns: weak, until: min(count, (count + 1) / 2))
        pick(turns: others + weak, until: count)
        // The bank of unseen situations has run out: the least recently seen ones.
        let rank = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($0.element.id, $0.offset) })
        let seen = candidates.filter { lastSeen[$0.id] != nil }.sorted { a, b in
            let left = lastSeen[a.id] ?? .distantPast, right = lastSeen[b.id] ?? .distantPast
            return left != right ? left < right : (rank[a.id] ?? 0) < (rank[b.id] ?? 0)
        }
        for scenario in seen where picked.count < count { picked.append(scenario.id) }
        return Attempt.shuffled(picked, using: &generator)
    }
}
