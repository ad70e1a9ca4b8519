import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// `stats` scores with a table of the course's points; it must agree with `Scoring.scoreSheet`,
/// the one scoring rule, on every answer set.
@Suite("The statistics scoring table")
struct ScoringTableTests {
    @Test("agrees with Scoring.scoreSheet on points, critical options and every reason to fail", arguments: [
        "../../courses/uwv-sociale-media.json", "../../courses/voorbeeld.json", "branching.json", "stats/course.json",
    ])
    func agreesWithScoring(file: String) throws {
        let course = try CourseLoader.load(path: TestCourses.fixture(file)).course
        let table = ScoringTable(course)
        let seed = FuzzSeed.value(default: 14)
        var generator = SplitMix64(seed: seed)
        for _ in 0..<500 {
            // Any scenarios, any options (also several in a single-choice scenario and repeats):
            // scoring does not check routes, so neither may the table differ off them.
            let count = Int(generator.next() % 12)
            var answers: [(scenario: String, options: [String])] = []
            for _ in 0..<count {
                let scenario = course.scenarios[Int(generator.next() % UInt64(course.scenarios.count))]
                let picks = 1 + Int(generator.next() % 2)
                answers.append((scenario.id, (0..<picks).map { _ in scenario.options[Int(generator.next() % UInt64(scenario.options.count))].id }))
            }
            let sheet = Scoring.scoreSheet(for: course, answers: answers.map { Answer(scenario: $0.scenario, options: $0.options, at: Date()) })
            let scored = try #require(table.score(answers))
            #expect(scored.earned == sheet.guidelines.map(\.earned), "seed \(seed) (WEGWIJS_FUZZ_SEED=\(seed))")
            #expect(scored.possible == sheet.guidelines.map(\.possible), "seed \(seed)")
            #expect(scored.critical == !sheet.criticalChosen.isEmpty, "seed \(seed)")
            let verdict = table.verdict(earned: scored.earned, possible: scored.possible, critical: scored.critical)
            #expect(verdict.passed == sheet.passed, "seed \(seed)")
            #expect(verdict.overallBelow == sheet.failures.contains { if case .overallBelow = $0 { true } else { false } })
            #expect(verdict.critical == sheet.failures.contains { if case .criticalChosen = $0 { true } else { false } })
            let below = course.guidelines.map { guideline in
                sheet.failures.contains { if case .guidelineBelow(let id, _) = $0 { id == guideline.id } else { false } }
            }
            #expect(verdict.guidelinesBelow == below, "seed \(seed)")
        }
    }
}
