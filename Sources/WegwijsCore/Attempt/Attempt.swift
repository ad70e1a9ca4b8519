import Foundation

/// Why an answer (typed now, or replayed from a record) does not fit the course.
public struct AttemptError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// What the learner sees after answering a scenario.
public struct ScenarioOutcome: Sendable {
    public var scenario: Scenario
    public var verdict: Verdict
    /// The chosen options, in the learner's order.
    public var chosen: [Scenario.Option]
    /// What is shown after the verdict (the kind decides: see `QuestionKind.review`).
    public var review: [ReviewSection]
    /// For each guideline the scenario can score (course order): points earned and possible.
    public var points: [GuidelinePoints]
}

/// Points one answer earned for one guideline, out of those the scenario offers.
public struct GuidelinePoints: Sendable, Hashable {
    public var guideline: String
    public var earned: Int
    public var possible: Int
}

/// One learner's way through a course: which scenario is current, what was answered, and
/// where the branching leads. Pure state; the console drives it and the record store saves it.
public struct Attempt: Sendable {
    public let course: Course
    /// Present when the course shuffles options or has a ranking; reproduces every scenario's
    /// order. Below 2^53,
    /// so JSON tools that read numbers as doubles keep it exact.
    public let seed: UInt64?
    /// The pool members drawn for this attempt, in course order; nil when the course has no pools.
    public let drawn: [String]?
    private let drawnSet: Set<String>?
    /// A refresher's situations in the order shown (see `RefresherSelection`); nil for the full
    /// course. A refresher follows this list and no branching.
    public let refresher: [String]?
    /// The order of the main-line situations the draw shows, when it differs from the
    /// course's: a retake's (see `RetakeOrder`) or shuffled pools' (`shufflePools`); nil: the
    /// course's order. Only for a reorderable course (`Course.isReorderable`): an option's
    /// follow-ups are shown after its situation, then the attempt goes on along `order`.
    public let order: [String]?
    /// Follow-up index → its main-line scenario, when the attempt follows `order`.
    private let followUps: [Int: Int]
    /// The position in `order` of the last main-line situation answered (-1: none yet).
    private var orderPosition = -1
    public private(set) var answers: [Answer] = []
    /// Index of the scenario to answer next; nil once the course has ended.
    public private(set) var currentIndex: Int?

