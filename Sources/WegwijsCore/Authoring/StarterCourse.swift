/// The small, valid course `wegwijs new` writes for a trainer to edit: two guidelines and two
/// scenarios, the first branching to the second on a wrong answer, the second with several answers.
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

    /// The course file's text, pretty-printed JSON ending in a newline, in `language` (Dutch
    /// when no table has it).
    public static func json(id: String, language: String) -> String {
        let texts = StarterTexts.of(language)
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
            .object(pairs.map { JSONMember(key: $0.0, node: JSONNode($0.1)) })
        }
        func array(_ values: [JSONValue]) -> JSONValue { .array(values.map { JSONNode($0) }) }
        func scores(_ pairs: [(String, Int)]) -> JSONValue { object(pairs.map { ($0.0, .number(String($0.1))) }) }

        let course = object([
            ("format", .string(CourseDecoder.format)),
            ("id", .string(id)),
            ("version", .string("0.1.0")),
            ("language", .string(texts.language)),
            ("languages", array([.string(texts.language)])),
            ("title", .string(texts.title)),
            ("introduction", .string(texts.introduction)),
            ("closing", .string(texts.closing)),
            // Two scenarios hold few points: with 80/60 one ordinary mistake would fail the course
            // (a single slip). A real course has more scenarios and can ask more.
            ("passing", object([("overall", .number("60")), ("perGuideline", .number("30")), ("noCritical", .bool(true))])),
            ("validFor", .string("P1Y")),
            ("guidelines", array([
                object([("id", .string("openbaar")),
                        ("title", .string(texts.publicTitle)),
                        ("summary", .string(texts.publicSummary))]),
                object([("id", .string("vertrouwelijk")),
                        ("title", .string(texts.clientDataTitle)),
                        ("summary", .string(texts.clientDataSummary))]),
            ])),
            ("scenarios", array([
                object([
                    ("id", .string("vraag-op-linkedin")),
                    ("title", .string(texts.linkedInTitle)),
                    ("channel", .string("LinkedIn")),
                    ("situation", .string(texts.linkedInSituation)),
                    ("question", .string(texts.linkedInQuestion)),
                    ("options", array([
                        object([("id", .string("doorverwijzen")),
                                ("text", .string(texts.referText)),
                                ("scores", scores([("openbaar", 2), ("vertrouwelijk", 1)])),
                                ("feedback", .string(texts.referFeedback))]),
                        object([("id", .string("algemeen-antwoord")),
                                ("text", .string(texts.generalText)),
                                ("scores", scores([("openbaar", 1), ("vertrouwelijk", 1)])),
                                ("feedback", .string(texts.generalFeedback))]),
                        object([("id", .string("dossier-bekijken")),
                                ("text", .string(texts.lookUpText)),
                                ("scores", scores([("openbaar", -1), ("vertrouwelijk", -2)])),
                                ("critical", .bool(true)),
                                ("feedback", .string(texts.lookUpFeedback)),
                                ("next", .string("screenshot-in-groep"))]),
                    ])),
                    ("explanation", .string(texts.linkedInExplanation)),
                    ("next", .string("end")),
                ]),
                object([
                    ("id", .string("screenshot-in-groep")),
                    ("title", .string(texts.screenshotTitle)),
                    ("channel", .string("WhatsApp")),
                    ("situation", .string(texts.screenshotSituation)),
                    ("question", .string(texts.screenshotQuestion)),
                    ("kind", .string("multiple")),
                    ("options", array([
                        object([("id", .string("melden")),
                                ("text", .string(texts.reportText)),
                                ("scores", scores([("vertrouwelijk", 2)])),
                                ("feedback", .string(texts.reportFeedback))]),
                        object([("id", .string("vragen-te-verwijderen")),
                                ("text", .string(texts.askDeleteText)),
                                ("scores", scores([("openbaar", 1)])),
                                ("feedback", .string(texts.askDeleteFeedback))]),
                        object([("id", .string("doorsturen")),
                                ("text", .string(texts.forwardText)),
                                ("scores", scores([("openbaar", -1), ("vertrouwelijk", -1)])),
                                ("feedback", .string(texts.forwardFeedback))]),
                    ])),
                    ("explanation", .string(texts.screenshotExplanation)),
                ]),
            ])),
        ])
        return JSONWriter.document(course)
    }
}
