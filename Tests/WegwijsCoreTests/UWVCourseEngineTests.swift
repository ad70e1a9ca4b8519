import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// The UWV course through the engine itself (draws, routes, scoring), next to the JSON-only
/// checks in `UWVCourseTests`: two independent computations of the same figures.
@Suite("The UWV course through the engine")
struct UWVCourseEngineTests {
    static func load() throws -> LoadedCourse {
        try CourseLoader.load(path: TestCourses.fixture("../../courses/uwv-sociale-media.json"))
    }

    @Test("paths: 14–18 scenarios on every route, every guideline assessed 3 times in every draw, no ordinary single slip")
    func analysis() throws {
        let course = try Self.load().course
        let analysis = RouteAnalysis(course: course, listLimit: 0)
        #expect(analysis.shortestRoute >= 14 && analysis.longestRoute <= 18)
        #expect(analysis.fewestAssessing.allSatisfy { $0.scenarios >= 3 }, "\(analysis.fewestAssessing)")
        #expect(analysis.singleSlips.filter { !$0.isCritical }.isEmpty, "\(analysis.singleSlips.filter { !$0.isCritical })")
        #expect(analysis.canPass == true && analysis.worstCanPass == false)
        let draws = course.pools.reduce(UInt64(1)) { total, pool in total * UInt64(pool.scenarios.count) }
        #expect(course.pools.allSatisfy { $0.draw == 1 } ? analysis.drawCount == draws : analysis.drawCount > 1)
    }

    @Test("a learner who picks the best answer 90 % of the time, else another ordinary one, passes at least 80 % of attempts")
    func simulatedLearner() throws {
        let course = try Self.load().course
        let graph = RouteGraph(course: course)
        var random = SplitMix64(seed: 2026)
        var passed = 0
        let attempts = 4_000
        for _ in 0..<attempts {
            var attempt = Attempt(course: course, seed: random.next() >> 11, drawn: Attempt.draw(course, seen: [], using: &random))
            while let scenario = attempt.currentScenario, let index = course.indexOfScenario(scenario.id) {
                let best = graph.bestAnswer(index)
                var answer = best
                if random.next() % 100 >= 90 {
                    let slips = graph.slipAnswers(index, best: best).filter { slip in !slip.contains { scenario.options[$0].isCritical } }
                    if !slips.isEmpty { answer = slips[Int(random.next() % UInt64(slips.count))] }
                }
                try attempt.answer(answer.map { scenario.options[$0].id }, at: Date())
            }
            if attempt.scoreSheet.passed { passed += 1 }
        }
        let rate = Double(passed) / Double(attempts)
        #expect(rate >= 0.80, "pass rate \(rate)")
        // And the course still tells learners apart: mostly wrong answers do not pass.
        var guessed = 0
        for _ in 0..<500 {
            var attempt = Attempt(course: course, seed: random.next() >> 11, drawn: Attempt.draw(course, seen: [], using: &random))
            while let scenario = attempt.currentScenario {
                let options = scenario.kind == .single
                    ? [scenario.options[Int(random.next() % UInt64(scenario.options.count))].id]
                    : [scenario.options[Int(random.next() % UInt64(scenario.options.count))].id]
                try attempt.answer(options, at: Date())
            }
            if attempt.scoreSheet.passed { guessed += 1 }
        }
        #expect(guessed * 100 < 500 * 5, "guessing passed \(guessed) of 500")
    }

    @Test("three attempts of one learner in a row see different scenarios where the bank allows")
    func freshScenarios() throws {
        let course = try Self.load().course
        var random = SplitMix64(seed: 11)
        var seen: Set<String> = []
        var draws: [[String]] = []
        for _ in 0..<3 {
            let drawn = Attempt.draw(course, seen: seen, using: &random)
            draws.append(drawn)
            seen.formUnion(drawn)
        }
        // Most pools have three members: three attempts see three different ones there.
        for pool in course.pools where pool.scenarios.count >= 3 {
            let picked = draws.map { $0.filter(pool.scenarios.contains) }
            #expect(Set(picked.flatMap { $0 }).count == 3, "pool \(pool.id): \(picked)")
        }
    }

