/// Reads the plain-text (Markdown) course format into the same located JSON tree the JSON
/// format parses into, so `CourseDecoder`, `CourseValidator` and the structure hash apply
/// unchanged and every problem is located in the `.md` file. docs/authoring.md describes the
/// format; `TextCourseWriter` writes it.
///
/// Lines, one field each:
/// - `# Course ID`, `## Policy`, `## Guideline ID`, `## Pool ID`, `## Scenario ID` start the course and its parts;
/// - `- ID (guideline +2, other -1, critical)` starts an option of the scenario above, and the
///   indented lines under it are the option's fields;
/// - `name: text` and `name LANG: text` set a text (or a number, yes/no, list where the field is one);
/// - `name = JSON` and `name LANG = JSON` set any value written as JSON (the fallback that
///   carries every field, including ones this format has no words for).
public enum TextCourseReader {
    /// The most problems `CourseLoader` reports for one text file.
    public static let maximumProblems = 50

    /// A located syntax problem of the text format.
    public struct Problem: Sendable, Equatable {
        public var wording: LocalizedMessage
        /// The message in English.
        public var message: String { wording.en }
        public var offset: Int
    }

    /// The course document, and the lines that could not be read (skipped, each reported).
    public static func parse(_ bytes: [UInt8]) -> (root: JSONNode, problems: [Problem]) {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            return (JSONNode(.object([])), [Problem(wording: TextCourseMessages.notUTF8(badByte: String(bytes[bad], radix: 16, uppercase: true)), offset: bad)])
        }
        var reader = Reader(bytes: bytes)
        reader.readAll()
        return (reader.root(), reader.problems)
    }

    /// How `name: text` reads as field `key` (a number, yes/no, a list, or text), or nil when the
    /// text would be refused; `TextCourseWriter` checks with it that a line reads back the same.
    static func value(of text: String, field key: String) -> JSONNode? {
        var reader = Reader(bytes: [])
        let node = reader.typed(text, key: key, at: 0)
        return reader.problems.isEmpty ? node : nil
    }

    /// Fields whose `name: value` is a number, yes/no, or a comma-separated list, by name.
    static let numberFields: Set = ["draw", "dueWithinDays", "overall", "perGuideline"]
    static let booleanFields: Set = ["shuffleOptions", "shufflePools", "critical", "noCritical"]
    static let listFields: Set = ["languages", "scenarios"]
    /// The members `passing: overall 80, perGuideline 60, noCritical yes` may name.
    static let passingFields: Set = ["overall", "perGuideline", "noCritical"]
    /// The section headings and the array of the course each adds to.
    static let sections = ["Guideline": "guidelines", "Pool": "pools", "Scenario": "scenarios"]
}

/// One field line read: `key` (and `language`) at `keyOffset`, and the member it adds.
private struct Field {
    var key: String
    var keyOffset: Int
    var language: String?
    var member: JSONMember
}

/// One object being built: its members in order, where it started.
private struct Building {
    var offset: Int
    var members: [JSONMember] = []

    func node() -> JSONNode { JSONNode(.object(members), offset: offset) }
}

