import Foundation
import Testing
import WegwijsCore

@Suite("Settings from the command line, the environment and files")
struct ConfigEndToEndTests {
    @Test("wegwijs config names each value's origin; run writes where the user file says; a flag wins")
    func originsAndUse() throws {
        let home = try Wegwijs.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: home) }
        let records = home.appendingPathComponent("shared-records")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("wegwijs"), withIntermediateDirectories: true)
        try Data(#"{"wegwijs": {"records": "\#(records.path)", "actorHomepage": "https://hr.example.org"}}"#.utf8)
            .write(to: home.appendingPathComponent("wegwijs/config.json"))
        let system = home.appendingPathComponent("system.json")
        try Data(#"{"wegwijs": {"records": "/never/used", "activityBase": "https://courses.example.org/"}}"#.utf8).write(to: system)
        let environment = ["XDG_CONFIG_HOME": home.path, "WEGWIJS_SYSTEM_CONFIG_FILE": system.path,
                           "WEGWIJS_LRS_URL": "http://127.0.0.1:9/xAPI"]

        let shown = try Wegwijs.run(["config"], environment: environment)
        #expect(shown.status == 0)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        func line(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "" }
        #expect(line("wegwijs.records").hasSuffix(home.appendingPathComponent("wegwijs/config.json").path))
        #expect(line("wegwijs.records").contains(records.path))
        #expect(line("wegwijs.lrs.url").hasSuffix("WEGWIJS_LRS_URL"))
        #expect(line("wegwijs.activityBase").hasSuffix(system.path))
        #expect(line("wegwijs.language").hasSuffix("default"))

        let run = try Wegwijs.run(["run", Wegwijs.fixture("branching.json"), "--learner", "7"], input: "a\n",
                                  environment: ["XDG_CONFIG_HOME": home.path, "WEGWIJS_SYSTEM_CONFIG_FILE": system.path])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(Wegwijs.files(under: records) == ["test-branching/7/in-progress.json"])

        let flagged = home.appendingPathComponent("flag-records")
        let withFlag = try Wegwijs.run(["sync", "--status", "--records", flagged.path], environment: environment)
        #expect(withFlag.status == 0)
        #expect(withFlag.stdout == "pending: 0\nrejected: 0\nunusable: 0\n")
    }

    @Test("a settings file with an unknown key or broken JSON stops every command that reads settings: exit 65, located")
    func brokenFile() throws {
        let home = try Wegwijs.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home.appendingPathComponent("wegwijs"), withIntermediateDirectories: true)
        let file = home.appendingPathComponent("wegwijs/config.json")
        try Data("{\"wegwijs\": {\n  \"lrs\": {\"url\": \"http://x\", \"pasword\": \"no\"}}}".utf8).write(to: file)
        for arguments in [["config"], ["sync", "--status"], ["run", Wegwijs.fixture("branching.json"), "--learner", "7"]] {
            let result = try Wegwijs.run(arguments, input: "a\n", environment: ["XDG_CONFIG_HOME": home.path])
            #expect(result.status == 65)
            #expect(result.stderr == "\(file.path):2:30: unknown setting 'wegwijs.lrs.pasword'\n")
        }
    }

    @Test("without an LRS, sync and report --lrs are usage errors; a credentials file that cannot be read is 74", arguments: [
        (["sync"], [String: String](), Int32(64), "no LRS configured"),
        (["report", "--lrs"], [:], 64, "no LRS configured"),
        (["report"], [:], 64, "give the records folder (or --lrs)"),
        (["report", "records", "--lrs"], [:], 64, "not both"),
        (["sync"], ["WEGWIJS_LRS_URL": "ftp://lrs.example.org/xAPI"], 65, "is not an http or https URL"),
        (["sync"], ["WEGWIJS_LRS_URL": "http://127.0.0.1:9/xAPI", "WEGWIJS_LRS_CREDENTIALS_FILE": "/nonexistent/credentials"], 74,
         "/nonexistent/credentials: the LRS credentials file cannot be read"),
        (["sync"], ["WEGWIJS_LRS_URL": "https://127.0.0.1:9/xAPI", "WEGWIJS_LRS_CA_FILE": "/nonexistent/ca.pem"], 74,
         "/nonexistent/ca.pem: the LRS's certificate authority file cannot be read"),
    ])
    func withoutLRS(arguments: [String], environment: [String: String], status: Int32, message: String) throws {
        let folder = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(arguments + (arguments.first == "sync" ? ["--records", folder.path] : []),
                                     environment: environment)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
