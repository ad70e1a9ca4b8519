/// A JSON syntax problem at a byte offset.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var wording: LocalizedMessage
    public var offset: Int

    public init(_ wording: LocalizedMessage, offset: Int) {
        self.wording = wording
        self.offset = offset
    }

    /// The message in English.
    public var message: String { wording.en }
}

/// Syntax problems in words a course author understands, each with the fix the parser may
/// assume when it recovers (`JSONParser.problems(in:limit:)`).
///
/// The strict parse and the recovering one build their messages here, so both report the same
/// first problem at the same place; only the error paths come here, never a valid document.
struct SyntaxProblem {
    var error: JSONSyntaxError
    var fix: SyntaxFix
}

/// What a recovering parser does after a problem. Only fixes whose outcome is certain are
/// offered; everything else stops, so no message is a follow-up of an earlier one.
enum SyntaxFix: Equatable {
    /// Nothing is certain: stop.
    case stop
    /// Go on as if the missing comma were there.
    case insertComma
    /// Go on as if the missing colon were there.
    case insertColon
    /// Go on reading at this offset (the real end of a text).
    case resume(at: Int)
    /// Keep the character in the text and go on (a tab).
    case keep
    /// End the container here (a trailing comma before its closer).
    case close
    /// Read the text in the quotes it was written with (curly or single quotes).
    case wrongQuotes
    /// End the object at its last comma (its `}` is missing before the next `{`).
    case closeAtComma
}

extension JSONSyntaxError {
    /// Thrown by a recovering parser when it stops after a problem it has already recorded.
    static let stopped = JSONSyntaxError(.empty, offset: -1)

    /// A file that is not UTF-8, at its first bad byte.
    static func notUTF8(at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(SyntaxMessages.notUTF8, offset: offset)
    }
}

extension Parser {
    // MARK: Where a value or a key should start

    /// A value cannot start at `index`.
    mutating func valueStartProblem() -> SyntaxProblem {
        if let quote = wrongQuote(at: index) {
            return SyntaxProblem(error: JSONSyntaxError(quote, offset: index), fix: .wrongQuotes)
        }
        if index < bytes.count, isLetter(bytes[index]) {
            return SyntaxProblem(error: unexpected(SyntaxMessages.textNeedsQuotes), fix: .stop)
        }
        return SyntaxProblem(error: unexpected(SyntaxMessages.expectedAnyValue), fix: .stop)
    }

