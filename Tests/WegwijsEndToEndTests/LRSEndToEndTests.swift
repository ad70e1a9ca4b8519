import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
import WegwijsCore

/// The xAPI outbox, `sync`, `export` and `report --lrs` against a real Ralph LRS 5.1.0.
/// One server serves the suite; each test uses its own learners, and looks only at the
/// statements of its own attempts (their registrations).
@Suite("xAPI delivery to a real Ralph LRS", .sharedRalph, .serialized)
struct LRSEndToEndTests {
    let course = Wegwijs.fixture("branching.json")
    let configHome: URL
    let server: RalphServer

    init() throws {
        server = try SharedRalph.server()
        configHome = try Wegwijs.temporaryFolder("config")
    }

    /// Settings pointing at the suite's LRS.
    var up: [String: String] { server.environment(configHome: configHome) }

    /// Settings pointing at a port where nothing listens.
    func down() throws -> [String: String] {
        var environment = up
        environment["WEGWIJS_LRS_URL"] = "http://127.0.0.1:\(try RalphServer.freePort())/xAPI"
        return environment
    }

    func run(_ learner: String, _ input: String, records: URL, environment: [String: String],
             extra: [String] = []) throws -> ProcessResult {
        try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path] + extra, input: input,
                        environment: environment)
    }

    func sync(_ records: URL, environment: [String: String], extra: [String] = []) throws -> ProcessResult {
        try Wegwijs.run(["sync", "--records", records.path] + extra, environment: environment)
    }

    /// `export` of the folder into a file, which every statement of it must pass strictly.
    func export(_ records: URL) throws -> String {
        let file = configHome.appendingPathComponent("export-\(UUID().uuidString).ndjson").path
        let result = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", course, "--output", file],
                                     environment: up)
        guard result.status == 0 else { throw RalphError(description: "export failed (\(result.status)): \(result.stderr)") }
        let check = try RalphServer.strictCheck([file])
        #expect(check.status == 0, "strict xAPI models refuse statements: \(check.stdout)")
        return file
    }

    /// The canonical statements of the attempts in `registrations` that the LRS holds.
    func inLRS(_ registrations: Set<String>) throws -> [String] {
        try server.statements().filter { line in registrations.contains { line.contains("\"registration\":\"\($0)\"") } }
    }

    /// The attempt ids of every record in the folder.
    func registrations(_ records: URL) throws -> Set<String> {
        Set(try Wegwijs.files(under: records).filter { !$0.hasPrefix(".outbox/") }.map { path in
            try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(path))).attemptId
        })
    }

    /// The canonical statements waiting in the outbox.
    func pending(_ records: URL) throws -> [String] {
        let folder = records.appendingPathComponent(".outbox/pending")
        let files = Wegwijs.files(under: folder).map { folder.appendingPathComponent($0).path }
        return files.isEmpty ? [] : try RalphServer.canonical(files)
    }

    func cleanUp(_ folders: URL...) {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    /// Someone else stores a different statement under the id of `line` (an exported statement
    /// with the response "goed"), so the LRS refuses ours with 409; returns that id.
    func storeDifferentStatement(like line: String) throws -> String {
        let clash = line.replacingOccurrences(of: "\"response\":\"goed\"", with: "\"response\":\"half\"")
        #expect(clash != line)
        let clashFile = configHome.appendingPathComponent("clash-\(UUID().uuidString).json")
        defer { cleanUp(clashFile) }
        try Data(clash.utf8).write(to: clashFile)
        #expect(try server.post(clashFile.path) == 200)
        return String(line.dropFirst(7).prefix(36))
    }

    /// Whether somebody holds the outbox's delivery lock (`Outbox.deliveryLock`).
    func deliveryLockHeld(_ records: URL) -> Bool {
        let fd = open(records.appendingPathComponent(".outbox/.delivering").path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) != 0
    }

    /// Polls `condition` every 50 ms for at most `seconds`; whether it became true.
    func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    @Test("a run with the LRS up delivers every statement of the record by itself, the last ones after the learner is done, with no sync")
    func runWithLRSUp() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let result = try run("up-1", "a\na c\na\n", records: records, environment: up)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains("verzending"))
        let expected = try RalphServer.canonical([try export(records)])
        #expect(expected.count == 6)  // attempted, 3 answered, completed, passed
        let ids = try registrations(records)
        // What the run did not deliver itself, the process it handed over to does.
        let pendingFolder = records.appendingPathComponent(".outbox/pending")
        #expect(eventually(within: 30) { Wegwijs.files(under: pendingFolder).isEmpty && !deliveryLockHeld(records) })
        #expect(try inLRS(ids) == expected)

        let synced = try sync(records, environment: up)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("0 statements delivered"))
        #expect(try inLRS(ids) == expected)
    }

    @Test("the end of a run never waits for an LRS that does not answer: the statements go to a detached process of its own, and stay in the outbox when it stops")
    func runWithSilentLRS() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        // A host that takes connections and never answers: a socket that listens, never accepts.
        let silent = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(silent >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(silent, $0, length) == 0 && getsockname(silent, $0, &length) == 0 && listen(silent, 64) == 0
            }
        }
        #expect(listening)
        var environment = up
        environment["WEGWIJS_LRS_URL"] = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/xAPI"

        let result = try run("silent-1", "a\na c\na\n", records: records, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Geslaagd"))
        // The run has ended; the delivery it handed over is still waiting for the LRS.
        #expect(eventually(within: 10) { deliveryLockHeld(records) })
        let expected = try RalphServer.canonical([try export(records)])
        #expect(try pending(records) == expected)

        // It is detached: a session of its own (no terminal to be hung up with), its standard
        // streams on /dev/null (nothing written into the learner's terminal or a caller's pipe),
        // and it stops on SIGTERM like any program (the run ignores that signal itself).
        let handOver = try #require(processes(withArguments: ["sync", "--background", "--records", records.path]).first)
        let stat = try String(contentsOfFile: "/proc/\(handOver)/stat", encoding: .utf8)
        let fields = stat[try #require(stat.range(of: ") ")).upperBound...].split(separator: " ")
        #expect(try #require(fields[safe: 3]) == "\(handOver)", "session id")
        for descriptor in 0...2 {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(handOver)/fd/\(descriptor)") == "/dev/null")
        }
        kill(handOver, SIGTERM)
        #expect(eventually(within: 10) { !FileManager.default.fileExists(atPath: "/proc/\(handOver)/cmdline") || processes(withArguments: ["sync", "--background", "--records", records.path]).isEmpty })
        #expect(eventually(within: 10) { !deliveryLockHeld(records) })
        #expect(try pending(records) == expected)
        close(silent)
    }

    /// The ids of this machine's processes whose command line ends with `arguments`.
    func processes(withArguments arguments: [String]) -> [pid_t] {
        let tail = arguments.joined(separator: "\0") + "\0"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: data, as: UTF8.self).hasSuffix(tail) ? pid : nil
        }
    }

    @Test("the LRS down during a run: the learner sees no error, the outbox holds every statement; sync delivers each once; a second sync sends nothing twice")
    func lrsDownThenSync() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let offline = try down()
        let stopped = try run("down-1", "a\n", records: records, environment: offline)
        #expect(stopped.status == 3)
        let result = try run("down-1", "a c\na\n", records: records, environment: offline)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Geslaagd"))
        #expect(result.stdout.contains("8 xAPI-berichten wachten op verzending"))

        let expected = try RalphServer.canonical([try export(records)])
        #expect(expected.count == 8)  // with suspended and resumed
        #expect(try pending(records) == expected)
        let status = try sync(records, environment: offline, extra: ["--status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("pending: 8\n"))

        let unreachable = try sync(records, environment: offline)
        #expect(unreachable.status == 74)
        #expect(unreachable.stderr.contains("8 statements wait for delivery"))

        let first = try sync(records, environment: up)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("8 statements delivered"))
        let ids = try registrations(records)
        #expect(try inLRS(ids) == expected)
        #expect(try sync(records, environment: up, extra: ["--status"]).stdout.hasPrefix("pending: 0\n"))

        let second = try sync(records, environment: up)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 statements delivered"))
        // Queueing the records again (as after a lost ledger) sends nothing new either.
        let rescan = try sync(records, environment: up, extra: ["--rescan", "--course", course])
        #expect(rescan.status == 0, "\(rescan.stderr)")
        #expect(try inLRS(ids) == expected)
    }

    @Test("with the LRS down, the end screen counts the learner's own waiting statements, not the folder's backlog")
    func ownWaitingCount() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let offline = try down()
        let other = try run("backlog-1", "a\na c\na\n", records: records, environment: offline)
        #expect(other.stdout.contains("6 xAPI-berichten wachten op verzending"), "\(other.stdout)")
        let mine = try run("backlog-2", "a\na c\na\n", records: records, environment: offline, extra: ["--lang", "en"])
        #expect(mine.stdout.contains("6 xAPI statements wait for delivery (wegwijs sync)."), "\(mine.stdout)")
        #expect(try pending(records).count == 12)
    }

    @Test("a kill during sync loses nothing and duplicates nothing: the next sync delivers the rest")
    func killDuringSync() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let offline = try down()
        for learner in 1...10 {
            let result = try run("kill-\(learner)", learner % 3 == 0 ? "c\nb\na c\na\n" : "a\na c\na\n", records: records, environment: offline)
            #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        }
        let expected = try RalphServer.canonical([try export(records)])
        #expect(try pending(records) == expected)
        let ids = try registrations(records)

        // A real kill: one statement per request, killed as soon as the outbox has noted the
        // first delivery (a local file, so the kill lands while most statements still wait).
        let process = Process()
        process.executableURL = Wegwijs.executable
        process.arguments = ["sync", "--records", records.path, "--batch-size", "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(up) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ledger = records.appendingPathComponent(".outbox/sent")
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Wegwijs.files(under: ledger).isEmpty, Date() < deadline { usleep(500) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the kill came after sync had finished")
        #expect(try !inLRS(ids).isEmpty && inLRS(ids).count < expected.count, "killed mid-delivery")

        // The worst moment: the LRS has a batch, the outbox does not know yet.
        let pendingFolder = records.appendingPathComponent(".outbox/pending")
        let saved = try Wegwijs.temporaryFolder("pending-copy")
        defer { cleanUp(saved) }
        for name in Wegwijs.files(under: pendingFolder) {
            try FileManager.default.copyItem(at: pendingFolder.appendingPathComponent(name), to: saved.appendingPathComponent(name))
        }
        #expect(!Wegwijs.files(under: saved).isEmpty)
        let resumed = try sync(records, environment: up)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try inLRS(ids) == expected)
        for name in Wegwijs.files(under: saved) {
            try FileManager.default.copyItem(at: saved.appendingPathComponent(name), to: pendingFolder.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: records.appendingPathComponent(".outbox/sent"))
        let again = try sync(records, environment: up)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try inLRS(ids) == expected)
        #expect(try pending(records).isEmpty)
    }

    @Test("a statement the LRS refuses is kept aside with its message; the rest of its batch arrives; exit 65, and it is not retried")
    func rejectedStatement() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let result = try run("reject-1", "a\na c\na\n", records: records, environment: try down())
        #expect(result.status == 0, "\(result.stderr)")
        let exported = try export(records)
        let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").map(String.init)
        // Someone else stored a different statement under the id of the second one: 409.
        let clashID = try storeDifferentStatement(like: try #require(lines[safe: 1]))

        let synced = try sync(records, environment: up)
        #expect(synced.status == 65)
        #expect(synced.stderr.contains(clashID))
        #expect(synced.stderr.contains("rejected by the LRS (HTTP 409)"))
        #expect(synced.stdout.contains("5 statements delivered"))
        let kept = try String(contentsOf: records.appendingPathComponent(".outbox/rejected/\(clashID).json"), encoding: .utf8)
        #expect(kept.contains("\"status\":409"))
        #expect(kept.contains("Differing statements already exist"))
        let ids = try registrations(records)
        let expected = try RalphServer.canonical([exported]).filter { !$0.contains(clashID) }
        #expect(try inLRS(ids).filter { !$0.contains(clashID) } == expected)
        #expect(try pending(records).isEmpty)

        let again = try sync(records, environment: up)
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 statements delivered"))
        #expect(again.stderr.contains("1 statement rejected earlier"))
        #expect(try sync(records, environment: up, extra: ["--status"]).stdout.contains("rejected: 1\n"))
    }

    @Test("an LRS that refuses the account (a wrong password, 401; no right to write, 403) leaves every statement waiting: exit 74, none kept aside", arguments: [401, 403])
    func refusedAccount(status: Int) throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        #expect(try run("account-\(status)", "a\na c\na\n", records: records, environment: try down()).status == 0)
        let before = try pending(records)
        #expect(before.count == 6)
        var environment = up
        var refusing: ServerProcess?
        defer { refusing?.stop() }
        if status == 401 {
            // Ralph itself answers 401 to a wrong password (and to an account without the right scope).
            let wrong = configHome.appendingPathComponent("wrong-credentials")
            try Data("\(RalphServer.user):not-the-password\n".utf8).write(to: wrong)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: wrong.path)
            environment["WEGWIJS_LRS_CREDENTIALS_FILE"] = wrong.path
        } else {
            // Ralph never answers 403; other LRSs do, to an account that may read but not write.
            let server = try startStatusServer(answering: status)
            refusing = server.server
            environment["WEGWIJS_LRS_URL"] = server.url
        }
        let result = try sync(records, environment: environment)
        #expect(result.status == 74, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the LRS refused the credentials (HTTP \(status))"), "\(result.stderr)")
        #expect(result.stderr.contains("6 statements wait for delivery"))
        #expect(try pending(records) == before)
        #expect(Wegwijs.files(under: records.appendingPathComponent(".outbox/rejected")).isEmpty)
    }

    @Test("an LRS that asks to try later (429 Too Many Requests, 408 Request Timeout) leaves every statement waiting: exit 74, none kept aside", arguments: [429, 408])
    func busyLRS(status: Int) throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        #expect(try run("busy-\(status)", "a\na c\na\n", records: records, environment: try down()).status == 0)
        let before = try pending(records)
        let server = try startStatusServer(answering: status)
        defer { server.server.stop() }
        var environment = up
        environment["WEGWIJS_LRS_URL"] = server.url
        let result = try sync(records, environment: environment)
        #expect(result.status == 74, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the LRS asked to try again later (HTTP \(status))"), "\(result.stderr)")
        #expect(try pending(records) == before)
        #expect(Wegwijs.files(under: records.appendingPathComponent(".outbox/rejected")).isEmpty)
    }

    @Test("an lrs.url that is not the xAPI endpoint (Ralph answers 404) leaves every statement waiting and says to check the URL: exit 74, none kept aside")
    func wrongEndpoint() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        #expect(try run("wrong-url", "a\na c\na\n", records: records, environment: try down()).status == 0)
        let before = try pending(records)
        var environment = up
        environment["WEGWIJS_LRS_URL"] = server.url.replacingOccurrences(of: "/xAPI", with: "/lrs")
        let result = try sync(records, environment: environment)
        #expect(result.status == 74, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("HTTP 404"), "\(result.stderr)")
        #expect(result.stderr.contains("is lrs.url the xAPI endpoint"))
        #expect(try pending(records) == before)
        #expect(Wegwijs.files(under: records.appendingPathComponent(".outbox/rejected")).isEmpty)
    }

    /// A server that answers every request with `status` (`Tests/Support/ralph/status_server.py`).
    func startStatusServer(answering status: Int) throws -> (server: ServerProcess, url: String) {
        let port = try RalphServer.freePort()
        let server = try ServerProcess.launch(
            python: RalphServer.python, arguments: [RalphServer.support("status_server.py"), String(port), String(status)], log: nil)
        #expect(server.wait(tries: 1200, interval: 25_000, until: { RalphServer.canConnect(port: port) }))
        return (server, "http://127.0.0.1:\(port)/xAPI")
    }

    @Test("batches go one after another without waiting for the outbox's books; a refused batch in the middle is split, and the batches after it still arrive")
    func refusedBatchAmongOthers() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let offline = try down()
        for learner in 1...3 {
            #expect(try run("middle-\(learner)", "a\na c\na\n", records: records, environment: offline).status == 0)
        }
        // The outbox sends attempts in the order of their file names; each attempt (6
        // statements) fills a batch of 4 on its own, so the second attempt is the middle batch.
        let attempts = Wegwijs.files(under: records.appendingPathComponent(".outbox/pending")).sorted()
        #expect(attempts.count == 3)
        let middle = String(try #require(attempts[safe: 1]).dropLast(".ndjson".count))
        let exported = try export(records)
        let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").map(String.init)
        let target = try #require(lines.first { $0.contains("\"registration\":\"\(middle)\"") && $0.contains("\"response\":\"goed\"") })
        let clashID = try storeDifferentStatement(like: target)

        let synced = try sync(records, environment: up, extra: ["--batch-size", "4"])
        #expect(synced.status == 65, "\(synced.stderr)")
        #expect(synced.stdout.contains("\(lines.count - 1) statements delivered"))
        #expect(synced.stderr.contains(clashID))
        let expected = try RalphServer.canonical([exported]).filter { !$0.contains(clashID) }
        #expect(try inLRS(registrations(records)).filter { !$0.contains(clashID) } == expected)
        #expect(try pending(records).isEmpty)
    }

    @Test("report --lrs gives the same rows as report on the folder, as CSV and as JSON")
    func reportFromLRS() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let learners = ["rep-pass", "rep-fail", "rep-stop", "rep-twice", "rep-restart"]
        #expect(try run("rep-pass", "a\na c\na\n", records: records, environment: up).status == 0)
        #expect(try run("rep-fail", "a\na c\nb\n", records: records, environment: up).status == 2)
        #expect(try run("rep-stop", "a\n", records: records, environment: up, extra: ["--name", "Stop Stopper"]).status == 3)
        #expect(try run("rep-twice", "a\na c\nb\n", records: records, environment: up).status == 2)
        #expect(try run("rep-twice", "a\na c\na\n", records: records, environment: up).status == 0)
        #expect(try run("rep-restart", "a\n", records: records, environment: up).status == 3)
        #expect(try run("rep-restart", "b\n", records: records, environment: up, extra: ["--restart"]).status == 3)
        #expect(try sync(records, environment: up).status == 0)
        _ = try export(records)  // every statement strictly valid

        func rows(_ text: String) -> [String] {
            text.split(whereSeparator: \.isNewline).map(String.init).filter { row in learners.contains { row.hasPrefix($0 + ",") } }
        }
        let folderCSV = try Wegwijs.run(["report", records.path, "--format", "csv"], environment: up)
        let lrsCSV = try Wegwijs.run(["report", "--lrs", "--format", "csv"], environment: up)
        #expect(folderCSV.status == 0 && lrsCSV.status == 0, "\(lrsCSV.stderr)")
        #expect(rows(folderCSV.stdout).count == learners.count)
        #expect(rows(lrsCSV.stdout) == rows(folderCSV.stdout))

        let folderJSON = try Wegwijs.run(["report", records.path, "--format", "json"], environment: up)
        let lrsJSON = try Wegwijs.run(["report", "--lrs", "--format", "json"], environment: up)
        #expect(folderJSON.status == 0 && lrsJSON.status == 0)
        func objects(_ text: String) throws -> [NSDictionary] {
            let all = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [NSDictionary] ?? []
            return all.filter { learners.contains($0["employee_id"] as? String ?? "") }
        }
        #expect(try objects(folderJSON.stdout).count == learners.count)
        #expect(try objects(lrsJSON.stdout) == objects(folderJSON.stdout))
    }

    @Test("export twice gives identical bytes, and ralph write of it into an empty LRS gives the statements sync delivered")
    func exportMatchesSync() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { cleanUp(records, configHome) }
        let offline = try down()
        #expect(try run("exp-1", "a\n", records: records, environment: offline).status == 3)
        #expect(try run("exp-1", "c\nb\na c\n", records: records, environment: offline).status == 2)
        #expect(try run("exp-2", "a\na c\na\n", records: records, environment: offline, extra: ["--lang", "en", "--name", "Ann Example"]).status == 0)
        #expect(try sync(records, environment: up).status == 0)
        let ids = try registrations(records)
        let synced = try inLRS(ids)

        let first = try export(records)
        let second = try export(records)
        #expect(first != second)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))

        let empty = try RalphServer.start()
        defer { empty.stop() }
        let written = try empty.ralphWrite(first)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try empty.statements() == synced)
        #expect(synced.count == 14)
    }
}
