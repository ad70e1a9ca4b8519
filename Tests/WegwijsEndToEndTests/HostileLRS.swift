import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small hostile LRS on 127.0.0.1 (`Tests/Support/hostile_lrs.py`): it answers as the test's
/// script says (statuses, bodies, `more` links, endless or dripping bodies, redirects) and
/// logs every request it gets, with its Authorization header.
final class HostileLRS: @unchecked Sendable {
    let folder: URL
    let port: Int
    private let server: ServerProcess

    var url: String { "http://127.0.0.1:\(port)/xAPI" }
    var scriptFile: URL { folder.appendingPathComponent("script.json") }
    var logFile: URL { folder.appendingPathComponent("requests.ndjson") }
    var credentialsFile: String { folder.appendingPathComponent("credentials").path }
    static let password = "HostileSecret42"

    private init(folder: URL, port: Int, server: ServerProcess) {
        self.folder = folder
        self.port = port
        self.server = server
    }

    static func start() throws -> HostileLRS {
        let folder = try Wegwijs.temporaryFolder("hostile-lrs")
        try Data("wegwijs:\(password)\n".utf8).write(to: folder.appendingPathComponent("credentials"))
        // Credentials are private to their account (PrivateFiles.checkSecret).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("credentials").path)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("script.json"))
        let port = try RalphServer.freePort()
        let process = try ServerProcess.launch(
            python: "/usr/bin/python3",
            arguments: [Wegwijs.packageRoot.appendingPathComponent("Tests/Support/hostile_lrs.py").path, String(port),
                        folder.appendingPathComponent("script.json").path, folder.appendingPathComponent("requests.ndjson").path],
            log: nil)
        let server = HostileLRS(folder: folder, port: port, server: process)
        if process.wait(tries: 400, interval: 25_000, until: { RalphServer.canConnect(port: port) }) { return server }
        server.stop()
        throw RalphError(description: "the hostile LRS did not start on port \(port)")
    }

    func stop() {
        server.stop(removing: folder)
    }

    /// What the server answers from now on: `get` and `post` answers as hostile_lrs.py reads them.
    func script(get: [String: Any] = [:], post: [String: Any] = [:]) throws {
        let data = try JSONSerialization.data(withJSONObject: ["get": get, "post": post])
        try data.write(to: scriptFile, options: .atomic)
        try? FileManager.default.removeItem(at: logFile)
    }

    /// The requests logged since the last `script`.
    func requests() -> [[String: Any]] {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Settings that point wegwijs at this LRS, with no settings files of the machine.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["WEGWIJS_LRS_URL": url, "WEGWIJS_LRS_CREDENTIALS_FILE": credentialsFile].merging(extra) { $1 }
    }
}

/// The result of a bounded run.
struct BoundedResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The run was killed at its time limit.
    var timedOut: Bool
}

extension Wegwijs {
    /// Runs the binary like `run`, but kills it (SIGKILL) when it has not ended after `limit`
    /// seconds; the caller fails the test on `timedOut`. Never a measurement of speed: the
    /// limit is many times what the command needs.
    static func runBounded(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                           limit: TimeInterval = 60, executable: URL = Wegwijs.executable) throws -> BoundedResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = testEnvironment(environment)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let timedOut = TimeoutFlag()
        let pid = process.processIdentifier
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + limit)
        timer.setEventHandler {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        timer.resume()
        let (outData, errData) = collectOutput(of: process, stdout: stdout, stderr: stderr) {
            signal(SIGPIPE, SIG_IGN)
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        timer.cancel()
        return BoundedResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut.value)
    }

    /// Whether text holds a raw control character other than a line break (an escape that
    /// reached the terminal); escaped text (`\x1B`) does not count.
    static func hasRawControl(_ text: String) -> Bool {
        // CSV ends its lines with CR LF.
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n") || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
        }
    }
}

private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
