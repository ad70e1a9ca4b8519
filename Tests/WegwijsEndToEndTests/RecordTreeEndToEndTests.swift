import Foundation
import Testing
import WegwijsCore

/// SPEC §10: no folder shared by several accounts, no secret others can read (docs/server.md).
@Suite("run refuses a records tree others can write to, and secrets others can read")
struct RecordTreeEndToEndTests {
    let course = Wegwijs.fixture("branching.json")

    @Test("a group- or world-writable records root or course folder: exit 74 before any question, pointing to docs/server.md, nothing changed",
          arguments: [("", 0o2770), ("", 0o777), ("test-branching", 0o2770), ("test-branching", 0o757)])
    func writableTree(folder: String, mode: Int) throws {
        let records = try Wegwijs.temporaryFolder("shared-records")
        let target = folder.isEmpty ? records : records.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target.path)
        let result = try Wegwijs.run(["run", course, "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("\(target.path): "), "\(result.stderr)")
        #expect(result.stderr.contains("can write to it (mode \(String(mode, radix: 8)))"))
        #expect(result.stderr.contains("docs/server.md"))
        // The learner is told in their language; the detail is marked for the administrator.
        #expect(result.stderr.contains("Je antwoorden konden niet worden opgeslagen: de map voor je resultaten kan ook door een ander account worden gewijzigd"), "\(result.stderr)")
        #expect(result.stderr.contains("Voor je beheerder: \(target.path): "))
        #expect(!result.stdout.contains("Situatie 1"))
        #expect(Wegwijs.files(under: records, includingHidden: true).isEmpty)
        let kept = try #require(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int)
        #expect(kept & 0o7777 == mode, "the folder is left as it was")
    }

    @Test("records are written 0640 in 0750 folders whatever the umask; the lock file too")
    func modes() throws {
        let records = try Wegwijs.temporaryFolder("private-records").appendingPathComponent("records")
        // Run through a shell with umask 000, so nothing comes from the test's own umask.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "umask 000; printf 'a\\na c\\na\\n' | \"$0\" run \"$1\" --learner 124 --records \"$2\" >/dev/null 2>&1",
                           Wegwijs.executable.path, course, records.path]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: records.appendingPathComponent(path).path)[.posixPermissions] as? Int) & 0o7777
        }
        #expect(try mode("") == 0o750)
        #expect(try mode("test-branching") == 0o750)
        #expect(try mode("test-branching/124") == 0o750)
        for file in Wegwijs.files(under: records, includingHidden: true) where file.hasPrefix("test-branching/124/") {
            #expect(try mode(file) == 0o640, "\(file)")
        }
    }

    @Test("a signing key others can read: exit 74 with the chmod 600 that fixes it; after the chmod the run signs")
    func looseSigningKey() throws {
        let folder = try Wegwijs.temporaryFolder("loose-key")
        let key = folder.appendingPathComponent("signing.key")
        try Data("0123456789abcdef0123456789abcdef".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: key.path)
        let records = folder.appendingPathComponent("records")
        let arguments = ["run", course, "--learner", "123", "--records", records.path]
        let refused = try Wegwijs.run(arguments, input: "a\na c\na\n", environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(refused.status == 74)
        #expect(refused.stderr.contains("\(key.path): permissions 0640 are too open"), "\(refused.stderr)")
        #expect(refused.stderr.contains("chmod 600 \(key.path)"))
        #expect(Wegwijs.files(under: records).isEmpty)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let signed = try Wegwijs.run(arguments, input: "a\na c\na\n", environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(signed.status == 0, "\(signed.stderr)")
        let file = try #require(Wegwijs.files(under: records).first)
        #expect(try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(file))).signature != nil)
    }

    @Test("LRS credentials others can read: sync refuses them with the chmod 600 that fixes it")
    func looseCredentials() throws {
        let folder = try Wegwijs.temporaryFolder("loose-credentials")
        let credentials = folder.appendingPathComponent("lrs")
        try Data("wegwijs:secret\n".utf8).write(to: credentials)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials.path)
        let result = try Wegwijs.run(["sync", "--records", folder.appendingPathComponent("records").path],
                                     environment: ["WEGWIJS_LRS_URL": "http://127.0.0.1:9/xAPI", "WEGWIJS_LRS_CREDENTIALS_FILE": credentials.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("\(credentials.path): permissions 0644 are too open: other accounts can read the LRS credentials"), "\(result.stderr)")
        #expect(result.stderr.contains("chmod 600 \(credentials.path)"))
    }
}
