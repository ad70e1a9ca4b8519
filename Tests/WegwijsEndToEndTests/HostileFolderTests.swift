import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What another account can put in a shared records folder or its outbox (named pipes,
/// links, junk), records dated in the future or copied, and a clock that jumps back: no
/// command hangs, follows a link, counts a pass it should not, or hides what it skipped.
@Suite("hostile records folders, outboxes and clocks", .serialized, .waitsOnProcesses)
struct HostileFolderTests {
    let course = Wegwijs.fixture("branching.json")
    let folder: URL

    init() throws {
        folder = try Wegwijs.temporaryFolder("hostile-folder")
    }

    /// A records folder where learner 11 passed, with its 6 statements waiting in the outbox
    /// (queued by `sync --rescan` while the LRS closes every connection: no hand-over runs).
    func queued(_ name: String = "R", lrs: HostileLRS) throws -> URL {
        let records = folder.appendingPathComponent(name)
        let run = try Wegwijs.runBounded(["run", course, "--learner", "11", "--records", records.path], input: "a\na c\na\n")
        #expect(run.status == 0, "\(run.stderr)")
        try lrs.script(post: ["close": true])
        let rescan = try Wegwijs.runBounded(["sync", "--rescan", "--course", course, "--records", records.path], environment: lrs.environment())
        #expect(rescan.status == 74, "\(rescan.stderr)")
        #expect(rescan.stderr.contains("6 statements wait"), "\(rescan.stderr)")
        return records
    }

    @Test("a FIFO, a link and junk in pending/ hang nothing, are reported with their path and counted by sync --status; sync sets them aside")
    func hostilePending() throws {
        let lrs = try HostileLRS.start()
        defer { lrs.stop(); try? FileManager.default.removeItem(at: folder) }
        let records = try queued(lrs: lrs)
        let pending = records.appendingPathComponent(".outbox/pending")
        #expect(mkfifo(pending.appendingPathComponent("00000000-fifo.ndjson").path, 0o644) == 0)
        let secret = folder.appendingPathComponent("secret.ndjson")
        let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
        try Data("{\"id\":\"\(uuid)\",\"secret\":\"ROOT-ONLY-SECRET-DATA\",\"timestamp\":\"2026-12-01T00:00:00Z\"}\n".utf8).write(to: secret)
        chmod(secret.path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: pending.appendingPathComponent("aaaa.ndjson").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: pending.appendingPathComponent("zero.ndjson").path, withDestinationPath: "/dev/zero")
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: pending.appendingPathComponent("bbbb.ndjson"))

        let status = try Wegwijs.runBounded(["sync", "--status", "--records", records.path], environment: lrs.environment(), limit: 30)
        #expect(!status.timedOut)
        #expect(status.status == 0)
        #expect(status.stdout.contains("pending: 6\n"), "\(status.stdout)")
        #expect(status.stdout.contains("unusable: 4\n"), "\(status.stdout)")
        for name in ["00000000-fifo.ndjson: cannot be delivered: is a named pipe", "aaaa.ndjson: cannot be delivered: is a symbolic link",
                     "zero.ndjson: cannot be delivered: is a symbolic link", "bbbb.ndjson: cannot be delivered:"] {
            #expect(status.stderr.contains(name), "\(name): \(status.stderr)")
        }

        try lrs.script(post: ["status": 200, "json": []])
        let sync = try Wegwijs.runBounded(["sync", "--records", records.path], environment: lrs.environment(), limit: 30)
        #expect(!sync.timedOut)
        #expect(sync.status == 65, "\(sync.stderr)")
        #expect(sync.stdout.contains("6 statements delivered"))
        #expect(sync.stderr.contains("4 files or lines"), "\(sync.stderr)")
        let posted = lrs.requests().compactMap { $0["body"] as? String }.joined()
        #expect(!posted.contains("ROOT-ONLY-SECRET-DATA"), "a link's target was sent")
        #expect(!posted.contains(uuid))
        // The link was moved, not followed: its target is unchanged.
        #expect(try String(contentsOf: secret, encoding: .utf8).contains("ROOT-ONLY-SECRET-DATA"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pending.path).isEmpty)
        let aside = try FileManager.default.contentsOfDirectory(atPath: records.appendingPathComponent(".outbox/unusable").path)
        #expect(Set(aside).isSuperset(of: ["00000000-fifo.ndjson", "aaaa.ndjson", "zero.ndjson", "bbbb.ndjson", "aaaa.ndjson.reason"]))
        let after = try Wegwijs.runBounded(["sync", "--status", "--records", records.path], environment: lrs.environment())
        #expect(after.stdout == "pending: 0\nrejected: 0\nunusable: 0\n")
    }

    @Test("a FIFO or link among the records hangs neither export, sync --rescan, report nor verify: each names it and goes on")
    func hostileRecords() throws {
        let lrs = try HostileLRS.start()
        defer { lrs.stop(); try? FileManager.default.removeItem(at: folder) }
        let records = try queued(lrs: lrs)
        let learner = records.appendingPathComponent("test-branching/11")
        let fifo = learner.appendingPathComponent("20261201T000000Z-00000001.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let link = learner.appendingPathComponent("20261201T000000Z-00000002.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/passwd")
        try lrs.script(post: ["status": 200, "json": []])
        let commands: [([String], Set<Int32>)] = [
            (["export", records.path, "--format", "xapi", "--course", course, "--output", folder.appendingPathComponent("x.ndjson").path], [65]),
            (["sync", "--rescan", "--course", course, "--records", records.path], [65]),
            (["report", records.path], [0]),
            (["verify", records.path, "--course", course], [74]),
            (["stats", records.path, "--course", course], [0]),
        ]
        for (arguments, codes) in commands {
            let result = try Wegwijs.runBounded(arguments, environment: lrs.environment(), limit: 30)
            #expect(!result.timedOut, "\(arguments[0]) hung")
            #expect(codes.contains(result.status), "\(arguments[0]): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("20261201T000000Z-00000002.json") && result.stderr.contains("symbolic link"),
                    "\(arguments[0]): \(result.stderr)")
            if arguments[0] == "export" || arguments[0] == "sync" {
                #expect(result.stderr.contains("named pipe"), "\(arguments[0]): \(result.stderr)")
            }
        }
    }

    @Test("the hand-over at the end of a run ends within its limits although a FIFO waits in the outbox")
    func handOverWithFIFO() throws {
        let lrs = try HostileLRS.start()
        defer { lrs.stop(); try? FileManager.default.removeItem(at: folder) }
        let records = try queued(lrs: lrs)
        #expect(mkfifo(records.appendingPathComponent(".outbox/pending/00000000-fifo.ndjson").path, 0o644) == 0)
        try lrs.script(post: ["status": 200, "json": []])
        let background = try Wegwijs.runBounded(["sync", "--background", "--records", records.path], environment: lrs.environment(), limit: 90)
        #expect(!background.timedOut)
        #expect(background.status == 0)
        #expect(background.stdout.isEmpty && background.stderr.isEmpty)
        // The statements went; the FIFO is out of the way.
        let status = try Wegwijs.runBounded(["sync", "--status", "--records", records.path], environment: lrs.environment())
        #expect(status.stdout.hasPrefix("pending: 0\n"), "\(status.stdout)")
    }

    @Test("temp files a killed delivery left in the outbox are removed by the next delivery; sync --status says when no LRS is configured")
    func outboxHousekeeping() throws {
        let lrs = try HostileLRS.start()
        defer { lrs.stop(); try? FileManager.default.removeItem(at: folder) }
        let records = try queued(lrs: lrs)
        let outbox = records.appendingPathComponent(".outbox")
        // What a process ended mid-write leaves (the run's delivery thread when the run exits).
        for stale in ["pending/.x.ndjson.0badf00d.tmp", "sent/.x.0badf00d.tmp", "rejected/.y.json.0badf00d.tmp"] {
            try Data("half".utf8).write(to: outbox.appendingPathComponent(stale))
        }
        try lrs.script(post: ["status": 200, "json": []])
        let sync = try Wegwijs.runBounded(["sync", "--records", records.path], environment: lrs.environment())
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(Wegwijs.files(under: outbox, includingHidden: true).filter { $0.hasSuffix(".tmp") } == [])

        let none = try Wegwijs.runBounded(["sync", "--status", "--records", records.path])
        #expect(none.status == 0)
        #expect(none.stdout.hasPrefix("lrs: not configured\n"), "\(none.stdout)")
        #expect(none.stderr.contains("no LRS configured"))
    }

    @Test("a record dated in the future is untrusted in report and a problem for verify; the same day with --as-of agrees")
    func futureRecords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("R")
        let ahead = try Self.runUnderFaketime(["-f", "+1800d"], ["run", course, "--learner", "408", "--records", records.path],
                                              input: "a\na c\na\n")
        #expect(ahead.status == 0, "\(ahead.stderr)")
        let report = try Wegwijs.runBounded(["report", records.path, "--format", "csv"])
        #expect(report.status == 0)
        #expect(report.stderr.contains("dated in the future"), "\(report.stderr)")
        #expect(HostileLRSTests.row(report.stdout, learner: "408")?[4] == "failed")
        let verify = try Wegwijs.runBounded(["verify", records.path, "--course", course])
        #expect(verify.status == 65)
        #expect(verify.stdout.contains("0 sound"))
        #expect(verify.stderr.contains("dated in the future"))
    }

    @Test("a clock that jumps back an hour mid-run loses nothing and gives a record that agrees with itself")
    func clockJumpsBack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("R")
        let offset = folder.appendingPathComponent("offset")
        try Data("+0\n".utf8).write(to: offset)
        // faketime re-reads the offset file at every clock reading (FAKETIME_NO_CACHE); the
        // answers come one at a time, and the clock goes back an hour after the first.
        let script = """
        sleep 1; echo a; sleep 1.2; echo -1h > '\(offset.path)'; sleep 1.2; echo 'a c'; sleep 0.2; echo a
        """
        let result = try Self.runUnderFaketime(["-f", "+0"], ["env", "-u", "FAKETIME", "FAKETIME_TIMESTAMP_FILE=\(offset.path)",
                                                              "FAKETIME_NO_CACHE=1", Wegwijs.executable.path,
                                                              "run", course, "--learner", "600", "--records", records.path],
                                               input: nil, feeder: script)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Wegwijs.files(under: records.appendingPathComponent("test-branching/600"))
        #expect(files.count == 1)
        let record = try String(contentsOf: records.appendingPathComponent("test-branching/600/\(files.first ?? "")"), encoding: .utf8)
        let times = record.split(separator: "\n").filter { $0.contains("\"at\" :") || $0.contains("edAt\" :") }
        #expect(times.count == 5, "\(record)")
        let verify = try Wegwijs.runBounded(["verify", records.path, "--course", course])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        let report = try Wegwijs.runBounded(["report", records.path, "--format", "csv"])
        #expect(HostileLRSTests.row(report.stdout, learner: "600")?[4] == "passed")
    }

    @Test("report takes a signed record copied into another learner's folder as untrusted, as verify does")
    func copiedRecord() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("R")
        let key = folder.appendingPathComponent("key")
        try Data(String(repeating: "k", count: 40).utf8).write(to: key)
        chmod(key.path, 0o600)
        let signed = ["WEGWIJS_SIGNING_KEY_FILE": key.path]
        #expect(try Wegwijs.runBounded(["run", course, "--learner", "901", "--records", records.path], input: "a\na c\na\n",
                                       environment: signed).status == 0)
        let source = records.appendingPathComponent("test-branching/901")
        let name = try #require(Wegwijs.files(under: source).first)
        let copy = records.appendingPathComponent("test-branching/999")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        let report = try Wegwijs.runBounded(["report", records.path, "--format", "csv"], environment: signed)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("test-branching/999/\(name): untrusted") && report.stderr.contains("folder of learner '999'"),
                "\(report.stderr)")
        #expect(HostileLRSTests.row(report.stdout, learner: "901")?[4] == "passed")
        #expect(HostileLRSTests.row(report.stdout, learner: "901")?[6] == "1", "the copy counted as an attempt of 901")
    }

    @Test("config shows the courses folder actually used and a line break in a value escaped")
    func configShowsWhatIsUsed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.runBounded(["config"], environment: ["WEGWIJS_RECORDS": "/tmp/x\n\u{1B}[31mEVIL"])
        #expect(result.status == 0)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("wegwijs.records") })
        #expect(line.contains("/tmp/x\\x0A\\x1B[31mEVIL"), "\(line)")
        let courses = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("wegwijs.courses") })
        #expect(courses.contains(Wegwijs.packageRoot.appendingPathComponent("courses").path), "\(courses)")
        #expect(!courses.contains("(not set)"))
    }

    /// Runs `faketime OPTIONS COMMAND…` (COMMAND a wegwijs subcommand, or a whole command line
    /// when it does not start with a subcommand), with `input`, or with the output of the shell
    /// `feeder` script as its input.
    static func runUnderFaketime(_ options: [String], _ command: [String], input: String?, feeder: String? = nil) throws -> BoundedResult {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime") else {
            throw RalphError(description: "faketime is not installed: run `bash .ci/setup` (.ci/setup.d/60-faketime.sh)")
        }
        let isWegwijs = ["run", "report", "verify", "sync"].contains(command.first ?? "")
        let inner = (isWegwijs ? [Wegwijs.executable.path] : []) + command
        let quoted = (["/usr/bin/faketime"] + options + inner).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let line = feeder.map { "( \($0) ) | \(quoted)" } ?? quoted
        return try Wegwijs.runBounded(["-c", line], input: input ?? "", limit: 60, executable: URL(fileURLWithPath: "/bin/sh"))
    }
}
