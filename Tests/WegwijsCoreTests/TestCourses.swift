import Foundation
@testable import WegwijsCore

/// Small courses built in code, so scoring and branching tests do not depend on a file.
enum TestCourses {
    static func text(_ value: String) -> LocalizedText { LocalizedText(["nl": value]) }

    static func option(_ id: String, _ scores: [String: Int], critical: Bool = false, next: ScenarioLink? = nil) -> Scenario.Option {
        Scenario.Option(id: id, text: text(id), scores: scores, feedback: text("feedback \(id)"), isCritical: critical, next: next)
    }

    static func course(_ scenarios: [Scenario], guidelines: [String] = ["g1", "g2"], passing: PassingRule = PassingRule()) -> Course {
        Course(id: "test", version: "1", language: "nl", title: text("Test"), passing: passing,
               guidelines: guidelines.map { Guideline(id: $0, title: text($0), summary: text("summary \($0)")) },
               scenarios: scenarios)
    }

    /// The fixture file shared with the end-to-end tests.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
    }
}

