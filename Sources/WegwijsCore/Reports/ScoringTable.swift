/// A course's points laid out in arrays, so that `stats` can score a hundred thousand attempts
/// without looking a guideline up by name for every answer. Every number in it comes from
/// `Scoring` itself (`Scoring.possible`, `Option.score(for:)`), and `verdict` applies the pass rule
/// exactly as `Scoring.scoreSheet` writes it; a test holds the two to the same results.
public struct ScoringTable: Sendable {
    /// The course's guidelines, counted; every per-guideline array has this length.
    public let guidelineCount: Int
    /// Scenario id → index in the course.
    let scenarioIndex: [String: Int]
    /// Per scenario: option id → index in the scenario.
    let optionIndex: [[String: Int]]
    /// [scenario][guideline]: `Scoring.possible`.
    let possible: [[Int]]
    /// [scenario]: the sum over guidelines of `possible`.
    let possibleTotal: [Int]
    /// [scenario][option][guideline]: the option's points.
    let points: [[[Int]]]
    /// [scenario][option]: the option's points summed over the course's guidelines.
    let pointsTotal: [[Int]]
    /// [scenario][option]: whether the option is critical.
    let critical: [[Bool]]
    /// [scenario]: the rules of its kind (which options of an answer earn their points).
    let rules: [any QuestionKind]
    let passing: PassingRule

    public init(_ course: Course) {
        let guidelines = course.guidelines.map(\.id)
        guidelineCount = guidelines.count
        var scenarioIndex: [String: Int] = [:]
        for (index, scenario) in course.scenarios.enumerated() where scenarioIndex[scenario.id] == nil {
            scenarioIndex[scenario.id] = index
        }
        self.scenarioIndex = scenarioIndex
        optionIndex = course.scenarios.map { scenario in
            var index: [String: Int] = [:]
            for (position, option) in scenario.options.enumerated() where index[option.id] == nil { index[option.id] = position }
            return index
        }
        possible = course.scenarios.map { scenario in guidelines.map { Scoring.possible(scenario, guideline: $0) } }
        possibleTotal = possible.map { $0.reduce(0, +) }
        points = course.scenarios.map { scenario in scenario.options.map { option in guidelines.map { option.score(for: $0) } } }
        pointsTotal = points.map { options in options.map { $0.reduce(0, +) } }
        critical = course.scenarios.map { $0.options.map(\.isCritical) }
        rules = course.scenarios.map(\.rules)
        passing = course.passing
    }

    /// Why an attempt with these totals passes or not (SPEC §3, in integers as written).
    public struct Verdict: Sendable, Hashable {
        public var overallBelow: Bool
        /// Per guideline: assessed and below `perGuideline`.
        public var guidelinesBelow: [Bool]
        /// A critical option was chosen and the course forbids it.
        public var critical: Bool
        public var passed: Bool { !overallBelow && !critical && !guidelinesBelow.contains(true) }
    }

    /// The pass rule over per-guideline points earned and possible.
    public func verdict(earned: [Int], possible: [Int], critical chosen: Bool) -> Verdict {
        let totalEarned = earned.reduce(0, +), totalPossible = possible.reduce(0, +)
        let below = (0..<guidelineCount).map { possible[$0] > 0 && 100 * earned[$0] < passing.perGuideline * possible[$0] }
        return Verdict(overallBelow: 100 * totalEarned < passing.overall * totalPossible, guidelinesBelow: below,
                       critical: passing.noCritical && chosen)
    }

    /// Scores answers given as scenario and option ids: per-guideline points earned and possible
    /// and whether a critical option was chosen; nil when an id is not in the course.
    public func score(_ answers: [(scenario: String, options: [String])]) -> (earned: [Int], possible: [Int], critical: Bool)? {
        var earned = [Int](repeating: 0, count: guidelineCount), possible = earned
        var critical = false
        for answer in answers {
            guard let index = scenarioIndex[answer.scenario] else { return nil }
            for (position, id) in answer.options.enumerated() {
                guard let option = optionIndex[index][id] else { return nil }
                if rules[index].earns(option: option, at: position) {
                    for guideline in 0..<guidelineCount { earned[guideline] += points[index][option][guideline] }
                }
                critical = critical || self.critical[index][option]
            }
            for guideline in 0..<guidelineCount { possible[guideline] += self.possible[index][guideline] }
        }
        return (earned, possible, critical)
    }
}
