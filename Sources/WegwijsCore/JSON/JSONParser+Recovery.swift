// How the parser goes on after a syntax problem when it is recovering
// (`JSONParser.problems(in:limit:)`): each of these throws in a strict parse, and otherwise
// records the problem and moves `index` to where parsing can safely go on, or stops.
extension Parser {
    /// After a problem with the colon after a key: thrown in a strict parse; when recovering,
    /// `index` is left where the value starts.
    @inline(never)
    mutating func recoverColon(key: String, keyStart: Int) throws(JSONSyntaxError) {
        var keyStart = keyStart
        while true {
            let problem = colonProblem(key: key, keyStart: keyStart)
            try record(problem.error)
            switch problem.fix {
            case .resume(let offset):
                index = offset
                keyStart = -1
            case .insertColon:
                return
            default:
                throw .stopped
            }
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                return
            }
        }
    }

    /// After a member not followed by `,` or `}`: thrown in a strict parse; when recovering,
    /// the comma's offset (-1 for one taken as missing) with `index` past it, or `Int.min`
    /// with `index` at the `}`.
    @inline(never)
    mutating func recoverAfterMember(key: String, objectStart: Int, valueStart: Int) throws(JSONSyntaxError) -> Int {
        try recoverAfterItem(closedBy: UInt8(ascii: "}"), itemStart: valueStart) { parser, start in
            parser.afterMemberProblem(key: key, objectStart: objectStart, valueStart: start)
        }
    }

    /// After a list item not followed by `,` or `]`, as `recoverAfterMember`.
    @inline(never)
    mutating func recoverAfterElement(arrayStart: Int, elementStart: Int) throws(JSONSyntaxError) -> Int {
        try recoverAfterItem(closedBy: UInt8(ascii: "]"), itemStart: elementStart) { parser, start in
            parser.afterElementProblem(arrayStart: arrayStart, elementStart: start)
        }
    }

    /// The loop both share: record the problem `problem` names for the item that started at
    /// `itemStart` (-1 once the parser has resumed past it), apply its fix, and go on until a
    /// comma or the closing byte comes.
    private mutating func recoverAfterItem(closedBy closing: UInt8, itemStart: Int,
                                           problem: (inout Parser, Int) -> SyntaxProblem) throws(JSONSyntaxError) -> Int {
        var itemStart = itemStart
        while true {
            let found = problem(&self, itemStart)
            try record(found.error)
            switch found.fix {
            case .insertComma:
                return -1
            case .resume(let offset):
                index = offset
                itemStart = -1
            default:
                throw .stopped
            }
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                index += 1
                return index - 1
            }
            if index < bytes.count, bytes[index] == closing { return Int.min }
        }
    }

    /// A control character at `index` inside a text: thrown in a strict parse; when recovering,
    /// kept (false), or the end of the text at a curly quote meant as its end (true, `index` past it).
    mutating func controlCharacterEnds(_ byte: UInt8, contentStart: Int) throws(JSONSyntaxError) -> Bool {
        let problem = controlCharacterProblem(byte, contentStart: contentStart)
        try record(problem.error)
        switch problem.fix {
        case .keep:
            return false
        case .resume(let offset):
            index = offset
            return true
        default:
            throw .stopped
        }
    }
}
