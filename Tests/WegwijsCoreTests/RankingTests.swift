import Foundation
import Testing
@testable import WegwijsCore

/// The `ranking` kind in-process: its scoring table (SPEC §3), letters, shuffle, validation,
/// routes, xAPI and item statistics.
@Suite("ranking: put the options in the best order")
struct RankingTests {
    typealias T = TestCourses

    /// The right order is the file's: r1 (g1 3), r2 (g2 2), r3 (g1 1).
    static let ranking = Scenario(id: "volgorde", situation: T.text("Zet op volgorde."), kind: .ranking, options: [
        T.option("r1", ["g1": 3]), T.option("r2", ["g2": 2]), T.option("r3", ["g1": 1]),
    ])
    static let single = Scenario(id: "een", situation: T.text("Kies."), options: [
        T.option("goed", ["g1": 2, "g2": 1]), T.option("fout", ["g1": -1]),
    ])
    static let course = T.course([ranking, single], passing: PassingRule(overall: 50, perGuideline: 0))

    @Test("points for each option in its right place, and the verdict", arguments: [
        (["r1", "r2", "r3"], 4, 2, Verdict.good),
        (["r2", "r1", "r3"], 1, 0, .partlyGood),
        (["r1", "r3", "r2"], 3, 0, .partlyGood),
        (["r3", "r2", "r1"], 0, 2, .partlyGood),
        (["r3", "r1", "r2"], 0, 0, .notGood),
        (["r2", "r3", "r1"], 0, 0, .notGood),
    ])
    func scoringTable(order: [String], g1: Int, g2: Int, verdict: Verdict) {
        let chosen = order.compactMap(Self.ranking.option)
        #expect(Scoring.earned(Self.ranking, chosen, guideline: "g1") == g1)
        #expect(Scoring.earned(Self.ranking, chosen, guideline: "g2") == g2)
        #expect(Scoring.verdict(Self.ranking, chosen: chosen) == verdict)
    }

    @Test("possible is every option in place; the worst answer scores 0; the best answer is the file's order")
    func range() {
        #expect(Scoring.possible(Self.ranking, guideline: "g1") == 4)
        #expect(Scoring.possible(Self.ranking, guideline: "g2") == 2)
        #expect(Scoring.range(Self.ranking, guidelines: ["g1", "g2"]) == (worst: 0, best: 6))
        #expect(Scoring.bestAnswer(Self.ranking, noCritical: true) == [0, 1, 2])
        #expect(Ranking().slipAnswers(best: [0, 1, 2], optionCount: 3) == [[1, 0, 2], [2, 1, 0], [0, 2, 1]])
    }

    @Test("the letters: every one, each once", arguments: [
        ([2, 0, 1], LetterCheck.answer([2, 0, 1])),
        ([0, 1], .incomplete(missing: [2])),
        ([1], .incomplete(missing: [0, 2])),
        ([0, 0, 1], .repeated(0)),
        ([0, 1, 2, 1], .repeated(1)),
    ])
    func letters(positions: [Int], expected: LetterCheck) {
        #expect(Ranking().check(positions, optionCount: 3) == expected)
    }

    @Test("the other kinds read letters as before: one letter, or a set with repeats counted once")
    func choiceLetters() {
        #expect(SingleChoice().check([1], optionCount: 3) == .answer([1]))
        #expect(SingleChoice().check([1, 1], optionCount: 3) == .answer([1]))
        #expect(SingleChoice().check([1, 0], optionCount: 3) == .onlyOne)
        #expect(MultipleChoice().check([2, 0, 2], optionCount: 3) == .answer([2, 0]))
    }

    @Test("an answer that leaves an option out or names one twice is refused, typed or replayed")
    func refusedAnswers() throws {
        var attempt = Attempt(course: Self.course, seed: 7)
        #expect(throws: AttemptError.self) { try attempt.answer(["r1", "r2"], at: Date()) }
        #expect(throws: AttemptError.self) { try attempt.answer(["r1", "r1", "r2"], at: Date()) }
        let outcome = try attempt.answer(["r2", "r1", "r3"], at: Date())
        #expect(outcome.verdict == .partlyGood)
        try #require(outcome.review.map(\.label) == [.yourOrder, .rightOrder])
        #expect(outcome.review[0].rightPlace == [false, false, true])
        #expect(outcome.review[1].options.map(\.id) == ["r1", "r2", "r3"])
        #expect(outcome.points.map(\.earned) == [1, 0])
    }

    @Test("a good order shows the learner's order with feedback, and nothing more")
    func goodReview() throws {
        var attempt = Attempt(course: Self.course, seed: 7)
        let outcome = try attempt.answer(["r1", "r2", "r3"], at: Date())
        #expect(outcome.review == [ReviewSection(.yourOrder, outcome.chosen, rightPlace: [true, true, true], showsFeedback: true)])
    }

