/// A text a course lacks (or has empty) in one of its languages other than its own: a
/// translation under way. The course still loads; a session in that language is refused.
public struct MissingText: Sendable, Hashable {
    public var language: String
    /// The text's JSON Pointer: `/scenarios/3/options/1/text`.
    public var pointer: String
    /// True when the text is there but empty.
    public var isEmpty: Bool

    public init(language: String, pointer: String, isEmpty: Bool) {
        self.language = language
        self.pointer = pointer
        self.isEmpty = isEmpty
    }
}

/// How missing texts are reported: one warning per scenario, guideline or the course's own
/// texts for `validate`, and one located error per text when a session asks for the language.
public enum MissingTexts {
    /// One warning per part of the course (its own texts, each guideline, each scenario with its
    /// options), at the first text it lacks, listing every field it lacks per language.
    static func warnings(_ missing: [MissingText], in root: JSONNode) -> [CourseProblem] {
        var parts: [(owner: String, texts: [MissingText])] = []
        for text in missing {
            let owner = Self.owner(of: text.pointer)
            if let index = parts.firstIndex(where: { $0.owner == owner }) {
                parts[index].texts.append(text)
            } else {
                parts.append((owner, [text]))
            }
        }
        return parts.map { part in
            var languages: [String] = []
            for text in part.texts where !languages.contains(text.language) { languages.append(text.language) }
            let lists = languages.map { code in
                "no \(described(code)) yet for: " + fields(part.texts.filter { $0.language == code }, in: root)
            }
            let names = languages.map(name).joined(separator: " or ")
            return CourseProblem(.warning, at: part.texts[0].pointer,
                                 "\(ownerName(part.owner, in: root)) has \(lists.joined(separator: "; ")); until then the course cannot be taken in \(names)")
        }
    }

    /// One error per text missing in `language`, as a session in that language reports them.
    static func errors(_ missing: [MissingText], language: String) -> [CourseProblem] {
        missing.filter { $0.language == language }.map { text in
            let key = JSONPointer.tokens(of: text.pointer).last ?? ""
            return CourseProblem(.error, at: text.pointer,
                                 text.isEmpty ? "'\(key)' is empty in '\(language)'" : "'\(key)' has no text in '\(language)'")
        }
    }

    /// The last line when a session in `language` is refused for `count` missing texts.
    public static func refusal(course: String, language: String, count: Int, complete: [String]) -> String {
        let texts = count == 1 ? "1 text is" : "\(count) texts are"
        let instead = complete.isEmpty ? "" : "; take it in \(complete.map { "\(name($0)) (--lang \($0))" }.joined(separator: " or ")), or"
        return "course '\(course)' cannot be taken in \(name(language)) yet: \(texts) missing (listed above)\(instead) add the missing texts"
    }

    /// "English", "Dutch", or the code in quotes.
    static func name(_ code: String) -> String {
        switch code {
        case "en": "English"
        case "nl": "Dutch"
        default: "'\(code)'"
        }
    }

    /// "English text", or "text in 'de'".
    private static func described(_ code: String) -> String {
        switch code {
        case "en", "nl": "\(name(code)) text"
        default: "text in '\(code)'"
        }
    }

    /// The pointer of the part a text belongs to: `/scenarios/3`, `/guidelines/0`, or "" for
    /// the course's own texts.
    private static func owner(of pointer: String) -> String {
        let tokens = JSONPointer.tokens(of: pointer)
        guard tokens.count >= 3, tokens[0] == "scenarios" || tokens[0] == "guidelines" else { return "" }
        return "/\(tokens[0])/\(tokens[1])"
    }

    private static func ownerName(_ owner: String, in root: JSONNode) -> String {
        let tokens = JSONPointer.tokens(of: owner)
        guard tokens.count == 2 else { return "the course" }
        let noun = tokens[0] == "scenarios" ? "scenario" : "guideline"
        return root.nearestNode(at: owner)["id"]?.string.map { "\(noun) '\($0)'" } ?? "\(noun) \((Int(tokens[1]) ?? 0) + 1)"
    }

    /// "situation, option 'a' text and feedback, option 'b' text (empty)".
    private static func fields(_ texts: [MissingText], in root: JSONNode) -> String {
        var items: [(option: String?, fields: [String])] = []
        for text in texts {
            let tokens = JSONPointer.tokens(of: text.pointer)
            let field = (tokens.last ?? "") + (text.isEmpty ? " (empty)" : "")
            var option: String?
            if tokens.count >= 5, tokens[2] == "options" {
                let path = "/\(tokens[0])/\(tokens[1])/options/\(tokens[3])"
                option = root.nearestNode(at: path)["id"]?.string.map { "option '\($0)'" } ?? "option \((Int(tokens[3]) ?? 0) + 1)"
            }
            if let option, let last = items.last, last.option == option {
                items[items.count - 1].fields.append(field)
            } else {
                items.append((option, [field]))
            }
        }
        return items.map { item in
            let fields = item.fields.count < 2 ? item.fields.joined()
                : item.fields.dropLast().joined(separator: ", ") + " and " + item.fields[item.fields.count - 1]
            return item.option.map { "\($0) \(fields)" } ?? fields
        }.joined(separator: ", ")
    }
}
