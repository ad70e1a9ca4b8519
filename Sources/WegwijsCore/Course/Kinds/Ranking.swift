/// `ranking`: the learner puts every option in the best order (types `c a b`). The right order
/// is the options' order in the course file; an option's `scores` are the points it earns when
/// it stands in its right place (SPEC §3). The options are always shown shuffled, never in the
/// right order, and the scenario's `next` decides the route.
public struct Ranking: QuestionKind {
    /// Every letter, each once.
    public func check(_ positions: [Int], optionCount: Int) -> LetterCheck {
        var seen: [Int] = []
        for position in positions {
            if seen.contains(position) { return .repeated(position) }
            seen.append(position)
        }
        let missing = (0..<optionCount).filter { !seen.contains($0) }
        return missing.isEmpty ? .answer(seen) : .incomplete(missing: missing)
    }

    public func remainingLetters(typed: [Int], optionCount: Int) -> [Int] { (0..<optionCount).filter { !typed.contains($0) } }

    public func answerProblemWording(count: Int, optionCount: Int, scenario: String) -> LocalizedMessage? {
        count == optionCount ? nil : CourseMessages.rankingAnswer(scenario: scenario, options: optionCount, got: count)
    }

    /// Shown in the file's order, the answer would be given away.
    public func shuffles(courseShuffles: Bool) -> Bool { true }

    /// The seeded shuffle, turned one place when it happens to be the right order.
    public func shownOrder(file: [Scenario.Option], shuffled: [Scenario.Option]) -> [Scenario.Option] {
        guard shuffled.map(\.id) == file.map(\.id), let first = shuffled.first else { return shuffled }
        return Array(shuffled.dropFirst()) + [first]
    }

    public func deciding(_ scenario: Scenario) -> [Scenario.Option?] { [nil] }
    public func link(first: Scenario.Option?, in scenario: Scenario) -> ScenarioLink? { scenario.next }

    /// An option earns its points in its right place only.
    public func earns(option: Int, at position: Int) -> Bool { option == position }
    /// Every option can stand in its right place at once.
    public func possible(_ points: [Int]) -> Int { points.reduce(0) { $0 + max(0, $1) } }
    /// Best: all in place. Worst: none in place (with three options or more some order moves
    /// every one; scores are never negative), so 0.
    public func range(of values: [Int]) -> (best: Int, worst: Int) {
        (values.reduce(0) { $0 + max(0, $1) }, 0)
    }

    /// The file's order.
    public func bestAnswer(totals: [Int], usable: [Bool]) -> [Int] { Array(totals.indices) }

    /// The right order with two options swapped: the slips a learner makes.
    public func slipAnswers(best: [Int], optionCount: Int) -> [[Int]] {
        var answers: [[Int]] = []
        for first in best.indices {
            for second in best.indices where second > first {
                var swapped = best
                swapped.swapAt(first, second)
                answers.append(swapped)
            }
        }
        return answers
    }

    /// `the order b, a, c`
    public func wording(of answer: [String], id: (String) -> String) -> LocalizedMessage {
        CourseMessages.order(answer.map(id).joined(separator: ", "))
    }

    /// The right order earns every point, so it beats every other order.
    public func bestChoices(usable: [Int], points: (Int) -> [Int], guidelineCount: Int) -> [(options: [Int], earned: [Int])] {
        let earned = usable.reduce([Int](repeating: 0, count: guidelineCount)) { sum, option in zip(sum, points(option)).map(+) }
        return [(options: usable, earned: earned)]
    }

    /// Good with every option in place, partly good with some points, else not good.
    public func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict {
        KindRules.verdict(scenario, chosen: chosen)
    }

    /// The learner's order, each marked right or wrong place; after a less than good answer the
    /// right order with each option's feedback.
    public func review(_ scenario: Scenario, chosen: [Scenario.Option], shown: [Scenario.Option], verdict: Verdict,
                       noCritical: Bool) -> [ReviewSection] {
        let places = chosen.enumerated().map { position, option in scenario.options.indices.contains(position) && scenario.options[position].id == option.id }
        let yours = ReviewSection(.yourOrder, chosen, rightPlace: places, showsFeedback: verdict == .good)
        return verdict == .good ? [yours] : [yours, ReviewSection(.rightOrder, scenario.options)]
    }

    /// No option `next`, no critical option, no negative score, three options at least.
    public func problems(in scenario: Scenario) -> [KindProblem] {
        var problems = KindRules.noOptionNext(scenario, kindName: CourseMessages.rankingKind)
        if scenario.options.count == 2 {
            problems.append(KindProblem(path: "/options", CourseMessages.rankingOfTwo(scenario: scenario.id)))
        }
        for (index, option) in scenario.options.enumerated() {
            if option.isCritical {
                problems.append(KindProblem(path: "/options/\(index)/critical", CourseMessages.criticalInRanking(option: option.id, scenario: scenario.id)))
            }
            for (guideline, points) in option.scores.sorted(by: { $0.key < $1.key }) where points < 0 {
                problems.append(KindProblem(path: "/options/\(index)/scores/\(guideline)",
                                            CourseMessages.negativeInRanking(option: option.id, scenario: scenario.id, points: points, guideline: guideline)))
            }
        }
        return problems
    }

    public var interactionType: String { "sequencing" }

    /// The right order (xAPI 1.0.3: ids joined by `[,]`).
    public func correctResponses(_ scenario: Scenario) -> [String] {
        [scenario.options.map(\.id).joined(separator: "[,]")]
    }

    public var optionMeasure: OptionMeasure { .placedRight }
    /// The option that comes first in the right order (the file's first): every option earns
    /// its points in its own place, so marking them all would tell nothing.
    public func keys(totals: [Int]) -> [Int] { totals.isEmpty ? [] : [0] }
    /// Every option is placed in every answer: "rarely chosen" does not apply.
    public func optionFlags(share: Double, shown: Int, isCritical: Bool) -> [ItemFlag] { [] }
}
