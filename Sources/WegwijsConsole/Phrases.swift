import Foundation
import WegwijsCore

/// The interface's own words in Dutch and English. Course text comes from the course file;
/// everything the program itself says comes from here.
public struct Phrases: Sendable {
    public enum Language: String, Sendable {
        case dutch = "nl"
        case english = "en"
    }

    public var language: Language

    /// Dutch for `nl`, English for every other code.
    public init(code: String) {
        language = code == "nl" ? .dutch : .english
    }

    private func pick(_ dutch: String, _ english: String) -> String {
        language == .dutch ? dutch : english
    }

    // MARK: Numbers

    /// `85,4 %` in Dutch, `85.4%` in English.
    public func percent(_ value: Double?) -> String {
        guard let value else { return pick("niet beoordeeld", "not assessed") }
        let text = String(format: "%.1f", value)
        return language == .dutch ? text.replacingOccurrences(of: ".", with: ",") + " %" : text + "%"
    }

    // MARK: Start

    public var askLearnerID: String { pick("Je personeelsnummer: ", "Your employee number: ") }
    public var invalidLearnerID: String {
        pick("Een personeelsnummer bestaat uit 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes, en begint niet met een punt.",
             "An employee number is 1 to 64 letters, digits, dots, hyphens or underscores, and does not start with a dot.")
    }
    public var askName: String { pick("Je naam (mag je leeg laten): ", "Your name (you may leave this empty): ") }
    public func resumeQuestion(answered: Int) -> String {
        pick("Je hebt een poging die nog niet af is (\(answered) \(answered == 1 ? "scenario" : "scenario's") beantwoord). Wil je verdergaan? [J/n] ",
             "You have an unfinished attempt (\(answered) \(answered == 1 ? "scenario" : "scenarios") answered). Do you want to continue? [Y/n] ")
    }
    public func resuming(answered: Int) -> String {
        pick("Je gaat verder waar je was gebleven (\(answered) beantwoord).", "Continuing where you left off (\(answered) answered).")
    }
    public var restarting: String {
        pick("Je begint opnieuw. Je vorige poging is bewaard als afgebroken.", "Starting over. Your previous attempt is kept, marked abandoned.")
    }
    public func damagedProgress(_ path: String) -> String {
        pick("Je opgeslagen voortgang was beschadigd en is apart gezet (\(path)). Je begint opnieuw.",
             "Your saved progress was damaged and has been set aside (\(path)). You start again.")
    }
    public func savedAttemptDoesNotFit(_ reason: String) -> String {
        pick("Je opgeslagen poging past niet meer bij deze versie van de cursus (\(reason)). Die poging is bewaard als afgebroken; je begint opnieuw.",
             "Your saved attempt no longer fits this version of the course (\(reason)). It is kept, marked abandoned; you start again.")
    }
    public var waitingForOtherSession: String {
        pick("Er loopt al een sessie met dit personeelsnummer voor deze cursus. Wegwijs wacht tot die klaar is (Ctrl-C om te stoppen)…",
             "Another session with this employee number is running this course. Wegwijs waits until it ends (Ctrl-C to stop)…")
    }
    public var isYes: Set<String> { ["", "j", "ja", "y", "yes"] }

    public func introduction(scenarios: Int) -> String {
        pick("Je krijgt ongeveer \(scenarios) situaties te zien. Kies steeds hoe jij zou reageren. Na elk antwoord hoor je hoe het zit.\nTyp ? voor hulp, 'richtlijnen' om de richtlijnen te lezen en 'stop' om te pauzeren: je voortgang blijft bewaard.",
             "You will see about \(scenarios) situations. Each time, choose how you would react. After every answer you learn how it works.\nType ? for help, 'guidelines' to read the guidelines and 'stop' to pause: your progress is kept.")
    }
    public var guidelinesHeading: String { pick("De richtlijnen", "The guidelines") }
    public var pressEnterToStart: String { pick("Druk op Enter om te beginnen. ", "Press Enter to start. ") }
    public var pressEnterToContinue: String { pick("Druk op Enter om verder te gaan. ", "Press Enter to continue. ") }

    // MARK: Scenario

    public func progress(_ position: Int, of total: Int) -> String {
        pick("Scenario \(position) van \(total)", "Scenario \(position) of \(total)")
    }
    public var defaultQuestion: String { pick("Wat doe je?", "What do you do?") }
    public func singleHint(last: Character) -> String {
        pick("Typ de letter van je antwoord (a-\(last)). ? voor hulp.", "Type the letter of your answer (a-\(last)). ? for help.")
    }
    public func multipleHint(last: Character) -> String {
        pick("Meer antwoorden kunnen goed zijn: typ alle letters die je kiest, bijvoorbeeld 'a c' of 'a,c' (a-\(last)).",
             "More than one answer can be right: type every letter you choose, for example 'a c' or 'a,c' (a-\(last)).")
    }
    public func answerPrompt(last: Character) -> String { pick("Je antwoord (a-\(last)): ", "Your answer (a-\(last)): ") }

