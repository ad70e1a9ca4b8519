import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the terminal around the process can do, read once at start-up.
public struct TerminalInfo: Sendable {
    /// Standard input is a terminal: read through readline and pause between scenarios.
    public var isInteractive: Bool
    /// Columns to wrap text to.
    public var width: Int
    /// ANSI colour and emphasis.
    public var usesColour: Bool
    /// Box-drawing rules, bars and symbols; off with `--plain`.
    public var usesGraphics: Bool
    /// The width follows the window: standard output is a terminal, so `resized()` asks it again.
    public var followsWindow: Bool

    public init(isInteractive: Bool, width: Int, usesColour: Bool, usesGraphics: Bool, followsWindow: Bool = false) {
        self.isInteractive = isInteractive
        self.width = width
        self.usesColour = usesColour
        self.usesGraphics = usesGraphics
        self.followsWindow = followsWindow
    }

    /// This terminal at the window's width of the moment (`TIOCGWINSZ`, a cheap call), so text
    /// written after a resize (SIGWINCH; over ssh, sshd's window change) wraps to the new width.
    /// Unchanged when the width does not follow a window.
    public func resized() -> TerminalInfo {
        guard followsWindow else { return self }
        var terminal = self
        terminal.width = Self.usableWidth(Self.measuredWidth())
        return terminal
    }

    /// A measured width as text is wrapped to: at least `minimumWidth`, at most 100.
    static func usableWidth(_ measured: Int) -> Int { min(max(measured, minimumWidth), 100) }

    /// The real terminal. Colour is off with `plain`, a non-empty `NO_COLOR`, `TERM=dumb`, or
    /// when standard output is not a terminal.
    public static func current(plain: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalInfo {
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        let dumb = environment["TERM"] == "dumb"
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalInfo(
            isInteractive: isatty(STDIN_FILENO) == 1,
            width: usableWidth(measuredWidth(environment: environment)),
            usesColour: !plain && !dumb && !noColour && stdoutIsTerminal,
            usesGraphics: !plain && !dumb,
            followsWindow: stdoutIsTerminal
        )
    }

    /// The narrowest width text is wrapped to; narrower terminals get lines of this width.
    public static let minimumWidth = 20

    /// `TIOCGWINSZ` of `descriptor`, else `$COLUMNS`, else 80.
    public static func measuredWidth(of descriptor: Int32 = STDOUT_FILENO,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        measured(\.ws_col, of: descriptor, else: "COLUMNS", 80, environment: environment)
    }

    /// Rows: `TIOCGWINSZ` of `descriptor`, else `$LINES`, else 24 (a policy is paged by it).
    static func measuredHeight(of descriptor: Int32 = STDOUT_FILENO,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        measured(\.ws_row, of: descriptor, else: "LINES", 24, environment: environment)
    }

    /// One field of the window size, else the variable, else the default.
    private static func measured(_ field: KeyPath<winsize, UInt16>, of descriptor: Int32, else variable: String,
                                 _ fallback: Int, environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size[keyPath: field] > 0 {
            return Int(size[keyPath: field])
        }
        if let value = environment[variable].flatMap(Int.init), value > 0 { return value }
        return fallback
    }
}

/// Where the console writes. Tests swap in a buffer.
public protocol ConsoleOutput: AnyObject {
    func write(_ text: String)
}

/// Standard output, flushed on every write so prompts appear before input is read.
public final class StandardOutput: ConsoleOutput {
    public init() {}

    public func write(_ text: String) {
        wegwijs_flush_stdout()
        StandardStreams.writeOutput(text)
    }
}

/// Writes text to standard output (see `StandardStreams` for what happens when it cannot).
public func printOutput(_ text: String, terminator: String = "\n") {
    StandardStreams.writeOutput(text + terminator)
}

/// Writes a message to standard error, control characters shown escaped. In a terminal it is
/// wrapped at word boundaries to the terminal's width; piped or logged it stays one line per
/// problem, as tools that read `FILE:LINE:COLUMN:` lines expect.
public func printError(_ text: String) {
    wegwijs_flush_stdout()
    // Messages quote paths, ids and typed text: nothing in them may reach the terminal raw.
    var message = TextLayout.sanitized(text)
    if isatty(STDERR_FILENO) == 1 {
        let width = max(TerminalInfo.measuredWidth(of: STDERR_FILENO), TerminalInfo.minimumWidth)
        message = TextLayout.wrap(message, width: width, hangingIndent: "  ")
    } else {
        message += "\n"
    }
    StandardStreams.writeError(message)
}
