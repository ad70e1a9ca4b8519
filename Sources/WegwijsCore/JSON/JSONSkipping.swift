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
    mutating func skipString() throws(JSONSyntaxError) {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterProblem(byte, contentStart: start + 1).error }
            index += 1
        }
        index = start
        _ = try parseString()
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
        let keysStart = skippedKeys.count
        defer { skippedKeys.removeLast(skippedKeys.count - keysStart) }
        var comma = -1
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw keyStartProblem(objectStart: start, comma: comma).error
            }
            let keyOffset = index
            try skipString()
            let key = SkippedKey(start: keyOffset, end: index)
            var earlier = keysStart
            while earlier < skippedKeys.count {
                if try sameKey(skippedKeys[earlier], key) {
                    throw JSONSyntaxError(SyntaxMessages.duplicateKey(try keyText(key)), offset: keyOffset)
                }
                earlier += 1
            }
            skippedKeys.append(key)
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
        if hasEscape(first) || hasEscape(second) { return try keyText(first) == keyText(second) }
        let length = first.end - first.start
        guard length == second.end - second.start else { return false }
        var offset = 0
        while offset < length {
            if bytes[first.start + offset] != bytes[second.start + offset] { return false }
            offset += 1
        }
        return true
    }

    func hasEscape(_ key: SkippedKey) -> Bool {
        var offset = key.start
        while offset < key.end {
            if bytes[offset] == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
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
}
