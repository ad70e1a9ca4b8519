import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every record as xAPI statements (NDJSON).",
        discussion: """
        One statement per line, in a stable order (course, learner, attempt, then time): two runs \
        give the same bytes, and `ralph write -b lrs` loads the same statements that `sync` delivers. \
        Records whose course is not known (bundled or --course) are listed on stderr and skipped.

        Exit codes: 0 written, 64 usage error, 65 records skipped, 74 a folder or file that cannot \
        be read or written.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xapi
    }

    @Argument(help: "The records folder.")
    var records: String

    @Option(help: "Output format (xapi: one xAPI statement per line).")
    var format: Format

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "A course file the records were made on (bundled courses are found by id); repeatable.")
    var course: [String] = []

    func run() throws {
        let settings = try loadSettings()
        let catalog = bundledCourses()
        var courses = try course.map { try loadCourse($0, catalog: catalog) }
        courses += catalog.courseFiles().compactMap { try? CourseLoader.load(path: $0) }
        let source = RecordStatements(courses: courses, profile: xapiProfile(settings))
        let files: [String]
        let walkProblems: [FileProblem]
        do {
            (files, walkProblems) = try RecordStatements.recordFiles(root: records)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
        for problem in walkProblems { printError(TextLayout.inline("\(problem.description); skipped", limit: 400)) }
        var text = ""
        var skipped = walkProblems.count
        for file in files {
            do {
                for statement in try source.statements(ofFile: file).statements {
                    text += statement.json
                    text += "\n"
                }
            } catch {
                printError(TextLayout.inline("\(error.description); skipped", limit: 400))
                skipped += 1
            }
        }
        if let output {
            // As report's --output: through links to their target, atomically into a regular
            // file, straight into a device or FIFO (never replacing /dev/null or a link).
            do {
                try OutputFile.write(Data(text.utf8), to: output)
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                throw Exit.ioError
            }
        } else {
            printOutput(text, terminator: "")
        }
        if skipped > 0 {
            let total = files.count + walkProblems.count
            printError("\(skipped) of \(total) record file\(total == 1 ? "" : "s") skipped")
            throw Exit.invalidData
        }
    }
}
