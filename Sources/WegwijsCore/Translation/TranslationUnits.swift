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
    static let policyFields = ["title", "published", "summary"]
    static let guidelineFields = ["title", "summary"]
    static let scenarioFields = ["title", "channel", "situation", "question", "explanation"]
    static let optionFields = ["text", "feedback"]

    /// A text's place in the document: the key and the path of members to the text.
    struct Place {
        var key: String
        /// Member names and array indexes leading to the text: an object of language → text,
        /// or a plain string (the text in the course's language).
        var steps: [Step]

        /// A plain-string `channel` (or the policy's `published`) is the same in every language; other plain texts are
        /// in the course's language only.
        var plainMeansEveryLanguage: Bool { key.hasSuffix("/channel") || key == "policy/published" }
    }

    enum Step { case member(String), index(Int) }

    /// Every translatable text in document order.
    public static func units(of root: JSONNode, source: String, target: String) -> [TranslationUnit] {
        places(in: root).compactMap { place in
            guard let texts = texts(at: place.steps, in: root, source: source), let sourceText = texts[source] else { return nil }
            return TranslationUnit(key: place.key, source: sourceText, target: texts[target])
        }
    }

    /// The course's source language: `language` (the first language it is written in).
    public static func sourceLanguage(of root: JSONNode) -> String? { root["language"]?.string }

    static func places(in root: JSONNode) -> [Place] {
        var result: [Place] = []
        for field in courseFields where root[field] != nil {
            result.append(Place(key: "course/\(field)", steps: [.member(field)]))
        }
        if let policy = root["policy"], policy.members != nil {
            for field in policyFields where policy[field] != nil {
                result.append(Place(key: "policy/\(field)", steps: [.member("policy"), .member(field)]))
            }
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

    /// The texts at `steps` by language: an object's string members, or a plain string as the
    /// `source` text.
    static func texts(at steps: [Step], in root: JSONNode, source: String) -> [String: String]? {
        guard let node = node(at: steps, in: root) else { return nil }
        if let plain = node.string { return [source: plain] }
        return Dictionary(node.members?.compactMap { member in member.node.string.map { (member.key, $0) } } ?? [],
                          uniquingKeysWith: { first, _ in first })
    }

    /// The course's languages: `languages`, else its one `language`.
    static func languages(of root: JSONNode) -> [String] {
        let listed = root["languages"]?.elements?.compactMap(\.string) ?? []
        return listed.isEmpty ? [sourceLanguage(of: root)].compactMap { $0 } : listed
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

    /// The document with `text` set as the `language` text at `steps`. A plain string there
    /// becomes an object that keeps it for `plainLanguages`.
    static func setting(_ text: String, language: String, plainLanguages: [String], at steps: ArraySlice<Step>,
                        in node: JSONNode) -> JSONNode {
        guard let step = steps.first else {
            var members = node.members ?? []
            if node.string != nil {
                members = plainLanguages.map { JSONMember(key: $0, node: node) }
            }
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
            members[index].node = setting(text, language: language, plainLanguages: plainLanguages, at: steps.dropFirst(), in: members[index].node)
            return JSONNode(.object(members), offset: node.offset)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            elements[index] = setting(text, language: language, plainLanguages: plainLanguages, at: steps.dropFirst(), in: elements[index])
            return JSONNode(.array(elements), offset: node.offset)
        default:
            return node
        }
    }
}