private struct Reader {
    let bytes: [UInt8]
    var problems: [TextCourseReader.Problem] = []
    var course = Building(offset: 0)
    /// Finished sections per course array name, in order; the offset of the first.
    var sections: [String: [JSONNode]] = [:]
    var sectionOrder: [String] = []
    var sectionOffsets: [String: Int] = [:]
    /// The section being read (`## …`), its array name, and its options (scenarios only).
    var section: (array: String, object: Building)?
    var options: [JSONNode] = []
    var optionsOffset = 0
    var option: Building?

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func readAll() {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var last = end
            if last > start, bytes[last - 1] == 0x0D { last -= 1 }
            read(line: bytes[start..<last], at: start)
            start = end + 1
        }
        finishSection()
    }

    mutating func problem(_ wording: LocalizedMessage, at offset: Int) {
        problems.append(TextCourseReader.Problem(wording: wording, offset: offset))
    }

    mutating func read(line: ArraySlice<UInt8>, at offset: Int) {
        let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
        guard indent < line.count else { return }  // blank
        let utf8 = line.dropFirst(indent)
        let at = offset + indent
        if utf8.starts(with: Array("<!--".utf8)) { return }  // a comment for the authors
        let first = utf8.first, second = utf8.dropFirst().first
        if indent == 0, first == UInt8(ascii: "#") {
            heading(String(decoding: utf8, as: UTF8.self), at: at)
        } else if first == UInt8(ascii: "-"), second == nil || second == 0x20 {
            startOption(String(decoding: utf8, as: UTF8.self), at: at)
        } else if indent > 0, option != nil {
            if let member = field(utf8, at: at), var target = option {
                option = nil  // the only reference while it grows
                add(member, to: &target)
                option = target
            }
        } else {
            finishOption()
            guard let member = field(utf8, at: at) else { return }
            if var target = section {
                section = nil
                add(member, to: &target.object)
                section = target
            } else {
                var target = course
                course = Building(offset: 0)
                add(member, to: &target)
                course = target
            }
        }
    }

    // MARK: Headings

    mutating func heading(_ text: String, at offset: Int) {
        let level = text.prefix { $0 == "#" }.count
        let words = text.dropFirst(level).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let keyword = words.first.map(String.init) ?? ""
        let idText = words.count > 1 ? String(words[1]).trimmingSpaces : nil
        let idOffset = offset + text.utf8.count - (words.count > 1 ? String(words[1]).utf8.count : 0)
        if level == 1, keyword == "Course" {
            if section != nil { problem(TextCourseMessages.courseFirst, at: offset) }
            if let idText {
                var target = course
                add(Field(key: "id", keyOffset: offset, language: nil, member: member("id", idText, keyOffset: offset, valueOffset: idOffset)), to: &target)
                course = target
            }
        } else if level == 2, keyword == "Policy" {
            // One policy per course: an object of the course, not an entry of a list.
            finishSection()
            if idText != nil { problem(TextCourseMessages.policyTakesNoID, at: idOffset) }
            if course.members.contains(where: { $0.key == "policy" }) { problem(TextCourseMessages.givenTwice("policy"), at: offset) }
            section = ("policy", Building(offset: offset))
        } else if level == 2, let array = TextCourseReader.sections[keyword] {
            finishSection()
            var object = Building(offset: offset)
            if let idText { object.members.append(member("id", idText, keyOffset: offset, valueOffset: idOffset)) }
            section = (array, object)
        } else {
            problem(TextCourseMessages.badHeading(String(text.prefix(60))), at: offset)
        }
    }

    func member(_ key: String, _ text: String, keyOffset: Int, valueOffset: Int) -> JSONMember {
        JSONMember(key: key, keyOffset: keyOffset, node: JSONNode(.string(text), offset: valueOffset))
    }

    mutating func finishSection() {
        finishOption()
        guard let array = section?.array, var object = section?.object else { return }
        if array == "policy" {
            if !course.members.contains(where: { $0.key == "policy" }) {
                course.members.append(JSONMember(key: array, keyOffset: object.offset, node: object.node()))
            }
            section = nil
            return
        }
        if !options.isEmpty {
            object.members.append(JSONMember(key: "options", keyOffset: optionsOffset, node: JSONNode(.array(options), offset: optionsOffset)))
        }
        if sections[array] == nil { sectionOrder.append(array); sectionOffsets[array] = object.offset }
        sections[array, default: []].append(object.node())
        section = nil
        options = []
    }

    // MARK: Options

    mutating func startOption(_ text: String, at offset: Int) {
        finishOption()
        guard let current = section, current.array == "scenarios" else {
            problem(TextCourseMessages.optionOutsideScenario, at: offset)
            return
        }
        if options.isEmpty { optionsOffset = offset }
        var building = Building(offset: offset)
        let rest = Array(text.utf8.dropFirst(1))
        var index = rest.prefix { $0 == 0x20 }.count
        let idStart = index
        while index < rest.count, rest[index] != 0x20, rest[index] != UInt8(ascii: "(") { index += 1 }
        if index > idStart {
            let id = String(decoding: rest[idStart..<index], as: UTF8.self)
            building.members.append(member("id", id, keyOffset: offset, valueOffset: offset + 1 + idStart))
        }
        while index < rest.count, rest[index] == 0x20 { index += 1 }
        if index < rest.count {
            let tail = String(decoding: rest[index...], as: UTF8.self)
            let tailOffset = offset + 1 + index
            if tail.hasPrefix("("), tail.hasSuffix(")") {
                scores(String(tail.dropFirst().dropLast()), at: tailOffset, into: &building)
            } else {
                problem(TextCourseMessages.badOptionTail(String(tail.prefix(60))), at: tailOffset)
            }
        }
        option = building
    }

    /// `guideline +2, other -1, critical` → `"scores"` and `"critical": true`.
    mutating func scores(_ inner: String, at offset: Int, into option: inout Building) {
        var members: [JSONMember] = []
        var position = offset + 1
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let partOffset = position + part.utf8.prefix { $0 == 0x20 }.count
            position += part.utf8.count + 1
            let words = part.split(separator: " ")
            if words.isEmpty { continue }
            if words.count == 1, words[0] == "critical" {
                option.members.append(JSONMember(key: "critical", keyOffset: partOffset, node: JSONNode(.bool(true), offset: partOffset)))
                continue
            }
            guard words.count == 2 else {
                problem(TextCourseMessages.badScore(String(part.trimmingSpaces.prefix(60))), at: partOffset)
                continue
            }
            let key = String(words[0])
            var number = String(words[1])
            let numberOffset = partOffset + part.trimmingSpaces.utf8.count - number.utf8.count
            if number.hasPrefix("+") { number.removeFirst() }
            let value: JSONValue = Self.isNumber(number) ? .number(number) : .string(String(words[1]))
            members.append(JSONMember(key: key, keyOffset: partOffset, node: JSONNode(value, offset: numberOffset)))
        }
        option.members.append(JSONMember(key: "scores", keyOffset: offset, node: JSONNode(.object(members), offset: offset)))
    }

    mutating func finishOption() {
        if let option { options.append(option.node()) }
        option = nil
    }

    // MARK: Fields

    /// `name: text`, `name LANG: text`, `name = JSON` or `name LANG = JSON`.
    mutating func field(_ line: ArraySlice<UInt8>, at offset: Int) -> Field? {
        let utf8 = Array(line)
        var text: String { String(decoding: utf8, as: UTF8.self) }
        var index = 0
        func word() -> String? {
            let start = index
            while index < utf8.count, utf8[index] != 0x20, utf8[index] != UInt8(ascii: ":"), utf8[index] != UInt8(ascii: "=") { index += 1 }
            return index > start ? String(decoding: utf8[start..<index], as: UTF8.self) : nil
        }
        guard let key = word() else {
            problem(TextCourseMessages.notALine, at: offset)
            return nil
        }
        var language: String?
        var languageOffset = offset
        if index < utf8.count, utf8[index] == 0x20 {
            while index < utf8.count, utf8[index] == 0x20 { index += 1 }
            languageOffset = offset + index
            language = word()
            while index < utf8.count, utf8[index] == 0x20 { index += 1 }
        }
        guard index < utf8.count, utf8[index] == UInt8(ascii: ":") || utf8[index] == UInt8(ascii: "=") else {
            problem(TextCourseMessages.notAField(String(text.prefix(40))), at: offset)
            return nil
        }
        let isJSON = utf8[index] == UInt8(ascii: "=")
        index += 1
        while index < utf8.count, utf8[index] == 0x20 || utf8[index] == 0x09 { index += 1 }
        let valueOffset = offset + index
        var end = utf8.count
        while end > index, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
        let valueText = String(decoding: utf8[index..<end], as: UTF8.self)
        let value: JSONNode
        if isJSON {
            do {
                value = Self.shifted(try JSONParser.parse(Array(valueText.utf8)), by: valueOffset)
            } catch {
                problem(TextCourseMessages.valueNotJSON(error.wording), at: valueOffset + error.offset)
                return nil
            }
        } else {
            value = typed(valueText, key: language == nil ? key : "", at: valueOffset)
        }
        return Field(key: key, keyOffset: offset, language: language,
                     member: JSONMember(key: language ?? key, keyOffset: language == nil ? offset : languageOffset, node: value))
    }

    /// A `name: value`'s value as the field needs it; what is not, stays text for the decoder to name.
    mutating func typed(_ text: String, key: String, at offset: Int) -> JSONNode {
        if TextCourseReader.numberFields.contains(key), Self.isNumber(text) { return JSONNode(.number(text), offset: offset) }
        if TextCourseReader.booleanFields.contains(key), let flag = Self.flag(text) { return JSONNode(.bool(flag), offset: offset) }
        if TextCourseReader.listFields.contains(key) {
            var elements: [JSONNode] = []
            var position = offset
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let lead = part.utf8.prefix { $0 == 0x20 }.count
                elements.append(JSONNode(.string(part.trimmingSpaces), offset: position + lead))
                position += part.utf8.count + 1
            }
            return JSONNode(.array(text.isEmpty ? [] : elements), offset: offset)
        }
        if key == "passing" { return passing(text, at: offset) }
        return JSONNode(.string(text), offset: offset)
    }

    /// `overall 80, perGuideline 60, noCritical yes`.
    mutating func passing(_ text: String, at offset: Int) -> JSONNode {
        var members: [JSONMember] = []
        var position = offset
        for part in text.split(separator: ",") {
            let partOffset = position + part.utf8.prefix { $0 == 0x20 }.count
            position += part.utf8.count + 1
            let words = part.split(separator: " ").map(String.init)
            guard words.count == 2, TextCourseReader.passingFields.contains(words[0]) else {
                problem(TextCourseMessages.badPassing(String(part.trimmingSpaces.prefix(60))), at: partOffset)
                continue
            }
            let valueOffset = partOffset + words[0].utf8.count + 1
            let value: JSONValue = if words[0] == "noCritical" {
                Self.flag(words[1]).map(JSONValue.bool) ?? .string(words[1])
            } else {
                Self.isNumber(words[1]) ? .number(words[1]) : .string(words[1])
            }
            members.append(JSONMember(key: words[0], keyOffset: partOffset, node: JSONNode(value, offset: valueOffset)))
        }
        return JSONNode(.object(members), offset: offset)
    }

    /// Adds a field to an object: `name LANG` fields gather into one object per name.
    mutating func add(_ field: Field, to object: inout Building) {
        let (key, language, member) = (field.key, field.language, field.member)
        let existing = object.members.firstIndex { $0.key == key }
        guard let language else {
            if existing != nil { problem(TextCourseMessages.givenTwice(key), at: member.keyOffset) } else { object.members.append(member) }
            return
        }
        guard let existing else {
            object.members.append(JSONMember(key: key, keyOffset: field.keyOffset, node: JSONNode(.object([member]), offset: field.keyOffset)))
            return
        }
        guard case .object(var texts) = object.members[existing].node.value else {
            problem(TextCourseMessages.givenTwiceWithoutLanguage(key), at: member.keyOffset)
            return
        }
        if texts.contains(where: { $0.key == language }) {
            problem(TextCourseMessages.givenTwice("\(key) \(language)"), at: member.keyOffset)
            return
        }
        texts.append(member)
        object.members[existing].node.value = .object(texts)
    }

    func root() -> JSONNode {
        var members = course.members
        for array in sectionOrder {
            let offset = sectionOffsets[array] ?? 0
            if members.contains(where: { $0.key == array }) { continue }  // given as `name = [...]`; reported below
            members.append(JSONMember(key: array, keyOffset: offset, node: JSONNode(.array(sections[array] ?? []), offset: offset)))
        }
        return JSONNode(.object(members), offset: 0)
    }

    static func isNumber(_ text: String) -> Bool {
        guard let number = try? JSONParser.parse(Array(text.utf8)), case .number = number.value else { return false }
        return true
    }

    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "ja": true
        case "no", "false", "nee": false
        default: nil
        }
    }

    /// A node parsed from a slice of the file, with its offsets moved to the file's.
    static func shifted(_ node: JSONNode, by base: Int) -> JSONNode {
        let value: JSONValue = switch node.value {
        case .array(let elements): .array(elements.map { shifted($0, by: base) })
        case .object(let members):
            .object(members.map { JSONMember(key: $0.key, keyOffset: $0.keyOffset + base, node: shifted($0.node, by: base)) })
        default: node.value
        }
        return JSONNode(value, offset: node.offset + base)
    }
}
