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

    /// Splits CSV text into rows. Accepts CRLF or LF line ends, quoted fields with line breaks
    /// and doubled quotes, a leading byte order mark, and (leniently) a stray quote inside an
    /// unquoted field. Blank lines are skipped.
    public static func rows(_ text: String, delimiter: Character) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var quoted = false
        var fieldWasQuoted = false
        var afterQuote = false
        var characters = Substring(text)
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        var iterator = characters.makeIterator()
        while let character = iterator.next() {
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
            } else if character == "\"" && field.isEmpty && !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
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
