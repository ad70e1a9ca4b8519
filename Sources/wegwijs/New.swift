import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, valid starter course to edit.",
        discussion: """
        The starter has two guidelines and two scenarios: the first branches to the second on a wrong answer, the second takes several answers. An existing file is never overwritten: wegwijs new then exits 74 (I/O error) and changes nothing.

        Next steps: wegwijs validate FILE, wegwijs preview FILE, wegwijs paths FILE.
        """
    )

    @Argument(help: "The course file to create, e.g. mijn-cursus.json.")
    var file: String

    @Option(help: "The course id (lower-case letters, digits, '-'; at most 64); default: from the file name.")
    var id: String?

    @Option(help: "The language of the starter text.")
    var language: InterfaceLanguage = .nl

    func validate() throws {
        if let id, !CourseID.isValid(id) {
            throw ValidationError("invalid --id '\(TextLayout.inline(id, limit: 70))': \(CourseID.ruleText)")
        }
    }

    func run() throws {
        let courseID = id ?? StarterCourse.identifier(fromFileName: file)
        let text = StarterCourse.json(id: courseID, language: language.rawValue)
        guard !FileManager.default.fileExists(atPath: file) else {
            printError("\(file): already exists; not overwritten (choose another name or remove the file first)")
            throw Exit.ioError
        }
        do {
            // `.withoutOverwriting` creates the file exclusively, so a file that appears meanwhile is not replaced.
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file) ? "already exists; not overwritten" : "cannot be written: \(error.localizedDescription)"
            printError("\(file): \(reason)")
            throw Exit.ioError
        }
        printOutput("\(file): written, course '\(courseID)' (2 guidelines, 2 scenarios). Next: wegwijs validate \(file)")
    }
}
