/// How `CourseDecoder` reads `language` and `languages`. A slip in them (a code in capitals, a
/// list written as one string) is one located error, and the codes the author meant are used for
/// the rest of the course, so the texts do not each repeat it ("has no text in 'EN'" for every
/// text of the course).
extension CourseDecoder {
    mutating func decodeLanguages(_ fields: [String: JSONNode]) {
        if let code = string(fields, "language", at: "", required: true) {
            language = meant(code, at: "/language", field: CourseMessages.field("language")) ?? code
        }
        languages = [language]
        guard let node = fields["languages"] else { return }
        var codes: [String] = []
        switch node.value {
        case .array(let elements):
            guard !elements.isEmpty else {
                error(at: "/languages", CourseMessages.emptyLanguages(language))
                return
            }
            for (index, element) in elements.enumerated() {
                let pointer = "/languages/\(index)"
                guard let code = element.string else {
                    typeMismatch(at: pointer, CourseMessages.eachLanguage, expected: CourseMessages.quotedLanguageCode(language), found: element)
                    languagesKnown = false
                    continue
                }
                if let code = meant(code, at: pointer, field: CourseMessages.eachLanguage) {
                    codes.append(code)
                } else {
                    languagesKnown = false
                }
            }
        case .string(let text):
            let parts = text.split { $0 == "," || $0 == " " || $0 == ";" }.map(String.init)
            codes = parts.compactMap { Self.isLanguageCode($0) ? Self.lowerCased($0) : nil }
            if parts.isEmpty || codes.count != parts.count { languagesKnown = false }
            let written = (parts.isEmpty ? [language] : parts.prefix(10).map { Self.isLanguageCode($0) ? Self.lowerCased($0) : String($0.prefix(40)) })
            error(at: "/languages", CourseMessages.languagesAsOneText(written: "[\(written.map { "\"\($0)\"" }.joined(separator: ", "))]"))
        default:
            typeMismatch(at: "/languages", CourseMessages.field("languages"), expected: CourseMessages.languageCodeList(language), found: node)
            languagesKnown = false
            return
        }
        guard !codes.isEmpty else { return }
        languages = codes
        if !codes.contains(language) {
            languagesKnown = false
            error(at: "/languages", CourseMessages.languagesLackDefault(language))
        }
        if Set(codes).count != codes.count {
            error(at: "/languages", CourseMessages.languageTwice)
        }
    }

    /// The language code `code` stands for; a code in capitals is reported and read in lower
    /// case, and what is no code at all is reported and gives nil.
    private mutating func meant(_ code: String, at pointer: String, field: LocalizedMessage) -> String? {
        guard Self.isLanguageCode(code) else {
            error(at: pointer, CourseMessages.notLanguageCode(field, code))
            return nil
        }
        let lowered = Self.lowerCased(code)
        if lowered != code {
            error(at: pointer, CourseMessages.languageInCapitals(code, lowered))
        }
        return lowered
    }

    /// The code with its language part in lower case (`EN` → `en`, `EN-GB` → `en-GB`): the
    /// region after `-` is customarily in capitals and stays as written.
    static func lowerCased(_ code: String) -> String {
        guard let dash = code.firstIndex(of: "-") else { return code.lowercased() }
        return code[..<dash].lowercased() + code[dash...]
    }
}
