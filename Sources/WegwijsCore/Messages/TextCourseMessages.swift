/// Syntax problems of the text (Markdown) course format (`TextCourseReader`).
enum TextCourseMessages {
    /// `hex`: the first bad byte in hexadecimal, as `E9`.
    static func notUTF8(badByte hex: String) -> LocalizedMessage {
        LocalizedMessage(en: "the file is not UTF-8 text (bad byte 0x\(hex)): save it as UTF-8",
                         nl: "het bestand is geen UTF-8-tekst (onjuiste byte 0x\(hex)): sla het bestand op als UTF-8")
    }

    // MARK: Headings

    static let courseFirst = LocalizedMessage(
        en: "'# Course' must come first, before every '##' section",
        nl: "'# Course' moet bovenaan staan, voor elke sectie '##'")

    static let policyTakesNoID = LocalizedMessage(
        en: "'## Policy' takes no id: the policy's fields follow on the lines below it",
        nl: "'## Policy' krijgt geen id: de velden van het beleid staan op de regels eronder")

    /// `heading`: the line as written (its first 60 characters).
    static func badHeading(_ heading: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "a heading must be '# Course ID', '## Policy', '## Guideline ID', '## Pool ID' or '## Scenario ID', not '\(heading)'",
            nl: "een kop moet '# Course ID', '## Policy', '## Guideline ID', '## Pool ID' of '## Scenario ID' zijn, niet '\(heading)'")
    }

    // MARK: Options

    static let optionOutsideScenario = LocalizedMessage(
        en: "an option ('- id') belongs under a '## Scenario' heading",
        nl: "een antwoord ('- id') hoort onder een kop '## Scenario'")

    /// `tail`: what follows the option id (its first 60 characters).
    static func badOptionTail(_ tail: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "after the option id comes only its scores in brackets, like '(guideline +2)', not '\(tail)'",
            nl: "na de id van het antwoord komen alleen de punten tussen haakjes, zoals '(guideline +2)', niet '\(tail)'")
    }

    static func badScore(_ part: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "a score is a guideline id and whole points, like 'guideline +2' or 'guideline -1', not '\(part)'",
            nl: "punten schrijf je als de id van een richtlijn en een heel getal, zoals 'guideline +2' of 'guideline -1', niet '\(part)'")
    }

    // MARK: Fields

    static let notALine = LocalizedMessage(
        en: "a line must be a field like 'title nl: text', an option '- id' or a heading '## Scenario id'",
        nl: "een regel moet een veld zijn zoals 'title nl: text', een antwoord '- id' of een kop '## Scenario id'")

    /// `line`: the line as written (its first 40 characters).
    static func notAField(_ line: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "'\(line)' is not a field: write 'name: text' (for example 'title nl: De uitnodiging')",
            nl: "'\(line)' is geen veld: schrijf 'name: text' (bijvoorbeeld 'title nl: De uitnodiging')")
    }

    /// `problem`: the JSON syntax problem in the value.
    static func valueNotJSON(_ problem: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "the value after '=' must be JSON: \(problem.en)",
                         nl: "de waarde na '=' moet JSON zijn: \(problem.nl)")
    }

    static func badPassing(_ part: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "'passing' lists 'overall N', 'perGuideline N' and 'noCritical yes|no', separated by commas, not '\(part)'",
            nl: "'passing' bevat 'overall N', 'perGuideline N' en 'noCritical yes|no', gescheiden door komma's, niet '\(part)'")
    }

    /// `field`: the field's name, or its name and language (`title nl`).
    static func givenTwice(_ field: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(field)' is given twice here", nl: "'\(field)' komt hier twee keer voor")
    }

    static func givenTwiceWithoutLanguage(_ field: String) -> LocalizedMessage {
        LocalizedMessage(en: "'\(field)' is given twice here, once without a language",
                         nl: "'\(field)' komt hier twee keer voor, een keer zonder taal")
    }
}
