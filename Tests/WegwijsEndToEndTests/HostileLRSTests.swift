import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `report --lrs` and `sync` against a hostile LRS (`HostileLRS`): what it answers can make
/// neither trap, hang, leak the credentials, send them elsewhere, nor count as a pass.
@Suite("a hostile LRS", .serialized, .waitsOnProcesses)
struct HostileLRSTests {
    let course = Wegwijs.fixture("branching.json")
    let folder: URL
    let lrs: HostileLRS

    init() throws {
        folder = try Wegwijs.temporaryFolder("hostile")
        lrs = try HostileLRS.start()
    }

    func cleanUp() {
        lrs.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A records folder with one passed attempt (learner 11) and one failed (12), and their
    /// statements as `export --format xapi` makes them, one JSON object each.
    func attempts() throws -> (records: URL, statements: [[String: Any]]) {
        let records = folder.appendingPathComponent("R")
        #expect(try Wegwijs.run(["run", course, "--learner", "11", "--records", records.path], input: "a\na c\na\n").status == 0)
        #expect(try Wegwijs.run(["run", course, "--learner", "12", "--records", records.path], input: "a\na c\nb\n").status == 2)
        let file = folder.appendingPathComponent("all.ndjson").path
        let exported = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", course, "--output", file])
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let statements = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        return (records, statements)
    }

    func report(_ extra: [String] = []) throws -> BoundedResult {
        let result = try Wegwijs.runBounded(["report", "--lrs", "--format", "csv"] + extra, environment: lrs.environment(), limit: 60)
        #expect(!result.timedOut, "report --lrs did not end")
        #expect(!Wegwijs.hasRawControl(result.stdout + result.stderr))
        return result
    }

    static func isVerb(_ statement: [String: Any], _ name: String) -> Bool {
        ((statement["verb"] as? [String: Any])?["id"] as? String)?.hasSuffix("/" + name) == true
    }

    static func row(_ csv: String, learner: String) -> [String]? {
        csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0.first == learner }
    }

