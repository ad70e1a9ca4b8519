import Foundation

/// The built `wegwijs` with piped standard input that the test feeds line by line, reading
/// the output as it comes: for faults injected in the middle of a run.
final class PipedSession: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""
    private let readers = DispatchGroup()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = Wegwijs.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["WEGWIJS_RECORDS", "WEGWIJS_SIGNING_KEY_FILE", "NO_COLOR"] { env[key] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        collect(output) { self.stdoutText += $0 }
        collect(errors) { self.stderrText += $0 }
    }

    private func collect(_ pipe: Pipe, into append: @escaping @Sendable (String) -> Void) {
        readers.enter()
        DispatchQueue.global().async {
            while true {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { break }
                self.lock.withLock { append(String(decoding: data, as: UTF8.self)) }
            }
            self.readers.leave()
        }
    }

    var stdout: String { lock.withLock { stdoutText } }
    var stderr: String { lock.withLock { stderrText } }

    /// Waits until standard output holds `text` `count` times.
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while stdout.components(separatedBy: text).count - 1 < count {
            if Date() > deadline || !process.isRunning && stdout.components(separatedBy: text).count - 1 < count {
                throw PseudoTerminalSession.Failure.timeout(waitingFor: text, transcript: stdout + "\n--- stderr:\n" + stderr)
            }
            usleep(5_000)
        }
    }

    /// Sends one answer line.
    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the end; a death by signal n is reported as 128 + n.
    /// Input is closed first unless `closingInput` is false (to see what a signal alone does).
    func exitStatus(closingInput: Bool = true) -> Int32 {
        if closingInput { closeInput() }
        process.waitUntilExit()
        readers.wait()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
