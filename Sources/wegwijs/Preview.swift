import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show scenarios as a learner sees them, with every option's scores, feedback and next.",
        discussion: "For reviewing content with the policy owner. Records nothing. Exit 65 when the course is invalid (run wegwijs validate for every problem)."
    )

    @Argument(help: "A course file, or the id of a bundled course.")
    var course: String

    @Option(help: "Show only this scenario (its id).")
    var scenario: String?

    @Option(help: "Language of the course text (default: the course's language).")
    var lang: String?

    @Flag(help: "No colour, box drawing or bars.")
    var plain = false

    func run() throws {
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let language = lang ?? loaded.course.language
        guard loaded.course.languages.contains(language) else {
            throw ValidationError("course '\(loaded.course.id)' is not available in '\(TextLayout.inline(language, limit: 20))' (it offers \(loaded.course.languages.joined(separator: ", ")))")
        }
        let renderer = CoursePreviewRenderer(course: loaded.course, language: language, terminal: TerminalInfo.current(plain: plain))
        if let scenario {
            guard let index = loaded.course.indexOfScenario(scenario) else {
                let ids = loaded.course.scenarios.map(\.id)
                throw ValidationError("course '\(loaded.course.id)' has no scenario '\(TextLayout.inline(scenario, limit: 60))'\(Suggestion.hint(for: scenario, in: ids))")
            }
            print(renderer.scenario(at: index), terminator: "")
            return
        }
        print(renderer.header(), terminator: "")
        for index in loaded.course.scenarios.indices {
            print(renderer.scenario(at: index), terminator: "")
        }
    }
}
