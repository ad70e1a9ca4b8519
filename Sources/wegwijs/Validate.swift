import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check course files and print every problem found, located.",
        discussion: "Problems are printed as FILE:LINE:COLUMN: error|warning: message. Exit 0 when every file is valid, 65 when one is not, 74 when one cannot be read."
    )

    @Argument(help: "Course files (or bundled course ids).")
    var courses: [String]

    func run() throws {
        let catalog = bundledCourses()
        var invalid = false
        var unreadable = false
        for argument in courses {
            let path = catalog.resolve(argument)
            let bytes: [UInt8]
            do {
                bytes = try CourseLoader.read(path: path)
            } catch {
                error.diagnostics.forEach { printError($0.description) }
                if error.kind == .unreadable { unreadable = true } else { invalid = true }
                continue
            }
            let (course, diagnostics) = CourseLoader.check(bytes: bytes, file: path)
            diagnostics.forEach { printError($0.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            if errors > 0 || course == nil {
                invalid = true
                print("\(path): invalid (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))")
            } else if let course {
                print("\(path): ok (\(course.scenarios.count) scenarios, \(course.guidelines.count) guidelines, \(warnings) warning\(warnings == 1 ? "" : "s"))")
            }
        }
        if unreadable { throw Exit.ioError }
        if invalid { throw Exit.invalidData }
    }
}
