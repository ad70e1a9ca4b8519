/// Text in one or more languages: a plain string in the course's default language, or a map
/// from language code to string.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → text.
    public var translations: [String: String]

    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `language`, else in `fallback`, else any text there is.
    public func resolved(_ language: String, fallback: String) -> String {
        translations[language] ?? translations[fallback] ?? translations.values.sorted().first ?? ""
    }
}

/// One of the employer's guidelines that scenarios teach and score.
public struct Guideline: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText

    public init(id: String, title: LocalizedText, summary: LocalizedText) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

/// Where the course goes after a scenario.
public enum ScenarioLink: Sendable, Hashable {
    case scenario(String)
    case end

    init(_ text: String) {
        self = text == "end" ? .end : .scenario(text)
    }
}


/// A realistic situation the learner reacts to.
public struct Scenario: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText?
    /// Where it happens ("LinkedIn", "telefoon"): the same word in every language, or translated.
    public var channel: LocalizedText?
    public var situation: LocalizedText
    public var question: LocalizedText?
    public var kind: ScenarioKind
    public var options: [Option]
    public var explanation: LocalizedText?
    public var next: ScenarioLink?

    public init(id: String, title: LocalizedText? = nil, channel: LocalizedText? = nil, situation: LocalizedText,
                question: LocalizedText? = nil, kind: ScenarioKind = .single, options: [Option],
                explanation: LocalizedText? = nil, next: ScenarioLink? = nil) {
        self.id = id
        self.title = title
        self.channel = channel
        self.situation = situation
        self.question = question
        self.kind = kind
        self.options = options
        self.explanation = explanation
        self.next = next
    }

    /// The option with this id.
    public func option(_ id: String) -> Option? { options.first { $0.id == id } }

    /// Guidelines any option of this scenario scores, in the course's guideline order.
    public func guidelinesInvolved(in course: Course) -> [Guideline] {
        course.guidelines.filter { guideline in options.contains { $0.score(for: guideline.id) != 0 } }
    }
}

extension Scenario {
    /// One possible reaction to a scenario.
    public struct Option: Sendable, Hashable, Identifiable {
        public var id: String
        public var text: LocalizedText
        /// Guideline id → points (negative allowed).
        public var scores: [String: Int]
        public var feedback: LocalizedText?
        public var isCritical: Bool
        /// Where the kind lets options lead on (single choice): overrides the scenario's `next`.
        public var next: ScenarioLink?

        public init(id: String, text: LocalizedText, scores: [String: Int], feedback: LocalizedText? = nil,
                    isCritical: Bool = false, next: ScenarioLink? = nil) {
            self.id = id
            self.text = text
            self.scores = scores
            self.feedback = feedback
            self.isCritical = isCritical
            self.next = next
        }

        /// Points for one guideline; a guideline not named scores 0.
        public func score(for guideline: String) -> Int { scores[guideline] ?? 0 }
    }
}

/// A bank of interchangeable scenarios: an attempt shows `draw` of its members (SPEC §2).
public struct ScenarioPool: Sendable, Hashable, Identifiable {
    public var id: String
    /// How many members an attempt shows.
    public var draw: Int
    /// Member scenario ids, as the course lists them.
    public var scenarios: [String]

    public init(id: String, draw: Int, scenarios: [String]) {
        self.id = id
        self.draw = draw
        self.scenarios = scenarios
    }
}

/// The pass rule, in whole percentages.
public struct PassingRule: Sendable, Hashable {
    public var overall: Int
    public var perGuideline: Int
    public var noCritical: Bool

    public init(overall: Int = 80, perGuideline: Int = 60, noCritical: Bool = true) {
        self.overall = overall
        self.perGuideline = perGuideline
        self.noCritical = noCritical
    }
}

/// A course: guidelines and the branching scenarios that teach them.
public struct Course: Sendable {
    public var id: String
    public var version: String
    public var language: String
    public var languages: [String]
    /// Languages of `languages` that some text of the course lacks (a translation under way).
    /// The course's own `language` is never among them: a course lacking it does not load.
    public var incompleteLanguages: [String] = []
    public var title: LocalizedText
    public var introduction: LocalizedText?
    public var closing: LocalizedText?
    public var passing: PassingRule
    public var validFor: ISODuration?
    public var dueWithinDays: Int?
    public var shuffleOptions: Bool
    /// Show the pools in a random order per attempt (recorded as the attempt's `order`), so
    /// no position on the route tells which pool, or guideline, a situation comes from.
    public var shufflePools = false
    /// A statement the learner confirms after passing (policy attestation).
    public var acknowledgement: LocalizedText?
    /// After a pass, a short refresher falls due every `refresher.every`.
    public var refresher: RefresherRule?
    /// The policy the course teaches, shown at any question by `beleid` / `policy`.
    public var policy: CoursePolicy?
    public var pools: [ScenarioPool] {
        didSet { poolIndex = Self.poolIndex(pools) }
    }
    public var guidelines: [Guideline]
    public var scenarios: [Scenario] {
        didSet { scenarioIndex = Self.index(scenarios) }
    }
    private var scenarioIndex: [String: Int]
    /// Scenario id → position of its pool in `pools`.
    private var poolIndex: [String: Int]

