import Foundation
import Testing
@testable import WegwijsCore

/// The bundled courses are content, but content with promises: these tests keep a later edit
/// from quietly breaking them.
@Suite("The bundled UWV course and the example course")
struct BundledCourseTests {
    static let coursesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("courses")

    static func load(_ name: String) throws -> LoadedCourse {
        try CourseLoader.load(path: coursesFolder.appendingPathComponent(name).path)
    }

    static func total(_ option: Scenario.Option) -> Int { option.scores.values.reduce(0, +) }

    /// Plays the course choosing with `pick` until it ends.
    static func play(_ course: Course, pick: (Scenario) -> [String]) throws -> Attempt {
        var attempt = Attempt(course: course, seed: 1)
        while let scenario = attempt.currentScenario {
            try attempt.answer(pick(scenario), at: Date())
        }
        return attempt
    }

    static func best(_ scenario: Scenario) -> [String] {
        switch scenario.kind {
        case .single:
            let top = scenario.options.filter { !$0.isCritical }.max { total($0) < total($1) }
            return [top?.id ?? scenario.options[0].id]
        case .multiple:
            return scenario.options.filter { $0.scores.values.contains { $0 > 0 } }.map(\.id)
        }
    }

    static func worst(_ scenario: Scenario) -> [String] {
        switch scenario.kind {
        case .single:
            return [scenario.options.min { total($0) < total($1) }?.id ?? scenario.options[0].id]
        case .multiple:
            let bad = scenario.options.filter { total($0) <= 0 }.map(\.id)
            return bad.isEmpty ? [scenario.options.min { total($0) < total($1) }?.id ?? ""] : bad
        }
    }

    @Test("both courses load and validate without warnings", arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func loads(name: String) throws {
        let loaded = try Self.load(name)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
    }

    @Test("the best answer everywhere passes at 100 %; the worst everywhere fails",
          arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func bestAndWorstRuns(name: String) throws {
        let course = try Self.load(name).course
        let best = try Self.play(course, pick: Self.best).scoreSheet
        #expect(best.passed)
        #expect(best.percent == 100)
        #expect(best.guidelines.allSatisfy { !$0.isAssessed || $0.percent == 100 })
        let worst = try Self.play(course, pick: Self.worst).scoreSheet
        #expect(!worst.passed)
    }

    @Test("every scenario is reachable from the first", arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func reachable(name: String) throws {
        let course = try Self.load(name).course
        var reached: Set<Int> = [0]
        var stack = [0]
        while let index = stack.popLast() {
            for next in course.successors(of: index).next where reached.insert(next).inserted { stack.append(next) }
        }
        #expect(reached.count == course.scenarios.count)
    }

    @Test("the UWV course covers what the issue asks for")
    func uwvCoverage() throws {
        let course = try Self.load("uwv-sociale-media.json").course
        #expect(course.id == CourseCatalog.defaultCourseID)
        #expect(course.language == "nl" && course.languages == ["nl", "en"])
        #expect(course.guidelines.map { $0.title.translations["nl"] ?? "" } == [
            "Sociale netwerken zijn openbaar", "Blijf professioneel", "Blijf jezelf",
            "Geef nooit vertrouwelijke informatie van UWV", "Gebruik het UWV-logo niet",
        ])
        #expect(course.validFor == ISODuration("P1Y"))
        #expect(course.dueWithinDays == 30)

        // Every learner sees at least 24 scenarios: the shortest route, by dynamic programming.
        var shortest = [Int](repeating: 0, count: course.scenarios.count)
        for index in course.scenarios.indices.reversed() {
            let (next, canEnd) = course.successors(of: index)
            let tails = next.map { $0 > index ? shortest[$0] : 0 } + (canEnd ? [0] : [])
            shortest[index] = 1 + (tails.min() ?? 0)
        }
        #expect(shortest[0] >= 24)

        let channels = Set(course.scenarios.compactMap(\.channel))
        #expect(channels.count >= 4, "\(channels)")
        for guideline in course.guidelines {
            let scoring = course.scenarios.filter { $0.options.contains { $0.score(for: guideline.id) > 0 } }
            #expect(scoring.count >= 4, "guideline \(guideline.id) is scored positively in \(scoring.count) scenarios")
        }
        #expect(course.scenarios.filter { $0.options.contains { $0.next != nil } }.count >= 3, "branching scenarios")
        #expect(course.scenarios.filter { $0.kind == .multiple }.count >= 3, "multiple-answer scenarios")
        #expect(course.scenarios.flatMap(\.options).filter(\.isCritical).count >= 2, "critical options")

        func mentions(_ scenario: Scenario, _ word: String) -> Bool {
            let texts = [scenario.situation, scenario.explanation].compactMap { $0 } + scenario.options.flatMap { [$0.text] + [$0.feedback].compactMap { $0 } }
            return texts.contains { $0.translations["nl"]?.localizedCaseInsensitiveContains(word) == true }
        }
        #expect(course.scenarios.filter { mentions($0, "Webcare") }.count >= 2)
        #expect(course.closing?.translations["nl"]?.contains("concerncommunicatie@uwv.nl") == true)
        #expect(course.closing?.translations["en"]?.contains("concerncommunicatie@uwv.nl") == true)
        #expect(course.scenarios.contains { mentions($0, "herken") }, "you are easy to identify as a UWV employee")
        #expect(course.scenarios.contains { mentions($0, "screenshot") || mentions($0, "blijft") }, "what is posted stays online")
        for scenario in course.scenarios {
            #expect(scenario.explanation != nil && scenario.options.allSatisfy { $0.feedback != nil }, "\(scenario.id)")
            #expect((scenario.situation.translations["nl"] ?? "").count >= 150, "\(scenario.id) has a few sentences of detail")
        }
    }

    @Test("the example course uses every feature of the format")
    func exampleCourseFeatures() throws {
        let course = try Self.load("voorbeeld.json").course
        #expect(course.shuffleOptions)
        #expect(course.validFor != nil && course.dueWithinDays != nil)
        #expect(course.scenarios.contains { $0.kind == .multiple })
        #expect(course.scenarios.contains { $0.next == .end })
        #expect(course.scenarios.contains { $0.next != nil && $0.next != .end })
        #expect(course.scenarios.contains { $0.options.contains { $0.next != nil } })
        #expect(course.scenarios.contains { $0.question == nil })
        let options = course.scenarios.flatMap(\.options)
        #expect(options.contains { $0.isCritical })
        #expect(options.contains { $0.scores.isEmpty })
        #expect(options.contains { $0.scores.values.contains { $0 < 0 } })
    }
}
