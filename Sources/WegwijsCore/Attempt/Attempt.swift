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
    /// The chosen options, in the order they were shown.
    public var chosen: [Scenario.Option]
    /// Multiple-answer scenarios: positively scored options the learner did not choose.
    public var missed: [Scenario.Option]
    public var guidelinesInvolved: [Guideline]
}

/// One learner's way through a course: which scenario is current, what was answered, and
/// where the branching leads. Pure state; the console drives it and the record store saves it.
public struct Attempt: Sendable {
    public let course: Course
    /// Present when the course shuffles options; reproduces every scenario's order. Below 2^53,
    /// so JSON tools that read numbers as doubles keep it exact.
    public let seed: UInt64?
    public private(set) var answers: [Answer] = []
    /// Index of the scenario to answer next; nil once the course has ended.
    public private(set) var currentIndex: Int?

    /// A new attempt at the first scenario. `seed` is used only when the course shuffles options.
    public init(course: Course, seed: UInt64? = nil) {
        self.course = course
        self.seed = course.shuffleOptions ? (seed ?? UInt64.random(in: 0..<(1 << 53))) : nil
        self.currentIndex = course.scenarios.isEmpty ? nil : 0
    }

    /// Replays saved answers; fails when they do not follow a route the course allows.
    public init(course: Course, seed: UInt64?, replaying answers: [Answer]) throws(AttemptError) {
        self.init(course: course, seed: seed)
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
        return Self.shownOptions(of: course.scenarios[index], seed: seed)
    }

    /// The shown order of a scenario's options for a seed; the same seed always gives the same order.
    public static func shownOptions(of scenario: Scenario, seed: UInt64?) -> [Scenario.Option] {
        guard let seed else { return scenario.options }
        var generator = SplitMix64(seed: seed ^ stableHash(scenario.id))
        // Fisher–Yates written out: the standard library's shuffle may change between releases,
        // and a stored seed must give the same order forever.
        var options = scenario.options
        var index = options.count - 1
        while index > 0 {
            options.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            index -= 1
        }
        return options
    }

    /// How many scenarios this attempt has shown so far, including the current one.
    public var position: Int { answers.count + (isFinished ? 0 : 1) }

    /// The expected total number of scenarios: those answered plus the route from the current
    /// one along each scenario's own `next` (a branch taken later may add follow-ups).
    public var expectedTotal: Int {
        var count = answers.count
        var index = currentIndex
        var visited = Set<Int>()
        while let current = index, visited.insert(current).inserted {
            count += 1
            index = course.successor(of: current, choosing: nil)
        }
        return count
    }

    /// Records an answer to the current scenario and moves along the branching.
    @discardableResult
    public mutating func answer(_ optionIDs: [String], at date: Date) throws(AttemptError) -> ScenarioOutcome {
        guard let index = currentIndex else { throw AttemptError(message: "the course has already ended") }
        let scenario = course.scenarios[index]
        guard !optionIDs.isEmpty else { throw AttemptError(message: "no option chosen in scenario '\(scenario.id)'") }
        if scenario.kind == .single, optionIDs.count != 1 {
            throw AttemptError(message: "scenario '\(scenario.id)' takes exactly one option, got \(optionIDs.count)")
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
        let shown = Self.shownOptions(of: scenario, seed: seed)
        chosen.sort { a, b in
            (shown.firstIndex { $0.id == a.id } ?? 0) < (shown.firstIndex { $0.id == b.id } ?? 0)
        }
        answers.append(Answer(scenario: scenario.id, options: chosen.map(\.id), at: date))
        currentIndex = course.successor(of: index, choosing: chosen.first)

        let missed = scenario.kind == .multiple
            ? shown.filter { option in !optionIDs.contains(option.id) && option.scores.values.contains { $0 > 0 } }
            : []
        return ScenarioOutcome(scenario: scenario, verdict: Scoring.verdict(scenario, chosen: chosen), chosen: chosen,
                               missed: missed, guidelinesInvolved: scenario.guidelinesInvolved(in: course))
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
