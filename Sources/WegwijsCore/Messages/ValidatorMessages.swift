/// The rules of a decoded course (`CourseValidator`): ids, references, scoring, pools, links,
/// refreshers and lengths.
enum ValidatorMessages {
    // MARK: Who a message is about

    static func scenario(_ id: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(id)'", nl: "scenario '\(id)'")
    }

    static func option(_ option: String, of scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "option '\(option)' of scenario '\(scenario)'", nl: "antwoord '\(option)' van scenario '\(scenario)'")
    }

    // MARK: Ids

    static func guidelineUsedTwice(_ id: String, first: Int) -> LocalizedMessage {
        LocalizedMessage(en: "guideline id '\(id)' is used twice (first as guideline \(first))",
                         nl: "richtlijn-id '\(id)' komt twee keer voor (eerst bij richtlijn \(first))")
    }

    static func scenarioUsedTwice(_ id: String, first: Int) -> LocalizedMessage {
        LocalizedMessage(en: "scenario id '\(id)' is used twice (first as scenario \(first))",
                         nl: "scenario-id '\(id)' komt twee keer voor (eerst bij scenario \(first))")
    }

    static let endIsReserved = LocalizedMessage(
        en: "'end' is reserved for \"next\": \"end\"; give the scenario another id",
        nl: "'end' is gereserveerd voor \"next\": \"end\"; geef het scenario een ander id")

    static func optionUsedTwice(_ option: String, in scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "option id '\(option)' is used twice in scenario '\(scenario)'",
                         nl: "antwoord-id '\(option)' komt twee keer voor in scenario '\(scenario)'")
    }

    static func optionCount(_ count: Int, in scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' has \(count) option(s); it needs 2 to 26",
                         nl: "scenario '\(scenario)' heeft \(count) \(count == 1 ? "antwoord" : "antwoorden"); het moet er 2 tot 26 hebben")
    }

    // MARK: References

    static func unknownNext(_ owner: LocalizedMessage, target: String, hint: LocalizedMessage) -> LocalizedMessage {
        owner + LocalizedMessage(en: " goes next to unknown scenario '\(target)'", nl: " gaat verder naar een onbekend scenario '\(target)'") + hint
    }

    static func unknownGuideline(_ owner: LocalizedMessage, guideline: String, hint: LocalizedMessage) -> LocalizedMessage {
        owner + LocalizedMessage(en: " scores unknown guideline '\(guideline)'", nl: " geeft punten op een onbekende richtlijn '\(guideline)'") + hint
    }

    /// "; the course's guidelines are 'a', 'b' and 3 more".
    static func knownGuidelines(_ shown: [String], more: Int) -> LocalizedMessage {
        let list = shown.map { "'\($0)'" }.joined(separator: ", ")
        return LocalizedMessage(en: "; the course's guidelines are \(list)\(more > 0 ? " and \(more) more" : "")",
                                nl: "; de richtlijnen van de cursus zijn \(list)\(more > 0 ? " en nog \(more)" : "")")
    }

    // MARK: Scoring

    static func noPositiveScore(_ scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' has no option with a positive score, so it cannot be answered well",
                         nl: "scenario '\(scenario)' heeft geen antwoord dat punten oplevert, dus niemand kan het goed beantwoorden")
    }

    static func guidelineNeverScored(_ guideline: String) -> LocalizedMessage {
        LocalizedMessage(en: "guideline '\(guideline)' is scored positively by no option, so it can never be assessed",
                         nl: "geen enkel antwoord levert punten op voor richtlijn '\(guideline)', dus die richtlijn wordt nooit beoordeeld")
    }

    static func guidelineScoredOnce(_ guideline: String, in scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "guideline '\(guideline)' is scored in only one scenario ('\(scenario)')",
                         nl: "richtlijn '\(guideline)' krijgt maar in één scenario punten ('\(scenario)')")
    }

    // MARK: Pools

    static func poolUsedTwice(_ pool: String) -> LocalizedMessage {
        LocalizedMessage(en: "pool id '\(pool)' is used twice", nl: "pool-id '\(pool)' komt twee keer voor")
    }

    static func poolUnknownScenario(_ pool: String, member: String, hint: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "pool '\(pool)' names unknown scenario '\(member)'", nl: "pool '\(pool)' noemt een onbekend scenario '\(member)'") + hint
    }

    static func inTwoPools(_ member: String, first: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(member)' is in pool '\(first)' already; a scenario belongs to one pool at most",
                         nl: "scenario '\(member)' staat al in pool '\(first)'; een scenario hoort bij hoogstens één pool")
    }

    static func consequenceInPool(_ member: String, pool: String, source: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(member)' in pool '\(pool)' is where ", nl: "scenario '\(member)' in pool '\(pool)' is het vervolg van ")
            + source
            + LocalizedMessage(en: " leads; a consequence must always be shown, so it cannot be in a pool",
                               nl: "; een gevolg moet altijd getoond worden, dus het kan niet in een pool staan")
    }

    static func poolDraw(_ pool: String, draws: Int, members: Int) -> LocalizedMessage {
        LocalizedMessage(en: "pool '\(pool)' draws \(draws) of its \(members) scenario(s); draw must be between 1 and \(members)",
                         nl: "pool '\(pool)' trekt \(draws) van zijn \(members) \(members == 1 ? "scenario" : "scenario's"); 'draw' moet tussen 1 en \(members) liggen")
    }

    // MARK: Links

    static func unreachable(_ scenario: String, first: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' cannot be reached from the first scenario '\(first)'",
                         nl: "scenario '\(scenario)' is niet te bereiken vanaf het eerste scenario '\(first)'")
    }

    static func loop(_ ids: [String]) -> LocalizedMessage {
        let chain = ids.map { "'\($0)'" }.joined(separator: " → ")
        return LocalizedMessage(en: "the course can loop forever: \(chain)", nl: "de cursus kan eindeloos rondgaan: \(chain)")
    }

    // MARK: Refreshers and shuffling

    static func refresherNotShorter(every: String, validFor: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "'every' (\(every)) is not shorter than 'validFor' (\(validFor)): no refresher falls due before a pass expires, so none keeps it valid",
            nl: "'every' (\(every)) is niet korter dan 'validFor' (\(validFor)): geen opfrisser valt vóór het verlopen van een voldoende, dus geen enkele houdt die geldig")
    }

    static func refresherTooLarge(wanted: Int, available: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "a refresher is to show \(wanted) situations, but the course has only \(available) that can be shown on their own (scoring a guideline, not only a follow-up): refreshers will show \(available)",
            nl: "een opfrisser moet \(wanted) situaties tonen, maar de cursus heeft er maar \(available) die los getoond kunnen worden (met punten op een richtlijn, niet alleen een vervolg): opfrissers tonen er \(available)")
    }

    static let shuffleWithoutPools = LocalizedMessage(
        en: "'shufflePools' has no effect: the course has no pools",
        nl: "'shufflePools' doet niets: de cursus heeft geen pools")

    static let shuffleFixedOrder = LocalizedMessage(
        en: "'shufflePools' has no effect: the course's links (next) fix its order. Pools can be shuffled when every pool member is on the main route and an option's next leads only to follow-ups that come back to where its situation's own next goes",
        nl: "'shufflePools' doet niets: de verwijzingen (next) in de cursus leggen de volgorde vast. Pools kunnen alleen door elkaar als elk scenario in een pool op de hoofdroute ligt, en de next van een antwoord alleen leidt naar vervolgen die terugkomen waar de next van het scenario zelf heen gaat")

    static func guidelineUnassessed(_ guideline: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "some draws leave guideline '\(guideline)' unassessed: put scenarios that score it outside the pools, or in every draw",
            nl: "bij sommige trekkingen wordt richtlijn '\(guideline)' niet beoordeeld: zet scenario's met punten op die richtlijn buiten de pools, of in elke trekking")
    }

    // MARK: Content

    static let introduction = LocalizedMessage(en: "the introduction", nl: "de inleiding")
    static let closing = LocalizedMessage(en: "the closing text", nl: "de slottekst")

    static func guidelineSummary(_ guideline: String) -> LocalizedMessage {
        LocalizedMessage(en: "the summary of guideline '\(guideline)'", nl: "de samenvatting van richtlijn '\(guideline)'")
    }

    static func situation(_ scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "the situation of scenario '\(scenario)'", nl: "de situatie van scenario '\(scenario)'")
    }

    static func explanation(_ scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "the explanation of scenario '\(scenario)'", nl: "de uitleg van scenario '\(scenario)'")
    }

    static func optionText(_ option: String, of scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "the text of option '\(option)' of scenario '\(scenario)'",
                         nl: "de tekst van antwoord '\(option)' van scenario '\(scenario)'")
    }

    static func optionFeedback(_ option: String, of scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "the feedback of option '\(option)' of scenario '\(scenario)'",
                         nl: "de feedback van antwoord '\(option)' van scenario '\(scenario)'")
    }

    static func tooLong(_ what: LocalizedMessage, length: Int, language: String, limit: Int) -> LocalizedMessage {
        what + LocalizedMessage(en: " is \(length) characters in '\(language)', longer than a screen (\(limit)); split it up",
                                nl: " is \(length) tekens lang in '\(language)', langer dan een scherm (\(limit)); verdeel de tekst")
    }

    static func noExplanation(_ scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "scenario '\(scenario)' has no explanation", nl: "scenario '\(scenario)' heeft geen uitleg")
    }

    static func noFeedback(_ option: String, of scenario: String) -> LocalizedMessage {
        LocalizedMessage(en: "option '\(option)' of scenario '\(scenario)' has no feedback",
                         nl: "antwoord '\(option)' van scenario '\(scenario)' heeft geen feedback")
    }
}
