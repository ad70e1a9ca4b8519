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
        scenario.kind.possible(scenario.options.map { $0.score(for: guideline) })
    }

    /// Points the chosen options earn for a guideline.
    public static func earned(_ chosen: [Scenario.Option], guideline: String) -> Int {
        chosen.reduce(0) { $0 + $1.score(for: guideline) }
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
                earned[guideline.id, default: 0] += Self.earned(chosen, guideline: guideline.id)
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

    /// The verdict on one answered scenario: full points on every guideline the scenario
    /// scores is good, points on some is partly good, none is not good; critical overrides.
    /// In a single-choice scenario where no one option can earn full points on every
    /// guideline, the option with the highest total (and no penalty) also counts as good:
    /// it is the best answer there is.
    public static func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict {
        if chosen.contains(where: \.isCritical) { return .seriousBreach }
        let scored = Set(scenario.options.flatMap { $0.scores.filter { $0.value > 0 }.keys })
        var full = true
        var some = false
        for guideline in scored {
            let got = earned(chosen, guideline: guideline)
            if got < possible(scenario, guideline: guideline) { full = false }
            if got > 0 { some = true }
        }
        let penalised = chosen.contains { $0.scores.values.contains { $0 < 0 } }
        if !penalised, full { return .good }
        if !penalised, scenario.kind.bestIsGood, chosen.count == 1, let option = chosen.first,
           total(option) == scenario.options.map(total).max() {
            return .good
        }
        return some ? .partlyGood : .notGood
    }

    /// The best answer (SPEC §3 Fairness, "Beter was"): see `ScenarioKind.bestAnswer`; option
    /// positions in the course's order.
    public static func bestAnswer(_ scenario: Scenario, noCritical: Bool) -> [Int] {
        scenario.kind.bestAnswer(totals: scenario.options.map(total),
                                 usable: scenario.options.map { !(noCritical && $0.isCritical) })
    }

    private static func total(_ option: Scenario.Option) -> Int {
        option.scores.values.reduce(0, +)
    }
}
