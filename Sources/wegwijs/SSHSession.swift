import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// The forced command of every learner's key (`ssh authorized-keys` writes it): the learner
/// comes from the key, never from what the learner types. What follows `ssh host` arrives as
/// `SSH_ORIGINAL_COMMAND` and is checked against `SSHRequest`'s allow-list; then the ordinary
/// `run` (or `courses`) does the work, with the service account's settings.
struct SSHSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Run the course for the learner an ssh key belongs to (the forced command; see docs/server.md).",
        discussion: """
        After 'ssh host' a learner may give only: a bundled course id, --lang nl|en, --restart, --full-course, or courses. Anything else: one line on stderr and exit 64, and nothing runs. Records go to the records folder of the account this runs as (wegwijs config).
        """
    )

    @Option(help: "The employee number the key belongs to (set by authorized-keys, not by the learner).")
    var learner: String

    func validate() throws {
        guard LearnerID.isValid(learner) else {
            throw ValidationError("invalid --learner '\(TextLayout.inline(learner, limit: 70))': use 1-64 letters, digits, '.', '_' or '-', not starting with '.'")
        }
    }

    func run() throws {
        let catalog = bundledCourses()
        let bundled = catalog.courseFiles().map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        let request: SSHRequest
        do {
            request = try SSHRequest.parse(ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"], bundled: bundled)
        } catch {
            printError("wegwijs: \(error.reason)")
            throw Exit.usage
        }
        switch request {
        case .courses:
            let courses = try Courses.parse([])
            try courses.run()
        case .run(let course, let language, let restart, let fullCourse):
            var arguments = [course ?? CourseCatalog.defaultCourseID, "--learner", learner]
            if let language { arguments += ["--lang", language] }
            if restart { arguments.append("--restart") }
            if fullCourse { arguments.append("--full-course") }
            let run = try Run.parse(arguments)
            // What the learner types after `ssh <server>` to go on: the same, without --restart
            // (which would abandon what is kept). Only allow-listed words, so safe to show.
            let again = (course.map { [$0] } ?? []) + (language.map { ["--lang", $0] } ?? [])
            try run.run(serverCommand: again.joined(separator: " "))
        }
    }
}
