import Foundation
import Testing
@testable import WegwijsCore

@Suite("Attempts and branching")
struct AttemptTests {
    func loadFixture() throws -> Course {
        try CourseLoader.load(path: TestCourses.fixture("branching.json")).course
    }

    func route(_ course: Course, answering choices: [[String]]) throws -> [String] {
        var attempt = Attempt(course: course)
        var visited: [String] = []
        for choice in choices {
            visited.append(try #require(attempt.currentScenario).id)
            try attempt.answer(choice, at: Date())
        }
        #expect(attempt.isFinished)
        return visited
    }

    @Test("an option's next overrides the scenario's next")
    func optionNext() throws {
        let course = try loadFixture()
        #expect(try route(course, answering: [["fout"], ["herstel"], ["m1"], ["weiger"]]) == ["start", "gevolg", "meer", "kritiek"])
    }

    @Test("the scenario's next skips the follow-up; the array order is the default")
    func scenarioNext() throws {
        let course = try loadFixture()
        #expect(try route(course, answering: [["goed"], ["m1", "m3"], ["weiger"]]) == ["start", "meer", "kritiek"])
    }

    @Test("\"end\" ends the course early")
    func endLink() throws {
        let course = TestCourses.course([
            Scenario(id: "a", situation: TestCourses.text("a"), options: [
                TestCourses.option("stop", ["g1": 1, "g2": 1], next: .end), TestCourses.option("go", ["g1": 1, "g2": 1]),
            ]),
            Scenario(id: "b", situation: TestCourses.text("b"), options: [
                TestCourses.option("x", ["g1": 1]), TestCourses.option("y", ["g2": 1]),
            ]),
        ])
        #expect(try route(course, answering: [["stop"]]) == ["a"])
        #expect(try route(course, answering: [["go"], ["x"]]) == ["a", "b"])
    }

    @Test("answers are checked against the scenario", arguments: [
        ["goed", "half"], [], ["nope"], ["goed", "goed"],
    ])
    func rejectsBadAnswers(choice: [String]) throws {
        var attempt = Attempt(course: try loadFixture())
        #expect(throws: AttemptError.self) { try attempt.answer(choice, at: Date()) }
        #expect(attempt.answers.isEmpty)
    }

    @Test("replaying answers off the route fails, naming the answer")
    func replayOffRoute() throws {
        let course = try loadFixture()
        let answers = [Answer(scenario: "start", options: ["goed"], at: Date()), Answer(scenario: "gevolg", options: ["herstel"], at: Date())]
        #expect(throws: AttemptError(message: "answer 2 is for scenario 'gevolg', but the route leads to 'meer'")) {
            try Attempt(course: course, seed: nil, replaying: answers)
        }
    }

    @Test("progress counts the route ahead and grows when a branch adds a follow-up")
    func progress() throws {
        var attempt = Attempt(course: try loadFixture())
        #expect(attempt.position == 1 && attempt.expectedTotal == 3)
        try attempt.answer(["fout"], at: Date())
        #expect(attempt.position == 2 && attempt.expectedTotal == 4)
    }

    @Test("a seed reproduces the shuffled order, and answers name ids whatever the order")
    func shuffle() throws {
        var course = try loadFixture()
        course.shuffleOptions = true
        let orders = (0..<20).map { seed in Attempt(course: course, seed: UInt64(seed)).shownOptions.map(\.id) }
        #expect(Set(orders).count > 1, "20 seeds should not all give the same order")
        for seed in 0..<20 {
            #expect(Attempt(course: course, seed: UInt64(seed)).shownOptions.map(\.id) == orders[seed])
        }
        var attempt = Attempt(course: course, seed: 7)
        try attempt.answer(["goed"], at: Date())
        #expect(attempt.answers.first?.options == ["goed"])
        #expect(attempt.seed == 7)
    }

    @Test("without shuffleOptions there is no seed")
    func noSeed() throws {
        #expect(Attempt(course: try loadFixture(), seed: 5).seed == nil)
    }
}
