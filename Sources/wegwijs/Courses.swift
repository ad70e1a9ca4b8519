import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled courses.")

    func run() throws {
        let catalog = bundledCourses()
        guard let directory = catalog.directory else {
            printError("no bundled courses found; set WEGWIJS_COURSES to the folder that holds them")
            throw Exit.ioError
        }
        var rows: [[String]] = [["ID", "VERSION", "TITLE", "LANGUAGES", "SCENARIOS"]]
        var failed = false
        for path in catalog.courseFiles() {
            do {
                let course = try CourseLoader.load(path: path).course
                rows.append([course.id, course.version, TextLayout.inline(course.title.resolved(course.language, fallback: course.language)),
                             course.languages.joined(separator: ","), String(course.scenarios.count)])
            } catch {
                failed = true
                for diagnostic in error.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            }
        }
        if rows.count == 1 { printError("\(directory): holds no course files") }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            print(cells.joined(separator: "  "))
        }
        if failed { throw Exit.invalidData }
    }
}
