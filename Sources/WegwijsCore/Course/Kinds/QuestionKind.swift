/// Everything a question kind decides: how the learner's letters are checked, in what order the
/// options are shown, where an answer leads, what an answer scores and what the best one is,
/// what is shown after it, how it is validated, how it is sent to an LRS and what `stats`
/// counts per option. Each kind is one type; `ScenarioKind.rules` is the one dispatch.
public protocol QuestionKind: Sendable {
    // MARK: Answering

    /// What letters typed at the prompt mean: option positions as shown, in the order typed,
    /// repeats kept (0 = a).
    func check(_ positions: [Int], optionCount: Int) -> LetterCheck
    /// Why `count` distinct options, out of `optionCount`, are not an answer here (a record
    /// replayed or an answer typed), or nil when they are.
    func answerProblemWording(count: Int, optionCount: Int, scenario: String) -> LocalizedMessage?
    /// The option positions Tab still offers after the letters already typed on the line.
    func remainingLetters(typed: [Int], optionCount: Int) -> [Int]
    /// Whether the options are shown in a seeded random order, given the course's own
    /// `shuffleOptions`.
    func shuffles(courseShuffles: Bool) -> Bool
    /// The order shown from the file's order and the seeded shuffle of it.
    func shownOrder(file: [Scenario.Option], shuffled: [Scenario.Option]) -> [Scenario.Option]

    // MARK: Routes

    /// The options whose choice decides where the course goes next; `[nil]` when only the
    /// scenario's own `next` does.
    func deciding(_ scenario: Scenario) -> [Scenario.Option?]
    /// Where an answer whose first option is `first` leads (nil: the scenario's default).
    func link(first: Scenario.Option?, in scenario: Scenario) -> ScenarioLink?

    // MARK: Scoring (SPEC §3)

    /// Whether the option at `option` in the file, given at `position` of the answer, earns its points.
    func earns(option: Int, at position: Int) -> Bool
    /// Most points for one guideline, from every option's points for it (`possible`).
    func possible(_ points: [Int]) -> Int
    /// Most and fewest points one answer can earn, from each option's points.
    func range(of values: [Int]) -> (best: Int, worst: Int)
    /// The best answer (option positions in the file) from each option's total and whether
    /// it may be chosen (not critical under a no-critical rule).
    func bestAnswer(totals: [Int], usable: [Bool]) -> [Int]
    /// The answers one step away from the best (SPEC §3 single slips).
    func slipAnswers(best: [Int], optionCount: Int) -> [[Int]]
    /// An answer (option ids in the learner's order) in a message, each id written by `id`.
    func wording(of answer: [String], id: (String) -> String) -> LocalizedMessage
    /// The answers from `usable` options that no other answer beats on every guideline, with
    /// the points each earns per guideline; `points` gives an option's points per guideline.
    func bestChoices(usable: [Int], points: (Int) -> [Int], guidelineCount: Int) -> [(options: [Int], earned: [Int])]
    /// How well an answer did.
    func verdict(_ scenario: Scenario, chosen: [Scenario.Option]) -> Verdict

    // MARK: After an answer

    /// What the learner is shown after the verdict, in order.
    func review(_ scenario: Scenario, chosen: [Scenario.Option], shown: [Scenario.Option], verdict: Verdict,
                noCritical: Bool) -> [ReviewSection]

    // MARK: Validation

    /// The kind's own rules for a scenario's options (SPEC §2), as paths below the scenario.
    func problems(in scenario: Scenario) -> [KindProblem]

    // MARK: xAPI and statistics

    /// The xAPI 1.0.3 `interactionType`.
    var interactionType: String { get }
    /// The xAPI `correctResponsesPattern`: the answers that count as right, as responses.
    func correctResponses(_ scenario: Scenario) -> [String]
    /// What `stats` counts per option.
    var optionMeasure: OptionMeasure { get }
    /// The flags on one option from its share of the attempts that showed the scenario.
    func optionFlags(share: Double, shown: Int, isCritical: Bool) -> [ItemFlag]
    /// The key `stats` marks: the options (positions in the file) that earn the points, from
    /// each option's total.
    func keys(totals: [Int]) -> [Int]
}

extension QuestionKind {
    /// `answerProblemWording` in English (an attempt's errors are in English only).
    public func answerProblem(count: Int, optionCount: Int, scenario: String) -> String? {
        answerProblemWording(count: count, optionCount: optionCount, scenario: scenario)?.en
    }
}

