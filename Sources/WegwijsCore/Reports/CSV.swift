import Foundation

/// Comma-separated values as RFC 4180 writes them: fields quoted with `"` when they hold the
/// delimiter, a quote or a line break, a quote inside written twice.
public enum CSV {
    /// One row of a CSV file and the line it starts on (counted from 1).
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    /// The delimiter a header line uses: `;` when it has more semicolons than commas outside
    /// quotes (Dutch Excel), else `,`.
    public static func detectDelimiter(_ text: String) -> Character {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r", !quoted { break }
            switch character {
            case "\"": quoted.toggle()
            case ",": if !quoted { commas += 1 }
            case ";": if !quoted { semicolons += 1 }
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// A quoted field that never ends, with the line its row starts on.
    public struct UnterminatedQuote: Sendable, Hashable {
        public var line: Int
    }

    /// Splits CSV text into rows (see `parse`), leaving out rows with an unterminated quote.
    public static func rows(_ text: String, delimiter: Character) -> [Row] {
        parse(text, delimiter: delimiter).rows
    }

    /// Splits CSV text into rows. Accepts CRLF or LF line ends, quoted fields with line breaks
    /// and doubled quotes, a leading byte order mark, and (leniently) a stray quote inside an
    /// unquoted field. Blank lines are skipped. A quote that is never closed would swallow the
    /// rest of the file: its row is reported and reading starts again at the next line.
    public static func parse(_ text: String, delimiter: Character) -> (rows: [Row], unterminated: [UnterminatedQuote]) {
        var rows: [Row] = []
        var unterminated: [UnterminatedQuote] = []
        var characters = Substring(text)
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var firstLine = 1
        while true {
            let part = rowsUntilUnterminated(characters, delimiter: delimiter, firstLine: firstLine)
            rows += part.rows
            guard let broken = part.unterminated else { break }
            unterminated.append(UnterminatedQuote(line: broken.line))
            // Start again after the line break that ends the broken row's first line.
            guard let lineEnd = characters[broken.rowStart...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { break }
            characters = characters[characters.index(after: lineEnd)...]
            firstLine = broken.line + 1
        }
        return (rows, unterminated)
    }

    /// Rows up to the end, or up to a quoted field that is still open at the end of the text.
    private static func rowsUntilUnterminated(_ characters: Substring, delimiter: Character, firstLine: Int)
        -> (rows: [Row], unterminated: (line: Int, rowStart: Substring.Index)?) {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine
        var rowLine = firstLine
        var rowStart = characters.startIndex
        var quoted = false
        var fieldWasQuoted = false
        var afterQuote = false

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        var index = characters.startIndex
        while index < characters.endIndex {
            let character = characters[index]
            index = characters.index(after: index)
            let isLineBreak = character == "\n" || character == "\r\n" || character == "\r"
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    if isLineBreak { line += 1 }
                    field.append(character)
                }
                continue
            }
            if afterQuote {
                afterQuote = false
                if character == "\"" {
                    // A doubled quote inside a quoted field.
                    field.append("\"")
                    quoted = true
                    continue
                }
            }
            if character == delimiter {
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            } else if isLineBreak {
                endRow()
                line += 1
                rowLine = line
                rowStart = index
            } else if character == "\"" && field.isEmpty && !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else {
                field.append(character)
            }
        }
        if quoted { return (rows, (rowLine, rowStart)) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return (rows, nil)
    }

    /// One field, quoted when it needs to be.
    public static func field(_ text: String, delimiter: Character) -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of fields, ended with CRLF as RFC 4180 says.
    public static func line(_ fields: [String], delimiter: Character) -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
