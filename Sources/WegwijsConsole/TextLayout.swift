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

    /// Text from a course file, a record or the keyboard with every control character (ESC,
    /// C1 controls, DEL, carriage return) shown as an escape such as `\x1B`; tabs become
    /// spaces and line breaks stay.
    public static func sanitized(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) && scalar != "\n" {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result.append(scalar)
            } else if scalar == "\t" {
                result.append(" ")
            } else if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "\\x\(hex.count < 2 ? "0" + hex : hex)".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// One line of user or file text: sanitised, line breaks flattened, cut to `limit` characters.
    public static func inline(_ text: String, limit: Int = 60) -> String {
        let flat = sanitized(text).replacingOccurrences(of: "\n", with: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
