import WegwijsCore

/// Wrapping, rules, bars and colour for the console, and the removal of anything in course or
/// record text that a terminal would take as a command.
public struct TextLayout: Sendable {
    public var terminal: TerminalInfo

    public init(terminal: TerminalInfo) {
        self.terminal = terminal
    }

    public enum Colour: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// `text` in a colour when colour is on; the words must carry the meaning on their own.
    public func styled(_ text: String, _ colour: Colour) -> String {
        terminal.usesColour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// A horizontal rule and its line break, or nothing at all in plain mode.
    public var rule: String {
        terminal.usesGraphics ? String(repeating: "─", count: terminal.width) + "\n" : ""
    }

    /// A bar of `width` cells filled to `percent`, or an empty string in plain mode.
    public func bar(percent: Double, width: Int = 20) -> String {
        guard terminal.usesGraphics else { return "" }
        let filled = Int((min(max(percent, 0), 100) / 100 * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// Wraps text to the terminal width. Every line starts with `indent`; the first with
    /// `firstIndent` when given (for "a) " hanging indents). Paragraph breaks are kept.
    public func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        let width = max(terminal.width - 1, 20)
        var lines: [String] = []
        var isFirst = true
        for paragraph in Self.sanitized(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = isFirst ? (firstIndent ?? indent) : indent
            var lineHasWord = false
            isFirst = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if lineHasWord, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            lines.append(lineHasWord ? line : "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text from a course file, a record or the keyboard, safe to print (see `ControlCharacters`).
    public static func sanitized(_ text: String) -> String {
        ControlCharacters.escaped(text)
    }

    /// One line of user or file text: sanitised, line breaks flattened, cut to `limit` characters.
    public static func inline(_ text: String, limit: Int = 60) -> String {
        let flat = sanitized(text).replacingOccurrences(of: "\n", with: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
