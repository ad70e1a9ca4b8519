import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// `shufflePools` and follow-ups (issue 20, item 5): pools shown in a random order per attempt,
/// recorded as `order` and replayed by verify; an option's follow-up shown after its situation
/// in any order; which courses can be reordered.
@Suite("shuffled pools and follow-ups")
struct ShufflePoolsTests {
    typealias T = TestCourses

    /// Three pools (one guideline each) of two members, one drawn each, and one scenario in no
    /// pool at the end; `followUp` adds an option to `a1` that leads to follow-up `f`, which
    /// comes back to where `a1` goes on.
    static func course(shufflePools: Bool = true, followUp: Bool = false) -> Course {
        func scenario(_ id: String, _ guideline: String, next: ScenarioLink? = nil, extra: [Scenario.Option] = []) -> Scenario {
            Scenario(id: id, situation: T.text(id), options: [T.option("\(id)-goed", [guideline: 2]), T.option("\(id)-fout", [guideline: 0])] + extra, next: next)
        }
        var scenarios = [scenario("a1", "g1", next: followUp ? .scenario("a2") : nil,
                                  extra: followUp ? [T.option("a1-vervolg", ["g1": 1], next: .scenario("f"))] : []),
                         scenario("a2", "g1")]
        if followUp { scenarios.insert(scenario("f", "g1", next: .scenario("a2")), at: 1) }
        scenarios += [scenario("b1", "g2"), scenario("b2", "g2"), scenario("c1", "g3"), scenario("c2", "g3"), scenario("slot", "g3")]
        var course = T.course(scenarios, guidelines: ["g1", "g2", "g3"])
        course.pools = [ScenarioPool(id: "pa", draw: 1, scenarios: ["a1", "a2"]), ScenarioPool(id: "pb", draw: 1, scenarios: ["b1", "b2"]),
                        ScenarioPool(id: "pc", draw: 1, scenarios: ["c1", "c2"])]
        course.shufflePools = shufflePools
        return course
    }

    static func session(_ course: Course, store: MemoryRecords = MemoryRecords()) -> AttemptSession {
        let loaded = LoadedCourse(course: course, sha256: "x", structure: "y", path: "test.json", warnings: [])
        return AttemptSession(loaded: loaded, settings: SessionSettings(learnerID: "7", learnerName: nil, language: "nl", restart: false, store: store))
    }