    @Test("a ranking is always shown shuffled and never in the right order; other scenarios keep the course's rule")
    func shuffle() {
        #expect(Self.course.shuffleOptions == false && Self.course.needsSeed)
        #expect(Attempt(course: Self.course).seed != nil)
        var orders = Set<[String]>()
        for seed in UInt64(0)..<400 {
            let shown = Attempt.shownOptions(of: Self.ranking, seed: seed, courseShuffles: false).map(\.id)
            #expect(shown != ["r1", "r2", "r3"])
            #expect(shown.sorted() == ["r1", "r2", "r3"])
            orders.insert(shown)
            #expect(Attempt.shownOptions(of: Self.single, seed: seed, courseShuffles: false).map(\.id) == ["goed", "fout"])
        }
        // Every other order of three turns up.
        #expect(orders.count == 5)
        #expect(Attempt.shownOptions(of: Self.ranking, seed: nil).map(\.id) == ["r1", "r2", "r3"])
        #expect(T.course([Self.single]).needsSeed == false)
    }

    @Test("a replayed attempt keeps the learner's order and is re-scored by it")
    func replay() throws {
        let answers = [Answer(scenario: "volgorde", options: ["r1", "r3", "r2"], at: Date()),
                       Answer(scenario: "een", options: ["goed"], at: Date())]
        let attempt = try Attempt(course: Self.course, seed: 1, replaying: answers)
        let sheet = attempt.scoreSheet
        #expect(sheet.guidelines.map(\.earned) == [5, 1])
        #expect(sheet.guidelines.map(\.possible) == [6, 3])
        #expect(attempt.answers.first?.options == ["r1", "r3", "r2"])
    }

    @Test("paths: best 100 %, worst what no option in place gives, the swaps as single slips")
    func routes() {
        let course = T.course([Self.ranking], passing: PassingRule(overall: 80, perGuideline: 0))
        let analysis = RouteAnalysis(course: course)
        #expect(analysis.bestPercent == 100)
        #expect(analysis.worstPercent == 0)
        #expect(analysis.canPass == true)
        #expect(analysis.worstCanPass == false)
        // Swapping r1 and r2 leaves 1 of 6, r1 and r3 2 of 6, r2 and r3 3 of 6: all below 80 %.
        #expect(analysis.singleSlips.map(\.options) == [["r2", "r1", "r3"], ["r3", "r2", "r1"], ["r1", "r3", "r2"]])
        let lenient = RouteAnalysis(course: T.course([Self.ranking], passing: PassingRule(overall: 50, perGuideline: 0)))
        #expect(lenient.singleSlips.map(\.options) == [["r2", "r1", "r3"], ["r3", "r2", "r1"]])
        #expect(lenient.routes?.first?.passingAnswers?.first?.options == ["r1", "r2", "r3"])
    }

    @Test("xAPI: a sequencing interaction whose correct response is the right order")
    func xapi() {
        let rules = Self.ranking.rules
        #expect(rules.interactionType == "sequencing")
        #expect(rules.correctResponses(Self.ranking) == ["r1[,]r2[,]r3"])
        #expect(ScenarioKind.single.rules.interactionType == "choice")
        #expect(ScenarioKind.multiple.rules.interactionType == "choice")
    }

    @Test("the scoring table of stats scores a ranking by position, as Scoring does")
    func scoringTableAgrees() throws {
        let table = ScoringTable(Self.course)
        for order in [["r1", "r2", "r3"], ["r2", "r1", "r3"], ["r3", "r2", "r1"], ["r3", "r1", "r2"]] {
            let scored = try #require(table.score([(scenario: "volgorde", options: order), (scenario: "een", options: ["goed"])]))
            let attempt = try Attempt(course: Self.course, seed: 1, replaying: [
                Answer(scenario: "volgorde", options: order, at: Date()), Answer(scenario: "een", options: ["goed"], at: Date()),
            ])
            #expect(scored.earned == attempt.scoreSheet.guidelines.map(\.earned))
            #expect(scored.possible == attempt.scoreSheet.guidelines.map(\.possible))
        }
    }