    @Test("a statement with 1e300 (or any number beyond the ranges) in a score or dueWithinDays is skipped with a reason, no trap")
    func hugeNumbers() throws {
        defer { cleanUp() }
        let (_, statements) = try attempts()
        let changes: [(String, ([String: Any]) -> [String: Any])] = [
            ("raw 1e300", { var s = $0; var r = s["result"] as? [String: Any] ?? [:]; var sc = r["score"] as? [String: Any] ?? [:]
                sc["raw"] = 1e300; r["score"] = sc; s["result"] = r; return s }),
            ("max 1e300", { var s = $0; var r = s["result"] as? [String: Any] ?? [:]; var sc = r["score"] as? [String: Any] ?? [:]
                sc["max"] = 1e300; r["score"] = sc; s["result"] = r; return s }),
            ("due 1e300", { var s = $0; var c = s["context"] as! [String: Any]; var e = c["extensions"] as! [String: Any]
                var k = e["urn:wegwijs:extension:course"] as! [String: Any]; k["dueWithinDays"] = 1e300; e["urn:wegwijs:extension:course"] = k
                c["extensions"] = e; s["context"] = c; return s }),
        ]
        for (name, change) in changes {
            let hostile = statements.map { Self.isVerb($0, "passed") ? change($0) : $0 }
            try lrs.script(get: ["json": ["statements": hostile]])
            let result = try report()
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("out of range") && result.stderr.contains("skipped"), "\(name): \(result.stderr)")
            #expect(Self.row(result.stdout, learner: "11")?[4] != "passed", "\(name)")
        }
    }

    @Test("a pass posted by anyone with the write credentials is checked like a record: a forged one is untrusted and not passed")
    func forgedPass() throws {
        defer { cleanUp() }
        let (records, statements) = try attempts()
        try lrs.script(get: ["json": ["statements": statements]])
        let honest = try report()
        #expect(honest.status == 0, "\(honest.stderr)")
        #expect(Self.row(honest.stdout, learner: "11")?[4] == "passed")
        #expect(!honest.stderr.contains("untrusted"))
        let folderReport = try Wegwijs.run(["report", records.path, "--format", "csv"])
        #expect(folderReport.stdout == honest.stdout)

        // Learner 12 failed with 2 of 7 points; someone posts the same attempt as passed.
        let forged = statements.map { statement -> [String: Any] in
            guard Self.isVerb(statement, "failed") else { return statement }
            var copy = statement
            copy["verb"] = ["id": "http://adlnet.gov/expapi/verbs/passed"]
            return copy
        }
        try lrs.script(get: ["json": ["statements": forged]])
        let result = try report()
        #expect(result.status == 0)
        #expect(Self.row(result.stdout, learner: "12")?[4] == "failed", "\(result.stdout)")
        #expect(result.stderr.contains("untrusted, counted as not passed"))
    }

    @Test("a more link to another origin is not followed and the credentials stay home (exit 74); a loop stops at once")
    func moreLinks() throws {
        defer { cleanUp() }
        let other = try HostileLRS.start()
        defer { other.stop() }
        for away in ["http://127.0.0.1:\(other.port)/xAPI/statements?page=1", "http://localhost:\(lrs.port)/xAPI/statements?page=1",
                     "https://127.0.0.1:\(lrs.port)/xAPI/statements?page=1", "//127.0.0.1:\(other.port)/xAPI/statements"] {
            try lrs.script(get: ["json": ["statements": [], "more": away]])
            try other.script()
            let result = try report()
            #expect(result.status == 74, "\(away): \(result.stderr)")
            #expect(result.stderr.contains("leads away"), "\(result.stderr)")
            #expect(other.requests().isEmpty, "the other origin was asked")
            #expect(lrs.requests().count == 1)
        }
        // The LRS's own origin is followed, with the credentials.
        try lrs.script(get: ["pages": [["statements": [], "more": "/xAPI/statements?page=1"], ["statements": []]]])
        let paged = try report()
        #expect(paged.status == 0, "\(paged.stderr)")
        #expect(lrs.requests().count == 2)
        let basic = "Basic " + Data("wegwijs:\(HostileLRS.password)".utf8).base64EncodedString()
        #expect(lrs.requests().allSatisfy { $0["authorization"] as? String == basic })

        for loop in [["pages": [["statements": [], "more": "/xAPI/statements?again=1"]]],
                     ["pages": [["statements": [], "more": "/xAPI/statements?page=1"], ["statements": [], "more": "/xAPI/statements?page=1"]]]] {
            try lrs.script(get: loop)
            let result = try report()
            #expect(result.status == 74)
            #expect(result.stderr.contains("already read"), "\(result.stderr)")
            #expect(lrs.requests().count == 2)
        }
    }

    @Test("answers are bounded while they arrive: an endless page stops report --lrs, an endless POST answer stops sync (74)")
    func boundedAnswers() throws {
        defer { cleanUp() }
        try lrs.script(get: ["endless": true])
        let result = try report()
        #expect(result.status == 74)
        #expect(result.stderr.contains("larger than 16 MB"), "\(result.stderr)")

        let (records, _) = try attempts()
        try lrs.script(post: ["endless": true])
        let sync = try Wegwijs.runBounded(["sync", "--rescan", "--course", course, "--records", records.path], environment: lrs.environment())
        #expect(!sync.timedOut)
        #expect(sync.status == 74)
        #expect(sync.stderr.contains("larger than 1 MB"), "\(sync.stderr)")
        #expect(!sync.stderr.contains("256"))
    }

    @Test("a redirect is reported as a redirect and where it leads, never followed (74)")
    func redirect() throws {
        defer { cleanUp() }
        try lrs.script(get: ["status": 307, "headers": ["Location": "http://elsewhere.example/xAPI/statements"]],
                       post: ["status": 301, "headers": ["Location": "/moved"]])
        let result = try report()
        #expect(result.status == 74)
        #expect(result.stderr.contains("redirect (HTTP 307) to http://elsewhere.example/xAPI/statements"), "\(result.stderr)")
        let (records, _) = try attempts()
        let sync = try Wegwijs.runBounded(["sync", "--rescan", "--course", course, "--records", records.path], environment: lrs.environment())
        #expect(sync.status == 74)
        #expect(sync.stderr.contains("redirect (HTTP 301) to http://127.0.0.1:\(lrs.port)/moved"), "\(sync.stderr)")
        #expect(lrs.requests().filter { $0["method"] as? String == "POST" }.count == 1)
    }

    @Test("credentials inside lrs.url are refused (65) and no command prints them")
    func credentialsInURL() throws {
        defer { cleanUp() }
        let (records, _) = try attempts()
        try lrs.script()
        let url = "http://wegwijs:UrlSecret9@127.0.0.1:\(lrs.port)/xAPI"
        let environment = ["WEGWIJS_LRS_URL": url, "WEGWIJS_LRS_CREDENTIALS_FILE": lrs.credentialsFile]
        for arguments in [["sync", "--records", records.path], ["report", "--lrs"], ["config"], ["sync", "--status", "--records", records.path]] {
            let result = try Wegwijs.runBounded(arguments, environment: environment)
            #expect(!(result.stdout + result.stderr).contains("UrlSecret9"), "\(arguments): \(result.stdout) \(result.stderr)")
        }
        #expect(try Wegwijs.runBounded(["report", "--lrs"], environment: environment).status == 65)
        let sync = try Wegwijs.runBounded(["sync", "--records", records.path], environment: environment)
        #expect(sync.status == 65)
        #expect(sync.stderr.contains("lrs.credentialsFile"))
        let config = try Wegwijs.runBounded(["config"], environment: environment)
        #expect(config.stdout.contains("http://***@127.0.0.1:\(lrs.port)/xAPI"))
        #expect(lrs.requests().isEmpty)
    }

    @Test("an id in the outbox cannot name a file outside it: the line is set aside, never sent, nothing else is written")
    func traversalID() throws {
        defer { cleanUp() }
        let records = folder.appendingPathComponent("R")
        let pending = records.appendingPathComponent(".outbox/pending")
        try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
        // From R/.outbox/rejected, "../../../victim/cfg" padded with slashes to 36 bytes.
        let victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("{\"keep\":1}".utf8).write(to: victim.appendingPathComponent("cfg.json"))
        var id = "../../../victim/cfg"
        id = String(id.prefix(15)) + String(repeating: "/", count: 36 - id.count) + String(id.dropFirst(15))
        #expect(id.utf8.count == 36)
        let line = "{\"id\":\"\(id)\",\"actor\":{\"name\":\"x\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attempted\"},\"timestamp\":\"2026-12-01T00:00:00Z\"}\n"
        try Data(line.utf8).write(to: pending.appendingPathComponent("evil.ndjson"))
        try lrs.script(post: ["status": 400, "json": ["detail": "bad id"]])
        let before = Set(Wegwijs.files(under: folder, includingHidden: true))
        let result = try Wegwijs.runBounded(["sync", "--records", records.path], environment: lrs.environment())
        #expect(result.status == 65)
        #expect(result.stderr.contains("evil.ndjson") && result.stderr.contains("not a UUID"), "\(result.stderr)")
        #expect(lrs.requests().isEmpty, "the line was sent")
        #expect(try String(contentsOf: victim.appendingPathComponent("cfg.json"), encoding: .utf8) == "{\"keep\":1}")
        let added = Set(Wegwijs.files(under: folder, includingHidden: true)).subtracting(before)
        #expect(added.allSatisfy { $0.hasPrefix("R/.outbox/") }, "\(added)")
        #expect(FileManager.default.fileExists(atPath: records.appendingPathComponent(".outbox/unusable/evil.ndjson").path))
    }
}
