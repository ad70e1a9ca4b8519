import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// Courses written as JSON, as a trainer would, so the messages are checked as `validate`
/// prints them.
enum FairCourse {
    /// One option of a single-answer scenario.
    static func option(_ id: String, _ scores: [String: Int], critical: Bool = false) -> String {
        let points = scores.keys.sorted().map { "\"\($0)\": \(scores[$0] ?? 0)" }.joined(separator: ", ")
        return #"{"id": "\#(id)", "text": "\#(id)", "scores": {\#(points)}, "feedback": "Zo."\#(critical ? #", "critical": true"# : "")}"#
    }

    static func scenario(_ id: String, _ options: [String]) -> String {
        #"{"id": "\#(id)", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [\#(options.joined(separator: ", "))]}"#
    }

    static func json(_ scenarios: [String], overall: Int = 80, perGuideline: Int = 60, pools: String = "[]") -> String {
        """
        {"format": "wegwijs.course/1", "id": "eerlijk", "version": "1", "language": "nl", "title": "Eerlijk",
         "passing": {"overall": \(overall), "perGuideline": \(perGuideline)},
         "pools": \(pools),
         "guidelines": [{"id": "g1", "title": "G1", "summary": "S1."}, {"id": "g2", "title": "G2", "summary": "S2."}],
         "scenarios": [\(scenarios.joined(separator: ",\n"))]}
        """
    }

    static func check(_ text: String) -> (Course?, [Diagnostic]) {
        CourseLoader.check(bytes: Array(text.utf8), file: "eerlijk.json")
    }

    /// Four scenarios on g1 (2 points each, -1 for the wrong answer) and one on g2.
    static func penalised(overall: Int = 80) -> String {
        json((1...4).map { scenario("s\($0)", [option("goed", ["g1": 2]), option("fout", ["g1": -1])]) }
             + [scenario("s5", [option("goed", ["g2": 2]), option("half", ["g2": 1])])], overall: overall, perGuideline: 50)
    }

    /// The course with a remedy made, as a trainer would make it.
    static func applying(_ remedy: SlipRemedy, to course: Course) -> Course {
        var changed = course
        switch remedy {
        case .score(let scenario, let option, let guideline, _, let to):
            guard let index = changed.indexOfScenario(scenario),
                  let position = changed.scenarios[index].options.firstIndex(where: { $0.id == option }) else { return changed }
            changed.scenarios[index].options[position].scores[guideline] = to
        case .draw(let pool, _, let to):
            guard let index = changed.pools.firstIndex(where: { $0.id == pool }) else { return changed }
            changed.pools[index].draw = to
        case .critical(let scenario, let option):
            guard let index = changed.indexOfScenario(scenario),
                  let position = changed.scenarios[index].options.firstIndex(where: { $0.id == option }) else { return changed }
            changed.scenarios[index].options[position].isCritical = true
        }
        return changed
    }
}

@Suite("Fairness: validate refuses an unpassable course and says what removes each single slip")
struct FairnessTests {
    typealias F = FairCourse

    @Test("no route can pass: one error naming the overall pass mark and the best figure, no slip warnings")
    func unpassableOverall() throws {
        // In every scenario the best answer earns on one guideline only: 50 % at best.
        let text = F.json([F.scenario("a", [F.option("x", ["g1": 2]), F.option("y", ["g2": 2]), F.option("z", [:])]),
                           F.scenario("b", [F.option("x", ["g1": 2]), F.option("y", ["g2": 2]), F.option("z", [:])])],
                          overall: 100, perGuideline: 100)
        let (_, diagnostics) = F.check(text)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(diagnostics)")
        let message = try #require(errors.first).message
        #expect(message.hasPrefix("no route can pass: the best answers reach 50.0 % overall, below the pass mark of 100 % (at most 50 % can be reached)"), "\(message)")
        #expect(message.contains("single-slip warnings that follow from it are left out"), "\(message)")
        #expect(!diagnostics.contains { $0.message.contains("single slip:") })
        #expect(errors.first?.pointer == "/passing")
    }

