import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bundled courses.",
        discussion: "SCENARIOS says how many scenarios a learner sees on one route through the course (fewest to most, as answers branch and pools draw), of how many the course holds."
    )

    func run() throws {
        let catalog = bundledCourses()
        guard let directory = catalog.directory else {
            printError(noBundledCourses)
            throw Exit.ioError
        }
        var rows: [[String]] = [["ID", "VERSION", "TITLE", "LANGUAGES", "SCENARIOS"]]
        var failed = false
        for path in catalog.courseFiles() {
            do {
                let course = try CourseLoader.load(path: path).course
                rows.append([course.id, TextLayout.inline(course.version, limit: 60),
                             TextLayout.inline(course.title.resolved(course.language, fallback: course.language)),
                             TextLayout.inline(course.completeLanguages.joined(separator: ","), limit: 40), Self.scenarios(course)])
            } catch {
                failed = true
                for diagnostic in error.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            }
        }
        if rows.count == 1 { printError("\(directory): holds no course files") }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        printOutput(text, terminator: "")
        if failed { throw Exit.invalidData }
    }

    /// `27 to 32 of 32`: the scenarios on the shortest and longest route, of all in the course.
    static func scenarios(_ course: Course) -> String {
        let analysis = RouteAnalysis(course: course, listLimit: 0)
        let range = analysis.shortestRoute == analysis.longestRoute ? "\(analysis.longestRoute)"
            : "\(analysis.shortestRoute) to \(analysis.longestRoute)"
        return "\(range) of \(course.scenarios.count)"
    }
}
