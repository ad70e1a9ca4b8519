import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Paths: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse every route through the branching: best and worst score, can it pass.",
        discussion: """
        Lists each route (up to --limit) with the best and worst percentage a learner can reach on it and whether a pass is possible, then flags: no route can pass (and the pass mark the best answers miss); on some route even the worst answers pass; a single slip that fails a learner (on how many routes and draws); a guideline not assessed on some routes. A course with more routes than --limit is summarised as a whole, however many routes it has.

        Exit 0 after the analysis (whatever it finds, a course no route can pass included), 65 when the course is invalid.
        """
    )

    @Argument(help: "A course file, or the id of a bundled course.")
    var course: String

    @Option(help: "List routes one by one when there are at most this many.")
    var limit = 100

    @Option(help: "Language of the report (default: the language setting, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English).")
    var lang: InterfaceLanguage?

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let analysis = RouteAnalysis(course: loaded.course, listLimit: limit)
        let renderer = RouteReportRenderer(analysis: analysis, course: loaded.course, terminal: display.terminal,
                                           language: messageLanguage(lang))
        // The path on a line of its own: a file path is never broken, however long it is.
        printOutput(TextLayout.inline(loaded.path, limit: Int.max) + "\n"
                        + TextLayout.fitted(renderer.render(), width: display.terminal.width), terminator: "")
    }
}
