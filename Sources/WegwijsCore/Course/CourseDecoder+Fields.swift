/// The field readers of `CourseDecoder`: each reads one kind of JSON value and records a
/// located problem when the value is missing or of the wrong type.
extension CourseDecoder {
    /// A `next` field: a scenario id or `"end"`.
    mutating func link(_ fields: [String: JSONNode], at pointer: String) -> ScenarioLink? {
        guard fields["next"] != nil else { return nil }
        guard let text = string(fields, "next", at: pointer) else {
            gaps.insert(.links)
            return nil
        }
        if text.isEmpty {
            gaps.insert(.links)
            error(at: JSONPointer.appending(pointer, "next"), CourseMessages.emptyNext)
            return nil
        }
        return ScenarioLink(text)
    }

    mutating func error(at pointer: String, key: String? = nil, _ message: LocalizedMessage) {
        gaps.insert(.errors)
        problems.append(CourseProblem(.error, at: pointer, key: key, message))
    }

    /// `'name' must be expected, found a string`.
    mutating func typeMismatch(at pointer: String, _ name: LocalizedMessage, expected: LocalizedMessage, found node: JSONNode) {
        error(at: pointer, CourseMessages.typeMismatch(name, expected: expected, found: node.value))
    }

    mutating func object(_ node: JSONNode, at pointer: String, keys: Set<String>) -> [String: JSONNode]? {
        guard let members = node.members else {
            let what = pointer.isEmpty ? CourseMessages.theCourse : CourseMessages.field(pointer)
            typeMismatch(at: pointer, what, expected: CourseMessages.anObject, found: node)
            return nil
        }
        var fields: [String: JSONNode] = [:]
        for member in members {
            fields[member.key] = member.node
            if !keys.contains(member.key) {
                let hint = Suggestion.suggestion(for: member.key, in: keys.filter { $0 != "$schema" })
                problems.append(CourseProblem(.warning, at: pointer, key: member.key,
                                              CourseMessages.unknownField(member.key, hint: hint)))
            }
        }
        return fields
    }

    mutating func string(_ fields: [String: JSONNode], _ key: String, at pointer: String,
                                 required: Bool = false) -> String? {
        guard let node = fields[key] else {
            if required { error(at: pointer, CourseMessages.missingField(key)) }
            return nil
        }
        guard let text = node.string else {
            typeMismatch(at: JSONPointer.appending(pointer, key), CourseMessages.field(key), expected: CourseMessages.aString, found: node)
            return nil
        }
        if required, Self.isBlank(text) {
            error(at: JSONPointer.appending(pointer, key), CourseMessages.empty(key))
        }
        return text
    }

    mutating func identifier(_ fields: [String: JSONNode], _ key: String, at pointer: String, what: LocalizedMessage) -> String? {
        guard let id = string(fields, key, at: pointer, required: true) else { return nil }
        if !CourseID.isValid(id) {
            error(at: JSONPointer.appending(pointer, key), CourseMessages.invalidID(what, id))
        }
        return id
    }

