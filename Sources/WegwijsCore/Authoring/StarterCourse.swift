/// The small, valid course `wegwijs new` writes for a trainer to edit: two guidelines and two
/// scenarios, the first branching to the second on a wrong answer, the second with several answers.
public enum StarterCourse {
    /// Languages the starter text is written in.
    public static let languages = ["nl", "en"]

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

    /// The course file's text, pretty-printed JSON ending in a newline.
    public static func json(id: String, language: String) -> String {
        let english = language == "en"
        func t(_ dutch: String, _ englishText: String) -> JSONValue { .string(english ? englishText : dutch) }
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
            .object(pairs.map { JSONMember(key: $0.0, node: JSONNode($0.1)) })
        }
        func array(_ values: [JSONValue]) -> JSONValue { .array(values.map { JSONNode($0) }) }
        func scores(_ pairs: [(String, Int)]) -> JSONValue { object(pairs.map { ($0.0, .number(String($0.1))) }) }

        let course = object([
            ("format", .string(CourseDecoder.format)),
            ("id", .string(id)),
            ("version", .string("0.1.0")),
            ("language", .string(language)),
            ("languages", array([.string(language)])),
            ("title", t("Mijn nieuwe cursus", "My new course")),
            ("introduction", t("Je krijgt twee situaties. Kies steeds wat jij zou doen.",
                               "You will meet two situations. Each time, choose what you would do.")),
            ("closing", t("Vragen over deze cursus? Vraag het je leidinggevende.",
                          "Questions about this course? Ask your manager.")),
            // Two scenarios hold few points: with 80/60 one ordinary mistake would fail the course
            // (a single slip). A real course has more scenarios and can ask more.
            ("passing", object([("overall", .number("60")), ("perGuideline", .number("30")), ("noCritical", .bool(true))])),
            ("validFor", .string("P1Y")),
            ("guidelines", array([
                object([("id", .string("openbaar")),
                        ("title", t("Wat je online zet, is openbaar", "What you post online is public")),
                        ("summary", t("Ga ervan uit dat iedereen kan lezen wat je schrijft, ook in besloten groepen.",
                                      "Assume anyone can read what you write, even in closed groups."))]),
                object([("id", .string("vertrouwelijk")),
                        ("title", t("Klantgegevens blijven binnen", "Client data stays inside")),
                        ("summary", t("Deel nooit gegevens van klanten, ook niet als iemand erom vraagt.",
                                      "Never share client data, not even when someone asks for it."))]),
            ])),
            ("scenarios", array([
                object([
                    ("id", .string("vraag-op-linkedin")),
                    ("title", t("Een vraag op LinkedIn", "A question on LinkedIn")),
                    ("channel", .string("LinkedIn")),
                    ("situation", t("Een klant stuurt je op LinkedIn een bericht over zijn uitkering en vraagt waarom die te laat is.",
                                    "A client messages you on LinkedIn about his benefit and asks why it is late.")),
                    ("question", t("Wat doe je?", "What do you do?")),
                    ("options", array([
                        object([("id", .string("doorverwijzen")),
                                ("text", t("Ik verwijs hem vriendelijk naar de officiële kanalen.",
                                           "I kindly refer him to the official channels.")),
                                ("scores", scores([("openbaar", 2), ("vertrouwelijk", 1)])),
                                ("feedback", t("Goed: zo blijft het gesprek waar het hoort.",
                                               "Good: that keeps the conversation where it belongs."))]),
                        object([("id", .string("algemeen-antwoord")),
                                ("text", t("Ik geef een algemeen antwoord over betaaldata.",
                                           "I give a general answer about payment dates.")),
                                ("scores", scores([("openbaar", 1), ("vertrouwelijk", 1)])),
                                ("feedback", t("Niet fout, maar verwijs ook naar de officiële kanalen.",
                                               "Not wrong, but refer to the official channels as well."))]),
                        object([("id", .string("dossier-bekijken")),
                                ("text", t("Ik zoek zijn dossier op en antwoord via LinkedIn.",
                                           "I look up his file and answer on LinkedIn.")),
                                ("scores", scores([("openbaar", -1), ("vertrouwelijk", -2)])),
                                ("critical", .bool(true)),
                                ("feedback", t("Dit mag niet: klantgegevens horen niet op LinkedIn.",
                                               "Not allowed: client data does not belong on LinkedIn.")),
                                ("next", .string("screenshot-in-groep"))]),
                    ])),
                    ("explanation", t("Via sociale media bespreek je nooit persoonlijke zaken van klanten.",
                                      "Never discuss a client's personal matters through social media.")),
                    ("next", .string("end")),
                ]),
                object([
                    ("id", .string("screenshot-in-groep")),
                    ("title", t("Een screenshot in de groepsapp", "A screenshot in the group chat")),
                    ("channel", .string("WhatsApp")),
                    ("situation", t("Een collega deelt een screenshot van jouw antwoord in een groepsapp met vrienden.",
                                    "A colleague shares a screenshot of your answer in a group chat with friends.")),
                    ("question", t("Wat doe je? Kies alles wat klopt.", "What do you do? Choose everything that applies.")),
                    ("kind", .string("multiple")),
                    ("options", array([
                        object([("id", .string("melden")),
                                ("text", t("Ik meld het datalek bij mijn leidinggevende.", "I report the data leak to my manager.")),
                                ("scores", scores([("vertrouwelijk", 2)])),
                                ("feedback", t("Goed: een datalek moet je altijd melden.", "Good: always report a data leak."))]),
                        object([("id", .string("vragen-te-verwijderen")),
                                ("text", t("Ik vraag mijn collega het screenshot te verwijderen.", "I ask my colleague to delete the screenshot.")),
                                ("scores", scores([("openbaar", 1)])),
                                ("feedback", t("Goed: hoe minder het rondgaat, hoe beter.", "Good: the less it spreads, the better."))]),
                        object([("id", .string("doorsturen")),
                                ("text", t("Ik stuur het door naar nog een groep om advies te vragen.",
                                           "I forward it to another group to ask for advice.")),
                                ("scores", scores([("openbaar", -1), ("vertrouwelijk", -1)])),
                                ("feedback", t("Zo verspreid je de gegevens nog verder.", "That spreads the data even further."))]),
                    ])),
                    ("explanation", t("Een gedeeld screenshot is niet meer terug te halen; meld het en beperk de schade.",
                                      "A shared screenshot cannot be taken back; report it and limit the damage.")),
                ]),
            ])),
        ])
        var output = ""
        JSONWriter.writePretty(course, indent: 0, to: &output)
        return output + "\n"
    }
}
