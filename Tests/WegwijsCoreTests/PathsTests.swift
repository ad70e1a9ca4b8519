import Foundation
import Testing
@testable import WegwijsCore

@Suite("paths: routes through the branching, best and worst, can it pass")
struct PathsTests {
    typealias T = TestCourses

    static func scenario(_ id: String, _ options: [Scenario.Option], kind: ScenarioKind = .single, next: ScenarioLink? = nil) -> Scenario {
        Scenario(id: id, situation: T.text(id), kind: kind, options: options, explanation: T.text("uitleg"), next: next)
    }

    @Test("the branching fixture has two routes; the one through the mistake cannot pass")
    func fixtureRoutes() throws {
        let course = try CourseLoader.load(path: T.fixture("branching.json")).course
        let analysis = RouteAnalysis(course: course)
        let routes = try #require(analysis.routes)
        #expect(analysis.routeCount == 2)
        #expect(routes.map { $0.steps.map(\.scenario) } == [["start", "meer", "kritiek"], ["start", "gevolg", "meer", "kritiek"]])
        #expect(routes[0].steps[0].via == ["goed", "half"])
        #expect(routes[0].bestPercent == 100 && routes[0].canPass == true)
        #expect(routes[1].bestPercent == 66.7 && routes[1].canPass == false)
        // 'start/fout' (-1) fails on its own route, and 'meer/m1' on both.
        #expect(analysis.findings == [.routesCannotPass(routes: [2]), .singleSlipsFail(routes: 2, draws: 1)])
        #expect((analysis.shortestRoute, analysis.longestRoute) == (3, 4))
    }

    @Test("a course no route can pass is flagged")
    func noRouteCanPass() {
        let course = T.course([Self.scenario("a", [T.option("x", ["g1": 1]), T.option("y", ["g1": 2, "g2": -1])]),
                               Self.scenario("b", [T.option("x", ["g2": 1]), T.option("y", ["g1": 1])])],
                              passing: PassingRule(overall: 100))
        let analysis = RouteAnalysis(course: course)
        #expect(analysis.canPass == false)
        #expect(analysis.findings.contains(.noRouteCanPass))
    }

    @Test("a route on which even the worst answers pass is flagged")
    func worstAnswersPass() {
        let course = T.course([Self.scenario("a", [T.option("x", ["g1": 2, "g2": 1]), T.option("y", ["g1": 2, "g2": 1])])])
        let analysis = RouteAnalysis(course: course)
        #expect(analysis.worstCanPass == true)
        #expect(analysis.findings.contains(.worstAnswersPass(routes: [1])))
    }

    @Test("a guideline no scenario on a route can score is flagged with the number of routes")
    func unassessed() {
        let course = T.course([Self.scenario("a", [T.option("x", ["g1": 2], next: .scenario("b")), T.option("y", ["g1": 1], next: .end)]),
                               Self.scenario("b", [T.option("x", ["g2": 1]), T.option("y", [:])])])
        let analysis = RouteAnalysis(course: course)
        #expect(analysis.findings.contains(.guidelineNotAssessed(id: "g2", routes: 1, of: 2)))
        #expect(analysis.routes?[1].unassessed == ["g2"])
    }

    /// Thirty binary choices in a row: 2^30 routes, analysed over the graph, never listed.
    static func wideCourse(branches: Int) -> Course {
        var scenarios: [Scenario] = []
        for index in 0..<branches {
            let next: ScenarioLink = index + 1 < branches ? .scenario("b\(index + 1)") : .end
            scenarios.append(scenario("b\(index)", [T.option("l", ["g1": 2], next: .scenario("l\(index)")),
                                                    T.option("r", ["g2": 1, "g1": -1], next: .scenario("r\(index)"))]))
            scenarios.append(scenario("l\(index)", [T.option("goed", ["g1": 1, "g2": 1]), T.option("fout", ["g2": -1])], next: next))
            scenarios.append(scenario("r\(index)", [T.option("goed", ["g1": 1, "g2": 1]), T.option("fout", ["g2": -1], critical: true)], next: next))
        }
        return T.course(scenarios)
    }

    @Test("30 binary branches: 2^30 routes counted and summarised without listing them")
    func wide() {
        let analysis = RouteAnalysis(course: Self.wideCourse(branches: 30))
        #expect(analysis.routeCount == 1 << 30)
        #expect(analysis.routes == nil)
        #expect((analysis.shortestRoute, analysis.longestRoute) == (60, 60))
        // Only all-left reaches 80% overall, and then g2 is at 50%.
        #expect(analysis.bestPercent == 80)
        #expect(analysis.canPass == false)
        #expect(analysis.worstCanPass == false)
    }

    @Test("the graph summary agrees with listing the routes", arguments: [3, 4, 5])
    func summaryMatchesListing(_ branches: Int) throws {
        let course = Self.wideCourse(branches: branches)
        let listed = try #require(RouteAnalysis(course: course, listLimit: 1_000).routes)
        let summary = RouteAnalysis(course: course, listLimit: 0)
        #expect(UInt64(listed.count) == summary.routeCount)
        #expect(listed.compactMap(\.bestPercent).max() == summary.bestPercent)
        #expect(listed.compactMap(\.worstPercent).min() == summary.worstPercent)
        #expect(listed.contains { $0.canPass == true } == summary.canPass)
    }

