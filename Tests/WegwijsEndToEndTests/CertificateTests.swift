import Foundation
import Testing
import WegwijsCore

/// `wegwijs certificate` and `wegwijs verify` of certificates, from the binary: the page against
/// a reference for a fixed record, one A4 page as Chromium prints it (counted by `pdfinfo`),
/// hand edits that no longer verify, and the records that get no certificate.
@Suite("certificates, end to end")
struct CertificateTests {
    static let acknowledgement = #"{"nl": "Ik deel geen geheimen van collega's.", "en": "I share no colleague's secrets."}"#

    /// The branching fixture with an acknowledgement, written to `folder` (the same bytes every
    /// time, so its sha256 and the codes of records made on it are fixed).
    static func course(in folder: URL, acknowledgement: String = acknowledgement) throws -> String {
        let text = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: #""validFor": "P1Y","#, with: #""validFor": "P1Y", "acknowledgement": "# + acknowledgement + ",")
        #expect(changed != text)
        let path = folder.appendingPathComponent("branching-ack.json").path
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A fixed pass of learner 201 on 2 March 2026, acknowledged on that day, in `language`.
    static func fixedRecord(course path: String, language: String = "nl", name: String = "Ada de Wit") throws -> CompletionRecord {
        let loaded = try CourseLoader.load(path: path)
        let pass = [["goed"], ["m1", "m3"], ["weiger"]]
        var record = try ReferenceRecords.record("201", name, started: "2026-03-01T23:59:00Z",
                                                 answers: [(pass[0], "2026-03-01T23:59:20Z"), (pass[1], "2026-03-01T23:59:50Z"), (pass[2], "2026-03-02T00:00:03Z")],
                                                 finished: "2026-03-02T00:00:05Z", course: loaded)
        record.language = language
        record.acknowledgedAt = try ReferenceRecords.at("2026-03-02T00:00:09Z")
        return record
    }

    static func key(in folder: URL) throws -> URL {
        let key = folder.appendingPathComponent(".key")
        try Data("a signing key of at least sixteen bytes\n".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        return key
    }

    @Test("the page of a fixed record, in Dutch and in English, against its reference; it verifies", arguments: ["nl", "en"])
    func reference(language: String) throws {
        let folder = try Wegwijs.temporaryFolder("certificate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let records = folder.appendingPathComponent("records")
        try ReferenceRecords.write(try Self.fixedRecord(course: course, language: language), into: records, suffix: "a1")
        let made = try Wegwijs.run(["certificate", "--learner", "201", "--course", course, "--records", records.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.isEmpty)
        try References.check(made.stdout, "certificate/\(language).html")
        #expect(made.stdout.contains(language == "nl" ? "2 maart 2027" : "2 March 2027"), "valid for a year from the day of the pass")
        #expect(made.stdout.contains(language == "nl" ? "Bevestigd op 2 maart 2026." : "Confirmed on 2 March 2026."))

        let file = folder.appendingPathComponent("certificaat.html")
        try Data(made.stdout.utf8).write(to: file)
        let checked = try Wegwijs.run(["verify", file.path, "--records", records.path, "--course", course])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("matches a sound pass: learner 201"))
    }

    @Test("a certificate edited by hand does not verify", arguments: [
        ("Ada de Wit", "Ada de Wit-Jansen"),       // the name
        ("2 maart 2027", "2 maart 2029"),          // valid until
        ("2 maart 2026", "2 april 2026"),          // the day of the pass
        ("Testcursus", "Andere cursus"),           // the course title
        ("versie 1", "versie 2"),                  // the version
        ("<td>201</td>", "<td>202</td>"),          // the employee number
    ])
    func tampered(original: String, edited: String) throws {
        let folder = try Wegwijs.temporaryFolder("certificate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let records = folder.appendingPathComponent("records")
        try ReferenceRecords.write(try Self.fixedRecord(course: course), into: records, suffix: "a1")
        let page = try Wegwijs.run(["certificate", "--learner", "201", "--course", course, "--records", records.path]).stdout
        #expect(page.contains(original))
        let file = folder.appendingPathComponent("certificaat.html")
        try Data(page.replacingOccurrences(of: original, with: edited).utf8).write(to: file)
        let checked = try Wegwijs.run(["verify", file.path, "--records", records.path, "--course", course])
        #expect(checked.status == 65)
        #expect(checked.stderr.contains("\(file.path): does not match: the page differs"), "\(checked.stderr)")
        #expect(!checked.stdout.contains("matches"))
    }

    @Test("Chromium prints a certificate on exactly one A4 page, also with a long name and acknowledgement")
    func onePage() throws {
        let folder = try Wegwijs.temporaryFolder("certificate-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "Ik deel nooit iets van collega's zonder hun toestemming. ", count: 60)
        for (index, (name, acknowledgement)) in [("Ada de Wit", Self.acknowledgement),
                                                 (String(repeating: "Wilhelmina-Adriana van der Velde-", count: 12),
                                                  "{\"nl\": \(JSONWriter.quoted(long)), \"en\": \(JSONWriter.quoted(long))}")].enumerated() {
            let sub = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let course = try Self.course(in: sub, acknowledgement: acknowledgement)
            let record = sub.appendingPathComponent("record.json")
            try Self.fixedRecord(course: course, name: name).encoded().write(to: record)
            let page = sub.appendingPathComponent("certificaat.html")
            let made = try Wegwijs.run(["certificate", record.path, "--course", course, "--output", page.path])
            #expect(made.status == 0, "\(made.stderr)")
            let pdf = sub.appendingPathComponent("certificaat.pdf")
            _ = try Chromium(profile: sub.appendingPathComponent("profile")).printToPDF(page, to: pdf)
            let info = try Self.pdfinfo(pdf)
            #expect(info.contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
            #expect(info.contains { $0.hasPrefix("Page size:") && $0.contains("(A4)") }, "\(info)")
        }
    }

    /// The lines of `pdfinfo FILE` (Debian's poppler-utils, `.ci/setup.d/45-poppler.sh`).
    static func pdfinfo(_ pdf: URL) throws -> [String] {
        guard let executable = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first(where: FileManager.default.isExecutableFile) else {
            throw Chromium.Failure(description: "pdfinfo is not installed (make setup installs Debian's poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [pdf.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("signed: the end screen shows the code, which is the certificate's and is found by verify --code")
    func signedRun() throws {
        let folder = try Wegwijs.temporaryFolder("certificate-signed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let records = folder.appendingPathComponent("records")
        let environment = ["WEGWIJS_SIGNING_KEY_FILE": try Self.key(in: folder).path]
        let run = try Wegwijs.run(["run", course, "--learner", "123", "--records", records.path, "--plain"],
                                  input: "a\na c\na\nja\n", environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("certificaat is geldig"), "no promise of a certificate that is not there")
        #expect(run.stdout.contains("Je resultaat is geldig tot en met"))
        let flowing = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("Je certificaat: HR (of je leidinggevende) maakt het met 'wegwijs certificate --learner 123 --course test-branching'."))
        let code = try #require(run.stdout.components(separatedBy: "Verificatiecode: ").dropFirst().first?.prefix(21)).description
        #expect(code.hasPrefix("S-"), "a signed record's code comes from its signature")

        let page = try Wegwijs.run(["certificate", "--learner", "123", "--course", course, "--records", records.path], environment: environment)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("<meta name=\"wegwijs-certificate-code\" content=\"\(code)\">"))
        let found = try Wegwijs.run(["verify", "--code", code.lowercased(), "--records", records.path, "--course", course], environment: environment)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.hasPrefix("\(code): matches a sound pass: learner 123"))

        // The record edited after signing: no certificate, and its code no longer verifies.
        let file = try #require(Wegwijs.files(under: records).first { !$0.hasSuffix("in-progress.json") })
        let path = records.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: #""id" : "123""#, with: #""id" : "123", "name" : "Iemand Anders""#).utf8).write(to: URL(fileURLWithPath: path))
        let refused = try Wegwijs.run(["certificate", path, "--course", course], environment: environment)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(path): no certificate: the signature does not match"), "\(refused.stderr)")
        let gone = try Wegwijs.run(["verify", "--code", code, "--records", records.path, "--course", course], environment: environment)
        #expect(gone.status == 65)
        #expect(gone.stderr.contains("the signature does not match"), "\(gone.stderr)")
        let unknown = try Wegwijs.run(["verify", "--code", "S-0000-0000-0000-0000", "--records", records.path, "--course", course], environment: environment)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no record in \(records.path) has code S-0000-0000-0000-0000"))
    }

    @Test("no certificate for a failed, changed or future-dated record, nor without a pass; usage errors are 64")
    func refusals() throws {
        let folder = try Wegwijs.temporaryFolder("certificate-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let records = folder.appendingPathComponent("records")
        let failed = try Wegwijs.run(["run", course, "--learner", "124", "--records", records.path], input: "b\na\nb\n")
        #expect(failed.status == 2)
        #expect(!failed.stdout.contains("Verificatiecode"), "no code after a fail")
        let noPass = try Wegwijs.run(["certificate", "--learner", "124", "--course", course, "--records", records.path])
        #expect(noPass.status == 65)
        #expect(noPass.stderr.contains("learner '124' has not passed course 'test-branching' (1 record, none passed)"), "\(noPass.stderr)")
        let file = records.appendingPathComponent(try #require(Wegwijs.files(under: records).first)).path
        let direct = try Wegwijs.run(["certificate", file, "--course", course])
        #expect(direct.status == 65)
        #expect(direct.stderr.contains("no certificate: the attempt did not pass (status 'failed')"), "\(direct.stderr)")

        // A failed record turned into a pass by hand: re-scoring disagrees.
        let forged = folder.appendingPathComponent("forged.json")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: #""status" : "failed""#, with: #""status" : "passed""#)
        try Data(text.utf8).write(to: forged)
        let changed = try Wegwijs.run(["certificate", forged.path, "--course", course])
        #expect(changed.status == 65)
        #expect(changed.stderr.contains("\(forged.path): no certificate:"), "\(changed.stderr)")
        #expect(changed.stdout.isEmpty)

        var future = try Self.fixedRecord(course: course)
        future.finishedAt = Date().addingTimeInterval(86_400 * 400)
        let later = folder.appendingPathComponent("future.json")
        try future.encoded().write(to: later)
        let dated = try Wegwijs.run(["certificate", later.path, "--course", course])
        #expect(dated.status == 65)
        #expect(dated.stderr.contains("dated in the future: finishedAt"), "\(dated.stderr)")

        let missing = try Wegwijs.run(["certificate", folder.appendingPathComponent("nothing.json").path, "--course", course])
        #expect(missing.status == 74)
        let nobody = try Wegwijs.run(["certificate", "--learner", "999", "--course", course, "--records", records.path])
        #expect(nobody.status == 65)
        #expect(nobody.stderr.contains("no records of learner '999' on course 'test-branching'"))
        for arguments in [["certificate"], ["certificate", file, "--learner", "124", "--course", course], ["certificate", "--learner", "124"],
                          ["verify"], ["verify", "--code", "nonsense", "--records", records.path], ["verify", "--code", "H-0000-0000-0000-0000", file]] {
            let usage = try Wegwijs.run(arguments)
            #expect(usage.status == 64, "\(arguments): \(usage.stderr)")
        }
    }
}
