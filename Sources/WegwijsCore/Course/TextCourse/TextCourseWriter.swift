/// Writes a course document in the plain-text (Markdown) format `TextCourseReader` reads.
/// Every value gets its readable form when that form reads back exactly, and the `name = JSON`
/// form otherwise, so JSON → text → JSON keeps the canonical JSON (and the structure hash).
public enum TextCourseWriter {
    /// Why a document cannot be written as text.
    public struct Unwritable: Error, Sendable, Equatable {
        public var message: String
    }

    /// The text form of a course document, checked to read back to the same canonical JSON.
    public static func text(of root: JSONNode) throws(Unwritable) -> String {
        guard let members = root.members else {
            throw Unwritable(message: "the course is not a JSON object, so it has no text form")
        }
        var lines: [String] = []
        var idWritten = false
        if let id = members.first(where: { $0.key == "id" })?.node.string, isPlain(id) {
            lines.append("# Course \(id)")
            idWritten = true
        } else {
            lines.append("# Course")
        }
        var sectionArrays: [(keyword: String, nodes: [JSONNode])] = []
        for member in members {
            if member.key == "id", idWritten { continue }
            // The policy is a `## Policy` section of its own fields, first of the sections.
            if member.key == "policy", let fields = member.node.members, !fields.isEmpty, member.node["id"] == nil {
                sectionArrays.insert(("Policy", [member.node]), at: 0)
                continue
            }
            if let keyword = sectionKeyword[member.key], let nodes = member.node.elements, !nodes.isEmpty,
               nodes.allSatisfy({ $0.members != nil }) {
                sectionArrays.append((keyword, nodes))
                continue
            }
            lines += try fieldLines(member, indent: "")
        }
        for (keyword, nodes) in sectionArrays {
            for node in nodes { lines += try section(keyword, node) }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let (back, problems) = TextCourseReader.parse(Array(text.utf8))
        guard problems.isEmpty, CanonicalJSON.bytes(of: back) == CanonicalJSON.bytes(of: root) else {
            throw Unwritable(message: "the course uses field names the text format cannot write (a name with a space, ':' or '=' in it); keep it as JSON")
        }
        return text
    }

    private static let sectionKeyword = ["guidelines": "Guideline", "pools": "Pool", "scenarios": "Scenario"]

    private static func section(_ keyword: String, _ node: JSONNode) throws(Unwritable) -> [String] {
        let members = node.members ?? []
        var lines = [""]
        var idWritten = false
        if let id = members.first(where: { $0.key == "id" })?.node.string, isPlain(id) {
            lines.append("## \(keyword) \(id)")
            idWritten = true
        } else {
            lines.append("## \(keyword)")
        }
        var options: [JSONNode]?
        for member in members {
            if member.key == "id", idWritten { continue }
            if keyword == "Scenario", member.key == "options", let nodes = member.node.elements, !nodes.isEmpty,
               nodes.allSatisfy({ $0.members != nil }) {
                options = nodes
                continue
            }
            lines += try fieldLines(member, indent: "")
        }
        for option in options ?? [] { lines += try optionLines(option) }
        return lines
    }

    /// `- id (guideline +2, critical)` and the option's other fields, indented.
    private static func optionLines(_ node: JSONNode) throws(Unwritable) -> [String] {
        let members = node.members ?? []
        var head = "-"
        var written: Set<String> = []
        if let id = node["id"]?.string, isToken(id) {
            head += " \(id)"
            written.insert("id")
        }
        if let scores = node["scores"]?.members, scores.allSatisfy({ isToken($0.key) && $0.key != "critical" && isNumber($0.node) }) {
            var parts = scores.map { member -> String in
                guard case .number(let literal) = member.node.value else { return "" }
                return "\(member.key) \(literal.hasPrefix("-") ? literal : "+" + literal)"
            }
            written.insert("scores")
            if case .bool(true) = node["critical"]?.value {
                parts.append("critical")
                written.insert("critical")
            }
            head += " (\(parts.joined(separator: ", ")))"
        }
        var lines = [head]
        for member in members where !written.contains(member.key) {
            lines += try fieldLines(member, indent: "  ")
        }
        return lines
    }

    /// The lines of one field: `name: text`, `name LANG: text` per language, or `name = JSON`.
    private static func fieldLines(_ member: JSONMember, indent: String) throws(Unwritable) -> [String] {
        guard isKey(member.key) else {
            throw Unwritable(message: "the field name '\(member.key.prefix(40))' cannot be written in the text format; keep the course as JSON")
        }
        let key = member.key
        if let texts = member.node.members, !texts.isEmpty, key != "passing", key != "scores",
           texts.allSatisfy({ isToken($0.key) && $0.node.string != nil }) {
            return texts.map { text in
                if let plain = text.node.string, isPlain(plain) { return "\(indent)\(key) \(text.key): \(plain)" }
                return "\(indent)\(key) \(text.key) = \(json(text.node))"
            }
        }
        if let readable = readable(member.node),
           let back = TextCourseReader.value(of: readable, field: key),
           CanonicalJSON.bytes(of: back) == CanonicalJSON.bytes(of: member.node) {
            return ["\(indent)\(key): \(readable)"]
        }
        return ["\(indent)\(key) = \(json(member.node))"]
    }

    /// The readable text of a value, to be checked by reading it back.
    private static func readable(_ node: JSONNode) -> String? {
        switch node.value {
        case .string(let text): return isPlain(text) ? text : nil
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "yes" : "no"
        case .array(let elements):
            let texts = elements.compactMap(\.string)
            guard texts.count == elements.count, !texts.isEmpty, texts.allSatisfy({ isPlain($0) && !$0.contains(",") }) else { return nil }
            return texts.joined(separator: ", ")
        case .object(let members):
            let parts = members.compactMap { member -> String? in
                guard let value = readable(member.node), !value.contains(","), !value.contains(" ") else { return nil }
                return "\(member.key) \(value)"
            }
            return parts.count == members.count && !parts.isEmpty ? parts.joined(separator: ", ") : nil
        case .null: return nil
        }
    }

    private static func json(_ node: JSONNode) -> String {
        if let text = node.string { return JSONWriter.quoted(text) }
        return String(decoding: CanonicalJSON.bytes(of: node), as: UTF8.self)
    }

    private static func isNumber(_ node: JSONNode) -> Bool {
        if case .number = node.value { return true }
        return false
    }

    /// Text that reads back the same after `: `: not empty, no surrounding spaces, one line.
    static func isPlain(_ text: String) -> Bool {
        !text.isEmpty && text.trimmingSpaces == text
            && !text.unicodeScalars.contains { $0.value < 0x20 || ControlCharacters.isControl($0) }
    }

    /// An id or language code written bare: no space, bracket, comma, ':' or '='.
    static func isToken(_ text: String) -> Bool {
        isPlain(text) && !text.unicodeScalars.contains { " (),:=".unicodeScalars.contains($0) }
    }

    /// A field name that a line can start with.
    static func isKey(_ text: String) -> Bool {
        isToken(text) && !text.hasPrefix("#") && !text.hasPrefix("-") && !text.hasPrefix("<!--")
    }
}
