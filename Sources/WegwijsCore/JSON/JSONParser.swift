/// A strict RFC 8259 parser that records where every value starts.
///
/// Foundation's decoder on Linux gives no position for syntax errors and accepts trailing
/// commas and duplicate keys; trainers need all three reported with a line and column.
/// Nesting is bounded, so hostile input ends in an error, not a stack overflow.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    /// Parses one JSON document. A leading UTF-8 byte order mark is skipped.
    /// `keepingLastOf`: a member of the top-level object whose value, when an array, is checked
    /// as fully as the rest but kept with its last element only (`report` needs only the last
    /// answer of a record, and building every answer's nodes was most of its time).
    /// `leavingUnbuilt`: a key whose values below the top level are checked but stand as `null`
    /// (`stats` reads every answer but none of their times).
    public static func parse(_ bytes: [UInt8], keepingLastOf condensed: String? = nil,
                             leavingUnbuilt unbuilt: String? = nil) throws(JSONSyntaxError) -> JSONNode {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) { throw .notUTF8(at: bad) }
        let result: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            parser.condensed = condensed
            parser.unbuilt = unbuilt
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Every syntax problem of a document, in file order, the first `limit` of them, and how
    /// many more there are. After a problem whose fix is certain (a missing comma, a tab or a
    /// curly quote in a text, a quote inside a text, a trailing comma) reading goes on as if it
    /// were fixed; after any other it stops, so no problem is a follow-up of an earlier one.
    /// A file that is not UTF-8 gets that one problem. Empty for a valid document.
    public static func problems(in bytes: [UInt8], limit: Int) -> (problems: [JSONSyntaxError], more: Int) {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) { return ([.notUTF8(at: bad)], 0) }
        return bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            parser.recorded = []
            parser.limit = max(1, limit)
            do throws(JSONSyntaxError) {
                _ = try parser.parseDocument()
            } catch {
                if error != .stopped { parser.store(error) }
            }
            return (parser.recorded ?? [], parser.unstored)
        }
    }
}

struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    /// The top-level member kept with its last element only (`JSONParser.parse(_:keepingLastOf:)`).
    var condensed: String?
    /// A key whose values below the top level are checked but not built (`JSONParser.parse(_:leavingUnbuilt:)`).
    var unbuilt: String?
    /// Keys of the objects being skipped, innermost last (for the duplicate-key check).
    var skippedKeys: [SkippedKey] = []
    /// How many of `skippedKeys` are in use (a stack that only grows: skipping does not allocate).
    var skippedKeyCount = 0
    /// When recovering (`JSONParser.problems(in:limit:)`), the problems found so far; nil
    /// when the first problem is thrown.
    var recorded: [JSONSyntaxError]?
    /// How many problems a recovering parser keeps, and how many it found beyond that.
    var limit = Int.max
    var unstored = 0
    /// An object just ended at a comma because its `}` was missing (recovering only): an
    /// enclosing list goes on with the next item, anything else stops.
    var closedEarly = false
    /// The line table for messages that name a line, built on the first.
    var source: SourceText?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        let nothingButMark = index == bytes.count
        skipWhitespace()
        guard index < bytes.count else {
            throw JSONSyntaxError(nothingButMark ? SyntaxMessages.emptyFile : SyntaxMessages.onlyWhiteSpace, offset: 0)
        }
        let node = try parseValue()
        if closedEarly { throw .stopped }
        skipWhitespace()
        if index < bytes.count {
            throw JSONSyntaxError(SyntaxMessages.afterDocument(unexpectedByte(at: index)), offset: index)
        }
        return node
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// "unexpected character 'x'" (or end of file, or byte) at `offset`.
    func unexpectedByte(at offset: Int) -> LocalizedMessage {
        guard offset < bytes.count else { return SyntaxMessages.unexpectedEnd }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return SyntaxMessages.unexpectedCharacter("'\(Character(Unicode.Scalar(byte)))'") }
        if byte >= 0xC2, let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + 4, bytes.count)]),
                                             as: UTF8.self).unicodeScalars.first, scalar != "\u{FFFD}" {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let shown = scalar.properties.isWhitespace || scalar.properties.generalCategory == .format ? "" : "'\(Character(scalar))' "
            return SyntaxMessages.unexpectedCharacter("\(shown)(U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code))")
        }
        return SyntaxMessages.unexpectedByte(String(byte, radix: 16, uppercase: true))
    }

    /// In a strict parse, throws `problem`; when recovering, keeps it and goes on.
    mutating func record(_ problem: JSONSyntaxError) throws(JSONSyntaxError) {
        guard recorded != nil else { throw problem }
        store(problem)
    }

    mutating func store(_ problem: JSONSyntaxError) {
        if recorded?.count ?? 0 < limit { recorded?.append(problem) } else { unstored += 1 }
    }

    func unexpected(_ expectation: LocalizedMessage) -> JSONSyntaxError {
        JSONSyntaxError(SyntaxMessages.unexpected(unexpectedByte(at: index), expectation), offset: index)
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw unexpected(SyntaxMessages.expectedValue) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), offset: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), offset: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), offset: start)
        default:
            let problem = valueStartProblem()
            try record(problem.error)
            guard problem.fix == .wrongQuotes else { throw .stopped }
            return JSONNode(.string(try wronglyQuotedText()), offset: start)
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw JSONSyntaxError(SyntaxMessages.tooDeep(JSONParser.maximumDepth), offset: index)
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        try enter()
        index += 1
        var members: [JSONMember] = []
        members.reserveCapacity(4)  // a record's objects have three or four: one allocation, not three
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        var comma = -1
        while true {
            skipWhitespace()
            let keyOffset = index
            let key: String
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                key = try parseString()
            } else {
                let problem = keyStartProblem(objectStart: start, comma: comma)
                try record(problem.error)
                switch problem.fix {
                case .wrongQuotes:
                    key = try wronglyQuotedText()
                case .close:
                    index += 1
                    depth -= 1
                    return .object(members)
                case .closeAtComma:
                    index = comma
                    closedEarly = true
                    depth -= 1
                    return .object(members)
                default:
                    throw .stopped
                }
            }
            // Lengths first: most keys differ in length, and counting UTF-8 is free.
            if members.contains(where: { $0.key.utf8.count == key.utf8.count && $0.key == key }) {
                try record(JSONSyntaxError(SyntaxMessages.duplicateKey(key), offset: keyOffset))
            }
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
            } else {
                try recoverColon(key: key, keyStart: keyOffset)
            }
            skipWhitespace()
            let value = depth == 1 && key == condensed && index < bytes.count && bytes[index] == UInt8(ascii: "[")
                ? try parseLastElement() : unbuilt != nil && depth > 1 && key == unbuilt ? try unbuiltValue() : try parseValue()
            if closedEarly { throw .stopped }
            let valueStart = value.offset
            members.append(JSONMember(key: key, keyOffset: keyOffset, node: value))
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                comma = index
                index += 1
                continue
            }
            if index >= bytes.count || bytes[index] != UInt8(ascii: "}") {
                // Out of line, so the loop above stays as lean as it was before recovery.
                comma = try recoverAfterMember(key: members[members.count - 1].key, objectStart: start, valueStart: valueStart)
                if comma != Int.min { continue }
            }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        try enter()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        var comma = -1
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                try record(trailingCommaInList(at: comma))
                index += 1
                depth -= 1
                return .array(elements)
            }
            let element = try parseValue()
            closedEarly = false
            let elementStart = element.offset
            elements.append(element)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                comma = index
                index += 1
                continue
            }
            if index >= bytes.count || bytes[index] != UInt8(ascii: "]") {
                comma = try recoverAfterElement(arrayStart: start, elementStart: elementStart)
                if comma != Int.min { continue }
            }
            index += 1
            depth -= 1
            return .array(elements)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard index + count <= bytes.count else { throw unexpected(SyntaxMessages.expectedLiteral("\(literal)")) }
        for offset in 0..<count where bytes[index + offset] != text[offset] {
            throw unexpected(SyntaxMessages.expectedValueMeaning("\(literal)"))
        }
        index += count
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected(SyntaxMessages.expectedDigit) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw unexpected(SyntaxMessages.leadingZero) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected(SyntaxMessages.expectedDigitAfterPoint) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw unexpected(SyntaxMessages.expectedDigitInExponent) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: no escapes.
        index = plainTextEnd(from: contentStart)
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
            index += 1
            return text
        }
        guard index < bytes.count else {
            try record(unterminatedText(start: start))
            throw .stopped
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 2
                    let shown: LocalizedMessage = escape >= 0x21 && escape < 0x7F ? .verbatim("\\\(Character(Unicode.Scalar(escape)))") : SyntaxMessages.thisEscape
                    try record(JSONSyntaxError(SyntaxMessages.badEscape(shown), offset: index))
                    scalars.append(0x5C)
                    index += 1
                }
            default:
                if byte < 0x20, try controlCharacterEnds(byte, contentStart: contentStart) {
                    return String(decoding: scalars, as: UTF8.self)
                }
                scalars.append(byte)
                index += 1
            }
        }
        try record(unterminatedText(start: start))
        throw .stopped
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw unexpected(SyntaxMessages.expectedHexDigits) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw unexpected(SyntaxMessages.expectedHexDigits)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try parseHex4()
        if first >= 0xD800 && first < 0xDC00 {
            // A high surrogate must be followed by \uDC00-\uDFFF.
            if index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let second = try parseHex4()
                if second >= 0xDC00 && second < 0xE000,
                   let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                    return scalar
                }
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }
}
