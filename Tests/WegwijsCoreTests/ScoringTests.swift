import Foundation
import Testing
@testable import WegwijsCore

@Suite("Scoring (SPEC §3)")
struct ScoringTests {
    typealias T = TestCourses

    static let single = Scenario(id: "s", situation: T.text("s"), options: [
        T.option("best", ["g1": 2]), T.option("half", ["g1": 1, "g2": 1]), T.option("bad", ["g1": -2]), T.option("some", ["g1": 1]),
    ])
    static let multiple = Scenario(id: "m", situation: T.text("m"), kind: .multiple, options: [
        T.option("x", ["g1": 1]), T.option("y", ["g1": 2, "g2": 1]), T.option("z", ["g1": -1]),
    ])

    @Test("possible points per guideline", arguments: [
        (single, "g1", 2), (single, "g2", 1), (multiple, "g1", 3), (multiple, "g2", 1),
    ])
    func possiblePoints(scenario: Scenario, guideline: String, expected: Int) {
        #expect(Scoring.possible(scenario, guideline: guideline) == expected)
    }

    @Test("a single scenario whose options all score negative offers nothing")
    func negativeOnlySingle() {
        let scenario = Scenario(id: "n", situation: T.text("n"), options: [T.option("a", ["g1": -1]), T.option("b", ["g1": -3])])
        #expect(Scoring.possible(scenario, guideline: "g1") == 0)
    }

    @Test("earned points add up the chosen options, negatives included", arguments: [
        (["x", "y"], 3), (["x", "z"], 0), (["z"], -1), (["x", "y", "z"], 2),
    ])
    func earnedPoints(chosen: [String], expected: Int) {
        let options = chosen.compactMap(Self.multiple.option)
        #expect(Scoring.earned(Self.multiple, options, guideline: "g1") == expected)
    }

    @Test("percentages are clamped to 0…100 and rounded to one decimal", arguments: [
        (41, 48, 85.4), (-3, 4, 0.0), (5, 4, 100.0), (1, 3, 33.3), (2, 3, 66.7),
    ])
    func percentages(earned: Int, possible: Int, expected: Double) {
        #expect(Scoring.percent(earned: earned, possible: possible) == expected)
    }

    @Test("a guideline no shown scenario scores is not assessed")
    func notAssessed() {
        let course = T.course([Self.single], guidelines: ["g1", "g2", "g3"])
        let sheet = Scoring.scoreSheet(for: course, answers: [Answer(scenario: "s", options: ["best"], at: Date())])
        let g3 = sheet.guidelines.first { $0.id == "g3" }
        #expect(g3?.isAssessed == false)
        #expect(g3?.percent == nil)
        // g2 is assessed (possible 1) and got 0 of 1: below 60 %, so the attempt fails on it.
        #expect(sheet.failures == [.overallBelow(required: 80), .guidelineBelow(id: "g2", required: 60)])
        #expect(sheet.earned == 2 && sheet.possible == 3)
    }

    /// Overall threshold exactly met or missed by one point, in integers: 100·E ≥ overall·P.
    @Test("the overall threshold compares integers exactly", arguments: [
        (8, 10, 80, true), (7, 10, 80, false), (4, 5, 80, true), (79, 100, 80, false), (2, 3, 67, false), (2, 3, 66, true),
    ])
    func overallThreshold(earned: Int, possible: Int, overall: Int, passes: Bool) {
        // One guideline; scenario offers `possible`, the chosen option earns `earned`.
        let scenario = Scenario(id: "s", situation: T.text("s"), options: [
            T.option("max", ["g1": possible]), T.option("chosen", ["g1": earned]),
        ])
        let course = T.course([scenario], guidelines: ["g1"], passing: PassingRule(overall: overall, perGuideline: 0))
        let sheet = Scoring.scoreSheet(for: course, answers: [Answer(scenario: "s", options: ["chosen"], at: Date())])
        #expect(sheet.passed == passes)
    }

    @Test("the per-guideline threshold applies to each assessed guideline", arguments: [
        (3, 5, 60, true), (2, 5, 60, false), (0, 1, 0, true),
    ])
    func perGuidelineThreshold(earned: Int, possible: Int, threshold: Int, passes: Bool) {
        let scenario = Scenario(id: "s", situation: T.text("s"), options: [
            T.option("max", ["g1": possible, "g2": 10]), T.option("chosen", ["g1": earned, "g2": 10]),
        ])
        let course = T.course([scenario], passing: PassingRule(overall: 0, perGuideline: threshold))
        let sheet = Scoring.scoreSheet(for: course, answers: [Answer(scenario: "s", options: ["chosen"], at: Date())])
        #expect(sheet.passed == passes)
    }

    @Test("a critical option fails an otherwise passing attempt, unless noCritical is off", arguments: [true, false])
    func criticalOption(noCritical: Bool) {
        let scenario = Scenario(id: "s", situation: T.text("s"), options: [
            T.option("ok", ["g1": 1]), T.option("leak", ["g1": 1], critical: true),
        ])
        let course = T.course([scenario], guidelines: ["g1"], passing: PassingRule(noCritical: noCritical))
        let sheet = Scoring.scoreSheet(for: course, answers: [Answer(scenario: "s", options: ["leak"], at: Date())])
        #expect(sheet.criticalChosen == ["s"])
        #expect(sheet.passed == !noCritical)
    }

    @Test("negative totals give 0 % and fail")
    func negativeTotal() {
        let course = T.course([Self.single, Self.multiple])
        let sheet = Scoring.scoreSheet(for: course, answers: [
            Answer(scenario: "s", options: ["bad"], at: Date()), Answer(scenario: "m", options: ["z"], at: Date()),
        ])
        #expect(sheet.earned == -3)
        #expect(sheet.percent == 0)
        #expect(!sheet.passed)
    }

    @Test("verdicts: good, partly good, not good, serious breach", arguments: [
        (["best"], Verdict.good), (["some"], .partlyGood), (["bad"], .notGood),
    ])
    func singleVerdicts(chosen: [String], expected: Verdict) {
        #expect(Scoring.verdict(Self.single, chosen: chosen.compactMap(Self.single.option)) == expected)
    }

    @Test("where guidelines pull apart, the option with the highest total is good; a tie is good too")
    func conflictingGuidelines() {
        // best (g1 2) and half (g1 1 + g2 1) both total 2: no option gets full points on both.
        #expect(Scoring.verdict(Self.single, chosen: [Self.single.options[1]]) == .good)
    }

    @Test("multiple-answer verdicts", arguments: [
        (["x", "y"], Verdict.good), (["y"], .partlyGood), (["x", "y", "z"], .partlyGood), (["z"], .notGood),
    ])
    func multipleVerdicts(chosen: [String], expected: Verdict) {
        #expect(Scoring.verdict(Self.multiple, chosen: chosen.compactMap(Self.multiple.option)) == expected)
    }
}
