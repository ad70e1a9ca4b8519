import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server (Debian's `sshd`) of one test: 127.0.0.1 on a free port, its own host
/// key and `sshd_config`, serving the built `wegwijs` as the service account's course. The
/// account is the test's own user (root here and in CI, hence `PermitRootLogin
/// forced-commands-only`: a key gets in only with its forced command). A watchdog ends sshd
/// when the test process ends, however it ends.
final class SSHServer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How sshd learns the keys: `wegwijs ssh authorized-keys` as its AuthorizedKeysCommand,
    /// or a file that command wrote once.
    enum KeySource {
        case command, file
    }

    let folder: URL
    let port: Int
    let keys: URL
    let records: URL
    let courses: URL
    let account: String
    private let process: Process
    private let log: URL
    private var pidFile: URL { folder.appendingPathComponent("sshd.pid") }

    static let sshd = "/usr/sbin/sshd"
    static let ssh = "/usr/bin/ssh"
    static let keygen = "/usr/bin/ssh-keygen"

    /// Starts sshd; `learners` get a key each (`key(for:)`) in the keys folder. The bundled
    /// courses are the test course `test-branching` (3 scenarios) and the real default course.
    init(learners: [String], keySource: KeySource = .command) throws {
        for tool in [Self.sshd, Self.ssh, Self.keygen] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw Failure(description: "\(tool) is missing: run `bash .ci/setup` (installs openssh-server)")
        }
        folder = try Wegwijs.temporaryFolder("sshd")
        keys = folder.appendingPathComponent("keys")
        records = folder.appendingPathComponent("records")
        courses = folder.appendingPathComponent("courses")
        log = folder.appendingPathComponent("sshd.log")
        account = String(cString: getpwuid(geteuid()).pointee.pw_name)
        for made in [keys, courses, folder.appendingPathComponent("clients")] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(atPath: Wegwijs.fixture("branching.json"), toPath: courses.appendingPathComponent("test-branching.json").path)
        try FileManager.default.copyItem(atPath: Wegwijs.course("uwv-sociale-media.json"), toPath: courses.appendingPathComponent("uwv-sociale-media.json").path)
        try Self.keygen(folder.appendingPathComponent("host_ed25519").path)
        for learner in learners {
            let key = folder.appendingPathComponent("clients/\(learner)").path
            try Self.keygen(key)
            try FileManager.default.copyItem(atPath: key + ".pub", toPath: keys.appendingPathComponent("\(learner).pub").path)
        }
        let executable = Wegwijs.executable.resolvingSymlinksInPath().path
        var keyLines: String
        switch keySource {
        case .command:
            let command = try Self.commandExecutable(executable)
            keyLines = """
            AuthorizedKeysFile none
            AuthorizedKeysCommand \(command) ssh authorized-keys --keys \(keys.path) --user %u --type %t --key %k
            AuthorizedKeysCommandUser \(account)
            """
        case .file:
            let made = try Wegwijs.run(["ssh", "authorized-keys", "--keys", keys.path])
            guard made.status == 0 else { throw Failure(description: "authorized-keys: \(made.status) \(made.stderr)") }
            let file = folder.appendingPathComponent("authorized_keys")
            try Data(made.stdout.utf8).write(to: file)
            keyLines = "AuthorizedKeysFile \(file.path)"
        }
        port = try RalphServer.freePort()
        // The block docs/server.md gives, with the test's own paths; StrictModes is off because
        // the test's files are below the world-writable /tmp.
        let config = """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(folder.appendingPathComponent("host_ed25519").path)
        PidFile \(folder.appendingPathComponent("sshd.pid").path)
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        AllowUsers \(account)
        PermitRootLogin forced-commands-only
        \(keyLines)
        DisableForwarding yes
        PermitTunnel no
        PermitUserRC no
        PermitUserEnvironment no
        PermitTTY yes
        # As in Debian's own sshd_config: the client's locale may come along (ssh -o SendEnv=…).
        AcceptEnv LANG LC_*
        # As in Debian's own sshd_config: the forced command wins over the subsystem.
        Subsystem sftp /usr/lib/openssh/sftp-server
        SetEnv WEGWIJS_RECORDS=\(records.path) WEGWIJS_COURSES=\(courses.path) XDG_CONFIG_HOME=/nonexistent/wegwijs-test-config WEGWIJS_SYSTEM_CONFIG_FILE=/nonexistent/wegwijs-test-config/system.json

        """
        let configFile = folder.appendingPathComponent("sshd_config")
        try Data(config.utf8).write(to: configFile)
        // sshd's privilege separation needs this empty folder.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The watchdog: sshd in the background, ended as soon as the test process is gone.
        let watchdog = """
        \(Self.sshd) -D -e -f "$1" & s=$!
        while kill -0 \(getpid()) 2>/dev/null && kill -0 $s 2>/dev/null; do sleep 1; done
        kill -9 $s 2>/dev/null
        """
        process.arguments = ["-c", watchdog, "sshd-watchdog", configFile.path]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<400 {
            if RalphServer.canConnect(port: port) { return }
            if !process.isRunning { break }
            usleep(25_000)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw Failure(description: "sshd did not start on port \(port): \(output.suffix(2000))")
    }

    deinit { stop() }

    /// Ends sshd (the watchdog's shell ends with it) and removes the test's files.
    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: a process started from the test may have SIGTERM blocked (RalphServer says
        // the same). The watchdog sees sshd gone and ends within a second.
        if let text = try? String(contentsOf: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 {
            kill(pid, SIGKILL)
        } else {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// What sshd logged, for failure messages.
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// A learner's private key.
    func key(for learner: String) -> String { folder.appendingPathComponent("clients/\(learner)").path }

    /// The ssh client's arguments for `learner`'s key (or any key file): no user config, no
    /// agent, no known-hosts file, no questions.
    /// `extra` comes first: for ssh the first value given for an option counts.
    func clientArguments(key: String, extra: [String] = []) -> [String] {
        extra + ["-F", "/dev/null", "-i", key, "-p", String(port), "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
         "-o", "LogLevel=ERROR", "\(account)@127.0.0.1"]
    }

    /// `ssh [options] account@127.0.0.1 [remote…]` with `input` piped in, to its end.
    func ssh(key: String, _ remote: [String] = [], input: String = "", options: [String] = []) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.ssh)
        process.arguments = clientArguments(key: key, extra: options) + remote
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let (out, err) = Wegwijs.collectOutput(of: process, stdout: stdout, stderr: stderr) {
            signal(SIGPIPE, SIG_IGN)
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self))
    }

    /// Every file below the records folder (lock files included), relative and sorted.
    var recordFiles: [String] { Wegwijs.files(under: records, includingHidden: true) }

    private static func keygen(_ path: String) throws {
        let made = try RalphServer.tool(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", path])
        guard made.status == 0 else { throw Failure(description: "ssh-keygen: \(made.stderr)") }
    }

    /// The binary for sshd's AuthorizedKeysCommand: the built one where its path is one sshd
    /// accepts, else a copy in a folder of this test process below /run (root's, not writable
    /// by others), for a checkout below a world-writable folder such as /tmp. The copy is
    /// removed when the process ends, and copies of processes gone are removed by the next one.
    static func commandExecutable(_ executable: String) throws -> String {
        if (try? checkSafePath(executable)) != nil { return executable }
        let copy = try safeCopy(of: executable)
        try checkSafePath(copy)
        return copy
    }

    private static let copyFolder = "/run/wegwijs-tests-\(getpid())"
    nonisolated(unsafe) private static var copied: String?
    private static let copyLock = NSLock()

    private static func safeCopy(of executable: String) throws -> String {
        try copyLock.withLock {
            if let copied { return copied }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/run")) ?? [] where name.hasPrefix("wegwijs-tests-") {
                if let pid = Int32(name.dropFirst("wegwijs-tests-".count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    try? FileManager.default.removeItem(atPath: "/run/" + name)
                }
            }
            do {
                try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: false,
                                                        attributes: [.posixPermissions: 0o755])
                let copy = copyFolder + "/wegwijs"
                try FileManager.default.copyItem(atPath: executable, toPath: copy)
                atexit { try? FileManager.default.removeItem(atPath: SSHServer.copyFolder) }
                copied = copy
                return copy
            } catch {
                throw Failure(description: "sshd refuses an AuthorizedKeysCommand below a world-writable folder, and no copy could be made in \(copyFolder): \(error)")
            }
        }
    }

    /// sshd runs an AuthorizedKeysCommand only when it and every folder above it belong to
    /// root (or the account) and are not group- or world-writable; say so plainly if not.
    static func checkSafePath(_ path: String) throws {
        var current = path
        while !current.isEmpty {
            var info = stat()
            guard stat(current, &info) == 0 else { throw Failure(description: "\(current): cannot be read") }
            if info.st_mode & 0o022 != 0 || (info.st_uid != 0 && info.st_uid != geteuid()) {
                throw Failure(description: "sshd refuses an AuthorizedKeysCommand at \(path): \(current) is group- or world-writable or another account's (mode \(String(info.st_mode & 0o7777, radix: 8)))")
            }
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
        }
    }
}
