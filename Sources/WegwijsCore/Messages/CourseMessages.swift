/// What `CourseDecoder` says about a course file's fields: a field missing, of the wrong type,
/// unknown or out of range. The fields' names (`'scores'`, `'next'`) and the JSON words
/// (`true`, `"end"`) stay as the file writes them in every language.
enum CourseMessages {
    // MARK: Fields of every kind

    /// `'name' must be expected, found a string`: `name` and `expected` are parts of this table.
    static func typeMismatch(_ name: LocalizedMessage, expected: LocalizedMessage, found value: JSONValue) -> LocalizedMessage {
        LocalizedMessage(en: "\(name.en) must be \(expected.en), found \(value.kindWording.en)",
                         nl: "\(name.nl) moet \(expected.nl) zijn, maar is \(value.kindWording.nl)")
    }

    /// A field's name as a message quotes it: `'scores'`.
    static func field(_ key: String) -> LocalizedMessage { .verbatim("'\(key)'") }

    /// The whole document, where an object is expected and something else is found.
    static let theCourse = LocalizedMessage(en: "the course", nl: "de cursus")
    static let anObject = LocalizedMessage(en: "an object", nl: "een blok tussen { en }")
    static let aString = LocalizedMessage(en: "a string", nl: "een tekst")
    static let aWholeNumber = LocalizedMessage(en: "a whole number", nl: "een heel getal")
    static let trueOrFalse = LocalizedMessage(en: "true or false", nl: "true of false")
    static let anArray = LocalizedMessage(en: "an array", nl: "een lijst")
    static let anArrayOfStrings = LocalizedMessage(en: "an array of strings", nl: "een lijst met teksten")
    static let eachEntry = LocalizedMessage(en: "each entry", nl: "elke waarde in de lijst")
    static let aLocalizedText = LocalizedMessage(en: "a string or an object of language → string",
                                                 nl: "een tekst, of een blok van taal → tekst")
    static let scoresObject = LocalizedMessage(en: "an object of guideline id → points",
                                               nl: "een blok van richtlijn-id → punten")

