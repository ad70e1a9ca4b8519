/// Text that came from outside (a course file, a record, the keyboard) made safe to print: a
/// terminal must never take it for a command, and no character may hide or reorder what is
/// shown around it. Used by the console, stderr messages, the report's CSV and every JSON output.
public enum ControlCharacters {
    /// Text from a course file, a record or the keyboard with every control character (ESC,
    /// C1 controls, DEL, carriage return, bidi overrides, line separators) shown as an escape
    /// such as `\x1B` or `\u{202E}`; tabs become spaces and line breaks stay.
    public static func escaped(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) && scalar != "\n" {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result.append(scalar)
            } else if scalar == "\t" {
                result.append(" ")
            } else if isControl(scalar) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `\x1B` for a byte-sized scalar, `\u{202E}` above.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value <= 0xFF { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
        return "\\u{\(hex)}"
    }

    /// The characters SPEC §9 keeps from reaching a terminal or a reader raw: C0 and C1
    /// controls, DEL, the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
    /// and the Unicode line and paragraph separators (U+2028, U+2029).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return true }
        guard value >= 0x2028 else { return false }
        return value <= 0x202E || (value >= 0x2066 && value <= 0x2069)
    }

    /// Whether any character of `text` is one `isControl` names.
    public static func contains(in text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }
}
