/// Lays out the argument parser's help and usage text for a terminal of any width ≥ 20: the
/// parser renders it unwrapped (`renderWidth`), this wraps it at word boundaries, with every
/// option's and subcommand's description starting in one column. When the labels leave too
/// little room, each description goes under its label instead.
public enum HelpLayout {
    /// The width to ask the parser for, so that it breaks no line itself.
    public static let renderWidth = 100_000
    /// The parser's label column (`HelpGenerator.labelColumnWidth`).
    static let labelField = 26

    private enum Line {
        case blank
        case text(String)
        case entry(label: String, description: String)
    }

    /// A heading, rows of a word and what it does, and a closing line, with every description
    /// starting in one column (two past the longest word): the in-course help, which the session
    /// fits to the terminal with `fitted(table:width:)`.
    public static func table(_ heading: String, _ rows: [(String, String)], _ closing: String) -> String {
        let column = (rows.map(\.0.count).max() ?? 0) + 2
        let lines = rows.map { "  " + $0.0 + String(repeating: " ", count: column - $0.0.count) + $0.1 }
        return ([heading] + lines + [closing]).joined(separator: "\n")
    }

    /// A `table` wrapped to `width`: a description continues in its column, or, when the words
    /// leave it less than half the width, every description goes under its word.
    public static func fitted(table text: String, width: Int) -> String {
        let width = max(width, TerminalInfo.minimumWidth)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let rows = lines.map { line -> (label: Substring, description: Substring)? in
            guard line.hasPrefix("  "), let gap = line.dropFirst(2).range(of: "  ") else { return nil }
            return (line[line.index(line.startIndex, offsetBy: 2)..<gap.lowerBound], line[gap.lowerBound...].drop { $0 == " " })
        }
        let column = 2 + (rows.compactMap { $0?.label.count }.max() ?? 0) + 2
        var output: [String] = []
        for (line, row) in zip(lines, rows) {
            guard let row else {
                output += TextLayout.lines(line, width: width, firstIndent: "", indent: "")
                continue
            }
            if column > width / 2 {
                output.append("  " + row.label)
                output += TextLayout.lines(row.description, width: width, firstIndent: "      ", indent: "      ")
            } else {
                let first = "  " + row.label + String(repeating: " ", count: column - 2 - row.label.count)
                output += TextLayout.lines(row.description, width: width, firstIndent: first, indent: String(repeating: " ", count: column))
            }
        }
        return output.joined(separator: "\n")
    }

    /// `text` as rendered at `renderWidth`, laid out for `width` columns.
    public static func layout(_ text: String, width: Int) -> String {
        let width = max(width, TerminalInfo.minimumWidth)
        var lines: [Line] = []
        var inSection = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let isIndented = line.hasPrefix("  ") && line.dropFirst(2).first.map { $0 != " " } == true
            if line.allSatisfy({ $0 == " " }) {
                lines.append(.blank)
                inSection = false
            } else if !line.hasPrefix(" "), line.hasSuffix(":"), line.uppercased() == line {
                // OPTIONS:, ARGUMENTS:, SUBCOMMANDS: start a list of entries up to the next blank line.
                lines.append(.text(line))
                inSection = true
            } else if inSection, line.hasPrefix("    "), case .entry(let label, let description)? = lines.last {
                // The parser's continuation of a description, or a description under a long label.
                let more = line.trimmingCharacters(in: .whitespaces)
                lines[lines.count - 1] = .entry(label: label, description: description.isEmpty ? more : description + " " + more)
            } else if inSection, isIndented {
                // The parser pads labels to a 26-column field; a description starts after it.
                let characters = Array(line)
                if characters.count > labelField, characters[labelField - 1] == " " {
                    lines.append(.entry(label: String(characters[..<labelField]).trimmingCharacters(in: .whitespaces),
                                        description: String(characters[labelField...]).trimmingCharacters(in: .whitespaces)))
                } else {
                    lines.append(.entry(label: line.trimmingCharacters(in: .whitespaces), description: ""))
                }
            } else {
                lines.append(.text(line))
            }
        }
        let labels = lines.compactMap { line -> Int? in
            if case .entry(let label, _) = line { return label.count }
            return nil
        }
        let column = 2 + (labels.max() ?? 0) + 2
        let stacked = column > width / 2
        var output: [String] = []
        for line in lines {
            switch line {
            case .blank:
                output.append("")
            case .text(let text):
                let indent = String(text.prefix { $0 == " " })
                let body = text.dropFirst(indent.count)
                // A usage line continues indented; a paragraph keeps its left edge.
                let hanging = body.hasPrefix("USAGE: ") || body.hasPrefix("Usage: ") ? "  " : ""
                output += TextLayout.lines(body, width: width, firstIndent: indent, indent: indent + hanging)
            case .entry(let label, let description):
                // A word longer than the description column would have to be cut: this entry
                // goes under its label instead, where the whole width is free.
                let longestWord = description.split(separator: " ").map(\.count).max() ?? 0
                if stacked || longestWord > width - column {
                    output += TextLayout.lines(Substring(label), width: width, firstIndent: "  ", indent: "    ")
                    if !description.isEmpty {
                        output += TextLayout.lines(Substring(description), width: width, firstIndent: "      ", indent: "      ")
                    }
                } else {
                    let first = "  " + label + String(repeating: " ", count: column - 2 - label.count)
                    output += TextLayout.lines(Substring(description), width: width, firstIndent: first,
                                               indent: String(repeating: " ", count: column))
                        .map { $0.hasSuffix(" ") ? String($0.reversed().drop { $0 == " " }.reversed()) : $0 }
                }
            }
        }
        return output.joined(separator: "\n")
    }
}