    // MARK: Against brute force with Scoring.scoreSheet

    /// A random acyclic course: 2-5 scenarios, single or multiple, 2-3 options, scores -2…3.
    static func randomCourse(seed: UInt64) -> Course {
        var random = SplitMix64(seed: seed)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let count = pick(2...5)
        var scenarios: [Scenario] = []
        for index in 0..<count {
            let multiple = pick(0...3) == 0
            var options: [Scenario.Option] = []
            for number in 0..<pick(2...3) {
                var scores: [String: Int] = [:]
                for guideline in ["g1", "g2"] where pick(0...2) > 0 { scores[guideline] = pick(-2...3) }
                if number == 0 { scores["g\(pick(1...2))"] = pick(1...3) }
                let next: ScenarioLink? = !multiple && pick(0...2) == 0
                    ? (index + 1 < count ? .scenario("s\(pick((index + 1)...(count - 1)))") : .end) : nil
                options.append(T.option("o\(number)", scores, critical: pick(0...5) == 0, next: next))
            }
            scenarios.append(scenario("s\(index)", options, kind: multiple ? .multiple : .single))
        }
        return T.course(scenarios, passing: PassingRule(overall: pick(50...90), perGuideline: pick(40...80), noCritical: pick(0...3) > 0))
    }

    /// Every answer sheet a learner can give on a route, by option ids.
    static func allAnswers(_ route: RouteAnalysis.Route, in course: Course) -> [[Answer]] {
        var sheets: [[Answer]] = [[]]
        for step in route.steps {
            guard let scenario = course.scenario(step.scenario) else { return [] }
            let allowed = step.via.isEmpty ? scenario.options.map(\.id) : step.via
            let choices: [[String]] = scenario.kind == .single ? allowed.map { [$0] }
                : (1..<(1 << allowed.count)).map { mask in allowed.indices.filter { mask & (1 << $0) != 0 }.map { allowed[$0] } }
            sheets = sheets.flatMap { sheet in choices.map { sheet + [Answer(scenario: scenario.id, options: $0, at: Date(timeIntervalSince1970: 0))] } }
        }
        return sheets
    }

    @Test("per route and course-wide, the analysis matches scoring every possible answer sheet", arguments: 0..<150)
    func matchesBruteForce(_ seed: Int) throws {
        let course = Self.randomCourse(seed: UInt64(seed))
        let analysis = RouteAnalysis(course: course, listLimit: 10_000)
        let routes = try #require(analysis.routes)
        #expect(UInt64(routes.count) == analysis.routeCount)
        var anyPass = false
        var anyAlways = false
        var percents: [Double] = []
        for route in routes {
            let sheets = Self.allAnswers(route, in: course).map { Scoring.scoreSheet(for: course, answers: $0) }
            let passes = sheets.map(\.passed)
            #expect(route.canPass == passes.contains(true), "seed \(seed) route \(route.steps.map(\.scenario))")
            #expect(route.alwaysPasses == !passes.contains(false), "seed \(seed) route \(route.steps.map(\.scenario))")
            #expect(route.bestPercent == sheets.compactMap(\.percent).max())
            #expect(route.worstPercent == sheets.compactMap(\.percent).min())
            if let answers = route.passingAnswers { #expect(Scoring.scoreSheet(for: course, answers: answers).passed) }
            anyPass = anyPass || passes.contains(true)
            anyAlways = anyAlways || !passes.contains(false)
            percents += sheets.compactMap(\.percent)
        }
        #expect(analysis.canPass == anyPass, "seed \(seed)")
        #expect(analysis.worstCanPass == anyAlways, "seed \(seed)")
        #expect(analysis.bestPercent == percents.max())
        #expect(analysis.worstPercent == percents.min())
    }

    @Test("the worked scoring example in docs/authoring.md scores as documented")
    func documentedExample() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("courses/voorbeeld.json").path
        let course = try CourseLoader.load(path: path).course
        let moment = Date(timeIntervalSince1970: 0)
        var answers = [Answer(scenario: "uitnodiging", options: ["koffieautomaat"], at: moment),
                       Answer(scenario: "fotos-delen", options: ["eerst-vragen", "iedereen-taggen"], at: moment),
                       Answer(scenario: "carpoollijst", options: ["rijders-vragen"], at: moment)]
        let sheet = Scoring.scoreSheet(for: course, answers: answers)
        #expect(sheet.guidelines.map { [$0.earned, $0.possible] } == [[2, 4], [2, 4]])
        #expect(sheet.earned == 4 && sheet.possible == 8)
        #expect(sheet.failures == [.overallBelow(required: 60)])
        answers[1].options = ["eerst-vragen"]
        #expect(Scoring.scoreSheet(for: course, answers: answers).passed)
    }
}
