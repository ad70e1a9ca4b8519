import Foundation
import Testing
import WegwijsCore
#if canImport(Glibc)
import Glibc
#endif

/// The course as a service over a real sshd (docs/server.md, the threat model's tests).
@Suite("The course over ssh, with Debian's sshd", .serialized, .waitsOnProcesses)
struct SSHServiceTests {
    /// The test course's best answers: passed, 7 of 7.
    static let passing = "a\na c\na\n"

    static func record(_ server: SSHServer, _ path: String) throws -> CompletionRecord {
        try CompletionRecord.decode(Data(contentsOf: server.records.appendingPathComponent(path)))
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o7777
    }

    @Test("two learners' keys: each login gets its own learner id and record, 0640 files in 0750 folders",
          arguments: [SSHServer.KeySource.command, .file])
    func twoLearners(source: SSHServer.KeySource) throws {
        let server = try SSHServer(learners: ["A100", "B200"], keySource: source)
        defer { server.stop() }
        for learner in ["A100", "B200"] {
            let result = try server.ssh(key: server.key(for: learner), ["test-branching"], input: Self.passing)
            #expect(result.status == 0, "\(learner): \(result.stderr)\n\(server.logText.suffix(1500))")
            #expect(result.stdout.contains("Geslaagd"))
        }
        let files = Wegwijs.files(under: server.records)
        #expect(files.count == 2, "\(files)")
        for learner in ["A100", "B200"] {
            let path = try #require(files.first { $0.hasPrefix("test-branching/\(learner)/") })
            let record = try Self.record(server, path)
            #expect(record.learner.id == learner)
            #expect(record.status == .passed)
            #expect(try Self.mode(server.records.appendingPathComponent(path)) == 0o640)
            #expect(try Self.mode(server.records.appendingPathComponent("test-branching/\(learner)")) == 0o750)
        }
        #expect(try Self.mode(server.records) == 0o750)
        #expect(try Self.mode(server.records.appendingPathComponent("test-branching")) == 0o750)
    }

    static let refusedRequests: [[String]] = [
        ["--", "--learner", "B200"],
        ["bash"],
        ["sh", "-c", "'touch /tmp/wegwijs-pwned'"],
        ["test-branching", "--learner", "B200"],
        ["--", "--records", "/tmp"],
        ["test-branching;", "id"],
        ["../records"],
    ]

    @Test("a learner cannot name another learner, a records folder, a path or a shell command: 64, one line, no record",
          arguments: refusedRequests)
    func refused(remote: [String]) throws {
        let server = try SSHServer(learners: ["A100", "B200"])
        defer { server.stop() }
        let result = try server.ssh(key: server.key(for: "A100"), remote, input: Self.passing)
        #expect(result.status == 64, "\(result.stdout) \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("wegwijs: "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(server.recordFiles.isEmpty, "\(server.recordFiles)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/wegwijs-pwned"))
    }

