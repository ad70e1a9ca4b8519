import ArgumentParser
import Foundation
import WegwijsCore

@main
struct Wegwijs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wegwijs",
        abstract: "Learn your employer's guidelines by living through realistic situations.",
        discussion: """
        Without a command, wegwijs runs the bundled course '\(CourseCatalog.defaultCourseID)'.
        Exit codes: 0 passed/success, 1 unexpected failure, 2 completed but not passed,
        3 stopped (progress saved), 64 usage error, 65 invalid data, 74 I/O error,
        130 interrupted by Ctrl-C (progress saved).
        """,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Preview.self, New.self, Paths.self, Courses.self, Report.self, Verify.self, Sync.self, Export.self, Config.self],
        defaultSubcommand: Run.self
    )
}
