/// Whether a scenario takes exactly one option or one or more, and everything that depends on
/// it: how an answer is checked, what a scenario can score, what the best answer is, where an
/// answer leads, and what the learner is shown after it. A new kind is one new case here: each
/// `switch` below is exhaustive, so the compiler names every place that needs it.
public enum ScenarioKind: String, Sendable, Hashable, CaseIterable {
    case single
    case multiple

    /// The learner may choose more than one option.
    public var allowsMany: Bool {
        switch self {
        case .single: false
        case .multiple: true
        }
    }

    /// An option's own `next` decides where the course goes (else only the scenario's `next`).
    public var optionsLeadOn: Bool {
        switch self {
        case .single: true
        case .multiple: false
        }
    }

    /// Why a number of chosen options is not an answer here, or nil when it is.
    func countProblem(_ count: Int, scenario: String) -> String? {
        switch self {
        case .single: count == 1 ? nil : "scenario '\(scenario)' takes exactly one option, got \(count)"
        case .multiple: count >= 1 ? nil : "no option chosen in scenario '\(scenario)'"
        }
    }

    /// Most points for one guideline, from every option's points for it (SPEC §3 `possible`).
    func possible(_ points: [Int]) -> Int {
        switch self {
        case .single: max(0, points.max() ?? 0)
        case .multiple: points.reduce(0) { $0 + max(0, $1) }
        }
    }

    /// Most and fewest points a set of options' values can add up to in one answer.
    func range(of values: [Int]) -> (best: Int, worst: Int) {
        switch self {
        case .single:
            return (values.max() ?? 0, values.min() ?? 0)
        case .multiple:
            let positive = values.filter { $0 > 0 }.reduce(0, +)
            let negative = values.filter { $0 < 0 }.reduce(0, +)
            return (positive > 0 ? positive : values.max() ?? 0, negative < 0 ? negative : values.min() ?? 0)
        }
    }

    /// The best answer from each option's total and whether it may be chosen (not critical
    /// under a no-critical rule): the highest usable total, the first on a tie; for several
    /// answers, every usable option with a positive total.
    func bestAnswer(totals: [Int], usable: [Bool]) -> [Int] {
        let candidates = usable.contains(true) ? totals.indices.filter { usable[$0] } : Array(totals.indices)
        let highest = candidates.max { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 > $1) }
        switch self {
        case .single:
            return highest.map { [$0] } ?? []
        case .multiple:
            let positive = candidates.filter { totals[$0] > 0 }
            return positive.isEmpty ? (highest.map { [$0] } ?? []) : positive
        }
    }

    /// The answers one step away from the best: another option, or for several answers the
    /// best set with one option added or left out.
    func slipAnswers(best: [Int], optionCount: Int) -> [[Int]] {
        switch self {
        case .single:
            return (0..<optionCount).filter { $0 != best.first }.map { [$0] }
        case .multiple:
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
    }

    /// After an answer: show the positively scored options not chosen ("Ook goed").
    var showsMissedOptions: Bool {
        switch self {
        case .single: false
        case .multiple: true
        }
    }

    /// After a less than good answer: show the best option ("Beter was").
    var showsBetterOption: Bool {
        switch self {
        case .single: true
        case .multiple: false
        }
    }

    /// The best single option counts as good even when no option earns full points on every
    /// guideline (it is the best answer there is); several answers must earn full points.
    var bestIsGood: Bool {
        switch self {
        case .single: true
        case .multiple: false
        }
    }
}