    @Test("stats: per option the share of attempts that put it in its right place, without the unused-option flag")
    func statistics() throws {
        // The fixture's ranking has the same shape: melden (3), verwijderen (2), noteren (1).
        let loaded = try CourseLoader.load(path: T.fixture("ranking.json"))
        let course = loaded.course
        let subject = StatisticsCourse(course: course, sha256: loaded.sha256, structure: loaded.structure)
        var tally = ItemTally(course: course)
        let orders = [["melden", "verwijderen", "noteren"], ["verwijderen", "melden", "noteren"],
                      ["noteren", "melden", "verwijderen"], ["melden", "noteren", "verwijderen"]]
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for (number, order) in orders.enumerated() {
            let attempt = try Attempt(course: course, seed: 1, replaying: [
                Answer(scenario: "lek", options: order, at: start), Answer(scenario: "vraag", options: ["zwijgen"], at: start),
            ])
            var record = CompletionRecord(attempt: attempt, attemptID: "6f1c0000-0000-4000-8000-00000000000\(number)",
                                          learner: .init(id: "l\(number)", name: nil), course: .init(loaded),
                                          language: "nl", startedAt: start, finishedAt: start.addingTimeInterval(60))
            record.status = attempt.scoreSheet.passed ? .passed : .failed
            let root = try JSONParser.parse(Array(record.encoded()))
            #expect(tally.add(try AttemptFacts.extract(from: root), course: subject, since: nil) == nil)
        }
        #expect(tally.attempts == 4)
        let statistics = ItemStatistics(tally: tally, course: course)
        try #require(statistics.scenarios.count == 3)
        let figures = try #require(statistics.scenarios.first)
        #expect(figures.measure == .placedRight)
        // r1 right in orders 1 and 4, r2 in order 1, r3 in orders 1 and 2.
        #expect(figures.options.map(\.chosen) == [2, 1, 2])
        #expect(figures.options.map(\.share) == [50, 25, 50])
        #expect(statistics.scenarios[1].measure == .chosen)
        #expect(Ranking().optionFlags(share: 0, shown: 1000, isCritical: false).isEmpty)
        #expect(SingleChoice().optionFlags(share: 1.9, shown: 50, isCritical: false) == [.unusedOption])
        #expect(SingleChoice().optionFlags(share: 2, shown: 50, isCritical: false).isEmpty)
        // Facility: the mean of 6/6, 1/6, 0/6 and 3/6.
        #expect(figures.facility.map { ($0 * 10).rounded() / 10 } == 41.7)
        // The key of a ranking is the first in the right order; shown 4 times, only check-key
        // needs more (unused-option does not apply to a ranking).
        #expect(figures.options.map(\.isKey) == [true, false, false])
        #expect(figures.tooFewFor == [.checkKey])
    }

    @Test("the key stats marks: the most points (ties all), every option with points, the first in a ranking")
    func keys() {
        #expect(SingleChoice().keys(totals: [1, 2, -1, 2]) == [1, 3])
        #expect(SingleChoice().keys(totals: [0, -1]).isEmpty, "no option earns points")
        #expect(MultipleChoice().keys(totals: [1, 0, -1, 2]) == [0, 3])
        #expect(Ranking().keys(totals: [3, 2, 1]) == [0])
    }
}

extension RankingTests {
    /// The fixture with one text replaced, checked as `validate` checks it.
    static func diagnostics(replacing old: String, with new: String) throws -> [Diagnostic] {
        let text = try String(contentsOfFile: T.fixture("ranking.json"), encoding: .utf8)
        #expect(text.contains(old))
        return CourseLoader.check(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), file: "ranking.json").1
            .filter { $0.severity == .error }
    }

    @Test("validate: a ranking's own rules, located", arguments: [
        (#""feedback": {"nl": "Dan de schade beperken.", "en": "Then limit the damage."}}"#,
         #""feedback": {"nl": "Dan de schade beperken.", "en": "Then limit the damage."}, "next": "vraag"}"#,
         22, "option 'verwijderen' of scenario 'lek' has 'next', but scenario 'lek' is a ranking scenario; put 'next' on the scenario"),
        (#""scores": {"melden": 1}, "feedback": {"nl": "Tot slot"#, #""scores": {"melden": 1}, "critical": true, "feedback": {"nl": "Tot slot"#,
         23, "option 'noteren' of ranking scenario 'lek' is critical, but a ranking places every option; leave 'critical' out"),
        (#""scores": {"beperken": 2}, "feedback": {"nl": "Dan"#, #""scores": {"beperken": -2}, "feedback": {"nl": "Dan"#,
         22, "option 'verwijderen' of ranking scenario 'lek' scores -2 for 'beperken'; in a ranking, scores are the points for the right place and cannot be negative"),
    ])
    func validation(old: String, new: String, line: Int, message: String) throws {
        let errors = try Self.diagnostics(replacing: old, with: new)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.hasSuffix(message) == true, "\(errors)")
        #expect(errors.first?.position?.line == line, "\(errors)")
    }

    @Test("validate: a ranking of two options gives its answer away, so it needs three")
    func twoOptions() throws {
        let text = try String(contentsOfFile: T.fixture("ranking.json"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(#""id": "noteren""#) })
        var edited = lines.map(String.init)
        edited.remove(at: index)
        edited[index - 1] = String(edited[index - 1].dropLast())  // the comma before the removed option
        let errors = CourseLoader.check(bytes: Array(edited.joined(separator: "\n").utf8), file: "ranking.json").1.filter { $0.severity == .error }
        #expect(errors.map(\.message).contains { $0.hasSuffix("ranking scenario 'lek' has 2 options; it needs 3 to 26 (with two, the shuffled order gives the answer away)") }, "\(errors)")
    }

    @Test("validate: an unknown kind names every kind there is")
    func unknownKind() throws {
        let errors = try Self.diagnostics(replacing: #""kind": "ranking""#, with: #""kind": "volgorde""#)
        #expect(errors.map(\.message).contains { $0.hasSuffix("'kind' must be 'single', 'multiple' or 'ranking', not 'volgorde'") }, "\(errors)")
    }
}