    @Test("a key that is not in the keys folder is refused by sshd")
    func unknownKey() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let stranger = server.folder.appendingPathComponent("clients/stranger").path
        let made = try RalphServer.tool(SSHServer.keygen, ["-q", "-t", "ed25519", "-N", "", "-f", stranger])
        #expect(made.status == 0)
        let result = try server.ssh(key: stranger, ["test-branching"], input: Self.passing)
        #expect(result.status == 255)
        #expect(result.stderr.contains("Permission denied (publickey)"), "\(result.stderr)")
        #expect(server.recordFiles.isEmpty)
    }

    @Test("port forwarding is refused: a local forward carries nothing, a remote forward is refused at once")
    func forwarding() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        // A remote forward (-R): refused when asked for.
        let remote = try server.ssh(key: server.key(for: "A100"), input: "",
                                    options: ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:\(server.port)"])
        #expect(remote.status == 255)
        #expect(remote.stderr.contains("remote port forwarding failed"), "\(remote.stderr)")
        // A local forward (-L) to the server's own sshd: the client listens, but the server
        // refuses every connection through it, so not one byte of sshd's banner comes back.
        let local = try RalphServer.freePort()
        let client = Process()
        client.executableURL = URL(fileURLWithPath: SSHServer.ssh)
        client.arguments = server.clientArguments(key: server.key(for: "A100"),
                                                  extra: ["-o", "LogLevel=INFO", "-N", "-L", "127.0.0.1:\(local):127.0.0.1:\(server.port)"])
        let stderr = Pipe()
        client.standardError = stderr
        client.standardOutput = FileHandle.nullDevice
        client.standardInput = FileHandle.nullDevice
        try client.run()
        defer { if client.isRunning { kill(client.processIdentifier, SIGKILL); client.waitUntilExit() } }
        var listening = false
        for _ in 0..<400 where !listening {
            listening = RalphServer.canConnect(port: local)
            if !listening { usleep(25_000) }
        }
        #expect(listening)
        let received = try Self.readThrough(port: local)
        #expect(!received.contains("SSH-2.0"), "\(received)")
        // SIGKILL: a process the test starts may have SIGTERM blocked.
        kill(client.processIdentifier, SIGKILL)
        client.waitUntilExit()
        let said = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("administratively prohibited"), "\(said)")
    }

    /// Connects to a port and reads what comes until the other side closes (at most 10 s).
    static func readThrough(port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return "" }
        var received = [UInt8]()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test("scp cannot copy a file in, and a learner's SetEnv cannot move the records")
    func noFileAccess() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let source = server.folder.appendingPathComponent("payload.txt")
        try Data("x".utf8).write(to: source)
        let target = server.folder.appendingPathComponent("copied.txt")
        var arguments = server.clientArguments(key: server.key(for: "A100"))
        let destination = arguments.removeLast() + ":" + target.path
        arguments = arguments.map { $0 == "-p" ? "-P" : $0 }
        let copied = try RalphServer.tool("/usr/bin/scp", arguments + [source.path, destination])
        #expect(copied.status != 0)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let elsewhere = server.folder.appendingPathComponent("elsewhere")
        let moved = try server.ssh(key: server.key(for: "A100"), ["test-branching"], input: Self.passing,
                                   options: ["-o", "SetEnv=WEGWIJS_RECORDS=\(elsewhere.path)"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path))
        #expect(Wegwijs.files(under: server.records).count == 1)
    }

    @Test("the same piped answers over ssh and locally: the same output, answers, score and exit status",
          arguments: [Self.passing, "a\na c\nb\n", "c\nb\n"])
    func sameAsLocal(answers: String) throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let remote = try server.ssh(key: server.key(for: "A100"), ["test-branching"], input: answers)
        let localRecords = try Wegwijs.temporaryFolder("local-records")
        let local = try Wegwijs.run(["run", "test-branching", "--learner", "A100"],
                                    input: answers, environment: ["WEGWIJS_RECORDS": localRecords.path, "WEGWIJS_COURSES": server.courses.path])
        let remoteFiles = Wegwijs.files(under: server.records), localFiles = Wegwijs.files(under: localRecords)
        #expect(remoteFiles.count == 1 && localFiles.count == 1)
        // The one difference: where the record went (its folder and random file name), which
        // also moves a line break; white space is left out of the comparison for that. The
        // end screen's certificate code is that record's own.
        func same(_ text: String, _ folder: URL, _ file: String?) -> String {
            let path = folder.appendingPathComponent(file ?? "-").path
            var text = text.filter { !$0.isWhitespace }.replacingOccurrences(of: path, with: "RECORD")
            // A stop says where the progress is kept, which differs on purpose (checked below).
            if let stop = text.range(of: "Jevoortgangisbewaard") { text = String(text[..<stop.lowerBound]) }
            if let bytes = FileManager.default.contents(atPath: path), let root = try? JSONParser.parse(Array(bytes)) {
                text = text.replacingOccurrences(of: CertificateCode.code(forRecordJSON: root), with: "CODE")
            }
            return text
        }
        #expect(remote.status == local.status)
        if remote.status == 3 {
            #expect(CapturedOutput.flat(remote.stdout).contains("Je voortgang is bewaard op de server (2 beantwoord)."), "\(remote.stdout)")
            #expect(remote.stdout.contains("ssh <server> test-branching") && !remote.stdout.contains("in-progress.json"))
            #expect(local.stdout.contains(localRecords.appendingPathComponent("test-branching/A100/in-progress.json").path), "\(local.stdout)")
        }
        #expect(same(remote.stdout, server.records, remoteFiles.first) == same(local.stdout, localRecords, localFiles.first))
        #expect(remote.stderr == local.stderr)
        let a = try Self.record(server, try #require(remoteFiles.first))
        let b = try CompletionRecord.decode(Data(contentsOf: localRecords.appendingPathComponent(try #require(localFiles.first))))
        #expect(a.answers.map(\.options) == b.answers.map(\.options))
        #expect(a.score == b.score && a.status == b.status && a.learner == b.learner)
    }

    /// `ssh -tt` into test-branching in a pseudo-terminal, past the start to the first answer
    /// prompt; the client's Dutch locale goes along (sshd's AcceptEnv), so no language is asked.
    static func terminalSession(_ server: SSHServer, learner: String) throws -> (PseudoTerminalSession, String.Index) {
        let session = try PseudoTerminalSession(server.clientArguments(key: server.key(for: learner), extra: ["-tt", "-o", "SendEnv=LC_MESSAGES"])
                                                + ["test-branching"], executable: URL(fileURLWithPath: SSHServer.ssh))
        let start = try session.waitFor("Druk op Enter om te beginnen")
        session.send("\r")
        return (session, try session.waitFor("Je antwoord (a-c): ", after: start))
    }

    @Test("ssh -tt: the readline prompt and Tab completion, as in a local terminal")
    func interactive() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let (session, started) = try Self.terminalSession(server, learner: "A100")
        var mark = started
        session.send("richt\t\r")
        mark = try session.waitFor("Deel geen geheimen.", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("sto\t\r")
        try session.waitFor("Je voortgang is bewaard op de server (0 beantwoord)", after: mark)
        #expect(try session.exitStatus() == 3)
    }

    @Test("ssh -tt without the client's locale: the first screen asks the language; a stop says the progress is on the server")
    func languageAskedOverSSH() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let session = try PseudoTerminalSession(server.clientArguments(key: server.key(for: "A100"), extra: ["-tt"]) + ["test-branching"],
                                                executable: URL(fileURLWithPath: SSHServer.ssh))
        var mark = try session.waitFor("Kies je taal / Choose your language (nl/en, Enter: nl): ")
        session.send("en\r")
        mark = try session.waitFor("Press Enter to start", after: mark)
        session.send("stop\r")
        #expect(try session.exitStatus() == 3)
        let screen = CapturedOutput.flat(session.screenLines(after: mark).joined(separator: "\n"))
        #expect(screen.contains("Your progress is saved on the server (0 answered). Log in the same way again to continue where you stopped: ssh <server> test-branching"), "\(screen)")
    }

    @Test("killing the ssh client mid-course keeps the answers, and the next login resumes the same attempt")
    func droppedConnection() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        let (session, started) = try Self.terminalSession(server, learner: "A100")
        session.send("a\r")
        try session.waitFor("Druk op Enter om verder te gaan", after: started)
        kill(session.process.processIdentifier, SIGKILL)
        session.process.waitUntilExit()
        // The session on the server ends (SIGHUP from sshd) and lets go of the learner's lock.
        let store = RecordStore(root: server.records.path)
        var released = false
        for _ in 0..<400 where !released {
            released = (try? store.lock(course: "test-branching", learner: "A100", wait: false)) != nil
            if !released { usleep(50_000) }
        }
        #expect(released, "\(server.logText.suffix(1500))")
        let saved = try Self.record(server, "test-branching/A100/in-progress.json")
        #expect(saved.answers.map(\.options) == [["goed"]])
        let second = try server.ssh(key: server.key(for: "A100"), ["test-branching"], input: "a c\na\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Je gaat verder waar je was gebleven (1 beantwoord)"))
        let ended = try #require(Wegwijs.files(under: server.records).first)
        let record = try Self.record(server, ended)
        #expect(record.attemptId == saved.attemptId)
        #expect(record.answers.map(\.options) == [["goed"], ["m1", "m3"], ["weiger"]])
    }
}
