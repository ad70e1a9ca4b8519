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
                LocalizedMessage(en: "no \(described(code).en) yet for: ", nl: "nog geen \(described(code).nl) voor: ")
                    + fields(part.texts.filter { $0.language == code }, in: root)
            }
            let names = LocalizedMessage.joined(languages.map(name), separator: LocalizedMessage(en: " or ", nl: " of "))
            return CourseProblem(.warning, at: part.texts[0].pointer,
                                 ownerName(part.owner, in: root)
                                    + LocalizedMessage(en: " has ", nl: " heeft ")
                                    + .joined(lists, separator: .verbatim("; "))
                                    + LocalizedMessage(en: "; until then the course cannot be taken in \(names.en)",
                                                       nl: "; tot die er zijn, kan de cursus niet in het \(names.nl) gevolgd worden"))
        }
    }

    /// One error per text missing in `language`, as a session in that language reports them.
    static func errors(_ missing: [MissingText], language: String) -> [CourseProblem] {
        missing.filter { $0.language == language }.map { text in
            let key = JSONPointer.tokens(of: text.pointer).last ?? ""
            return CourseProblem(.error, at: text.pointer, text.isEmpty
                ? LocalizedMessage(en: "'\(key)' is empty in '\(language)'", nl: "'\(key)' is leeg in '\(language)'")
                : LocalizedMessage(en: "'\(key)' has no text in '\(language)'", nl: "'\(key)' heeft geen tekst in '\(language)'"))
        }
    }

    /// The last line when a session in `language` is refused for `count` missing texts.
    public static func refusal(course: String, language: String, count: Int, complete: [String]) -> LocalizedMessage {
        let texts = LocalizedMessage(en: count == 1 ? "1 text is" : "\(count) texts are",
                                     nl: count == 1 ? "ontbreekt 1 tekst" : "ontbreken \(count) teksten")
        let choices = complete.map { name($0) + .verbatim(" (--lang \($0))") }
        let orWord = LocalizedMessage(en: " or ", nl: " of ")
        let instead = complete.isEmpty ? .empty
            : LocalizedMessage(en: "; take it in ", nl: "; volg hem in het ") + .joined(choices, separator: orWord) + LocalizedMessage(en: ", or", nl: ", of")
        return LocalizedMessage(
            en: "course '\(course)' cannot be taken in \(name(language).en) yet: \(texts.en) missing (listed above)\(instead.en) add the missing texts",
            nl: "cursus '\(course)' kan nog niet in het \(name(language).nl) gevolgd worden: er \(texts.nl) (zie hierboven)\(instead.nl) vul de ontbrekende teksten aan")
    }

    /// "English" / "Engels", "Dutch" / "Nederlands", or the code in quotes.
    static func name(_ code: String) -> LocalizedMessage {
        switch code {
        case "en": LocalizedMessage(en: "English", nl: "Engels")
        case "nl": LocalizedMessage(en: "Dutch", nl: "Nederlands")
        default: .verbatim("'\(code)'")
        }
    }

    /// "English text" / "Engelse tekst", or "text in 'de'" / "tekst in 'de'".
    private static func described(_ code: String) -> LocalizedMessage {
        switch code {
        case "en": LocalizedMessage(en: "English text", nl: "Engelse tekst")
        case "nl": LocalizedMessage(en: "Dutch text", nl: "Nederlandse tekst")
        default: LocalizedMessage(en: "text in '\(code)'", nl: "tekst in '\(code)'")
        }
    }

    /// The pointer of the part a text belongs to: `/scenarios/3`, `/guidelines/0`, or "" for
    /// the course's own texts.
    private static func owner(of pointer: String) -> String {
        let tokens = JSONPointer.tokens(of: pointer)
        guard tokens.count >= 3, tokens[0] == "scenarios" || tokens[0] == "guidelines" else { return "" }
        return "/\(tokens[0])/\(tokens[1])"
    }

    private static func ownerName(_ owner: String, in root: JSONNode) -> LocalizedMessage {
        let tokens = JSONPointer.tokens(of: owner)
        guard tokens.count == 2 else { return LocalizedMessage(en: "the course", nl: "de cursus") }
        let noun = tokens[0] == "scenarios" ? LocalizedMessage.verbatim("scenario") : LocalizedMessage(en: "guideline", nl: "richtlijn")
        let name = root.nearestNode(at: owner)["id"]?.string.map { "'\($0)'" } ?? "\((Int(tokens[1]) ?? 0) + 1)"
        return noun + .verbatim(" \(name)")
    }

    /// "situation, option 'a' text and feedback, option 'b' text (empty)".
    private static func fields(_ texts: [MissingText], in root: JSONNode) -> LocalizedMessage {
        var items: [(option: LocalizedMessage?, fields: [LocalizedMessage])] = []
        for text in texts {
            let tokens = JSONPointer.tokens(of: text.pointer)
            let field = LocalizedMessage.verbatim(tokens.last ?? "") + (text.isEmpty ? LocalizedMessage(en: " (empty)", nl: " (leeg)") : .empty)
            var option: LocalizedMessage?
            if tokens.count >= 5, tokens[2] == "options" {
                let path = "/\(tokens[0])/\(tokens[1])/options/\(tokens[3])"
                let name = root.nearestNode(at: path)["id"]?.string.map { "'\($0)'" } ?? "\((Int(tokens[3]) ?? 0) + 1)"
                option = LocalizedMessage(en: "option \(name)", nl: "antwoord \(name)")
            }
            if let option, let last = items.last, last.option == option {
                items[items.count - 1].fields.append(field)
            } else {
                items.append((option, [field]))
            }
        }
        let and = LocalizedMessage(en: " and ", nl: " en ")
        return .joined(items.map { item in
            let fields = item.fields.count < 2 ? LocalizedMessage.joined(item.fields, separator: .empty)
                : .joined(Array(item.fields.dropLast()), separator: .verbatim(", ")) + and + item.fields[item.fields.count - 1]
            return item.option.map { $0 + .verbatim(" ") + fields } ?? fields
        }, separator: .verbatim(", "))
    }
}
