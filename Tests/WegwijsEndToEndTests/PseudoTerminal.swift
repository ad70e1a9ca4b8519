import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The built `wegwijs` running in a real pseudo-terminal, so readline behaves as for a learner.
final class PseudoTerminalSession {
    let process = Process()
    private let primary: Int32
    private let secondary: Int32
    private(set) var transcript = ""
    /// The inputrc written for this session, removed with it.
    private var inputrc: URL?

    enum Failure: Error, CustomStringConvertible {
        case openpty
        case timeout(waitingFor: String, transcript: String)
        var description: String {
            switch self {
            case .openpty: "openpty failed"
            case .timeout(let text, let transcript): "timed out waiting for \(text.debugDescription); screen so far:\n\(transcript)"
            }
        }
    }

    /// Runs `executable` (the built `wegwijs`, or another program such as `ssh -tt`) in a
    /// window of `columns` by `rows`. The locale is a Dutch learner's (`LC_MESSAGES=nl_NL.UTF-8`,
    /// `LANG` left as it is for readline's character set); a test of the language question
    /// gives `LC_MESSAGES: ""` and a `LANG` that decides nothing.
    init(_ arguments: [String], environment: [String: String] = [:], executable: URL = Wegwijs.executable,
         columns: UInt16 = 100, rows: UInt16 = 40) throws {
        var primary: Int32 = 0
        var secondary: Int32 = 0
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&primary, &secondary, nil, nil, &size) == 0 else { throw Failure.openpty }
        self.primary = primary
        self.secondary = secondary
        _ = fcntl(primary, F_SETFL, fcntl(primary, F_GETFL) | O_NONBLOCK)

        // No bracketed-paste codes in the transcript.
        let inputrc = TestFolders.path("wegwijs-inputrc")
        try Data("set enable-bracketed-paste off\n".utf8).write(to: inputrc)
        self.inputrc = inputrc
        var env = ProcessInfo.processInfo.environment
        for key in ["WEGWIJS_RECORDS", "WEGWIJS_SIGNING_KEY_FILE", "NO_COLOR", "COLUMNS"] { env[key] = nil }
        env["TERM"] = "xterm"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = "nl_NL.UTF-8"
        env["INPUTRC"] = inputrc.path
        env.merge(environment) { $1 }

        process.executableURL = executable
        process.arguments = arguments
        process.environment = env
        let handle = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(primary)
        close(secondary)
        if let inputrc { try? FileManager.default.removeItem(at: inputrc) }
    }

    /// Types text as the learner would (`\r` is Enter, `\t` Tab, `\u{04}` Ctrl-D).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
    }

    /// Changes the window size as a terminal emulator (or sshd) does: `TIOCSWINSZ` on the
    /// primary side, which sends SIGWINCH to the terminal's foreground process group.
    func resize(columns: UInt16, rows: UInt16 = 40) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(primary, UInt(TIOCSWINSZ), &size)
    }

    /// The transcript from `from` on as the screen shows it: escape sequences and carriage
    /// returns left out, split into lines.
    func screenLines(after from: String.Index? = nil) -> [String] {
        drain()
        let text = String(transcript[(from ?? transcript.startIndex)...])
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
        return plain.components(separatedBy: "\n")
    }

    /// Reads the screen until `text` appears after `from` (an offset in the transcript).
    @discardableResult
    func waitFor(_ text: String, after from: String.Index? = nil, seconds: Double = 20) throws -> String.Index {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            drain()
            let start = from ?? transcript.startIndex
            if let range = transcript.range(of: text, range: start..<transcript.endIndex) {
                return range.upperBound
            }
            if Date() > deadline { throw Failure.timeout(waitingFor: text, transcript: transcript) }
            var descriptor = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 100)
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            guard count > 0 else { return }
            transcript += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    /// Waits for the process to end and returns its exit status (128+n for a signal).
    func exitStatus(seconds: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            drain()
            if Date() > deadline { throw Failure.timeout(waitingFor: "exit", transcript: transcript) }
            usleep(20_000)
        }
        drain()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Whether the terminal is back in normal (canonical, echoing) mode.
    var terminalIsSane: Bool {
        var settings = termios()
        guard tcgetattr(secondary, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }
}
