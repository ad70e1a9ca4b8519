import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The tests' own servers and temp folders never outlive a test run, however it ends.
@Suite("test servers and temp folders end with their run", .waitsOnProcesses)
struct TestServerTests {
    /// Starts `script` through a shell that exits at once, as a trapped test process would,
    /// and waits (bounded) for the orphaned server to end by itself.
    func orphanEnds(_ script: String, _ arguments: [String], python: String = "/usr/bin/python3") throws {
        let port = try RalphServer.freePort()
        let folder = try Wegwijs.temporaryFolder("orphan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = ([python, script, String(port)] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let started = try RalphServer.tool("/bin/sh", ["-c", "WEGWIJS_TEST_PARENT_PID=$$ \(command) </dev/null >/dev/null 2>&1 & echo $!"])
        let pid = try #require(Int32(started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(pid, SIGKILL) }
        // It started and listened (its parent, the shell, is already gone).
        var listened = false
        for _ in 0..<200 where !listened {
            listened = RalphServer.canConnect(port: port)
            if !listened { usleep(25_000) }
        }
        var alive = true
        for _ in 0..<200 where alive {
            alive = kill(pid, 0) == 0
            if alive { usleep(50_000) }
        }
        #expect(!alive, "\(script) outlived its parent")
    }

    @Test("the hostile LRS, the status server and the SMTP server end when the process that started them is gone")
    func serversWatchTheirParent() throws {
        let folder = try Wegwijs.temporaryFolder("orphan-files")
        defer { try? FileManager.default.removeItem(at: folder) }
        try orphanEnds(Wegwijs.packageRoot.appendingPathComponent("Tests/Support/hostile_lrs.py").path,
                       [folder.appendingPathComponent("script.json").path, folder.appendingPathComponent("log").path])
        try orphanEnds(RalphServer.support("status_server.py"), ["500"])
        try orphanEnds(SMTPSink.support("smtp_sink.py"), [folder.path], python: SMTPSink.python)
    }

    @Test("a temp folder of an earlier test process that is gone is removed; one of a live process stays")
    func leftoversRemoved() throws {
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let temp = FileManager.default.temporaryDirectory
        let dead = temp.appendingPathComponent("wegwijs-\(gone.processIdentifier)-A1B2")
        let live = temp.appendingPathComponent("wegwijs-\(getppid())-A1B2")
        let other = temp.appendingPathComponent("wegwijs-\(gone.processIdentifier)-notes")
        for url in [dead, live, other] { try FileManager.default.createDirectory(at: url.appendingPathComponent("x"), withIntermediateDirectories: true) }
        defer { for url in [dead, live, other] { try? FileManager.default.removeItem(at: url) } }
        TestFolders.removeLeftovers()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
    }
}
