import Foundation

/// Points for one guideline over an attempt.
public struct GuidelineScore: Sendable, Hashable {
    public var id: String
    public var earned: Int
    public var possible: Int

    /// A guideline no shown scenario could score is not assessed.
    public var isAssessed: Bool { possible > 0 }

    /// `clamp(earned / possible, 0, 1) × 100`, or nil when not assessed.
    public var percent: Double? { Scoring.percent(earned: earned, possible: possible) }
}

/// Why an attempt did not pass.
public enum PassFailure: Sendable, Hashable {
    case overallBelow(required: Int)
    case guidelineBelow(id: String, required: Int)
    case criticalChosen(scenarios: [String])
}

/// The outcome of scoring a set of answers (SPEC §3).
public struct ScoreSheet: Sendable, Hashable {
    /// One entry per course guideline, in course order; not-assessed ones have `possible == 0`.
    public var guidelines: [GuidelineScore]
    public var earned: Int
    public var possible: Int
    /// Ids of the scenarios in which a critical option was chosen, in answer order.
    public var criticalChosen: [String]
    /// Empty when the attempt passes.
    public var failures: [PassFailure]

    public var passed: Bool { failures.isEmpty }
    public var percent: Double? { Scoring.percent(earned: earned, possible: possible) }

    /// The assessed guideline with the lowest percentage (first in course order on a tie).
    public var weakestGuideline: GuidelineScore? {
        guidelines.filter(\.isAssessed).min { ($0.percent ?? 0) < ($1.percent ?? 0) }
    }
}

/// How well one answer did, in words (SPEC §3).
public enum Verdict: String, Sendable, Hashable {
    case good
    case partlyGood
    case notGood
    case seriousBreach
}

/// The one implementation of the scoring rule, used by the runner, `verify` and `report`.
public enum Scoring {
    /// Most points a scenario offers for a guideline.
    public static func possible(_ scenario: Scenario, guideline: String) -> Int {
        scenario.rules.possible(scenario.options.map { $0.score(for: guideline) })
    }

    /// The options of an answer (in the learner's order) that earn their points: every chosen
    /// one, or in a ranking those in their right place.
    public static func earning(_ scenario: Scenario, _ chosen: [Scenario.Option]) -> [Scenario.Option] {
        let rules = scenario.rules
        return chosen.enumerated().compactMap { position, option in
            guard let index = scenario.options.firstIndex(where: { $0.id == option.id }) else { return nil }
            return rules.earns(option: index, at: position) ? option : nil
        }
    }

    /// Points an answer (the chosen options, in the learner's order) earns for a guideline.
    public static func earned(_ scenario: Scenario, _ chosen: [Scenario.Option], guideline: String) -> Int {
        earning(scenario, chosen).reduce(0) { $0 + $1.score(for: guideline) }
    }

    /// Most and fewest points one answer can earn over the given guidelines: the best is the
    /// sum of `possible`; the worst is what the worst answer scores (SPEC §3, xAPI `score.min`).
    public static func range(_ scenario: Scenario, guidelines: [String]) -> (worst: Int, best: Int) {
        let totals = scenario.options.map { option in guidelines.reduce(0) { $0 + option.score(for: $1) } }
        let best = guidelines.reduce(0) { $0 + possible(scenario, guideline: $1) }
        return (min(scenario.rules.range(of: totals).worst, best), best)
    }

    /// Percentage rounded to one decimal, clamped to 0…100; nil when nothing was possible.
    public static func percent(earned: Int, possible: Int) -> Double? {
        guard possible > 0 else { return nil }
        let ratio = min(max(Double(earned) / Double(possible), 0), 1)
        return (ratio * 1000).rounded() / 10
    }

    /// Scores answers that have already been checked against the course (see `Attempt`).
    /// Answers naming unknown scenarios or options are skipped.
    public static func scoreSheet(for course: Course, answers: [Answer]) -> ScoreSheet {
        var earned: [String: Int] = [:]
        var possible: [String: Int] = [:]
        var critical: [String] = []
        for answer in answers {
            guard let scenario = course.scenario(answer.scenario) else { continue }
            let chosen = answer.options.compactMap(scenario.option)
            for guideline in course.guidelines {
                earned[guideline.id, default: 0] += Self.earned(scenario, chosen, guideline: guideline.id)
                possible[guideline.id, default: 0] += Self.possible(scenario, guideline: guideline.id)
            }
            if chosen.contains(where: \.isCritical) { critical.append(scenario.id) }
        }
        let guidelines = course.guidelines.map {
            GuidelineScore(id: $0.id, earned: earned[$0.id] ?? 0, possible: possible[$0.id] ?? 0)
        }
        let totalEarned = guidelines.reduce(0) { $0 + $1.earned }
        let totalPossible = guidelines.reduce(0) { $0 + $1.possible }

        // Integer comparisons exactly as SPEC §3 writes them; never rounded percentages.
        let rule = course.passing
        var failures: [PassFailure] = []
        if 100 * totalEarned < rule.overall * totalPossible {
            failures.append(.overallBelow(required: rule.overall))
        }
        for score in guidelines where score.isAssessed && 100 * score.earned < rule.perGuideline * score.possible {
            failures.append(.guidelineBelow(id: score.id, required: rule.perGuideline))
        }
        if rule.noCritical, !critical.isEmpty {
            failures.append(.criticalChosen(scenarios: critical))
        }
        return ScoreSheet(guidelines: guidelines, earned: totalEarned, possible: totalPossible,
                          criticalChosen: critical, failures: failures)
    }

    /// The verdict on one answered scenario (see each kind's `verdict`): full points on every
    /// guideline the scenario scores is good, points on some is partly good, none is not good;
    /// critical overrides. In a single-choice scenario the best option there is also counts as good.
    public static func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict {
        scenario.rules.verdict(scenario, chosen: chosen)
    }

    /// The best answer (SPEC §3 Fairness, "Beter was"): see each kind's `bestAnswer`; option
    /// positions in the course's order.
    public static func bestAnswer(_ scenario: Scenario, noCritical: Bool) -> [Int] {
        scenario.rules.bestAnswer(totals: scenario.options.map { $0.scores.values.reduce(0, +) },
                                  usable: scenario.options.map { !(noCritical && $0.isCritical) })
    }
}