    /// The review found the guidelines in a fixed 5-cycle (situations 1, 6 and 11 always
    /// *openbaar*): the position gave away what a situation tests. With `shufflePools` each
    /// attempt draws its own order of the pools, recorded in the record and replayed by verify.
    @Test("the guidelines come round in no fixed order: every position holds at least 4 of the 5 guidelines over 100 attempts, and each attempt replays")
    func noFixedOrder() throws {
        let loaded = try Self.load()
        let course = loaded.course
        #expect(course.shufflePools && course.isReorderable)
        var guidelinesAt: [Int: Set<String>] = [:]
        var orders = Set<[String]>()
        for _ in 0..<100 {
            let session = AttemptSession(loaded: loaded, settings: SessionSettings(learnerID: "1", learnerName: nil, language: "nl",
                                                                                   restart: false, store: MemoryRecords()))
            _ = try session.open {}
            try session.start()
            let attempt = session.attempt
            let order = try #require(attempt.order)
            orders.insert(order)
            for (position, id) in order.enumerated() {
                let scenario = try #require(course.scenario(id))
                guidelinesAt[position, default: []].formUnion(scenario.guidelinesInvolved(in: course).map(\.id))
            }
            // The best answers along this order, replayed from what a record holds.
            var play = attempt
            while let scenario = play.currentScenario {
                let totals = scenario.options.map { $0.scores.values.reduce(0, +) }
                let best = scenario.rules.bestAnswer(totals: totals, usable: scenario.options.map { !$0.isCritical })
                try play.answer(best.map { scenario.options[$0].id }, at: Date())
            }
            let replayed = try Attempt(course: course, seed: attempt.seed, drawn: attempt.drawn, order: order, replaying: play.answers)
            #expect(replayed.isFinished && replayed.answers.count == play.answers.count)
        }
        #expect(orders.count > 90)
        for position in 0..<15 {
            #expect((guidelinesAt[position] ?? []).count >= 4, "position \(position + 1): \(guidelinesAt[position] ?? [])")
        }
    }

    /// Strategies that skip reading the situation, through the engine on the shuffled options a
    /// learner sees: each picks by the options' wording alone (in a multiple-answer scenario
    /// the half it prefers, in a ranking its order). None may pass more than 5 % of attempts.
    @Test("no strategy that skips reading passes more than 5 %: longest, shortest, referral words, Dutch or English", arguments: ["longest", "shortest", "referral", "longest-en"])
    func guessingStrategies(strategy: String) throws {
        let course = try Self.load().course
        let referral = try Regex("(?i)webcare|concerncommunicatie|meld|verwijs|verwijz|report|refer")
        func score(_ option: Scenario.Option) -> Int {
            let language = strategy == "longest-en" ? "en" : "nl"
            let text = option.text.resolved(language, fallback: "nl")
            switch strategy {
            case "shortest": return -text.count
            case "referral": return (text.contains(referral) ? 10_000 : 0) + text.count
            default: return text.count
            }
        }
        // Each option's score once: the sort below runs for every scenario of every attempt.
        var scores: [String: Int] = [:]
        for scenario in course.scenarios { for option in scenario.options { scores[scenario.id + "/" + option.id] = score(option) } }
        var random = SplitMix64(seed: 7)
        var passed = 0
        let attempts = 1_000
        for _ in 0..<attempts {
            var attempt = Attempt(course: course, seed: random.next() >> 11, drawn: Attempt.draw(course, seen: [], using: &random))
            while let scenario = attempt.currentScenario {
                let key = { (option: Scenario.Option) in scores[scenario.id + "/" + option.id] ?? 0 }
                let ranked = attempt.shownOptions.sorted { key($0) > key($1) }
                let chosen: [Scenario.Option] = switch scenario.kind {
                case .single: [ranked[0]]
                case .multiple: Array(ranked.prefix(max(1, ranked.count / 2)))
                case .ranking: ranked
                }
                try attempt.answer(chosen.map(\.id), at: Date())
            }
            if attempt.scoreSheet.passed { passed += 1 }
        }
        #expect(passed * 100 <= attempts * 5, "\(strategy): \(passed) of \(attempts) passed")
    }
}