    /// A new attempt at the first scenario it shows. `seed` is used only when the course
    /// shuffles options; `drawn` only when it has pools (nil: draw now, see `Attempt.draw`);
    /// `refresher`, when given, are the situations shown instead of the course's route;
    /// `order`, the order in which a retake shows the situations of the draw.
    public init(course: Course, seed: UInt64? = nil, drawn: [String]? = nil, refresher: [String]? = nil, order: [String]? = nil) {
        self.course = course
        self.seed = course.needsSeed ? (seed ?? UInt64.random(in: 0..<(1 << 53))) : nil
        self.refresher = refresher
        self.order = refresher == nil ? order : nil
        self.followUps = self.order == nil ? [:] : (course.followUpParents ?? [:])
        if let refresher {
            self.drawn = nil
            self.drawnSet = nil
            self.currentIndex = refresher.first.flatMap(course.indexOfScenario)
            return
        }
        if course.pools.isEmpty {
            self.drawn = nil
        } else {
            var generator = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))
            self.drawn = drawn ?? Self.draw(course, seen: [], using: &generator)
        }
        self.drawnSet = self.drawn.map(Set.init)
        if let order = self.order {
            self.currentIndex = order.first.flatMap(course.indexOfScenario)
        } else {
            self.currentIndex = course.firstScenario(drawn: drawnSet)
        }
    }

    /// Replays saved answers; fails when they do not follow a route the course allows with
    /// this draw, or when the draw itself does not fit the course's pools.
    public init(course: Course, seed: UInt64?, drawn: [String]? = nil, refresher: [String]? = nil, order: [String]? = nil,
                replaying answers: [Answer]) throws(AttemptError) {
        if let refresher {
            if let problem = Self.refresherProblem(refresher, drawn: drawn, in: course) { throw AttemptError(message: problem) }
            if order != nil { throw AttemptError(message: "a refresher has no retake order") }
        } else if let problem = Self.drawProblem(drawn, in: course) {
            throw AttemptError(message: problem)
        } else if let order, let problem = Self.orderProblem(order, drawn: drawn, in: course) {
            throw AttemptError(message: problem)
        }
        self.init(course: course, seed: seed, drawn: drawn, refresher: refresher, order: order)
        for (number, answer) in answers.enumerated() {
            guard let index = currentIndex else {
                throw AttemptError(message: "answer \(number + 1) (scenario '\(answer.scenario)') comes after the course has ended")
            }
            let expected = course.scenarios[index].id
            guard answer.scenario == expected else {
                let known = course.scenario(answer.scenario) == nil ? "unknown scenario" : "scenario"
                throw AttemptError(message: "answer \(number + 1) is for \(known) '\(answer.scenario)', but the route leads to '\(expected)'")
            }
            do throws(AttemptError) {
                _ = try self.answer(answer.options, at: answer.at)
            } catch {
                throw AttemptError(message: "answer \(number + 1): \(error.message)")
            }
        }
    }

    public var isFinished: Bool { currentIndex == nil }

    /// The scenario to answer next.
    public var currentScenario: Scenario? { currentIndex.map { course.scenarios[$0] } }

    /// The options of the current scenario in the order shown (shuffled when the course says so).
    public var shownOptions: [Scenario.Option] {
        guard let index = currentIndex else { return [] }
        return Self.shownOptions(of: course.scenarios[index], seed: seed, courseShuffles: course.shuffleOptions)
    }

    /// Draws the members of every pool for a new attempt, in course order: members not in
    /// `seen` (shown in the learner's earlier attempts) first, each group in seeded random order.
    public static func draw<G: RandomNumberGenerator>(_ course: Course, seen: Set<String>, using generator: inout G) -> [String] {
        var drawn: Set<String> = []
        for pool in course.pools {
            let members = pool.scenarios.filter { course.indexOfScenario($0) != nil }
            let fresh = shuffled(members.filter { !seen.contains($0) }, using: &generator)
            let shownBefore = shuffled(members.filter { seen.contains($0) }, using: &generator)
            drawn.formUnion((fresh + shownBefore).prefix(pool.draw))
        }
        return course.scenarios.map(\.id).filter(drawn.contains)
    }

    /// Why a recorded draw does not fit the course, or nil when it does: every pool must have
    /// exactly `draw` members drawn, and nothing outside the pools may be named.
    public static func drawProblem(_ drawn: [String]?, in course: Course) -> String? {
        guard let drawn else {
            return course.pools.isEmpty ? nil : "the course has pools, but the attempt does not say what was drawn"
        }
        guard !course.pools.isEmpty else { return "the attempt names drawn scenarios, but the course has no pools" }
        guard Set(drawn).count == drawn.count else { return "a drawn scenario is named twice" }
        for id in drawn where course.poolPosition(of: id) == nil {
            return "drawn scenario '\(id)' is in no pool of the course"
        }
        for pool in course.pools {
            let count = pool.scenarios.filter(drawn.contains).count
            if count != pool.draw {
                return "pool '\(pool.id)' shows \(pool.draw) scenario(s), but \(count) are drawn from it"
            }
        }
        return nil
    }

    /// Why a recorded refresher's situations cannot be shown on the course, or nil.
    public static func refresherProblem(_ refresher: [String], drawn: [String]?, in course: Course) -> String? {
        guard drawn == nil else { return "a refresher draws no pools, but the attempt names drawn scenarios" }
        guard !refresher.isEmpty else { return "the refresher names no situations" }
        guard Set(refresher).count == refresher.count else { return "a refresher situation is named twice" }
        for id in refresher where course.scenario(id) == nil { return "refresher situation '\(id)' is not a scenario of the course" }
        return nil
    }

    /// Why a recorded order cannot be shown on the course, or nil: the course must be
    /// reorderable, and the order must hold exactly the main-line situations the draw shows.
    public static func orderProblem(_ order: [String], drawn: [String]?, in course: Course) -> String? {
        guard course.isReorderable else {
            return "the attempt names an order, but the course has links (next) that only its own route can follow"
        }
        let route = course.mainRoute(drawn: drawn.map(Set.init))
        guard order.count == route.count, Set(order) == Set(route) else {
            return "the order (\(order.prefix(20).joined(separator: ", "))) does not hold exactly the situations the draw shows (\(route.joined(separator: ", ")))"
        }
        return nil
    }

    /// Fisher–Yates written out: the standard library's shuffle may change between releases,
    /// and a stored seed must give the same order forever.
    static func shuffled<T, G: RandomNumberGenerator>(_ items: [T], using generator: inout G) -> [T] {
        var items = items
        var index = items.count - 1
        while index > 0 {
            items.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            index -= 1
        }
        return items
    }

    /// The shown order of a scenario's options for a seed; the same seed always gives the same
    /// order. Without a seed, or when neither the course nor the kind shuffles, the file's order.
    public static func shownOptions(of scenario: Scenario, seed: UInt64?, courseShuffles: Bool = true) -> [Scenario.Option] {
        guard let seed, scenario.rules.shuffles(courseShuffles: courseShuffles) else { return scenario.options }
        var generator = SplitMix64(seed: seed ^ stableHash(scenario.id))
        return scenario.rules.shownOrder(file: scenario.options, shuffled: shuffled(scenario.options, using: &generator))
    }

    /// How many scenarios this attempt has shown so far, including the current one.
    public var position: Int { answers.count + (isFinished ? 0 : 1) }

    /// The expected total number of scenarios: those answered plus the route from the current
    /// one along each scenario's own `next` (a branch taken later may add follow-ups).
    public var expectedTotal: Int {
        if let refresher { return refresher.count }
        if let order {
            let onFollowUp = currentIndex.map { followUps[$0] != nil } ?? false
            return answers.count + (onFollowUp ? 1 : 0) + order.count - (orderPosition + 1)
        }
        var count = answers.count
        var index = currentIndex
        var visited = Set<Int>()
        while let current = index, visited.insert(current).inserted {
            count += 1
            index = course.successor(of: current, choosing: nil, drawn: drawnSet)
        }
        return count
    }

    /// Records an answer to the current scenario and moves along the branching.
    @discardableResult
    public mutating func answer(_ optionIDs: [String], at date: Date) throws(AttemptError) -> ScenarioOutcome {
        guard let index = currentIndex else { throw AttemptError(message: "the course has already ended") }
        let scenario = course.scenarios[index]
        guard !optionIDs.isEmpty else { throw AttemptError(message: "no option chosen in scenario '\(scenario.id)'") }
        if let problem = scenario.rules.answerProblem(count: optionIDs.count, optionCount: scenario.options.count, scenario: scenario.id) {
            throw AttemptError(message: problem)
        }
        guard Set(optionIDs).count == optionIDs.count else {
            throw AttemptError(message: "an option is chosen twice in scenario '\(scenario.id)'")
        }
        var chosen: [Scenario.Option] = []
        for id in optionIDs {
            guard let option = scenario.option(id) else {
                throw AttemptError(message: "scenario '\(scenario.id)' has no option '\(id)'")
            }
            chosen.append(option)
        }
        // The learner's own order is kept: it is what they typed, and a ranking scores it.
        let shown = Self.shownOptions(of: scenario, seed: seed, courseShuffles: course.shuffleOptions)
        answers.append(Answer(scenario: scenario.id, options: chosen.map(\.id), at: date))
        if let refresher {
            currentIndex = answers.count < refresher.count ? course.indexOfScenario(refresher[answers.count]) : nil
        } else if let order {
            // A follow-up of the chosen option comes first; then the next situation of the order.
            if followUps[index] == nil, let position = order.firstIndex(of: scenario.id) { orderPosition = position }
            if let next = course.successor(of: index, choosing: chosen.first), followUps[next] != nil {
                currentIndex = next
            } else {
                currentIndex = orderPosition + 1 < order.count ? course.indexOfScenario(order[orderPosition + 1]) : nil
            }
        } else {
            currentIndex = course.successor(of: index, choosing: chosen.first, drawn: drawnSet)
        }

        let verdict = Scoring.verdict(scenario, chosen: chosen)
        let review = scenario.rules.review(scenario, chosen: chosen, shown: shown, verdict: verdict,
                                           noCritical: course.passing.noCritical)
        let points = course.guidelines.compactMap { guideline -> GuidelinePoints? in
            let possible = Scoring.possible(scenario, guideline: guideline.id)
            guard possible > 0 else { return nil }
            return GuidelinePoints(guideline: guideline.id, earned: Scoring.earned(scenario, chosen, guideline: guideline.id), possible: possible)
        }
        return ScenarioOutcome(scenario: scenario, verdict: verdict, chosen: chosen, review: review, points: points)
    }

    /// The answered scenarios in which the answer earned less than possible for a guideline.
    public func scenariosLosingPoints(guideline: String) -> [Scenario] {
        answers.compactMap { answer in
            guard let scenario = course.scenario(answer.scenario) else { return nil }
            let chosen = answer.options.compactMap(scenario.option)
            return Scoring.earned(scenario, chosen, guideline: guideline) < Scoring.possible(scenario, guideline: guideline) ? scenario : nil
        }
    }

    /// The score of the answers so far.
    public var scoreSheet: ScoreSheet { Scoring.scoreSheet(for: course, answers: answers) }

    /// FNV-1a: a hash that, unlike `Hasher`, is the same in every process.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

/// A small seeded generator, so a shuffle can be reproduced from the seed in a record.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
