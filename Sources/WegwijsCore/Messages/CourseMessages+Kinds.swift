/// What the question kinds say: an answer that does not fit the kind, and a scenario that
/// breaks the kind's rules (SPEC §2).
extension CourseMessages {
    // MARK: Answers

    static func noOptionChosen(scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "no option chosen in scenario '\(scenario)'",
                         nl: "geen antwoord gekozen in scenario '\(scenario)'")
    }

    static func exactlyOneOption(scenario: String, got count: Int) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' takes exactly one option, got \(count)",
                         nl: "scenario '\(scenario)' vraagt precies één antwoord, maar kreeg er \(count)")
    }

    static func rankingAnswer(scenario: String, options: Int, got count: Int) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' is a ranking of \(options) options, got \(count)",
                         nl: "scenario '\(scenario)' is een volgordevraag met \(options) antwoorden, maar kreeg er \(count)")
    }

    /// `the order b, a, c` / `de volgorde b, a, c`; `ids` is the order, already written.
    static func order(_ ids: String) -> LocalizedMessage {
        LocalizedMessage(en: "the order " + ids, nl: "de volgorde " + ids)
    }

    /// Every kind's name for a message: `'single', 'multiple' or 'ranking'`.
    static func kindList(_ names: [String]) -> LocalizedMessage {
        let quoted = names.map { "'\($0)'" }
        let start = quoted.dropLast().joined(separator: ", ")
        return LocalizedMessage(en: start + " or " + (quoted.last ?? ""), nl: start + " of " + (quoted.last ?? ""))
    }

    // MARK: A kind's rules

    /// The kinds whose options may not have their own `next`, as `noOptionNext` names them.
    static let multipleKind = LocalizedMessage(en: "multiple-answer", nl: "vraag met meer antwoorden")
    static let rankingKind = LocalizedMessage(en: "ranking", nl: "volgordevraag")

    static func optionNextInKind(option: String, scenario: String, kind: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(
            en: "option '\(option)' of scenario '\(scenario)' has 'next', but scenario '\(scenario)' is a \(kind.en) scenario; put 'next' on the scenario",
            nl: "antwoord '\(option)' van scenario '\(scenario)' heeft 'next', maar scenario '\(scenario)' is een \(kind.nl); zet 'next' bij het scenario")
    }

    static func rankingOfTwo(scenario: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "ranking scenario '\(scenario)' has 2 options; it needs 3 to 26 (with two, the shuffled order gives the answer away)",
            nl: "volgordevraag '\(scenario)' heeft 2 antwoorden; er zijn er 3 tot 26 nodig (bij twee verraadt de geschudde volgorde het antwoord)")
    }

    static func criticalInRanking(option: String, scenario: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "option '\(option)' of ranking scenario '\(scenario)' is critical, but a ranking places every option; leave 'critical' out",
            nl: "antwoord '\(option)' van volgordevraag '\(scenario)' is een ernstige overtreding ('critical'), maar in een volgordevraag krijgt elk antwoord een plaats; laat 'critical' weg")
    }

    static func negativeInRanking(option: String, scenario: String, points: Int, guideline: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "option '\(option)' of ranking scenario '\(scenario)' scores \(points) for '\(guideline)'; in a ranking, scores are the points for the right place and cannot be negative",
            nl: "antwoord '\(option)' van volgordevraag '\(scenario)' geeft \(points) punten voor '\(guideline)'; in een volgordevraag krijg je punten voor de juiste plaats, en die kunnen niet negatief zijn")
    }
}
