/// Text that came from outside (a course file, a record, the keyboard) made safe to print: a
/// terminal must never take it for a command. Used by the console and by the report's CSV.
public enum ControlCharacters {
    /// Text from a course file, a record or the keyboard with every control character (ESC,
    /// C1 controls, DEL, carriage return) shown as an escape such as `\x1B`; tabs become
    /// spaces and line breaks stay.
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
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "\\x\(hex.count < 2 ? "0" + hex : hex)".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
