import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show scenarios as a learner sees them, with every option's scores, feedback and next.",
        discussion: "For reviewing content with the policy owner. Records nothing. Exit 65 when the course is invalid (run wegwijs validate for every problem), or when some text lacks the language asked for (every missing text is listed)."
    )

    @Argument(help: "A course file, or the id of a bundled course.")
    var course: String

    @Option(help: "Show only this scenario (its id).")
    var scenario: String?

    @OptionGroup var language: LanguageOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let language = try language.language(for: loaded)
        let renderer = CoursePreviewRenderer(course: loaded.course, language: language, terminal: display.terminal)
        if let scenario {
            guard let index = loaded.course.indexOfScenario(scenario) else {
                let ids = loaded.course.scenarios.map(\.id)
                throw ValidationError("course '\(loaded.course.id)' has no scenario '\(TextLayout.inline(scenario, limit: 60))'\(Suggestion.hint(for: scenario, in: ids))")
            }
            printOutput(TextLayout.fitted(renderer.scenario(at: index), width: display.terminal.width), terminator: "")
            return
        }
        var text = renderer.header()
        for index in loaded.course.scenarios.indices {
            text += renderer.scenario(at: index)
        }
        printOutput(TextLayout.fitted(text, width: display.terminal.width), terminator: "")
    }
}
