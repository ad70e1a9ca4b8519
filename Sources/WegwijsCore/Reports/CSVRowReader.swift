/// A CSV parser fed with bytes in chunks of any size, handing over each row as soon as it
/// ends, so a file of any length is read in the memory of one row. The rules are `CSV.parse`'s:
/// CRLF, LF or CR line ends, quoted fields with line breaks and doubled quotes, a stray quote
/// inside an unquoted field kept as it is, blank lines skipped. A quote that is never closed
/// would swallow the rest of the input: at its end, that row is reported (`unterminated`) and
/// reading starts again at the line after the one the row started on. A byte order mark is
/// the caller's to remove.
public struct CSVRowReader {
    /// The bytes of a row are not UTF-8; `offset` counts from the start of the input (0).
    public struct NotUTF8: Error, Sendable, Hashable {
        public var offset: Int
    }

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private let delimiter: UInt8
    private let checksUTF8: Bool
    /// The raw bytes of the row being read (for the UTF-8 check, and for reading again after
    /// a quote that never closes) and the offset of their first byte in the input.
    private var rowBytes: [UInt8] = []
    private var rowOffset = 0
    private var consumed: Int
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line: Int
    private var rowLine: Int
    private var quoted = false
    private var fieldWasQuoted = false
    private var afterQuote = false
    private var afterCarriageReturn = false
    /// The rows whose quoted field never closed, by the line they start on.
    public private(set) var unterminated: [CSV.UnterminatedQuote] = []

    /// A reader for `delimiter` (an ASCII character). With `checksUTF8` each row's bytes are
    /// checked before they are decoded (`NotUTF8` names the first bad byte); without, bad bytes
    /// become U+FFFD. `firstLine` and `offset`: where the input starts in its file.
    public init(delimiter: Character, checksUTF8: Bool = false, firstLine: Int = 1, offset: Int = 0) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.checksUTF8 = checksUTF8
        line = firstLine
        rowLine = firstLine
        consumed = offset
    }

    /// Reads the next bytes; `row` gets every row that ends in them.
    public mutating func feed(_ bytes: some Sequence<UInt8>, row: (CSV.Row) throws -> Void) throws {
        for byte in bytes { try take(byte, row: row) }
    }

    /// Ends the input: hands over the last row, and reads again after a quote that never closed.
    public mutating func finish(row: (CSV.Row) throws -> Void) throws {
        guard quoted else {
            if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRow(row) }
            return
        }
        unterminated.append(CSV.UnterminatedQuote(line: rowLine))
        guard let lineEnd = rowBytes.firstIndex(where: { $0 == Self.lineFeed || $0 == Self.carriageReturn }) else { return }
        var restart = lineEnd + 1
        if rowBytes[lineEnd] == Self.carriageReturn, restart < rowBytes.count, rowBytes[restart] == Self.lineFeed { restart += 1 }
        var again = CSVRowReader(delimiter: Character(UnicodeScalar(delimiter)), checksUTF8: checksUTF8,
                                 firstLine: rowLine + 1, offset: rowOffset + restart)
        try again.feed(rowBytes[restart...], row: row)
        try again.finish(row: row)
        unterminated += again.unterminated
    }

    private mutating func take(_ byte: UInt8, row: (CSV.Row) throws -> Void) throws {
        let offset = consumed
        consumed += 1
        if byte == Self.lineFeed, afterCarriageReturn {
            // The LF of a CRLF: the line break was counted at the CR.
            afterCarriageReturn = false
            if quoted {
                rowBytes.append(byte)
                field.append(byte)
            }
            return
        }
        afterCarriageReturn = byte == Self.carriageReturn
        if rowBytes.isEmpty { rowOffset = offset }
        rowBytes.append(byte)
        let isLineBreak = byte == Self.lineFeed || byte == Self.carriageReturn
        if quoted {
            if byte == Self.quote {
                quoted = false
                afterQuote = true
            } else {
                if isLineBreak { line += 1 }
                field.append(byte)
            }
            return
        }
        if afterQuote {
            afterQuote = false
            if byte == Self.quote {
                // A doubled quote inside a quoted field.
                field.append(Self.quote)
                quoted = true
                return
            }
        }
        if byte == delimiter {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        } else if isLineBreak {
            try endRow(row)
            line += 1
            rowLine = line
        } else if byte == Self.quote && field.isEmpty && !fieldWasQuoted {
            quoted = true
            fieldWasQuoted = true
        } else {
            field.append(byte)
        }
    }

    private mutating func endRow(_ row: (CSV.Row) throws -> Void) throws {
        if checksUTF8, let bad = UTF8Validation.firstInvalidOffset(in: rowBytes) { throw NotUTF8(offset: rowOffset + bad) }
        fields.append(String(decoding: field, as: UTF8.self))
        let blank = fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted
        let ended = CSV.Row(line: rowLine, fields: fields)
        fields.removeAll(keepingCapacity: true)
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        rowBytes.removeAll(keepingCapacity: true)
        if !blank { try row(ended) }
    }
}
