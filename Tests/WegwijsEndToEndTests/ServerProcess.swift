import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test server: a Python program from `Tests/Support` run on 127.0.0.1, what it prints kept in
/// a log file (or dropped), waited for until it is ready or has died, and killed with SIGKILL at
/// the end (it may have inherited a mask that blocks SIGTERM; its data goes with its folder).
/// `RalphServer`, `HostileLRS` and `SMTPSink` are each one of these with their own arguments.
struct ServerProcess: @unchecked Sendable {
    let process: Process
    /// Where its output goes; nil when it is dropped.
    let log: URL?

    /// Starts `python arguments…` (with `environment` for the whole environment when given).
    static func launch(python: String, arguments: [String], environment: [String: String]? = nil, log: URL?) throws -> ServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return ServerProcess(process: process, log: log)
    }

    /// Waits until `ready` holds (true) or the server has died or `tries` tries `interval`
    /// microseconds apart have passed (false).
    func wait(tries: Int, interval: useconds_t, until ready: () -> Bool) -> Bool {
        for _ in 0..<tries {
            if !process.isRunning { return false }
            if ready() { return true }
            usleep(interval)
        }
        return false
    }

    /// The last `characters` of what it printed, for the message when it did not start.
    func output(last characters: Int) -> String {
        guard let log else { return "" }
        return String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(characters))
    }

    /// Kills the server when it still runs, then removes `folder` when one is named.
    func stop(removing folder: URL? = nil) {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
