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
        return language == .dutch ? Percent.text(value, separator: ",") + " %" : Percent.text(value) + "%"
    }

    /// `25-11-2026` in Dutch, `2026-11-25` in English.
    public func date(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.civil
        return language == .dutch ? String(format: "%02d-%02d-%04d", dayOfMonth, month, year) : day.description
    }

    // MARK: Start

    public var welcome: String {
        pick("Welkom! In deze cursus kies je steeds hoe jij zou reageren in een echte situatie, en hoor je daarna hoe het zit.",
             "Welcome! In this course you choose how you would react in real situations, and then learn how it works.")
    }

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
    public func savedAttemptDoesNotFit(_ reason: AttemptSession.Unfit) -> String {
        let why = switch reason {
        case .structureChanged:
            pick("de vragen of de punten zijn veranderd", "its questions or points have changed")
        case .answersDoNotFit:
            pick("je antwoorden passen niet meer bij de vragen", "your answers no longer fit its questions")
        }
        return pick("Je opgeslagen poging past niet meer bij deze versie van de cursus: \(why). Die poging is bewaard als afgebroken; je begint opnieuw.",
                    "Your saved attempt no longer fits this version of the course: \(why). It is kept, marked abandoned; you start again.")
    }
    public var waitingForOtherSession: String {
        pick("Er loopt al een sessie met dit personeelsnummer voor deze cursus. Wegwijs wacht tot die klaar is (Ctrl-C om te stoppen)…",
             "Another session with this employee number is running this course. Wegwijs waits until it ends (Ctrl-C to stop)…")
    }
    /// Replies a yes/no question takes, in both languages (a learner may answer either way).
    public var yesWords: Set<String> { ["j", "ja", "y", "yes"] }
    public var noWords: Set<String> { ["n", "nee", "no"] }
    /// The words that stop the session at any question or pause.
    public var stopWords: Set<String> { ["stop", "quit"] }
    public var yesOrNo: String {
        pick("Typ ja of nee (of stop om te pauzeren).", "Type yes or no (or stop to pause).")
    }

    public func introduction(scenarios: Int, guidelines: Int) -> String {
        pick("Je krijgt ongeveer \(scenarios) situaties te zien. Kies steeds hoe jij zou reageren. Na elk antwoord hoor je hoe het zit en hoeveel punten je antwoord opleverde voor elk van de \(guidelines) richtlijnen.\nTyp ? voor hulp, 'richtlijnen' om de richtlijnen te lezen en 'stop' om te pauzeren: je voortgang blijft bewaard.",
             "You will see about \(scenarios) situations. Each time, choose how you would react. After every answer you learn how it works and what your answer scored on each of the \(guidelines) guidelines.\nType ? for help, 'guidelines' to read the guidelines and 'stop' to pause: your progress is kept.")
    }
    public var guidelinesHeading: String { pick("De richtlijnen", "The guidelines") }
    public var pressEnterToStart: String { pick("Druk op Enter om te beginnen. ", "Press Enter to start. ") }
    public var pressEnterToContinue: String { pick("Druk op Enter om verder te gaan. ", "Press Enter to continue. ") }
    public var pressEnterToSeeResult: String { pick("Druk op Enter voor je resultaat. ", "Press Enter to see your result. ") }

    // MARK: Scenario

    public func progress(_ position: Int, of total: Int) -> String {
        pick("Situatie \(position) van \(total)", "Situation \(position) of \(total)")
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
          richtlijnen    lees de richtlijnen nog eens
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
    public var betterWas: String { pick("Beter was", "A better answer") }
    public var pointsHeading: String { pick("Punten", "Points") }
    /// `+2 van 2`, `−3 van 2`; English `+2 of 2`.
    public func points(_ earned: Int, of possible: Int) -> String {
        let signed = earned < 0 ? "−\(-earned)" : "+\(earned)"
        return pick("\(signed) van \(possible)", "\(signed) of \(possible)")
    }

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
    public func validUntil(_ date: String) -> String {
        pick("Je certificaat is geldig tot en met \(date).", "Your certificate is valid until \(date) inclusive.")
    }
    public func pointsLostIn(_ titles: [String]) -> String {
        pick("Hier liep je punten mis: \(titles.joined(separator: ", ")).", "Where you lost points: \(titles.joined(separator: ", ")).")
    }
    public var acknowledgeQuestion: String {
        pick("Bevestig je dit? [ja/nee] ", "Do you confirm this? [yes/no] ")
    }
    public var acknowledged: String { pick("Dank je, je bevestiging is vastgelegd.", "Thank you, your confirmation is recorded.") }
    public var notAcknowledged: String {
        pick("Je hebt niet bevestigd. Je bent wel geslaagd; HR ziet dat de bevestiging ontbreekt.",
             "You did not confirm. You have passed; HR sees that the confirmation is missing.")
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
    public var interruptedBeforeStart: String { pick("Onderbroken.", "Interrupted.") }
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
