/// Checking JSON without building nodes: the same rules and the same errors as parsing, for
/// values a reader does not need (`JSONParser.parse(_:keepingLastOf:)`).
extension Parser {
    /// An array whose elements are all checked but only the last is kept as a node.
    mutating func parseLastElement() throws(JSONSyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONNode(.array([]), offset: start)
        }
        var lastStart = index
        var comma = -1
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw trailingCommaInList(at: comma)
            }
            lastStart = index
            try skipValue()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                comma = index
                index += 1
                continue
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { break }
            throw afterElementProblem(arrayStart: start, elementStart: lastStart).error
        }
        // The last element again, as a node; it was checked already, so this cannot fail.
        let end = index + 1
        index = lastStart
        let last = try parseValue()
        index = end
        depth -= 1
        return JSONNode(.array([last]), offset: start)
    }

    /// A value checked as `parseValue` would, standing as `null` at its place.
    mutating func unbuiltValue() throws(JSONSyntaxError) -> JSONNode {
        let start = index
        try skipValue()
        return JSONNode(.null, offset: start)
    }

    /// Checks one value as `parseValue` would, building nothing.
    mutating func skipValue() throws(JSONSyntaxError) {
        guard index < bytes.count else { throw unexpected(SyntaxMessages.expectedValue) }
        switch bytes[index] {
        case UInt8(ascii: "{"): try skipObject()
        case UInt8(ascii: "["): try skipArray()
        case UInt8(ascii: "\""): try skipString()
        default:
            _ = try parseValue()
        }
    }

    /// A string's bytes up to its closing quote; one with escapes goes through `parseString`.
    /// Returns whether it had escapes (or ended without its quote).
    @discardableResult
    mutating func skipString() throws(JSONSyntaxError) -> Bool {
        let start = index
        index = plainTextEnd(from: start + 1)
        if index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return false
            }
            if byte < 0x20 { throw controlCharacterProblem(byte, contentStart: start + 1).error }
        }
        index = start
        _ = try parseString()
        return true
    }

    /// The index of the first byte from `start` on that ends a text's plain run: a quote, a
    /// backslash or a control character (below 0x20); `bytes.count` when there is none.
    /// Eight bytes at a time: each test below sets the high bit of the lowest byte of the word
    /// that is a quote, a backslash or below 0x20 (the well-known "has zero byte" trick; bits
    /// above the lowest may be set wrongly, the lowest never is), so the lowest set bit is the
    /// first such byte. The last few bytes of the input go one at a time.
    func plainTextEnd(from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= bytes.count {
                // In little-endian order whatever the machine's: the first byte is the lowest.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
                let hits = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
                let first = hits & highs
                if first != 0 { return index + first.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    mutating func skipObject() throws(JSONSyntaxError) {
        let start = index
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        let keysStart = skippedKeyCount
        defer { skippedKeyCount = keysStart }
        var comma = -1
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw keyStartProblem(objectStart: start, comma: comma).error
            }
            let keyOffset = index
            let escaped = try skipString()
            let key = SkippedKey(start: keyOffset, end: index, escaped: escaped)
            var earlier = keysStart
            while earlier < skippedKeyCount {
                if try sameKey(skippedKeys[earlier], key) {
                    throw JSONSyntaxError(SyntaxMessages.duplicateKey(try keyText(key)), offset: keyOffset)
                }
                earlier += 1
            }
            if skippedKeyCount < skippedKeys.count {
                skippedKeys[skippedKeyCount] = key
            } else {
                skippedKeys.append(key)
            }
            skippedKeyCount += 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw colonProblem(key: try keyText(key), keyStart: keyOffset).error
            }
            index += 1
            skipWhitespace()
            let valueStart = index
            try skipValue()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                comma = index
                index += 1
                continue
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return
            }
            throw afterMemberProblem(key: try keyText(key), objectStart: start, valueStart: valueStart).error
        }
    }

    /// Whether two keys of a skipped object are the same text: byte for byte, or, when either
    /// holds an escape, as decoded.
    mutating func sameKey(_ first: SkippedKey, _ second: SkippedKey) throws(JSONSyntaxError) -> Bool {
        if first.escaped || second.escaped { return try keyText(first) == keyText(second) }
        let length = first.end - first.start
        guard length == second.end - second.start else { return false }
        var offset = 0
        while offset < length {
            if bytes[first.start + offset] != bytes[second.start + offset] { return false }
            offset += 1
        }
        return true
    }

    /// A skipped key's text, decoded (for a comparison with escapes, or a message).
    mutating func keyText(_ key: SkippedKey) throws(JSONSyntaxError) -> String {
        let resume = index
        defer { index = resume }
        index = key.start
        return try parseString()
    }

    mutating func skipArray() throws(JSONSyntaxError) {
        let start = index
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        var comma = -1
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw trailingCommaInList(at: comma)
            }
            let elementStart = index
            try skipValue()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                comma = index
                index += 1
                continue
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return
            }
            throw afterElementProblem(arrayStart: start, elementStart: elementStart).error
        }
    }
}

/// Where a key of a skipped object lies: from its opening quote to just after its closing one.
struct SkippedKey {
    var start: Int
    var end: Int
    /// Whether the key holds an escape: then it is compared as decoded text.
    var escaped: Bool
}
