import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-score completion records against their course and detect tampering; check certificates.",
        discussion: """
        Each record is re-scored from its answers with the runner's own scoring, against the course file whose sha256 it names: one given with --course, else the bundled course of the record's course id. With WEGWIJS_SIGNING_KEY_FILE set, signatures are checked and unsigned records are flagged. A record in a records folder must name the course and learner of the folders it is in.

        Problems go to stderr, one per line with the file path; a summary goes to stdout. Folders are searched recursively for *.json, skipping hidden (temporary) files; a file reached through two of the paths given is checked once. See docs/hr.md.

        Certificates: `verify CERTIFICATE_FILE` (files written by `wegwijs certificate`) and `verify --code CODE` look in the records folder (--records, else the records setting) for the record whose code the certificate bears; it matches when that record is a sound pass and the certificate made from it is the file, byte for byte, so a certificate edited by hand does not match.

        Exit codes: 0 every record is sound (every certificate matches), 65 a record has a problem or none was found (a certificate does not match), 74 a path, record or the key file cannot be read, 64 usage error.
        """
    )

    @Argument(help: "Record files or folders of records, or certificate files.")
    var paths: [String] = []

    @Option(help: "A certificate's verification code to look up in the records folder.")
    var code: String?

    @Option(help: "The records folder certificates are checked against (default: the records setting, see wegwijs config; else ./records).")
    var records: String?

    @Option(parsing: .upToNextOption, help: "Course files (or bundled ids) the records were made on; repeatable. Default: the bundled courses.")
    var course: [String] = []

    func validate() throws {
        if code != nil, !paths.isEmpty { throw ValidationError("give --code or files, not both") }
        if code == nil, paths.isEmpty { throw ValidationError("give record files or folders, certificate files, or --code") }
        let certificates = paths.filter(Self.isCertificate).count
        if certificates > 0, certificates < paths.count { throw ValidationError("give certificate files or records, not both at once") }
        if records != nil, code == nil, certificates == 0 { throw ValidationError("--records goes with certificates or --code") }
    }

    func run() throws {
        if code != nil || paths.allSatisfy(Self.isCertificate) { return try verifyCertificates(files: paths) }
        let catalog = bundledCourses()
        let courses = try course.map { try loadCourse($0, catalog: catalog) }
        let signer = try SigningKey.configured()

        var unreadable = 0
        var files: [(path: String, folders: RecordVerifier.Folders?)] = []
        var seen = Set<String>()
        func add(_ file: String, root: String?) {
            // Overlapping paths (a folder and a folder inside it) name a file once.
            let identity = Self.realPath(file) ?? file
            guard seen.insert(identity).inserted else { return }
            files.append((file, Self.layoutFolders(of: file, root: root)))
        }
        for path in paths {
            switch RecordFiles.kind(of: path) {
            case .file:
                add(path, root: nil)
            case .folder:
                var found: [String] = []
                do {
                    try RecordFolder(root: path).places(found: { found.append($0) }, problem: { problem in
                        printError(TextLayout.inline(problem.description, limit: 400))
                        unreadable += 1
                    })
                } catch {
                    printError(TextLayout.inline(error.description, limit: 400))
                    unreadable += 1
                }
                for file in found.sorted() { add(file, root: path) }
            case .missing(let reason):
                printError(TextLayout.inline("\(path): cannot be read (\(reason))", limit: 400))
                unreadable += 1
            }
        }

        let fallback = loadBundledCourses(catalog)
        var verifier = RecordVerifier(courses: courses, fallback: fallback, signer: signer)
        let now = Int64(Date().timeIntervalSince1970)
        var problemCount = 0
        var badRecords = 0
        var checked = 0
        for file in files {
            let problems: [VerifyProblem]
            do {
                let bytes = try RecordFiles.contents(of: file.path)
                var found = verifier.check(bytes: bytes, path: file.path, folders: file.folders)
                if let root = try? JSONParser.parse(bytes), let future = RecordTrust.futureTime(in: root, now: now) {
                    found.append(VerifyProblem(path: file.path, kind: .format, message: future))
                }
                problems = found
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                unreadable += 1
                continue
            }
            checked += 1
            for problem in problems { printError(TextLayout.inline(problem.description, limit: 600)) }
            problemCount += problems.count
            if !problems.isEmpty { badRecords += 1 }
        }

        for note in verifier.notes { printOutput("note: " + TextLayout.inline(note, limit: 600)) }
        var summary = "\(checked) record\(checked == 1 ? "" : "s") checked: \(checked - badRecords) sound, "
        summary += "\(badRecords) with problems (\(problemCount) problem\(problemCount == 1 ? "" : "s"))"
        if unreadable > 0 { summary += "; \(unreadable) unreadable" }
        summary += signer == nil ? "; signatures not checked (no WEGWIJS_SIGNING_KEY_FILE)" : "; signatures checked"
        printOutput(summary)
        if unreadable > 0 { throw Exit.ioError }
        if checked == 0 {
            printError("no record files found in \(paths.joined(separator: ", "))")
            throw Exit.invalidData
        }
        if problemCount > 0 { throw Exit.invalidData }
    }

    /// The canonical path of an existing file.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The course and learner folders a record lies in (`<course>/<learner>/<file>.json`).
    /// Certain when the file is exactly that deep below a folder given; otherwise the verifier
    /// checks the learner folder only when the course folder bears the record's course id.
    static func layoutFolders(of file: String, root: String?) -> RecordVerifier.Folders? {
        let parts = file.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        let depth = root.map { parts.count - $0.split(separator: "/").count } ?? 0
        return RecordVerifier.Folders(course: parts[parts.count - 3], learner: parts[parts.count - 2], certain: depth == 3)
    }
}
