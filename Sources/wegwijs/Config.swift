import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the settings in force and where each comes from.",
        discussion: """
        Precedence: command-line flag, environment variable, user file \
        ($XDG_CONFIG_HOME/wegwijs/config.json, default ~/.config/wegwijs/config.json), system file \
        (/etc/wegwijs/config.json), built-in default. A settings file looks like \
        {"wegwijs": {"records": "/srv/wegwijs/records", "lrs": {"url": "https://lrs.example.org/xAPI"}}}.

        Exit codes: 0 shown, 65 a settings file that does not parse or names an unknown key, 74 unreadable.
        """
    )

    func run() throws {
        let settings = try loadSettings()
        var lines: [(String, String, String)] = [("setting", "value", "from")]
        for setting in Setting.allCases {
            var value = settings[setting]
            var origin = settings.origin(of: setting).description
            if setting == .courses, value == nil, let found = bundledCourses().directory {
                // The folder the courses are actually read from, when nothing names one.
                value = found
                origin = "found from the binary's place"
            }
            if setting == .lrsURL { value = value.map(LRSEndpoint.shown) }
            // A line break in a value is shown, not laid out.
            let shown = value.map { $0.replacingOccurrences(of: "\r", with: "\\x0D").replacingOccurrences(of: "\n", with: "\\x0A") }
            lines.append((setting.key, shown ?? "(not set)", origin))
        }
        let keyWidth = lines.map { $0.0.count }.max() ?? 0
        let valueWidth = min(60, lines.map { $0.1.count }.max() ?? 0)
        var text = ""
        for (key, value, origin) in lines {
            let paddedKey = key + String(repeating: " ", count: keyWidth - key.count + 2)
            let paddedValue = value + String(repeating: " ", count: max(2, valueWidth - value.count + 2))
            text += TextLayout.inline(paddedKey + paddedValue + origin, limit: 400) + "\n"
        }
        text += "\nEnvironment variables: " + Setting.allCases.map(\.variable).joined(separator: ", ") + "\n"
        printOutput(text, terminator: "")
    }
}
