/// `multiple`: the learner chooses one or more options; the scenario's `next` decides the route.
public struct MultipleChoice: QuestionKind {
    /// Letters typed twice count once.
    public func check(_ positions: [Int], optionCount: Int) -> LetterCheck {
        .answer(positions.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } })
    }

    public func remainingLetters(typed: [Int], optionCount: Int) -> [Int] { (0..<optionCount).filter { !typed.contains($0) } }

    public func answerProblemWording(count: Int, optionCount: Int, scenario: String) -> LocalizedMessage? {
        count >= 1 ? nil : CourseMessages.noOptionChosen(scenario: scenario)
    }

    public func shuffles(courseShuffles: Bool) -> Bool { courseShuffles }
    public func shownOrder(file: [Scenario.Option], shuffled: [Scenario.Option]) -> [Scenario.Option] { shuffled }

    public func deciding(_ scenario: Scenario) -> [Scenario.Option?] { [nil] }
    public func link(first: Scenario.Option?, in scenario: Scenario) -> ScenarioLink? { scenario.next }

    public func earns(option: Int, at position: Int) -> Bool { true }
    public func possible(_ points: [Int]) -> Int { points.reduce(0) { $0 + max(0, $1) } }

    /// Every positive option at best, every negative one at worst; an answer has one option at least.
    public func range(of values: [Int]) -> (best: Int, worst: Int) {
        let positive = values.filter { $0 > 0 }.reduce(0, +)
        let negative = values.filter { $0 < 0 }.reduce(0, +)
        return (positive > 0 ? positive : values.max() ?? 0, negative < 0 ? negative : values.min() ?? 0)
    }

    /// Every usable option with a positive total; else the single highest.
    public func bestAnswer(totals: [Int], usable: [Bool]) -> [Int] {
        let candidates = usable.contains(true) ? totals.indices.filter { usable[$0] } : Array(totals.indices)
        let positive = candidates.filter { totals[$0] > 0 }
        if !positive.isEmpty { return positive }
        return SingleChoice().bestAnswer(totals: totals, usable: usable)
    }

    /// The best set with one option added or left out.
    public func slipAnswers(best: [Int], optionCount: Int) -> [[Int]] {
        var answers: [[Int]] = []
        for option in 0..<optionCount {
            if best.contains(option) {
                if best.count > 1 { answers.append(best.filter { $0 != option }) }
            } else {
                answers.append((best + [option]).sorted())
            }
        }
        return answers
    }

    /// Subset sums, pruned as they grow; the empty set is kept apart (an answer needs one option).
    public func wording(of answer: [String], id: (String) -> String) -> LocalizedMessage { KindRules.chosenOptions(answer, id: id) }

    public func bestChoices(usable: [Int], points: (Int) -> [Int], guidelineCount: Int) -> [(options: [Int], earned: [Int])] {
        let zero = (options: [Int](), earned: [Int](repeating: 0, count: guidelineCount))
        var nonEmpty: [(options: [Int], earned: [Int])] = []
        for option in usable {
            let gained = points(option)
            let extended = ([zero] + nonEmpty).map { choice in (options: choice.options + [option], earned: zip(choice.earned, gained).map(+)) }
            nonEmpty = Pareto.prune(nonEmpty + extended, by: { $0.earned }, limit: RouteAnalysis.frontierLimit)
        }
        return nonEmpty
    }

    /// Good only with full points on every guideline.
    public func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict {
        KindRules.verdict(scenario, chosen: chosen)
    }

    /// The chosen options and the positively scored ones not chosen ("Ook goed").
    public func review(_ scenario: Scenario, chosen: [Scenario.Option], shown: [Scenario.Option], verdict: Verdict,
                       noCritical: Bool) -> [ReviewSection] {
        let missed = shown.filter { option in !chosen.contains { $0.id == option.id } && option.scores.values.contains { $0 > 0 } }
        return [ReviewSection(.youChose, chosen)] + (missed.isEmpty ? [] : [ReviewSection(.alsoRight, missed)])
    }

    public func problems(in scenario: Scenario) -> [KindProblem] {
        KindRules.noOptionNext(scenario, kindName: CourseMessages.multipleKind)
    }

    public var interactionType: String { "choice" }

    /// The set of every positively scored, non-critical option.
    public func correctResponses(_ scenario: Scenario) -> [String] {
        let good = scenario.options.filter { option in option.scores.values.contains { $0 > 0 } && !option.isCritical }
        return good.isEmpty ? [] : [good.map(\.id).joined(separator: "[,]")]
    }

    public var optionMeasure: OptionMeasure { .chosen }
    /// Every option with positive points.
    public func keys(totals: [Int]) -> [Int] { totals.indices.filter { totals[$0] > 0 } }
    public func optionFlags(share: Double, shown: Int, isCritical: Bool) -> [ItemFlag] {
        KindRules.choiceFlags(share: share, shown: shown, isCritical: isCritical)
    }
}