    @Test("every attempt shows its draw with the pools in a seeded order of their own; a scenario in no pool keeps its place")
    func ordersVary() throws {
        let course = Self.course()
        var firstPools = Set<String>()
        for _ in 0..<60 {
            let session = Self.session(course)
            _ = try session.open {}
            try session.start()
            let attempt = session.attempt
            let route = course.mainRoute(drawn: attempt.drawn.map { Set($0) })
            let order = attempt.order ?? route
            #expect(Set(order) == Set(route))
            #expect(order.last == "slot" && order.count == 4)
            #expect(Attempt.orderProblem(order, drawn: attempt.drawn, in: course) == nil)
            firstPools.insert(course.pools[try #require(course.poolPosition(of: order[0]))].id)
            #expect(session.retakeGuidelines.isEmpty)  // a shuffled order is not a retake
        }
        #expect(firstPools == ["pa", "pb", "pc"])
        // Without shufflePools the route is the file's order, and no order is recorded.
        let plain = Self.session(Self.course(shufflePools: false))
        _ = try plain.open {}
        try plain.start()
        #expect(plain.attempt.order == nil)
    }

    @Test("the shuffle is seeded: the same seed gives the same order; pools keep their members together")
    func seeded() {
        let course = Self.course()
        let route = ["a1", "b2", "c1", "slot"]
        var one = SplitMix64(seed: 42), two = SplitMix64(seed: 42)
        #expect(course.shufflingPools(of: route, using: &one) == course.shufflingPools(of: route, using: &two))
        var generator = SplitMix64(seed: 1)
        for _ in 0..<20 {
            let shuffled = course.shufflingPools(of: route, using: &generator)
            #expect(shuffled.last == "slot" && Set(shuffled) == Set(route))
        }
    }

    @Test("a follow-up comes right after its situation, wherever the shuffle puts it, and the count on screen stays right")
    func followUpInAnyOrder() throws {
        let course = Self.course(followUp: true)
        #expect(course.isReorderable)
        #expect(course.mainLine.map { course.scenarios[$0].id } == ["a1", "a2", "b1", "b2", "c1", "c2", "slot"])
        let order = ["c2", "a1", "b1", "slot"]
        var attempt = try Attempt(course: course, seed: nil, drawn: ["a1", "b1", "c2"], order: order, replaying: [])
        #expect(attempt.expectedTotal == 4)
        try attempt.answer(["c2-goed"], at: Date())
        #expect(attempt.currentScenario?.id == "a1")
        try attempt.answer(["a1-vervolg"], at: Date())
        #expect(attempt.currentScenario?.id == "f" && attempt.expectedTotal == 5 && attempt.position == 3)
        try attempt.answer(["f-goed"], at: Date())
        #expect(attempt.currentScenario?.id == "b1")
        try attempt.answer(["b1-goed"], at: Date())
        try attempt.answer(["slot-goed"], at: Date())
        #expect(attempt.isFinished && attempt.answers.map(\.scenario) == ["c2", "a1", "f", "b1", "slot"])
        // The other option of a1 goes straight on.
        var other = try Attempt(course: course, seed: nil, drawn: ["a1", "b1", "c2"], order: order, replaying: [])
        try other.answer(["c2-goed"], at: Date())
        try other.answer(["a1-fout"], at: Date())
        #expect(other.currentScenario?.id == "b1" && other.expectedTotal == 4)
        // A replay that leaves the order is refused.
        #expect(throws: AttemptError.self) {
            _ = try Attempt(course: course, seed: nil, drawn: ["a1", "b1", "c2"], order: order,
                            replaying: [Answer(scenario: "a1", options: ["a1-goed"], at: Date())])
        }
    }

    @Test("a recorded order must hold exactly the draw's situations, on a course that can be reordered")
    func orderProblems() {
        let course = Self.course()
        let drawn = ["a1", "b1", "c2"]
        #expect(Attempt.orderProblem(["b1", "a1", "c2", "slot"], drawn: drawn, in: course) == nil)
        #expect(Attempt.orderProblem(["b1", "a1", "slot"], drawn: drawn, in: course)?.contains("does not hold exactly the situations the draw shows") == true)
        #expect(Attempt.orderProblem(["b2", "a1", "c2", "slot"], drawn: drawn, in: course) != nil)
        var jumping = Self.course()
        jumping.scenarios[0].options[1].next = .scenario("c1")  // a jump along the main line
        #expect(!jumping.isReorderable)
        #expect(Attempt.orderProblem(["b1", "a1", "c2", "slot"], drawn: drawn, in: jumping)?.contains("only its own route can follow") == true)
    }

    @Test("which links allow reordering: follow-ups that come back, yes; a shared follow-up, an early end, a follow-up that goes elsewhere, no")
    func reorderable() {
        #expect(Self.course().isReorderable && Self.course(followUp: true).isReorderable)
        var shared = Self.course(followUp: true)
        shared.scenarios[3].options[1].next = .scenario("f")  // b1 leads to a1's follow-up too
        #expect(!shared.isReorderable)
        var ending = Self.course()
        ending.scenarios[0].options[1].next = .end
        #expect(!ending.isReorderable)
        var elsewhere = Self.course(followUp: true)
        elsewhere.scenarios[1].next = .scenario("b1")  // f does not come back to a2
        #expect(!elsewhere.isReorderable)
    }

    @Test("validate warns where shufflePools cannot work, at its line", arguments: [
        (#""shufflePools": true, "#, "'shufflePools' has no effect: the course has no pools"),
    ])
    func warnings(_ field: String, _ message: String) throws {
        let text = ValidationRuleTests.base.replacingOccurrences(of: #""validFor": "P1Y","#, with: #""validFor": "P1Y", "# + field)
        let (_, diagnostics) = ValidationRuleTests.check(text)
        let match = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics.map(\.description))")
        #expect(match.position?.line == 8 && match.severity == .warning)
        // The base course branches (an option's next to the following scenario is fine), so with pools:
        var linked = Self.course()
        linked.scenarios[0].options[1].next = .scenario("c1")
        let problems = CourseValidator.problems(in: linked, gaps: [], unpassable: .warning)
        #expect(problems.contains { $0.message.contains("the course's links (next) fix its order") })
        #expect(!CourseValidator.problems(in: Self.course(), gaps: [], unpassable: .warning).contains { $0.message.contains("shufflePools") })
    }
}
