import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-score completion records against their course and detect tampering.",
        discussion: """
        Each record is re-scored from its answers with the runner's own scoring, against the
        --course file whose sha256 it names. With WEGWIJS_SIGNING_KEY_FILE set, signatures are
        checked and unsigned records are flagged. Problems go to stderr, one per line with the
        file path; a summary goes to stdout. Folders are searched recursively for *.json, skipping
        hidden (temporary) files. See docs/hr.md.
        Exit codes: 0 every record is sound, 65 a record has a problem (or none was found),
        74 a path, record or the key file cannot be read, 64 usage error.
        """
    )

    @Argument(help: "Record files or folders of records.")
    var paths: [String]

    @Option(parsing: .upToNextOption, help: "Course files (or bundled ids) the records were made on; repeatable.")
    var course: [String] = []

    func validate() throws {
        if course.isEmpty { throw ValidationError("give the course the records were made on with --course") }
    }

    func run() throws {
        let catalog = bundledCourses()
        let courses = try course.map { try loadCourse($0, catalog: catalog) }
        var signer: RecordSigner?
        if let keyFile = ProcessInfo.processInfo.environment["WEGWIJS_SIGNING_KEY_FILE"], !keyFile.isEmpty {
            do {
                signer = try RecordSigner(keyFile: keyFile)
            } catch {
                printError(error.description)
                throw Exit.ioError
            }
        }

        var unreadable = false
        var files: [String] = []
        for path in paths {
            switch RecordFiles.kind(of: path) {
            case .file:
                files.append(path)
            case .folder:
                var found: [String] = []
                do {
                    try RecordFiles.walk(path, found: { found.append($0) }, problem: { problem in
                        printError(TextLayout.inline(problem.description, limit: 400))
                        unreadable = true
                    })
                } catch {
                    printError(TextLayout.inline(error.description, limit: 400))
                    unreadable = true
                }
                files += found.sorted()
            case .missing(let reason):
                printError(TextLayout.inline("\(path): cannot be read (\(reason))", limit: 400))
                unreadable = true
            }
        }

        var verifier = RecordVerifier(courses: courses, signer: signer)
        var problemCount = 0
        var badRecords = 0
        for file in files {
            let problems: [VerifyProblem]
            do {
                let bytes = try RecordFiles.contents(of: file)
                problems = verifier.check(bytes: bytes, path: file)
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                unreadable = true
                continue
            }
            for problem in problems { printError(TextLayout.inline(problem.description, limit: 600)) }
            problemCount += problems.count
            if !problems.isEmpty { badRecords += 1 }
        }

        for note in verifier.notes { print("note: " + TextLayout.inline(note, limit: 600)) }
        let checked = files.count
        var summary = "\(checked) record\(checked == 1 ? "" : "s") checked: \(checked - badRecords) sound, "
        summary += "\(badRecords) with problems (\(problemCount) problem\(problemCount == 1 ? "" : "s"))"
        summary += signer == nil ? "; signatures not checked (no WEGWIJS_SIGNING_KEY_FILE)" : "; signatures checked"
        print(summary)
        if unreadable { throw Exit.ioError }
        if checked == 0 {
            printError("no record files found in \(paths.joined(separator: ", "))")
            throw Exit.invalidData
        }
        if problemCount > 0 { throw Exit.invalidData }
    }
}
