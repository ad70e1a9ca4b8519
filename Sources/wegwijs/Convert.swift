import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a course in the other format: the plain-text (Markdown) format or JSON.",
        discussion: """
        A file whose name ends in .md is read as the text format, any other as JSON. The conversion is lossless: converting back gives the same canonical JSON and the same structure hash, so records, verify and stats keep working. A course that has content problems is converted as it is; run wegwijs validate on the result. See docs/authoring.md.

        Exit 0 when written, 65 when the course does not parse, 74 when a file cannot be read or written.
        """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The course file (or bundled course id).")
    var course: String

    @Option(help: "The format to write.")
    var to: Target

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let path = bundledCourses().resolve(course)
        let document = try courseDocument(at: path)
        try writeOutput(try courseText(document, asText: to == .text, file: path), to: output)
    }
}
