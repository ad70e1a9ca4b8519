import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Write the certificate of a pass: one printable A4 HTML page.",
        discussion: """
        The certificate of one record (RECORD_FILE), or of the newest sound pass of --learner on --course in the records folder. It is in the language the learner took the course in, with name, employee number, course title and version, the day of the pass, until when it is valid, the acknowledgement and when it was confirmed, and a verification code. With WEGWIJS_SIGNING_KEY_FILE set, the record's signature is checked and the code is derived from it (S-…), so it cannot be made up without the key; without a key the code is derived from the record's content (H-…). `wegwijs verify CERTIFICATE_FILE` checks a certificate. See docs/hr.md.

        Only a sound pass gets a certificate: a record that passed, re-scores the same against its course (bundled, or given with --course), carries a valid signature when a key is configured, and is not dated in the future.

        Exit codes: 0 written, 64 usage error, 65 not a sound pass (or no pass found), 74 a record, folder, course or the output cannot be read or written.
        """
    )

    @Argument(help: "A record file.")
    var record: String?

    @Option(help: "The learner's employee number (with --course).")
    var learner: String?

    @Option(help: "The course: a bundled id or a course file.")
    var course: String?

    @Option(help: "The records folder to look in with --learner (default: the records setting, see wegwijs config; else ./records).")
    var records: String?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if record != nil, learner != nil { throw ValidationError("give a record file or --learner, not both") }
        if record == nil, learner == nil || course == nil { throw ValidationError("give a record file, or --learner and --course") }
        if record != nil, records != nil { throw ValidationError("--records goes with --learner, not with a record file") }
    }

    func run() throws {
        let catalog = bundledCourses()
        var courses: [LoadedCourse] = []
        var courseID = course
        if let course, course.contains("/") || course.hasSuffix(".json") {
            let loaded = try loadCourse(course, catalog: catalog)
            courses.append(loaded)
            courseID = loaded.course.id
        }
        let issuer = CertificateIssuer(courses: courses, fallback: loadBundledCourses(catalog),
                                       signer: try SigningKey.configured(), now: Int64(Date().timeIntervalSince1970))
        let certificate: Certificate
        if let record {
            let bytes: [UInt8]
            do {
                bytes = try RecordFiles.contents(of: record, namedByUser: true)
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                throw Exit.ioError
            }
            do {
                certificate = try issuer.issue(bytes: bytes, path: record, folders: Verify.layoutFolders(of: record, root: nil))
            } catch {
                printError(TextLayout.inline(error.description, limit: 800))
                throw Exit.invalidData
            }
        } else {
            let search = CertificateSearch(issuer: issuer, records: recordsFolder(records))
            certificate = try Self.find(search) { (search) throws(CertificateSearch.Failure) in
                try search.newestPass(learner: learner ?? "", course: courseID ?? "")
            }
        }
        let page = CertificatePage().render(certificate)
        if let output {
            do {
                try OutputFile.write(Data(page.utf8), to: output)
            } catch {
                printError(error.description)
                throw Exit.ioError
            }
        } else {
            printOutput(page, terminator: "")
        }
    }

    /// Runs a search, mapping its failures to messages and exit codes (74 unreadable, 65 else).
    static func find(_ search: CertificateSearch, _ body: (CertificateSearch) throws(CertificateSearch.Failure) -> Certificate) throws -> Certificate {
        do {
            return try body(search)
        } catch {
            printError(TextLayout.inline(error.description, limit: 800))
            if case .unreadable = error { throw Exit.ioError }
            throw Exit.invalidData
        }
    }
}

/// The records folder for commands that read one: the flag, else the records setting
/// (`WEGWIJS_RECORDS`, a settings file), else `./records`, as `RecordsOptions.folder`.
func recordsFolder(_ flag: String?) -> String {
    flag ?? quietSettings()?.records
        ?? ProcessInfo.processInfo.environment["WEGWIJS_RECORDS"].flatMap { $0.isEmpty ? nil : $0 } ?? "records"
}
