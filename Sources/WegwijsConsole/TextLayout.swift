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
        let width = max(terminal.width - 1, TerminalInfo.minimumWidth)
        var lines: [String] = []
        var isFirst = true
        for paragraph in Self.sanitized(text).split(separator: "\n", omittingEmptySubsequences: false) {
            lines += Self.lines(paragraph, width: width, firstIndent: isFirst ? (firstIndent ?? indent) : indent, indent: indent)
            isFirst = false
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` wrapped, then `path` on a line of its own, indented by two: a file path is never
    /// broken across lines or cut, however long (a terminal shows a longer one on more rows, and
    /// copying it gives the whole path).
    public func wrap(_ text: String, path: String) -> String {
        wrap(text) + "  " + Self.sanitized(path).replacingOccurrences(of: "\n", with: "\\n") + "\n"
    }

    /// One row of a score table: a label (a guideline's title), its percentage for the bar, and
    /// the percentage as text.
    public struct ScoreRow: Sendable {
        public var label: String
        public var percent: Double?
        public var value: String
        public var emphasised: Bool

        public init(label: String, percent: Double?, value: String, emphasised: Bool = false) {
            self.label = label
            self.percent = percent
            self.value = value
            self.emphasised = emphasised
        }
    }

    /// Score rows fitted to the terminal at any width: labels wrap at word boundaries in their
    /// column and values stay right-aligned after them; the bars go when they do not fit, and
    /// when even the label column would be too narrow each value goes under its label.
    public func scoreTable(_ rows: [ScoreRow]) -> String {
        let width = max(terminal.width - 1, TerminalInfo.minimumWidth)
        let labels = rows.map { Self.inline($0.label, limit: 200) }
        let valueWidth = max(rows.map(\.value.count).max() ?? 0, 7)
        let barWidth = 20
        let longest = labels.map(\.count).max() ?? 0
        let withBars = terminal.usesGraphics && 2 + min(longest, 44) + 2 + barWidth + 2 + valueWidth <= width
        let room = width - 2 - (withBars ? barWidth + 2 : 0) - valueWidth
        let column = min(longest + 2, room)
        var text = ""
        for (row, label) in zip(rows, labels) {
            let value = String(repeating: " ", count: valueWidth - row.value.count) + row.value
            let shown = row.emphasised ? styled(value, .bold) : value
            let bar = withBars ? (row.percent.map { self.bar(percent: $0, width: barWidth) } ?? String(repeating: " ", count: barWidth)) + "  " : ""
            if column < 10 {
                text += Self.lines(Substring(label), width: width, firstIndent: "  ", indent: "  ").joined(separator: "\n") + "\n"
                text += "    " + shown + "\n"
                continue
            }
            let lines = Self.lines(Substring(label), width: column - 2, firstIndent: "", indent: "")
            let first = lines.first ?? ""
            text += "  " + first + String(repeating: " ", count: max(column - first.count, 1)) + bar + shown + "\n"
            for line in lines.dropFirst() { text += "  " + line + "\n" }
        }
        return text
    }

    /// Rendered text with every line longer than `width` wrapped at word boundaries, the
    /// continuation indented two more than the line; colour codes take no room. For renderers
    /// that build lines of their own (the preview's and `paths`' annotations).
    public static func fitted(_ text: String, width: Int) -> String {
        let width = max(width, TerminalInfo.minimumWidth)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard visibleCount(line) > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            var lines: [String] = []
            var current = indent
            var currentCount = indent.count
            var hasWord = false
            var words: [Substring] = []
            for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
                // A word longer than a whole line (an id, a path) is cut: nothing else can make it fit.
                var rest = word
                let room = max(width - indent.count - 2, 1)
                while rest.count > room, !rest.contains("\u{1B}") {
                    words.append(rest.prefix(room))
                    rest = rest.dropFirst(room)
                }
                words.append(rest)
            }
            for word in words {
                let count = visibleCount(word)
                if hasWord, currentCount + 1 + count > width {
                    lines.append(current)
                    current = indent + "  "
                    currentCount = current.count
                    hasWord = false
                }
                current += (hasWord ? " " : "") + word
                currentCount += (hasWord ? 1 : 0) + count
                hasWord = true
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Characters a terminal shows: ANSI colour sequences (`ESC [ … m`) take no room.
    static func visibleCount(_ text: Substring) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character == "m" { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// `wrap` without the final line break, for a line that is styled as a whole.
    public func wrapped(_ text: String) -> String {
        String(wrap(text).dropLast())
    }

    /// Text already safe to print, wrapped to `width` with continuation lines indented by
    /// `hangingIndent`; paragraph breaks are kept and the result ends with a line break.
    public static func wrap(_ text: String, width: Int, hangingIndent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            lines(paragraph, width: width, firstIndent: "", indent: hangingIndent)
        }.joined(separator: "\n") + "\n"
    }

    /// One paragraph as lines of at most `width` characters, broken at spaces. Only a word
    /// longer than a whole line is cut, since nothing else can make it fit.
    public static func lines(_ paragraph: Substring, width: Int, firstIndent: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            var rest = Substring(word)
            // A word too long for any line is cut into pieces that fill a line each.
            while line.count + rest.count > width, width - line.count >= 1, rest.count > 1, !lineHasWord {
                let room = width - line.count
                lines.append(line + rest.prefix(room))
                rest = rest.dropFirst(room)
                line = indent
            }
            line += (lineHasWord ? " " : "") + rest
            lineHasWord = true
        }
        lines.append(lineHasWord ? line : "")
        return lines
    }

    /// Text from a course file, a record or the keyboard, safe to print (see `ControlCharacters`).
    public static func sanitized(_ text: String) -> String {
        ControlCharacters.escaped(text)
    }

    /// One line of user or file text: sanitised, line breaks flattened, cut to `limit` characters.
    public static func inline(_ text: String, limit: Int = 60) -> String {
        // Printable ASCII (nearly every path and message) needs no sanitising, and a character
        // is a byte: `report` prints tens of thousands of such lines.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text.utf8.count > limit ? String(text.prefix(limit)) + "…" : text
        }
        let flat = sanitized(text).replacingOccurrences(of: "\n", with: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
