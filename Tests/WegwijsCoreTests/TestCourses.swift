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

/// The seed of a fuzz test: fixed by default, so every run checks the same cases;
/// `WEGWIJS_FUZZ_SEED=random` draws a fresh one and `WEGWIJS_FUZZ_SEED=<number>` repeats the one a
/// failure message names.
enum FuzzSeed {
    static func value(default fixed: UInt64) -> UInt64 {
        switch ProcessInfo.processInfo.environment["WEGWIJS_FUZZ_SEED"] {
        case "random"?: UInt64.random(in: 0...UInt64(UInt32.max))
        case let text?: UInt64(text) ?? fixed
        case nil: fixed
        }
    }
}

/// Temp folders of one test process, all below one folder that is removed when the process
/// ends, so a run leaves nothing behind in the system temp folder (even where a test forgot
/// its own clean-up or failed half-way).
enum TestFolders {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(getpid())-\(UUID().uuidString.prefix(4))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// A fresh path below `root` (not created).
    static func path(_ name: String) -> URL {
        root.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
    }
}
