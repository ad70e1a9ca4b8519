import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, valid starter course to edit.",
        discussion: """
        The starter is in Dutch and English, with the documented pass marks (80 % overall, 60 % per guideline, no serious breach): two guidelines and three scenarios, the second a follow-up that the first's partly good answer leads to, the last taking several answers. One ordinary mistake never fails it (its own paths and validate --strict are clean). An existing file is never overwritten: wegwijs new then exits 74 (I/O error) and changes nothing.

        A FILE whose name ends in .md gets the text (Markdown) format, one ending in .json gets JSON (with "$schema" naming the bundled course.schema.json, for editors that check JSON); --format chooses. A text course must be named *.md, as that is how wegwijs knows to read it as text.

        Next steps: wegwijs validate FILE, wegwijs preview FILE, wegwijs paths FILE.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The course file to create, e.g. mijn-cursus.md (text format) or mijn-cursus.json.")
    var file: String

    @Option(help: "The course id (lower-case letters, digits, '-'; at most 64); default: from the file name.")
    var id: String?

    @Option(help: "The course's own language, written first (the starter has Dutch and English texts).")
    var language: InterfaceLanguage = .nl

    @Option(help: "The course format (default: from the file name: .json gives JSON, else the text format).")
    var format: Format?

    /// The format to write: the one asked for, else the file name's.
    var chosenFormat: Format { format ?? (file.lowercased().hasSuffix(".json") ? .json : .text) }

    func validate() throws {
        if let id, !CourseID.isValid(id) {
            throw ValidationError("invalid --id '\(TextLayout.inline(id, limit: 70))': \(CourseID.ruleText)")
        }
        if (chosenFormat == .text) != TextCourseFormat.isText(file) {
            throw ValidationError(chosenFormat == .text
                ? "'\(TextLayout.inline(file, limit: 200))': a course in the text format must be named *.md (or give --format json)"
                : "'\(TextLayout.inline(file, limit: 200))': a file named *.md is read as the text format; name a JSON course *.json")
        }
    }

    func run() throws {
        let stem = TextCourseFormat.isText(file) ? String(file.dropLast(TextCourseFormat.fileExtension.count)) : file
        let courseID = id ?? StarterCourse.identifier(fromFileName: stem)
        // Editors check a JSON course against the schema that `$schema` names: the bundled one.
        let schema = chosenFormat == .json ? bundledCourses().directory.map { folder in
            URL(fileURLWithPath: folder).appendingPathComponent("course.schema.json")
        }.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0.absoluteString : nil } : nil
        var text = StarterCourse.json(id: courseID, language: language.rawValue, schema: schema)
        if chosenFormat == .text {
            do {
                text = try TextCourseWriter.text(of: try JSONParser.parse(Array(text.utf8)))
            } catch {
                printError("\(file): the starter course could not be written as text: \(error)")
                throw Exit.invalidData
            }
        }
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
        printOutput("\(file): written, course '\(courseID)' in Dutch and English (2 guidelines, 3 scenarios). Next: wegwijs validate \(file)")
    }
}