    /// A BCP 47 language tag as courses use them: 2–3 letters, then subtags of 1–8 letters or
    /// digits after `-` (`nl`, `en-GB`, `zh-Hant`); at most 35 characters.
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard code.utf8.count <= 35, let primary = parts.first, (2...3).contains(primary.utf8.count),
              primary.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count)
                && part.utf8.allSatisfy { (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
    }

    /// Empty or only white space; stops at the first other character, so long texts cost nothing.
    static func isBlank(_ text: String) -> Bool {
        !text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// A whole number too large for `Int` (`1e300` is not whole, `99999999999999999999` is):
    /// returns a value outside every limit, so the caller reports it as out of range.
    static func outsideIntRange(_ literal: String) -> Int? {
        let digits = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return literal.hasPrefix("-") ? Int.min : Int.max
    }

    mutating func integer(_ fields: [String: JSONNode], _ key: String, at pointer: String,
                                  range: ClosedRange<Int>) -> Int? {
        guard let node = fields[key] else { return nil }
        let path = JSONPointer.appending(pointer, key)
        guard case .number(let literal) = node.value, let value = Int(literal) ?? Self.outsideIntRange(literal) else {
            typeMismatch(at: path, CourseMessages.field(key), expected: CourseMessages.aWholeNumber, found: node)
            return nil
        }
        guard range.contains(value) else {
            error(at: path, CourseMessages.outOfRange(key, range, literal))
            return nil
        }
        return value
    }

    mutating func bool(_ fields: [String: JSONNode], _ key: String, at pointer: String) -> Bool? {
        guard let node = fields[key] else { return nil }
        guard case .bool(let value) = node.value else {
            typeMismatch(at: JSONPointer.appending(pointer, key), CourseMessages.field(key), expected: CourseMessages.trueOrFalse, found: node)
            return nil
        }
        return value
    }

    mutating func array(_ fields: [String: JSONNode], _ key: String, at pointer: String,
                                required: Bool) -> [JSONNode]? {
        guard let node = fields[key] else {
            if required { error(at: pointer, CourseMessages.missingField(key)) }
            return nil
        }
        guard let elements = node.elements else {
            typeMismatch(at: JSONPointer.appending(pointer, key), CourseMessages.field(key), expected: CourseMessages.anArray, found: node)
            return nil
        }
        return elements
    }

    mutating func stringArray(_ node: JSONNode, at pointer: String) -> [String]? {
        guard let elements = node.elements else {
            typeMismatch(at: pointer, CourseMessages.field(JSONPointer.tokens(of: pointer).last ?? ""), expected: CourseMessages.anArrayOfStrings, found: node)
            return nil
        }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.string else {
                typeMismatch(at: "\(pointer)/\(index)", CourseMessages.eachEntry, expected: CourseMessages.aString, found: element)
                return nil
            }
            strings.append(text)
        }
        return strings
    }

    /// A plain string (the default language) or an object of language → string. The default
    /// language must be present; a text another declared language lacks (or has empty while the
    /// default language's is not) is a translation under way, collected in `missingTexts`
    /// rather than reported as an error.
    mutating func localized(_ fields: [String: JSONNode], _ key: String, at pointer: String,
                                    required: Bool = false) -> LocalizedText? {
        guard let node = fields[key] else {
            if required { error(at: pointer, CourseMessages.missingField(key)) }
            return nil
        }
        let path = JSONPointer.appending(pointer, key)
        var translations: [String: String] = [:]
        switch node.value {
        case .string(let text):
            translations[language] = text
        case .object(let members):
            for member in members {
                guard let text = member.node.string else {
                    typeMismatch(at: JSONPointer.appending(path, member.key), CourseMessages.field("\(key).\(member.key)"), expected: CourseMessages.aString, found: member.node)
                    continue
                }
                translations[member.key] = text
                if languagesKnown, !languages.contains(member.key) {
                    problems.append(CourseProblem(.warning, at: path, key: member.key,
                                                  CourseMessages.textInOtherLanguage(key, member.key, languages: languages)))
                }
            }
        default:
            if !required { gaps.insert(.texts) }
            typeMismatch(at: path, CourseMessages.field(key), expected: CourseMessages.aLocalizedText, found: node)
            return nil
        }
        if translations[language] == nil {
            error(at: path, CourseMessages.noText(key, in: language))
        } else if required, let text = translations[language], Self.isBlank(text) {
            error(at: path, CourseMessages.emptyText(key, in: language))
        }
        // An empty text where the default language has one is a translation not yet written; a
        // text without the default language is already an error, and what else it lacks is not told.
        let written = translations[language].map { !Self.isBlank($0) } ?? false
        for code in languages where code != language && translations[language] != nil {
            if let text = translations[code] {
                if written, Self.isBlank(text) { missingTexts.append(MissingText(language: code, pointer: path, isEmpty: true)) }
            } else {
                missingTexts.append(MissingText(language: code, pointer: path, isEmpty: false))
            }
        }
        return LocalizedText(translations)
    }

    /// A scenario's `channel`: a plain string is the same word in every language ("LinkedIn");
    /// an object of language → string is translated, and checked like every other text.
    mutating func channel(_ fields: [String: JSONNode], at pointer: String) -> LocalizedText? {
        if let word = fields["channel"]?.string {
            return LocalizedText(Dictionary(languages.map { ($0, word) }, uniquingKeysWith: { first, _ in first }))
        }
        return localized(fields, "channel", at: pointer)
    }
}