    public func notUnderstood(_ input: String, last: Character) -> String {
        pick("'\(input)' begrijp ik niet. Typ een letter van a tot en met \(last), of ?, richtlijnen of stop.",
             "'\(input)' is not an answer. Type a letter from a to \(last), or ?, guidelines or stop.")
    }
    public var emptyAnswer: String { pick("Typ de letter van je antwoord.", "Type the letter of your answer.") }
    public func onlyOne(last: Character) -> String {
        pick("Kies hier één antwoord: typ één letter (a-\(last)).", "Choose one answer here: type one letter (a-\(last)).")
    }
    public func noSuchOption(_ letter: Character, last: Character) -> String {
        pick("Er is geen antwoord \(letter). Kies uit a tot en met \(last).", "There is no answer \(letter). Choose from a to \(last).")
    }
    public func help(last: Character, multiple: Bool) -> String {
        pick("""
        Zo werkt het:
          a-\(last)          kies een antwoord\(multiple ? " (hier mag je er meer kiezen: 'a c')" : "")
          richtlijnen    lees de vijf richtlijnen nog eens
          stop           pauzeer; je voortgang is bewaard en je gaat later verder
          ?              deze hulp
        Met de pijltjestoetsen haal je eerdere invoer terug; Tab vult aan.
        """, """
        How it works:
          a-\(last)          choose an answer\(multiple ? " (you may choose more here: 'a c')" : "")
          guidelines     read the guidelines again
          stop           pause; your progress is kept and you continue later
          ?              this help
        The arrow keys bring back earlier input; Tab completes.
        """)
    }

    // MARK: Feedback

    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .good: pick("Goed", "Good")
        case .partlyGood: pick("Gedeeltelijk goed", "Partly good")
        case .notGood: pick("Niet goed", "Not good")
        case .seriousBreach: pick("Ernstige overtreding", "Serious breach")
        }
    }
    public var youChose: String { pick("Je koos", "You chose") }
    public var alsoRight: String { pick("Ook goed, maar niet gekozen", "Also right, but not chosen") }
    public var explanation: String { pick("Uitleg", "Explanation") }
    public var guidelinesInvolved: String { pick("Richtlijnen", "Guidelines") }

    // MARK: Result

    public var resultHeading: String { pick("Je resultaat", "Your result") }
    public var total: String { pick("Totaal", "Total") }
    public var passed: String { pick("Geslaagd! Je hebt de cursus met goed gevolg afgerond.", "Passed! You have completed the course successfully.") }
    public var notPassed: String { pick("Niet geslaagd. Dit moet beter:", "Not passed. What needs to improve:") }
    public func overallBelow(_ percent: String, required: Int) -> String {
        pick("je totaalscore is \(percent); daarvoor is minstens \(required) % nodig", "your total score is \(percent); at least \(required)% is needed")
    }
    public func guidelineBelow(_ title: String, _ percent: String, required: Int) -> String {
        pick("'\(title)': \(percent); per richtlijn is minstens \(required) % nodig", "'\(title)': \(percent); each guideline needs at least \(required)%")
    }
    public func criticalChosen(_ titles: [String]) -> String {
        pick("je koos een ernstige overtreding in: \(titles.joined(separator: ", "))",
             "you chose a serious breach in: \(titles.joined(separator: ", "))")
    }
    public func reread(_ title: String) -> String {
        pick("Lees nog eens na: \(title)", "Worth re-reading: \(title)")
    }
    public func recordWritten(_ path: String) -> String {
        pick("Je resultaat is opgeslagen in \(path)", "Your result was saved in \(path)")
    }

    // MARK: Leaving

    public func stopped(answered: Int) -> String {
        pick("Je voortgang is bewaard (\(answered) beantwoord). Start wegwijs opnieuw om verder te gaan.",
             "Your progress is saved (\(answered) answered). Start wegwijs again to continue.")
    }
    public var interrupted: String {
        pick("Onderbroken. Je voortgang tot het laatste antwoord is bewaard.", "Interrupted. Your progress up to the last answer is saved.")
    }
    public func notSaved(_ reason: String) -> String {
        pick("Je antwoorden konden niet worden opgeslagen: \(reason)", "Your answers could not be saved: \(reason)")
    }
    public var lastAnswerLost: String {
        pick("Je laatste antwoord is niet bewaard; eerdere antwoorden wel, als ze eerder zijn opgeslagen.",
             "Your last answer was not saved; earlier answers were, where they had been saved before.")
    }
}