    public init(id: String, version: String, language: String, languages: [String]? = nil, title: LocalizedText,
                introduction: LocalizedText? = nil, closing: LocalizedText? = nil, passing: PassingRule = PassingRule(),
                validFor: ISODuration? = nil, dueWithinDays: Int? = nil, shuffleOptions: Bool = false,
                acknowledgement: LocalizedText? = nil, pools: [ScenarioPool] = [],
                guidelines: [Guideline], scenarios: [Scenario], refresher: RefresherRule? = nil) {
        self.id = id
        self.version = version
        self.language = language
        self.languages = languages ?? [language]
        self.title = title
        self.introduction = introduction
        self.closing = closing
        self.passing = passing
        self.validFor = validFor
        self.dueWithinDays = dueWithinDays
        self.shuffleOptions = shuffleOptions
        self.acknowledgement = acknowledgement
        self.refresher = refresher
        self.pools = pools
        self.guidelines = guidelines
        self.scenarios = scenarios
        self.scenarioIndex = Self.index(scenarios)
        self.poolIndex = Self.poolIndex(pools)
    }

    /// The languages every text of the course has: the ones a session can be given in.
    public var completeLanguages: [String] { languages.filter { !incompleteLanguages.contains($0) } }

    private static func poolIndex(_ pools: [ScenarioPool]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, pool) in pools.enumerated() {
            for member in pool.scenarios where index[member] == nil { index[member] = position }
        }
        return index
    }

    /// The position in `pools` of the pool that holds a scenario; nil for a scenario always shown.
    public func poolPosition(of scenarioID: String) -> Int? { poolIndex[scenarioID] }

    /// Whether an attempt with this draw shows the scenario at `index` (nil draw: every scenario).
    public func isShown(_ index: Int, drawn: Set<String>?) -> Bool {
        let id = scenarios[index].id
        guard let drawn, poolIndex[id] != nil else { return true }
        return drawn.contains(id)
    }

    /// The first scenario an attempt with this draw shows.
    public func firstScenario(drawn: Set<String>?) -> Int? {
        guard !scenarios.isEmpty else { return nil }
        return shownFrom(0, drawn: drawn)
    }

    /// Where the course goes after scenario `index` when `option` was chosen, passing over
    /// scenarios the draw left out: a skipped scenario continues at its own `next`.
    public func successor(of index: Int, choosing option: Scenario.Option?, drawn: Set<String>?) -> Int? {
        successor(of: index, choosing: option).flatMap { shownFrom($0, drawn: drawn) }
    }

    private func shownFrom(_ start: Int, drawn: Set<String>?) -> Int? {
        var index: Int? = start
        var steps = 0
        // A valid course has no loops; the step bound keeps an invalid one from hanging here.
        while let current = index, !isShown(current, drawn: drawn), steps <= scenarios.count {
            index = successor(of: current, choosing: nil)
            steps += 1
        }
        return steps > scenarios.count ? nil : index
    }

    private static func index(_ scenarios: [Scenario]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, scenario) in scenarios.enumerated() where index[scenario.id] == nil {
            index[scenario.id] = position
        }
        return index
    }

    /// Whether the course has no links: every scenario is followed by the next one in the file,
    /// so its route is the scenarios a draw shows, in file order (see `route(drawn:)`).
    public var isLinear: Bool {
        scenarios.allSatisfy { scenario in scenario.next == nil && scenario.options.allSatisfy { $0.next == nil } }
    }

    /// The scenarios a linear course shows with this draw, in file order.
    public func route(drawn: Set<String>?) -> [String] {
        scenarios.indices.filter { isShown($0, drawn: drawn) }.map { scenarios[$0].id }
    }

    /// Whether an attempt needs a seed: the course shuffles options, or a kind always does.
    public var needsSeed: Bool {
        shuffleOptions || scenarios.contains { $0.rules.shuffles(courseShuffles: false) }
    }

    /// The position of a scenario in `scenarios`.
    public func indexOfScenario(_ id: String) -> Int? { scenarioIndex[id] }

    /// The scenario with this id.
    public func scenario(_ id: String) -> Scenario? { scenarioIndex[id].map { scenarios[$0] } }

    /// The guideline with this id.
    public func guideline(_ id: String) -> Guideline? { guidelines.first { $0.id == id } }

    /// Where the course goes after scenario `index` when `option` was chosen (nil: the end).
    public func successor(of index: Int, choosing option: Scenario.Option?) -> Int? {
        let scenario = scenarios[index]
        let link = scenario.rules.link(first: option, in: scenario)
        switch link {
        case .end: return nil
        case .scenario(let id): return scenarioIndex[id]
        case nil: return index + 1 < scenarios.count ? index + 1 : nil
        }
    }

    /// Every scenario that can follow scenario `index`, and whether the course can end there.
    public func successors(of index: Int) -> (next: [Int], canEnd: Bool) {
        let scenario = scenarios[index]
        let choices = scenario.rules.deciding(scenario)
        var next: [Int] = []
        var canEnd = false
        for option in choices {
            if let successor = successor(of: index, choosing: option) {
                if !next.contains(successor) { next.append(successor) }
            } else {
                canEnd = true
            }
        }
        return (next, canEnd)
    }
}
