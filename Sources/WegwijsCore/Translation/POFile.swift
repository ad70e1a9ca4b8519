/// One entry read from a translation file, with the line it starts on (for messages).
public struct TranslationEntry: Sendable, Equatable {
    public var key: String
    public var source: String
    public var target: String
    public var line: Int
}

/// Why a translation file could not be read.
public struct TranslationFileError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// GNU gettext PO files: `msgctxt` holds the key, `msgid` the source text at export, `msgstr`
/// the translation (empty when there is none yet).
public enum POFile {
    public static func write(_ units: [TranslationUnit], course: String, source: String, target: String) -> String {
        var output = """
        # Translation of course \(course) from \(source) to \(target), written by wegwijs translate export.
        # Keep msgctxt and msgid as they are; write the translation in msgstr.
        msgid ""
        msgstr ""
        "Project-Id-Version: \(course)\\n"
        "PO-Revision-Date: 2000-01-01 00:00+0000\\n"
        "Last-Translator: \\n"
        "Language-Team: \(target)\\n"
        "MIME-Version: 1.0\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Content-Transfer-Encoding: 8bit\\n"
        "Language: \(target)\\n"
        "X-Wegwijs-Course: \(course)\\n"
        "X-Wegwijs-Source-Language: \(source)\\n"

        """
        for unit in units {
            output += "\nmsgctxt \(quoted(unit.key))\nmsgid \(quoted(unit.source))\nmsgstr \(quoted(unit.target ?? ""))\n"
        }
        return output
    }

    /// A PO string literal; a multi-line text is split after each newline, as gettext does.
    static func quoted(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return "\"\(escaped(text))\"" }
        var parts = lines.enumerated().map { index, line in
            escaped(String(line)) + (index < lines.count - 1 ? "\\n" : "")
        }
        if parts.last == "" { parts.removeLast() }
        return "\"\"\n" + parts.map { "\"\($0)\"" }.joined(separator: "\n")
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// The entries of a PO file, the header left out.
    public static func read(_ text: String) throws(TranslationFileError) -> [TranslationEntry] {
        var entries: [TranslationEntry] = []
        var fields: [String: String] = [:]
        var current: String?
        var start = 0
        func finish() throws(TranslationFileError) {
            defer { fields = [:]; current = nil }
            guard !fields.isEmpty else { return }
            guard let source = fields["msgid"], let target = fields["msgstr"] else {
                throw TranslationFileError(line: start, message: "an entry needs both msgid and msgstr")
            }
            if source.isEmpty && fields["msgctxt"] == nil { return }
            guard let key = fields["msgctxt"] else {
                throw TranslationFileError(line: start, message: "an entry has no msgctxt (the key of the text)")
            }
            entries.append(TranslationEntry(key: key, source: source, target: target, line: start))
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces
            let number = index + 1
            if line.isEmpty { try finish(); continue }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("\"") {
                guard let current else { throw TranslationFileError(line: number, message: "a quoted line outside msgctxt, msgid or msgstr") }
                fields[current, default: ""] += try unquoted(line, line: number)
                continue
            }
            let keyword = String(line.prefix { $0 != " " && $0 != "\t" })
            guard ["msgctxt", "msgid", "msgstr"].contains(keyword) else {
                throw TranslationFileError(line: number, message: "unknown keyword '\(keyword)' (expected msgctxt, msgid or msgstr)")
            }
            if keyword == "msgctxt" || (keyword == "msgid" && fields["msgctxt"] == nil) {
                try finish()
                start = number
            }
            if fields[keyword] != nil { throw TranslationFileError(line: number, message: "\(keyword) appears twice in one entry") }
            current = keyword
            fields[keyword] = try unquoted(line.dropFirst(keyword.count).trimmingSpaces, line: number)
        }
        try finish()
        return entries
    }

    static func unquoted(_ literal: Substring, line: Int) throws(TranslationFileError) -> String {
        guard literal.count >= 2, literal.first == "\"", literal.last == "\"" else {
            throw TranslationFileError(line: line, message: "expected a text in double quotes")
        }
        var result = ""
        var escaping = false
        for character in literal.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\\", "\"": result.append(character)
                default: throw TranslationFileError(line: line, message: "unknown escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                throw TranslationFileError(line: line, message: "a quote inside a text must be written \\\"")
            } else {
                result.append(character)
            }
        }
        if escaping { throw TranslationFileError(line: line, message: "the text ends in a lone backslash") }
        return result
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" && $0 != "\r" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map { index(after: $0) } ?? start
        return start < end ? self[start..<end] : self[start..<start]
    }
}

extension POFile {
    /// The value of a field of a PO file's header, such as `Language`.
    public static func header(_ field: String, of text: String) -> String? {
        guard let range = text.range(of: "\"\(field): ") else { return nil }
        let rest = text[range.upperBound...]
        let value = rest.prefix { $0 != "\\" && $0 != "\"" && $0 != "\n" }
        return value.isEmpty ? nil : String(value)
    }
}