/// The letters typed, checked against a kind's rule.
public enum LetterCheck: Sendable, Hashable {
    /// An answer: positions as shown, in the order that counts.
    case answer([Int])
    /// More than one letter where one is asked for.
    case onlyOne
    /// A letter typed twice where each option is used once.
    case repeated(Int)
    /// Letters left out where every option must be placed.
    case incomplete(missing: [Int])
}

/// One part of what is shown after an answer.
public struct ReviewSection: Sendable, Hashable {
    public enum Label: Sendable, Hashable {
        /// The chosen option(s).
        case youChose
        /// Positively scored options not chosen.
        case alsoRight
        /// The best option, after a less than good answer.
        case betterWas
        /// The learner's order, numbered.
        case yourOrder
        /// The right order, numbered.
        case rightOrder
    }
    public var label: Label
    public var options: [Scenario.Option]
    /// Per option, whether it stands in its right place; empty where places do not count.
    public var rightPlace: [Bool]
    /// Whether each option's feedback is shown under it.
    public var showsFeedback: Bool

    public init(_ label: Label, _ options: [Scenario.Option], rightPlace: [Bool] = [], showsFeedback: Bool = true) {
        self.label = label
        self.options = options
        self.rightPlace = rightPlace
        self.showsFeedback = showsFeedback
    }
}

/// A kind's rule broken by a scenario, at a JSON Pointer below the scenario (`/options/2/next`).
public struct KindProblem: Sendable, Hashable {
    public var path: String
    public var wording: LocalizedMessage

    public init(path: String, _ wording: LocalizedMessage) {
        self.path = path
        self.wording = wording
    }

    /// The message in English.
    public var message: String { wording.en }
}

/// What `stats` counts per option.
public enum OptionMeasure: String, Sendable, Hashable {
    /// Attempts that chose it.
    case chosen
    /// Attempts that placed it in its right place.
    case placedRight = "placed-right"
}

/// Rules more than one kind shares.
enum KindRules {
    /// Options may lead on with their own `next`.
    static func optionLink(first: Scenario.Option?, in scenario: Scenario) -> ScenarioLink? {
        first?.next ?? scenario.next
    }

    /// Options may not have a `next`: the scenario's decides.
    static func noOptionNext(_ scenario: Scenario, kindName: LocalizedMessage) -> [KindProblem] {
        scenario.options.enumerated().compactMap { index, option in
            option.next == nil ? nil : KindProblem(
                path: "/options/\(index)/next",
                CourseMessages.optionNextInKind(option: option.id, scenario: scenario.id, kind: kindName))
        }
    }

    /// The flags of a chosen option: rarely chosen, or critical and chosen often (SPEC §8).
    static func choiceFlags(share: Double, shown: Int, isCritical: Bool) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if share < 2, shown >= ItemStatistics.unusedOptionMinimum { flags.append(.unusedOption) }
        if isCritical, share >= 10 { flags.append(.criticalOften) }
        return flags
    }

    /// The verdict by points: full points on every guideline the scenario scores is good, points
    /// on some is partly good, none is not good; a critical option is a serious breach.
    /// `bestThereIs` also counts an unpenalised answer as good.
    static func verdict(_ scenario: Scenario, chosen: [Scenario.Option], bestThereIs: Bool = false) -> Verdict {
        if chosen.contains(where: \.isCritical) { return .seriousBreach }
        let scored = Set(scenario.options.flatMap { $0.scores.filter { $0.value > 0 }.keys })
        var full = true
        var some = false
        for guideline in scored {
            let got = Scoring.earned(scenario, chosen, guideline: guideline)
            if got < Scoring.possible(scenario, guideline: guideline) { full = false }
            if got > 0 { some = true }
        }
        let penalised = chosen.contains { $0.scores.values.contains { $0 < 0 } }
        if !penalised, full || bestThereIs { return .good }
        return some ? .partlyGood : .notGood
    }

    /// An answer as the options chosen: `a + c`.
    static func chosenOptions(_ answer: [String], id: (String) -> String) -> LocalizedMessage {
        .verbatim(answer.map(id).joined(separator: " + "))
    }

    /// An option's points over all its guidelines.
    static func total(_ option: Scenario.Option) -> Int { option.scores.values.reduce(0, +) }
}
