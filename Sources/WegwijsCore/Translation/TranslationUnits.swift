/// One translatable text of a course: where it is (a stable key), its text in the course's
/// source language and its current text in the target language.
public struct TranslationUnit: Sendable, Equatable {
    /// A stable path such as `scenario/bericht-collega/option/a/feedback`: ids, not positions,
    /// so a reordering of scenarios does not change the keys.
    public var key: String
    public var source: String
    public var target: String?

    public init(key: String, source: String, target: String?) {
        self.key = key
        self.source = source
        self.target = target
    }
}

/// Finds the translatable texts of a course document and writes translations back into it.
/// It works on the JSON tree, not on the decoded `Course`, so only the wording members it is
/// asked to change are touched: ids, scores, `next` and pools are never rewritten, and the
/// structure hash stays the same.
public enum TranslationUnits {
    static let courseFields = ["title", "introduction", "closing", "acknowledgement"]
    static let guidelineFields = ["title", "summary"]
    static let scenarioFields = ["title", "situation", "question", "explanation"]
    static let optionFields = ["text", "feedback"]

    /// A text's place in the document: the key and the path of members to the text object.
    struct Place {
        var key: String
        /// Member names and array indexes leading to the localized-text object.
        var steps: [Step]
    }

    enum Step { case member(String), index(Int) }

    /// Every translatable text in document order.
    public static func units(of root: JSONNode, source: String, target: String) -> [TranslationUnit] {
        places(in: root).compactMap { place in
            guard let text = node(at: place.steps, in: root), let sourceText = self.text(text, in: source, source: source) else { return nil }
            return TranslationUnit(key: place.key, source: sourceText, target: self.text(text, in: target, source: source))
        }
    }

    /// The course's source language: `language` (the first language it is written in).
    public static func sourceLanguage(of root: JSONNode) -> String? { root["language"]?.string }

    static func places(in root: JSONNode) -> [Place] {
        var result: [Place] = []
        for field in courseFields where root[field] != nil {
            result.append(Place(key: "course/\(field)", steps: [.member(field)]))
        }
        for (index, guideline) in (root["guidelines"]?.elements ?? []).enumerated() {
            guard let id = guideline["id"]?.string else { continue }
            for field in guidelineFields where guideline[field] != nil {
                result.append(Place(key: "guideline/\(id)/\(field)", steps: [.member("guidelines"), .index(index), .member(field)]))
            }
        }
        for (index, scenario) in (root["scenarios"]?.elements ?? []).enumerated() {
            guard let id = scenario["id"]?.string else { continue }
            let base: [Step] = [.member("scenarios"), .index(index)]
            for field in scenarioFields where scenario[field] != nil {
                result.append(Place(key: "scenario/\(id)/\(field)", steps: base + [.member(field)]))
            }
            for (optionIndex, option) in (scenario["options"]?.elements ?? []).enumerated() {
                guard let optionID = option["id"]?.string else { continue }
                for field in optionFields where option[field] != nil {
                    result.append(Place(key: "scenario/\(id)/option/\(optionID)/\(field)",
                                        steps: base + [.member("options"), .index(optionIndex), .member(field)]))
                }
            }
        }
        return result
    }

    static func node(at steps: [Step], in root: JSONNode) -> JSONNode? {
        var current: JSONNode? = root
        for step in steps {
            switch step {
            case .member(let name): current = current?[name]
            case .index(let index):
                guard let elements = current?.elements, elements.indices.contains(index) else { return nil }
                current = elements[index]
            }
        }
        return current.flatMap { $0.members == nil && $0.string == nil ? nil : $0 }
    }

    /// A localized text's text in `language`: a plain string is the course's `source` language
    /// only (the other languages are still to be written).
    static func text(_ node: JSONNode, in language: String, source: String) -> String? {
        if let plain = node.string { return language == source ? plain : nil }
        return node[language]?.string
    }

    /// The document with `text` set as the `language` text of the object at `steps`; a plain
    /// string there becomes an object holding it as the `source` text.
    static func setting(_ text: String, language: String, source: String, at steps: ArraySlice<Step>, in node: JSONNode) -> JSONNode {
        guard let step = steps.first else {
            var members = node.string == nil ? node.members ?? [] : [JSONMember(key: source, keyOffset: node.offset, node: node)]
            if let index = members.firstIndex(where: { $0.key == language }) {
                members[index].node = JSONNode(.string(text), offset: members[index].node.offset)
            } else {
                members.append(JSONMember(key: language, node: JSONNode(.string(text))))
            }
            return JSONNode(.object(members), offset: node.offset)
        }
        switch (step, node.value) {
        case (.member(let name), .object(var members)):
            guard let index = members.firstIndex(where: { $0.key == name }) else { return node }
            members[index].node = setting(text, language: language, source: source, at: steps.dropFirst(), in: members[index].node)
            return JSONNode(.object(members), offset: node.offset)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            elements[index] = setting(text, language: language, source: source, at: steps.dropFirst(), in: elements[index])
            return JSONNode(.array(elements), offset: node.offset)
        default:
            return node
        }
    }
}
