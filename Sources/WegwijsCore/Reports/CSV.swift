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

    /// Splits CSV text into rows (with `CSVRowReader`, whose rules these are). Accepts CRLF
    /// or LF line ends, quoted fields with line breaks and doubled quotes, a leading byte order
    /// mark, and (leniently) a stray quote inside an unquoted field. Blank lines are skipped. A
    /// quote that is never closed would swallow the rest of the file: its row is reported and
    /// reading starts again at the next line.
    public static func parse(_ text: String, delimiter: Character) -> (rows: [Row], unterminated: [UnterminatedQuote]) {
        var bytes = Substring(text).utf8[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(3) }
        var reader = CSVRowReader(delimiter: delimiter)
        var rows: [Row] = []
        // Without the UTF-8 check (a String is UTF-8 already) the reader cannot throw.
        try? reader.feed(bytes) { rows.append($0) }
        try? reader.finish { rows.append($0) }
        return (rows, reader.unterminated)
    }

    /// The UTF-8 byte order mark some programs (Excel's "CSV UTF-8") write first.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The delimiter of a header line given as bytes (`detectDelimiter`'s rule), or nil while
    /// `bytes` holds no complete first line and more may follow (`atEnd` false).
    public static func detectDelimiter(bytes: some Collection<UInt8>, atEnd: Bool) -> Character? {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if !quoted { return semicolons > commas ? ";" : "," }
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            default: break
            }
        }
        return atEnd ? (semicolons > commas ? ";" : ",") : nil
    }

    /// One field, quoted when it needs to be.
    public static func field(_ text: String, delimiter: Character) -> String {
        // Byte by byte: every field of a report goes through here, and the characters that
        // call for quotes are all ASCII (a CR LF pair holds a CR).
        let separator = delimiter.asciiValue
        let needsQuotes = separator == nil
            ? text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            : text.utf8.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of fields, ended with CRLF as RFC 4180 says.
    public static func line(_ fields: [String], delimiter: Character) -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
