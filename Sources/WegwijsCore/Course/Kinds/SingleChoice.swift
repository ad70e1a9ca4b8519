/// `single`: the learner chooses exactly one option; an option may lead on with its own `next`.
public struct SingleChoice: QuestionKind {
    public func check(_ positions: [Int], optionCount: Int) -> LetterCheck {
        let distinct = positions.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        return distinct.count == 1 ? .answer(distinct) : .onlyOne
    }

    public func remainingLetters(typed: [Int], optionCount: Int) -> [Int] { typed.isEmpty ? Array(0..<optionCount) : [] }

    public func answerProblemWording(count: Int, optionCount: Int, scenario: String) -> LocalizedMessage? {
        count == 1 ? nil : CourseMessages.exactlyOneOption(scenario: scenario, got: count)
    }

    public func shuffles(courseShuffles: Bool) -> Bool { courseShuffles }
    public func shownOrder(file: [Scenario.Option], shuffled: [Scenario.Option]) -> [Scenario.Option] { shuffled }

    public func deciding(_ scenario: Scenario) -> [Scenario.Option?] { scenario.options }
    public func link(first: Scenario.Option?, in scenario: Scenario) -> ScenarioLink? { KindRules.optionLink(first: first, in: scenario) }

    public func earns(option: Int, at position: Int) -> Bool { true }
    public func possible(_ points: [Int]) -> Int { max(0, points.max() ?? 0) }
    public func range(of values: [Int]) -> (best: Int, worst: Int) { (values.max() ?? 0, values.min() ?? 0) }

    /// The highest usable total; the first on a tie.
    public func bestAnswer(totals: [Int], usable: [Bool]) -> [Int] {
        let candidates = usable.contains(true) ? totals.indices.filter { usable[$0] } : Array(totals.indices)
        let highest = candidates.max { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 > $1) }
        return highest.map { [$0] } ?? []
    }

    /// Every other option.
    public func slipAnswers(best: [Int], optionCount: Int) -> [[Int]] {
        (0..<optionCount).filter { $0 != best.first }.map { [$0] }
    }

    public func wording(of answer: [String], id: (String) -> String) -> LocalizedMessage { KindRules.chosenOptions(answer, id: id) }

    public func bestChoices(usable: [Int], points: (Int) -> [Int], guidelineCount: Int) -> [(options: [Int], earned: [Int])] {
        Pareto.prune(usable.map { (options: [$0], earned: points($0)) }, by: { $0.earned })
    }

    /// The option with the highest total (and no penalty) is good even when no option earns
    /// full points on every guideline: it is the best answer there is.
    public func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict {
        let best = chosen.count == 1 && chosen.first.map(KindRules.total) == scenario.options.map(KindRules.total).max()
        return KindRules.verdict(scenario, chosen: chosen, bestThereIs: best)
    }

    /// The chosen option; after a less than good answer also the best one ("Beter was").
    public func review(_ scenario: Scenario, chosen: [Scenario.Option], shown: [Scenario.Option], verdict: Verdict,
                       noCritical: Bool) -> [ReviewSection] {
        var sections = [ReviewSection(.youChose, chosen)]
        if verdict != .good,
           let best = Scoring.bestAnswer(scenario, noCritical: noCritical).first.map({ scenario.options[$0] }),
           best.id != chosen.first?.id {
            sections.append(ReviewSection(.betterWas, [best]))
        }
        return sections
    }

    public func problems(in scenario: Scenario) -> [KindProblem] { [] }

    public var interactionType: String { "choice" }

    /// The good options; when none is good on every guideline, the best non-critical one.
    public func correctResponses(_ scenario: Scenario) -> [String] {
        let good = scenario.options.filter { Scoring.verdict(scenario, chosen: [$0]) == .good }
        if !good.isEmpty { return good.map(\.id) }
        let best = scenario.options.filter { !$0.isCritical }.max { KindRules.total($0) < KindRules.total($1) }
        return best.map { [$0.id] } ?? []
    }

    public var optionMeasure: OptionMeasure { .chosen }
    /// Every option with the most points, when that is more than none.
    public func keys(totals: [Int]) -> [Int] {
        guard let highest = totals.max(), highest > 0 else { return [] }
        return totals.indices.filter { totals[$0] == highest }
    }
    public func optionFlags(share: Double, shown: Int, isCritical: Bool) -> [ItemFlag] {
        KindRules.choiceFlags(share: share, shown: shown, isCritical: isCritical)
    }
}
