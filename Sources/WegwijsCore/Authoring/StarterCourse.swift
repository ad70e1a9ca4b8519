/// The small, valid course `wegwijs new` writes for a trainer to edit, in Dutch and English:
/// two guidelines and three scenarios: the first leads to a follow-up on its partly good answer,
/// the last takes several answers.
public enum StarterCourse {
    /// Languages the starter text is written in: one `StarterTexts` table each.
    public static let languages = StarterTexts.tables.map(\.language)

    /// Whether `id` is a valid course, guideline, scenario or option id (`CourseID`).
    public static func isValidIdentifier(_ id: String) -> Bool { CourseID.isValid(id) }

    /// A course id derived from a file name: `Mijn Cursus.json` → `mijn-cursus`.
    public static func identifier(fromFileName name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let stem = base.hasSuffix(".json") ? String(base.dropLast(5)) : base
        var id = ""
        for scalar in stem.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id += "-"
            }
        }
        id = String(id.prefix(CourseID.maximumLength))
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "nieuwe-cursus" : id
    }

    /// The course file's text, pretty-printed JSON ending in a newline: every text in every
    /// language of `StarterTexts.tables`, `language` first (the course's own; Dutch when no
    /// table has it). `schema`, when given, is written as `$schema` for editors that check JSON.
    ///
    /// Three scenarios, the second a follow-up of the first's partly good answer, pass marks
    /// 80/60 as documented, and no single slip: one ordinary mistake never fails it.
    public static func json(id: String, language: String, schema: String? = nil) -> String {
        let first = StarterTexts.of(language)
        let tables = [first] + StarterTexts.tables.filter { $0.language != first.language }
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
            .object(pairs.map { JSONMember(key: $0.0, node: JSONNode($0.1)) })
        }
        func array(_ values: [JSONValue]) -> JSONValue { .array(values.map { JSONNode($0) }) }
        func scores(_ pairs: [(String, Int)]) -> JSONValue { object(pairs.map { ($0.0, .number(String($0.1))) }) }
        func text(_ field: KeyPath<StarterTexts, String>) -> JSONValue {
            object(tables.map { ($0.language, .string($0[keyPath: field])) })
        }
        func option(_ id: String, _ field: KeyPath<StarterTexts, String>, _ points: [(String, Int)],
                    _ feedback: KeyPath<StarterTexts, String>, critical: Bool = false, next: String? = nil) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("id", .string(id)), ("text", text(field)), ("scores", scores(points))]
            if critical { pairs.append(("critical", .bool(true))) }
            pairs.append(("feedback", text(feedback)))
            if let next { pairs.append(("next", .string(next))) }
            return object(pairs)
        }

        var head: [(String, JSONValue)] = schema.map { [("$schema", .string($0))] } ?? []
        head += [
            ("format", .string(CourseDecoder.format)),
            ("id", .string(id)),
            ("version", .string("0.1.0")),
            ("language", .string(first.language)),
            ("languages", array(tables.map { .string($0.language) })),
            ("title", text(\.title)),
            ("introduction", text(\.introduction)),
            ("closing", text(\.closing)),
            ("passing", object([("overall", .number("80")), ("perGuideline", .number("60")), ("noCritical", .bool(true))])),
            ("validFor", .string("P1Y")),
            ("guidelines", array([
                object([("id", .string("openbaar")), ("title", text(\.publicTitle)), ("summary", text(\.publicSummary))]),
                object([("id", .string("vertrouwelijk")), ("title", text(\.clientDataTitle)), ("summary", text(\.clientDataSummary))]),
            ])),
            ("scenarios", array([
                object([
                    ("id", .string("vraag-op-linkedin")),
                    ("title", text(\.linkedInTitle)),
                    ("channel", .string("LinkedIn")),
                    ("situation", text(\.linkedInSituation)),
                    ("question", text(\.linkedInQuestion)),
                    ("options", array([
                        option("doorverwijzen", \.referText, [("openbaar", 2), ("vertrouwelijk", 2)], \.referFeedback),
                        option("algemeen-antwoord", \.generalText, [("openbaar", 1), ("vertrouwelijk", 2)], \.generalFeedback,
                               next: "hij-reageert"),
                        option("dossier-bekijken", \.lookUpText, [("vertrouwelijk", -2)], \.lookUpFeedback, critical: true),
                    ])),
                    ("explanation", text(\.linkedInExplanation)),
                    ("next", .string("screenshot-in-groep")),
                ]),
                object([
                    ("id", .string("hij-reageert")),
                    ("title", text(\.replyTitle)),
                    ("channel", .string("LinkedIn")),
                    ("situation", text(\.replySituation)),
                    ("question", text(\.replyQuestion)),
                    ("options", array([
                        option("alsnog-doorverwijzen", \.stillReferText, [("openbaar", 2)], \.stillReferFeedback),
                        option("uitleggen", \.explainText, [("openbaar", 1)], \.explainFeedback),
                        option("nummer-vragen", \.askNumberText, [("vertrouwelijk", -2)], \.askNumberFeedback, critical: true),
                    ])),
                    ("explanation", text(\.replyExplanation)),
                ]),
                object([
                    ("id", .string("screenshot-in-groep")),
                    ("title", text(\.screenshotTitle)),
                    ("channel", .string("WhatsApp")),
                    ("situation", text(\.screenshotSituation)),
                    ("question", text(\.screenshotQuestion)),
                    ("kind", .string("multiple")),
                    ("options", array([
                        option("vragen-te-verwijderen", \.askDeleteText, [("openbaar", 1)], \.askDeleteFeedback),
                        option("niet-doorsturen", \.keepOutText, [("vertrouwelijk", 1)], \.keepOutFeedback),
                        option("doorsturen", \.forwardText, [("vertrouwelijk", -1)], \.forwardFeedback),
                    ])),
                    ("explanation", text(\.screenshotExplanation)),
                ]),
            ])),
        ]
        return JSONWriter.document(object(head))
    }
}