    @Test("loading an unpassable course to use it (paths, preview, verify) only warns")
    func unpassableLoads() throws {
        let text = F.json([F.scenario("a", [F.option("x", ["g1": 2]), F.option("y", ["g2": 2])]),
                           F.scenario("b", [F.option("x", ["g1": 2]), F.option("y", ["g2": 2])])],
                          overall: 100, perGuideline: 100)
        let folder = TestFolders.path("wegwijs-fairness")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("onhaalbaar.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try CourseLoader.load(path: path)
        #expect(loaded.warnings.contains { $0.message.hasPrefix("no route can pass:") })
        #expect(RouteAnalysis(course: loaded.course).shortfalls == [.init(guideline: nil, best: 50, threshold: 100, reachable: 50)])
    }

    @Test("a guideline only a critical option can score names that guideline and what it reaches")
    func unpassableGuideline() throws {
        let text = F.json([F.scenario("a", [F.option("x", ["g1": 2, "g2": 2], critical: true), F.option("y", ["g1": 2])]),
                           F.scenario("b", [F.option("x", ["g1": 1]), F.option("y", ["g2": 1])])],
                          overall: 40, perGuideline: 60)
        let (_, diagnostics) = F.check(text)
        let message = try #require(diagnostics.first { $0.severity == .error }).message
        #expect(message.contains("the best answers reach 33.3 % on guideline 'g2', below the pass mark of 60 % (at most 33 % can be reached)"), "\(message)")
        #expect(!message.contains("overall"), "\(message)")
    }

    @Test("pass marks each reachable alone but not together: the error says so")
    func unpassableTogether() throws {
        // g1 in full costs g2 in 'a', and the other way round; 60 % on both is out of reach.
        let text = F.json([F.scenario("a", [F.option("x", ["g1": 2]), F.option("y", ["g2": 2])]),
                           F.scenario("b", [F.option("x", ["g1": 2, "g2": 2]), F.option("y", [:])])],
                          overall: 70, perGuideline: 80)
        let (_, diagnostics) = F.check(text)
        let message = try #require(diagnostics.first { $0.severity == .error }).message
        #expect(message.hasPrefix("no route can pass: no answers reach the overall pass mark of 70 % and 80 % on every assessed guideline on the same route"), "\(message)")
    }

    @Test("a passable course has no fairness error")
    func passable() {
        let (course, diagnostics) = F.check(F.penalised(overall: 60))
        #expect(course != nil)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test("an overall slip names the guideline it loses points on and the penalty to lower")
    func penaltyRemedy() throws {
        let (course, diagnostics) = F.check(F.penalised())
        let slips = diagnostics.filter { $0.message.contains("single slip:") }
        #expect(slips.count == 4, "\(diagnostics)")
        let first = try #require(slips.first).message
        #expect(first.contains("answering 'fout' in scenario 's1' fails the course (the overall score falls below 80 %; the answer scores fewer points than the best one: 3 on 'g1')"), "\(first)")
        #expect(first.contains("to remove it: lower the penalty of 's1/fout' on 'g1' from -1 to 0, or mark 's1/fout' critical if it is a serious breach"), "\(first)")
        // The change named does remove the slip.
        let fixed = F.applying(.score(scenario: "s1", option: "fout", guideline: "g1", from: -1, to: 0), to: try #require(course))
        #expect(!RouteAnalysis(course: fixed).singleSlips.contains { $0.scenario == "s1" })
    }

    @Test("a guideline slip in a pool is removed by drawing more, and the remedy says so")
    func drawRemedy() throws {
        // Guideline g2: one of b1/b2 and 'slot', 3 points each; 'slot/matig' (1) gives 4 of 6, drawing
        // both b1 and b2 7 of 9.
        func scenario(_ id: String, _ guideline: String) -> String {
            F.scenario(id, [F.option("goed", [guideline: 3]), F.option("matig", [guideline: 1])])
        }
        let text = F.json([scenario("start", "g1"), scenario("b1", "g2"), scenario("b2", "g2"), scenario("slot", "g2")],
                          overall: 50, perGuideline: 70, pools: #"[{"id": "b", "draw": 1, "scenarios": ["b1", "b2"]}]"#)
        let (_, diagnostics) = F.check(text)
        let slot = try #require(diagnostics.first { $0.message.contains("in scenario 'slot'") }).message
        #expect(slot.contains("(guideline 'g2' falls below 70 %)"), "\(slot)")
        #expect(slot.contains("draw 2 instead of 1 from pool 'b'"), "\(slot)")
    }

    /// Courses with slips of every kind of cause, fixtures and bundled courses among them.
    static func coursesWithSlips() throws -> [Course] {
        var courses = [F.penalised(), F.penalised(overall: 90)].compactMap { F.check($0).0 }
        courses.append(try CourseLoader.load(path: TestCourses.fixture("branching.json")).course)
        var uwv = try BundledCourseTests.load("uwv-sociale-media.json").course
        uwv.passing.perGuideline = 90
        courses.append(uwv)
        return courses
    }

    @Test("every change a slip warning names removes that slip when made")
    func remediesAreChecked() throws {
        var checked = 0
        for course in try Self.coursesWithSlips() {
            let search = SlipSearch(graph: RouteGraph(course: course))
            var finder = SlipRemedyFinder(search: search)
            for slip in search.slips() where !slip.isCritical {
                for remedy in finder.remedies(for: slip) {
                    let after = SlipSearch(graph: RouteGraph(course: F.applying(remedy, to: course))).slips()
                    #expect(!after.contains { $0.scenario == slip.scenario && $0.options == slip.options && !$0.isCritical },
                            "\(remedy) leaves \(slip) in \(course.id)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }

    @Test("partial points never make an answer as good as the best one")
    func partialPointsStayBelowBest() throws {
        // 'half' (1 of 2) fails g2 at 60 %; 2 points would remove the slip, but make it a right answer.
        let text = F.json([F.scenario("a", [F.option("goed", ["g1": 2]), F.option("fout", [:])]),
                           F.scenario("b", [F.option("goed", ["g2": 2]), F.option("half", ["g2": 1])])],
                          overall: 50, perGuideline: 60)
        let (_, diagnostics) = F.check(text)
        let half = try #require(diagnostics.first { $0.message.contains("answering 'half' in scenario 'b'") }).message
        #expect(!half.contains("give 'b/half' 2 points"), "\(half)")
        #expect(half.contains("no change to one score or one pool's draw removes it: give 'g2' more scenarios or points on every route, or mark 'b/half' critical"), "\(half)")
    }

    @Test("score candidates move a penalty towards 0 first, then give points, a few at most")
    func candidates() {
        #expect(SlipRemedyFinder.candidates(from: -1) == [0, 1])
        #expect(SlipRemedyFinder.candidates(from: -5) == [-4, -3, 0, 1])
        #expect(SlipRemedyFinder.candidates(from: 0) == [1, 2, 3])
    }

    @Test("a wrong 'critical' is an error, without a single-slip warning for the same option")
    func wrongCritical() {
        let text = F.penalised().replacingOccurrences(of: #"{"id": "fout", "text": "fout", "scores": {"g1": -1}, "feedback": "Zo."}"#,
                                                      with: #"{"id": "fout", "text": "fout", "scores": {"g1": -1}, "feedback": "Zo.", "critical": "ja"}"#)
        let (_, diagnostics) = F.check(text)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("'critical' must be true or false, found a string") })
        #expect(!diagnostics.contains { $0.message.contains("single slip") }, "\(diagnostics)")
    }

    @Test("a pool's bad 'draw' names the pool", arguments: [("0", "pool 'b': 'draw' must be between 1 and 10000, not 0"),
                                                            (#""twee""#, "pool 'b': 'draw' must be a whole number, found a string")])
    func poolDrawNamesPool(_ draw: String, _ message: String) {
        let text = F.json([F.scenario("b1", [F.option("goed", ["g1": 2, "g2": 2]), F.option("fout", [:])]),
                           F.scenario("b2", [F.option("goed", ["g1": 2, "g2": 2]), F.option("fout", [:])])],
                          pools: #"[{"id": "b", "draw": \#(draw), "scenarios": ["b1", "b2"]}]"#)
        let (_, diagnostics) = F.check(text)
        #expect(diagnostics.contains { $0.message == message }, "\(diagnostics.map(\.message))")
    }

    @Test("paths counts the routes and draws a single slip fails, instead of 'every route can pass'")
    func pathsCountsSlips() throws {
        func scenario(_ id: String, _ guideline: String) -> String {
            F.scenario(id, [F.option("goed", [guideline: 3]), F.option("matig", [guideline: 1])])
        }
        let text = F.json([scenario("start", "g1"), scenario("b1", "g2"), scenario("b2", "g2"), scenario("slot", "g2")],
                          overall: 50, perGuideline: 70, pools: #"[{"id": "b", "draw": 1, "scenarios": ["b1", "b2"]}]"#)
        let analysis = RouteAnalysis(course: try #require(F.check(text).0))
        #expect(analysis.findings.contains(.singleSlipsFail(routes: 2, draws: 2)), "\(analysis.findings)")
        let fair = RouteAnalysis(course: try #require(F.check(F.penalised(overall: 50)).0))
        #expect(!fair.findings.contains { if case .singleSlipsFail = $0 { true } else { false } })
    }
}
