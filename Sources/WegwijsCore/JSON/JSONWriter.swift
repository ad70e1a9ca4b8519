import Foundation

/// Writes a JSON value with two-space indentation, keys in the given order.
public enum JSONWriter {
    /// A whole document as a course file holds it: `value` pretty-printed, with a final newline.
    public static func document(_ value: JSONValue) -> String {
        var output = ""
        writePretty(value, indent: 0, to: &output)
        return output + "\n"
    }

    /// Appends `value` pretty-printed; arrays of strings stay on one line.
    public static func writePretty(_ value: JSONValue, indent: Int, to output: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): output += quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            if elements.allSatisfy({ $0.string != nil }) {
                output += "[" + elements.compactMap { $0.string.map(quoted) }.joined(separator: ", ") + "]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += pad
                writePretty(element.value, indent: indent + 1, to: &output)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += pad + quoted(member.key) + ": "
                writePretty(member.node.value, indent: indent + 1, to: &output)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += closePad + "}"
        }
    }

    /// JSON text from another writer (`JSONEncoder`) with the characters `ControlCharacters`
    /// names escaped as `\uXXXX`; outside strings JSON holds none of them, so the text stays valid.
    public static func escapingControlCharacters(_ json: String) -> String {
        guard ControlCharacters.contains(in: json) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if ControlCharacters.isControl(scalar), scalar != "\n" {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A JSON string literal; every character `ControlCharacters` names (C0, DEL, C1, bidi
    /// overrides and isolates, U+2028/U+2029, which also break JavaScript readers) is escaped.
    public static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where ControlCharacters.isControl(control):
                text += String(format: "\\u%04x", control.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
