import Foundation
import Testing
import WegwijsCore

@Suite("wegwijs verify, end to end")
struct VerifyEndToEndTests {
    let course = Wegwijs.fixture("branching.json")

    /// Records made by piped runs, signed when `key` is given.
    func records(key: URL? = nil) throws -> URL {
        let records = try Wegwijs.temporaryFolder()
        let environment = key.map { ["WEGWIJS_SIGNING_KEY_FILE": $0.path] } ?? [:]
        for (learner, answers) in [("123", "a\na c\na\n"), ("124", "b\na\nb\n")] {
            try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: answers, environment: environment)
        }
        return records
    }

    func key(in folder: URL) throws -> URL {
        let key = folder.appendingPathComponent(".key")
        try Data("a signing key of at least sixteen bytes\n".utf8).write(to: key)
        // Key files are private to their account (PrivateFiles.checkSecret).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        return key
    }

    @Test("records the runner wrote verify: exit 0 and a summary")
    func soundRecords() throws {
        let records = try records()
        let result = try Wegwijs.run(["verify", records.path, "--course", course])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 records checked: 2 sound, 0 with problems"))
        #expect(result.stderr.isEmpty)
    }

    @Test("a record with an edited status is named with its path: exit 65")
    func editedStatus() throws {
        let records = try records()
        let file = try #require(Wegwijs.files(under: records).first { $0.hasPrefix("test-branching/124/") })
        let url = records.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\"status\" : \"failed\"", with: "\"status\" : \"passed\"").write(to: url, atomically: true, encoding: .utf8)
        let result = try Wegwijs.run(["verify", records.path, "--course", course])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(url.path): status is 'passed' but the answers finish the course and give 'failed'"))
        #expect(result.stdout.contains("2 records checked: 1 sound, 1 with problems (1 problem)"))
    }

    @Test("signed by the runner, checked by verify; an unsigned record is flagged when a key is configured")
    func signatures() throws {
        let folder = try Wegwijs.temporaryFolder()
        let key = try key(in: folder)
        let signed = try records(key: key)
        let ok = try Wegwijs.run(["verify", signed.path, "--course", course], environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("signatures checked"))

        let unsigned = try records()
        let flagged = try Wegwijs.run(["verify", unsigned.path, "--course", course], environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(flagged.status == 65)
        #expect(flagged.stderr.components(separatedBy: "not signed, though a signing key is configured").count == 3)

        let file = try #require(Wegwijs.files(under: signed).first)
        let url = signed.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\" : \"12", with: "\"id\" : \"99").write(to: url, atomically: true, encoding: .utf8)
        let forged = try Wegwijs.run([ "verify", url.path, "--course", course], environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(forged.status == 65)
        #expect(forged.stderr.contains("\(url.path): the signature does not match"))
    }

    @Test("a record made on an earlier wording verifies with a note; one whose scores changed does not")
    func editedCourse() throws {
        let records = try records()
        let text = try String(contentsOfFile: course, encoding: .utf8)
        let reworded = records.appendingPathComponent("branching-reworded.course")
        try text.replacingOccurrences(of: "Testcursus", with: "Testcursus 2").write(to: reworded, atomically: true, encoding: .utf8)
        let wording = try Wegwijs.run(["verify", records.appendingPathComponent("test-branching").path, "--course", reworded.path])
        #expect(wording.status == 0, "\(wording.stderr)")
        #expect(wording.stdout.contains("made on an earlier wording of course 'test-branching'"))

        let rescored = records.appendingPathComponent("branching-rescored.course")
        try text.replacingOccurrences(of: #""scores": {"openbaar": 2}"#, with: #""scores": {"openbaar": 3}"#)
            .write(to: rescored, atomically: true, encoding: .utf8)
        let scores = try Wegwijs.run(["verify", records.appendingPathComponent("test-branching").path, "--course", rescored.path])
        #expect(scores.status == 65)
        #expect(scores.stderr.contains("its routes or scores differ too"))
    }

    @Test("a path that cannot be read is exit 74; nothing to check is exit 65, with or without --course")
    func exitCodes() throws {
        let missing = try Wegwijs.run(["verify", "/nonexistent/records", "--course", course])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("/nonexistent/records: cannot be read"))
        let empty = try Wegwijs.run(["verify", try Wegwijs.temporaryFolder().path, "--course", course])
        #expect(empty.status == 65)
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let withoutCourse = try Wegwijs.run(["verify", folder.path])
        #expect(withoutCourse.status == 65)
    }
}
