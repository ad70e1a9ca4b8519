import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

@main
struct Wegwijs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wegwijs",
        abstract: "Learn your employer's guidelines by living through realistic situations.",
        discussion: """
        Without a command, wegwijs runs the bundled course '\(CourseCatalog.defaultCourseID)'.

        Exit codes: 0 passed/success, 1 unexpected failure, 2 completed but not passed, 3 stopped (progress saved), 64 usage error, 65 invalid data, 74 I/O error, 130 interrupted by Ctrl-C (progress saved), 129/131/143 ended by SIGHUP/SIGQUIT/SIGTERM (progress saved), 141 the reader of the output went away.
        """,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Preview.self, New.self, Convert.self, Translate.self, Paths.self, Courses.self, Report.self,
                      Verify.self, CertificateCommand.self, Stats.self, Remind.self, Sync.self, Export.self, Config.self, SSH.self],
        defaultSubcommand: Run.self
    )

    /// Parses and runs the command. Help, usage errors and every message go through
    /// `StandardStreams` and `HelpLayout`, so output that cannot be written is an exit code,
    /// never a trap, and help fits the terminal at any width.
    static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            finish(with: error)
        }
        Foundation.exit(0)
    }

    private static func finish(with error: any Error) -> Never {
        let outputWidth = TerminalInfo.measuredWidth(of: STDOUT_FILENO)
        let errorWidth = TerminalInfo.measuredWidth(of: STDERR_FILENO)
        // The parser renders help at the terminal's width inside `exitCode(for:)` and traps
        // below about 30 columns; it renders unwrapped here and `HelpLayout` wraps.
        setenv("COLUMNS", String(HelpLayout.renderWidth), 1)
        let code = exitCode(for: error)
        let message = fullMessage(for: error, columns: HelpLayout.renderWidth)
        if code == .success && producesScript {
            // A completion script or the help dump (man pages): as the parser made it, unwrapped.
            printOutput(message)
        } else if code == .success {
            if !message.isEmpty {
                printOutput(HelpLayout.layout(message, width: outputWidth))
            }
        } else if !message.isEmpty {
            // A usage error: the message and the usage, wrapped in a terminal, one line each in a log.
            let text = isatty(STDERR_FILENO) == 1 ? HelpLayout.layout(message, width: errorWidth) : message
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { printError(String(line)) }
        }
        Foundation.exit(code.rawValue)
    }

    /// Whether the command line asks for a shell completion script or the parser's help dump,
    /// which must not be wrapped like help text.
    private static var producesScript: Bool {
        CommandLine.arguments.dropFirst().contains { argument in
            argument == "--experimental-dump-help" || argument.hasPrefix("--generate-completion-script")
        }
    }
}