    static func unknownField(_ key: String, hint: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "unknown field '\(key)' is ignored", nl: "onbekend veld '\(key)' wordt genegeerd") + hint
    }

    static func missingField(_ key: String) -> LocalizedMessage {
        LocalizedMessage(en: "missing required field '\(key)'", nl: "verplicht veld '\(key)' ontbreekt")
    }

    static func empty(_ key: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(key)' is empty", nl: "'\(key)' is leeg")
    }

    /// `scenario id 'Eerste' may hold only …`; `what` is one of the `…ID` messages below.
    static func invalidID(_ what: LocalizedMessage, _ id: String) -> LocalizedMessage {
        let shown = "'\(id.prefix(80))\(id.count > 80 ? "…" : "")'"
        return LocalizedMessage(en: "\(what.en) \(shown) \(idRule.en)", nl: "\(what.nl) \(shown) \(idRule.nl)")
    }

    /// The rule for ids in words (SPEC §2), as `CourseID.rule`.
    static let idRule = LocalizedMessage(
        en: "may hold only lower-case letters, digits and '-', must start with a letter or digit, and is at most 64 characters long",
        nl: "mag alleen kleine letters, cijfers en '-' bevatten, moet beginnen met een letter of cijfer en is hoogstens 64 tekens lang")

    static let courseID = LocalizedMessage(en: "course id", nl: "cursus-id")
    static let poolID = LocalizedMessage(en: "pool id", nl: "pool-id")
    static let guidelineID = LocalizedMessage(en: "guideline id", nl: "richtlijn-id")
    static let scenarioID = LocalizedMessage(en: "scenario id", nl: "scenario-id")
    static let optionID = LocalizedMessage(en: "option id", nl: "antwoord-id")

    static func outOfRange(_ key: String, _ range: ClosedRange<Int>, _ literal: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(literal.prefix(24))",
                         nl: "'\(key)' moet tussen \(range.lowerBound) en \(range.upperBound) liggen, niet \(literal.prefix(24))")
    }

    static let emptyNext = LocalizedMessage(en: "'next' is empty; name a scenario id or \"end\"",
                                            nl: "'next' is leeg; noem een scenario-id of \"end\"")

    // MARK: Texts in the course's languages

    static func textInOtherLanguage(_ key: String, _ code: String, languages: [String]) -> LocalizedMessage {
        let list = languages.joined(separator: ", ")
        return LocalizedMessage(
            en: "'\(key)' has text in '\(code)', which is not among the course's languages (\(list))",
            nl: "'\(key)' heeft tekst in '\(code)', maar die taal staat niet bij de talen van de cursus (\(list))")
    }

    static func noText(_ key: String, in language: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(key)' has no text in '\(language)'", nl: "'\(key)' heeft geen tekst in '\(language)'")
    }

    static func emptyText(_ key: String, in language: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(key)' is empty in '\(language)'", nl: "'\(key)' is leeg in '\(language)'")
    }

    // MARK: The course's own fields

    static func unknownFormat(_ format: String, reads known: String) -> LocalizedMessage {
        LocalizedMessage(en: "unknown format '\(format)'; this version of Wegwijs reads '\(known)'",
                         nl: "onbekend formaat '\(format)'; deze versie van Wegwijs leest '\(known)'")
    }

    /// The longest `validFor` (and refresher `every`), as `CourseLimits.validForText`.
    static let durationLimit = LocalizedMessage(en: CourseLimits.validForText, nl: "10 jaar (P10Y, P120M of P3653D)")

    /// `'validFor' may be at most 10 years …, not P11Y`.
    static func durationTooLong(_ key: String, _ duration: ISODuration) -> LocalizedMessage {
        LocalizedMessage(en: "'\(key)' may be at most \(durationLimit.en), not \(duration)",
                         nl: "'\(key)' mag hoogstens \(durationLimit.nl) zijn, niet \(duration)")
    }

    static func validForNotDuration(_ text: String) -> LocalizedMessage {
        LocalizedMessage(en: "'validFor' is not an ISO 8601 duration like P1Y, P6M or P90D: '\(text)'",
                         nl: "'validFor' is geen periode zoals P1Y, P6M of P90D (ISO 8601): '\(text)'")
    }

    static let noGuidelines = LocalizedMessage(en: "a course needs at least one guideline",
                                               nl: "een cursus heeft minstens één richtlijn nodig")
    static let noScenarios = LocalizedMessage(en: "a course needs at least one scenario",
                                              nl: "een cursus heeft minstens één scenario nodig")

    static let poolMissingDraw = LocalizedMessage(
        en: "missing 'draw' (how many of its scenarios an attempt shows)",
        nl: "'draw' ontbreekt (hoeveel scenario's je per poging uit deze pool trekt)")
    static let poolMissingScenarios = LocalizedMessage(
        en: "missing 'scenarios' (the ids of its members)",
        nl: "'scenarios' ontbreekt (de id's van de scenario's in deze pool)")

    static func unknownKind(_ text: String) -> LocalizedMessage {
        LocalizedMessage(en: "'kind' must be \(ScenarioKind.listed.en), not '\(text)'",
                         nl: "'kind' moet \(ScenarioKind.listed.nl) zijn, niet '\(text)'")
    }

    // MARK: Scores

    static func scoreNotWhole(_ guideline: String, _ literal: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "the score for '\(guideline)' is \(literal.prefix(24)), but scores are whole numbers (like 2, 1, 0 or -1)",
            nl: "het aantal punten voor '\(guideline)' is \(literal.prefix(24)), maar punten zijn hele getallen (zoals 2, 1, 0 of -1)")
    }

    static func scoreNotNumber(_ guideline: String, found value: JSONValue) -> LocalizedMessage {
        LocalizedMessage(en: "the score for '\(guideline)' must be a whole number, found \(value.kindWording.en)",
                         nl: "het aantal punten voor '\(guideline)' moet een heel getal zijn, maar is \(value.kindWording.nl)")
    }

    static func scoreOutOfRange(_ guideline: String, _ range: ClosedRange<Int>, _ literal: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "the score for '\(guideline)' must be between \(range.lowerBound) and \(range.upperBound), not \(literal.prefix(24))",
            nl: "het aantal punten voor '\(guideline)' moet tussen \(range.lowerBound) en \(range.upperBound) liggen, niet \(literal.prefix(24))")
    }

    static let missingScores = LocalizedMessage(
        en: "missing required field 'scores' (use {} for an option that scores nothing)",
        nl: "verplicht veld 'scores' ontbreekt (gebruik {} voor een antwoord dat geen punten oplevert)")

    // MARK: language and languages

    static let eachLanguage = LocalizedMessage(en: "each entry of 'languages'", nl: "elke waarde in 'languages'")

    static func emptyLanguages(_ language: String) -> LocalizedMessage {
        LocalizedMessage(en: "'languages' is empty; leave it out or list at least '\(language)'",
                         nl: "'languages' is leeg; laat het weg of noem minstens '\(language)'")
    }

    static func quotedLanguageCode(_ language: String) -> LocalizedMessage {
        LocalizedMessage(en: "a language code in quotes, like \"\(language)\"",
                         nl: "een taalcode tussen aanhalingstekens, zoals \"\(language)\"")
    }

    /// `written` is the list as it should be written: `["nl", "en"]`.
    static func languagesAsOneText(written: String) -> LocalizedMessage {
        LocalizedMessage(en: "'languages' must be a list, not one text: write \(written)",
                         nl: "'languages' moet een lijst zijn, niet één tekst: schrijf \(written)")
    }

    static func languageCodeList(_ language: String) -> LocalizedMessage {
        LocalizedMessage(en: "a list of language codes like [\"\(language)\"]",
                         nl: "een lijst met taalcodes zoals [\"\(language)\"]")
    }

    static func languagesLackDefault(_ language: String) -> LocalizedMessage {
        LocalizedMessage(en: "'languages' must include the default language '\(language)'",
                         nl: "'languages' moet de standaardtaal '\(language)' bevatten")
    }

    static let languageTwice = LocalizedMessage(en: "'languages' names a language twice",
                                                nl: "'languages' noemt een taal twee keer")

    /// `field` is `'language'` or `eachLanguage`.
    static func notLanguageCode(_ field: LocalizedMessage, _ code: String) -> LocalizedMessage {
        LocalizedMessage(en: "\(field.en) must be a language code such as nl, en or en-GB, not '\(code.prefix(40))'",
                         nl: "\(field.nl) moet een taalcode zijn, zoals nl, en of en-GB, niet '\(code.prefix(40))'")
    }

    static func languageInCapitals(_ code: String, _ lowered: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(code)' is not a language code: write it in lower case, '\(lowered)'",
                         nl: "'\(code)' is geen taalcode: schrijf hem in kleine letters, '\(lowered)'")
    }

    // MARK: refresher

    static func everyNotLonger(_ text: String) -> LocalizedMessage {
        LocalizedMessage(en: "'every' must be a period longer than nothing, not \(text)",
                         nl: "'every' moet een periode langer dan nul zijn, niet \(text)")
    }

    static func everyNotDuration(_ text: String) -> LocalizedMessage {
        LocalizedMessage(en: "'every' is not an ISO 8601 duration like P4M or P90D: '\(text)'",
                         nl: "'every' is geen periode zoals P4M of P90D (ISO 8601): '\(text)'")
    }

    static let refresherMissingScenarios = LocalizedMessage(
        en: "'refresher' is missing 'scenarios' (how many situations a refresher shows)",
        nl: "bij 'refresher' ontbreekt 'scenarios' (hoeveel situaties een opfrisser toont)")
}