    /// A key cannot start at `index`; `comma` is the offset of the comma before it, or -1.
    mutating func keyStartProblem(objectStart: Int, comma: Int) -> SyntaxProblem {
        guard index < bytes.count else {
            return SyntaxProblem(error: unexpected(SyntaxMessages.objectNotClosed(place(objectStart))), fix: .stop)
        }
        if let quote = wrongQuote(at: index) {
            return SyntaxProblem(error: JSONSyntaxError(quote, offset: index), fix: .wrongQuotes)
        }
        if comma >= 0, bytes[index] == UInt8(ascii: "}") {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.trailingCommaInObject, offset: comma), fix: .close)
        }
        if comma >= 0, bytes[index] == UInt8(ascii: "{") {
            let message = SyntaxMessages.objectNotClosedBeforeComma(place(objectStart))
            return SyntaxProblem(error: JSONSyntaxError(message, offset: comma), fix: .closeAtComma)
        }
        return SyntaxProblem(error: unexpected(SyntaxMessages.expectedKey), fix: .stop)
    }

    /// No colon at `index` after the key that starts at `keyStart` (-1: do not look inside it).
    mutating func colonProblem(key: String, keyStart: Int) -> SyntaxProblem {
        let keyEnd = endOfValue(before: index)
        if keyStart >= 0, let curly = curlyCloser(from: keyStart + 1, to: keyEnd - 1, followedBy: [UInt8(ascii: ":")]) {
            return SyntaxProblem(error: curlyQuote(at: curly), fix: .resume(at: curly + 3))
        }
        if index < bytes.count, isValueStart(bytes[index]), !hasLineBreak(from: keyEnd, to: index) {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.missingColon(after: key), offset: keyEnd), fix: .insertColon)
        }
        return SyntaxProblem(error: unexpected(SyntaxMessages.expectedColon(after: key)), fix: .stop)
    }

    // MARK: After a value

    /// Neither `,` nor `}` at `index` after the value of `key`, which starts at `valueStart`
    /// (-1: do not look inside it).
    mutating func afterMemberProblem(key: String, objectStart: Int, valueStart: Int) -> SyntaxProblem {
        let valueEnd = endOfValue(before: index)
        guard index < bytes.count else {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.unexpected(SyntaxMessages.unexpectedEnd,
                                                                                    SyntaxMessages.objectNotClosed(place(objectStart))),
                                                        offset: valueEnd), fix: .stop)
        }
        if let problem = misquotedText(start: valueStart, end: valueEnd, closers: [UInt8(ascii: ","), UInt8(ascii: "}")]) {
            return problem
        }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return SyntaxProblem(error: missingComma(at: valueEnd, sameLine: SyntaxMessages.missingComma(afterValueOf: key)), fix: .insertComma)
        case UInt8(ascii: "]"):
            return SyntaxProblem(error: unexpected(SyntaxMessages.objectNotClosedBeforeBracket(place(objectStart))), fix: .stop)
        default:
            return SyntaxProblem(error: unexpected(SyntaxMessages.expectedCommaOrBrace(after: key)), fix: .stop)
        }
    }

    /// Neither `,` nor `]` at `index` after the list item that starts at `elementStart`
    /// (-1: do not look inside it).
    mutating func afterElementProblem(arrayStart: Int, elementStart: Int) -> SyntaxProblem {
        let elementEnd = endOfValue(before: index)
        guard index < bytes.count else {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.unexpected(SyntaxMessages.unexpectedEnd,
                                                                                    SyntaxMessages.listNotClosed(place(arrayStart))),
                                                        offset: elementEnd), fix: .stop)
        }
        if let problem = misquotedText(start: elementStart, end: elementEnd, closers: [UInt8(ascii: ","), UInt8(ascii: "]")]) {
            return problem
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\""), isKey(at: index) {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.listNotClosedBeforeNextKey(place(arrayStart)), offset: elementEnd), fix: .stop)
        }
        if isValueStart(byte) {
            return SyntaxProblem(error: missingComma(at: elementEnd, sameLine: SyntaxMessages.missingCommaInList), fix: .insertComma)
        }
        if byte == UInt8(ascii: ":"), elementStart >= 0, bytes[elementStart] == UInt8(ascii: "\"") {
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.listNotClosedBeforeKey(place(arrayStart)), offset: elementStart), fix: .stop)
        }
        if byte == UInt8(ascii: "}") {
            return SyntaxProblem(error: unexpected(SyntaxMessages.listNotClosedBeforeBrace(place(arrayStart))), fix: .stop)
        }
        return SyntaxProblem(error: unexpected(SyntaxMessages.expectedCommaOrBracket), fix: .stop)
    }

    /// A `]` right after the comma at `comma`.
    func trailingCommaInList(at comma: Int) -> JSONSyntaxError {
        JSONSyntaxError(SyntaxMessages.trailingCommaInList, offset: comma)
    }

    // MARK: Inside a text

    /// A control character at `index` inside the text whose content starts at `contentStart`.
    func controlCharacterProblem(_ byte: UInt8, contentStart: Int) -> SyntaxProblem {
        switch byte {
        case 0x09:
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.tabInText, offset: index), fix: .keep)
        case 0x0A, 0x0D:
            if let curly = curlyCloser(from: contentStart, to: index, followedBy: Self.enders) {
                return SyntaxProblem(error: curlyQuote(at: curly), fix: .resume(at: curly + 3))
            }
            return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.lineBreakInText, offset: index), fix: .stop)
        default:
            let code = String(byte, radix: 16, uppercase: true)
            let message = SyntaxMessages.controlCharacter(String(repeating: "0", count: 4 - code.count) + code)
            return SyntaxProblem(error: JSONSyntaxError(message, offset: index), fix: .keep)
        }
    }

    /// The text that starts at `start` has no closing quote before the end of the file.
    func unterminatedText(start: Int) -> JSONSyntaxError {
        if let curly = curlyCloser(from: start + 1, to: bytes.count, followedBy: Self.enders) {
            return curlyQuote(at: curly)
        }
        return JSONSyntaxError(SyntaxMessages.unterminatedText, offset: start)
    }

    /// A text written in curly or single quotes (`index` at the opening one), read as the text
    /// it was meant to be; stops unless its closing quote is followed by what may follow a text.
    mutating func wronglyQuotedText() throws(JSONSyntaxError) -> String {
        let single = bytes[index] == UInt8(ascii: "'")
        let singleCurly = !single && bytes[index + 2] <= 0x99
        index += single ? 1 : 3
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { throw .stopped }
            var closer = 0
            if byte == UInt8(ascii: "\"") || (single && byte == UInt8(ascii: "'")) {
                closer = 1
            } else if !single, isCurly(at: index), (bytes[index + 2] <= 0x99) == singleCurly {
                closer = 3
            }
            if closer > 0 {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += closer
                let next = afterSpaces(index)
                guard next >= bytes.count || Self.enders.contains(bytes[next]) || bytes[next] == 0x0A || bytes[next] == 0x0D else { throw .stopped }
                return text
            }
            index += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        throw .stopped
    }

    /// A text that ended early, at a curly quote meant as its end or at a straight quote inside
    /// it; nil when the text that starts at `start` and ends at `end` looks like neither.
    mutating func misquotedText(start: Int, end: Int, closers: [UInt8]) -> SyntaxProblem? {
        guard start >= 0, end - start >= 2, bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
        if let curly = curlyCloser(from: start + 1, to: end - 1, followedBy: closers) {
            return SyntaxProblem(error: curlyQuote(at: curly), fix: .resume(at: curly + 3))
        }
        // `"de "servicedesk" bellen"`: text goes on after the quote, and a later quote on the
        // same line is followed by what may follow a value.
        var scan = afterSpaces(end)
        guard scan < bytes.count, isTextLike(bytes[scan]) else { return nil }
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == 0x0A || byte == 0x0D { return nil }
            if byte == UInt8(ascii: "\"") {
                let next = afterSpaces(scan + 1)
                if next >= bytes.count || closers.contains(bytes[next]) || bytes[next] == 0x0A || bytes[next] == 0x0D {
                    return SyntaxProblem(error: JSONSyntaxError(SyntaxMessages.quoteInText, offset: end - 1), fix: .resume(at: scan + 1))
                }
            }
            scan += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return nil
    }

    // MARK: Helpers

    /// What may follow a text: a comma, a colon or a closer.
    static let enders: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "}"), UInt8(ascii: "]")]

    /// A missing comma, located right after the value before it.
    mutating func missingComma(at valueEnd: Int, sameLine: LocalizedMessage) -> JSONSyntaxError {
        if hasLineBreak(from: valueEnd, to: index) {
            return JSONSyntaxError(SyntaxMessages.missingComma(atEndOfLine: line(of: valueEnd)), offset: valueEnd)
        }
        return JSONSyntaxError(sameLine, offset: valueEnd)
    }

    /// The message for a curly quote at `offset` where a straight one belongs.
    func curlyQuote(at offset: Int) -> JSONSyntaxError {
        let quote = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + 3]), as: UTF8.self)
        return JSONSyntaxError(SyntaxMessages.curlyQuote(quote), offset: offset)
    }

    /// The message for a curly or single quote at `offset` where a straight double quote
    /// starts a text; nil for any other byte.
    func wrongQuote(at offset: Int) -> LocalizedMessage? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(ascii: "'") { return SyntaxMessages.singleQuote }
        return isCurly(at: offset) ? curlyQuote(at: offset).wording : nil
    }

    /// Whether a curly quote (‘ ’ “ ” „) starts at `offset`.
    func isCurly(at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80
            && [0x98, 0x99, 0x9C, 0x9D, 0x9E].contains(bytes[offset + 2])
    }

    /// The first curly double quote (“ ” „) between `from` and `to` that is followed, past spaces,
    /// by one of `followers` (a comma then by a quote) or by `to`: one meant as the end of a text.
    func curlyCloser(from: Int, to: Int, followedBy followers: [UInt8]) -> Int? {
        var offset = from
        while offset + 3 <= to {
            if isCurly(at: offset), bytes[offset + 2] >= 0x9C {
                let next = afterSpaces(offset + 3)
                if next >= to { return offset }
                if followers.contains(bytes[next]) {
                    guard bytes[next] == UInt8(ascii: ",") else { return offset }
                    let after = afterSpaces(next + 1)
                    if after >= to || bytes[after] == UInt8(ascii: "\"") || isCurly(at: after) { return offset }
                }
            }
            offset += 1
        }
        return nil
    }

    /// Whether a string that starts at `offset` is followed by a colon: a key.
    func isKey(at offset: Int) -> Bool {
        var scan = offset + 1
        while scan < bytes.count, bytes[scan] != UInt8(ascii: "\""), bytes[scan] != 0x0A {
            scan += bytes[scan] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard scan < bytes.count, bytes[scan] == UInt8(ascii: "\"") else { return false }
        scan += 1
        while scan < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[scan]) { scan += 1 }
        return scan < bytes.count && bytes[scan] == UInt8(ascii: ":")
    }

    /// The offset just after the last byte before `offset` that is not white space.
    func endOfValue(before offset: Int) -> Int {
        var end = min(offset, bytes.count)
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The first offset at or after `offset` that is not a space or a tab.
    func afterSpaces(_ offset: Int) -> Int {
        var scan = offset
        while scan < bytes.count, bytes[scan] == 0x20 || bytes[scan] == 0x09 { scan += 1 }
        return scan
    }

    func hasLineBreak(from start: Int, to end: Int) -> Bool {
        var scan = start
        while scan < end {
            if bytes[scan] == 0x0A { return true }
            scan += 1
        }
        return false
    }

    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    /// A byte that can start a value.
    func isValueStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// A byte that continues a text rather than the structure around it.
    func isTextLike(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""):
            return false
        default:
            return true
        }
    }

    /// "line 3, column 5" of an offset (the line table is built on the first call).
    mutating func place(_ offset: Int) -> LocalizedMessage {
        let position = sourceText().position(of: offset)
        return SyntaxMessages.place(line: position.line, column: position.column)
    }

    mutating func line(of offset: Int) -> Int { sourceText().position(of: offset).line }

    private mutating func sourceText() -> SourceText {
        if let source { return source }
        let made = SourceText(bytes: Array(bytes))
        source = made
        return made
    }
}
