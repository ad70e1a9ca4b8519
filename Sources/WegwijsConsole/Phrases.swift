import Foundation
import WegwijsCore

/// The languages the interface speaks (a third is one more case and one more table here, in
/// `ReportPhrases` and in `StatsPhrases`; the compiler points at each).
public enum InterfaceLanguage: String, Sendable, CaseIterable {
    case nl
    case en
}

/// The interface's own words, one table per language. Course text comes from the course file;
/// everything the program itself says comes from here. Every phrase is a stored property set by
/// the memberwise initialiser in `dutch` and `english`, so a phrase missing in one language does
/// not compile; a third language is one more table.
public struct Phrases: Sendable {
    public let language: InterfaceLanguage

    // MARK: Numbers and dates

    let notAssessed: String
    /// Decimal separator and the text after a percentage: `85,4 %` in Dutch, `85.4%` in English.
    let decimalSeparator: Character
    let percentSuffix: String
    /// `25-11-2026` in Dutch, `2026-11-25` in English.
    let dayFormat: @Sendable (_ year: Int, _ month: Int, _ day: Int) -> String

    // MARK: Start

    public let welcome: String
    public let askLearnerID: String
    public let invalidLearnerID: String
    public let askName: String
    public let resumeQuestion: @Sendable (_ answered: Int) -> String
    public let resuming: @Sendable (_ answered: Int) -> String
    public let restarting: String
    public let damagedProgress: String
    let structureChanged: String
    let answersDoNotFit: String
    let savedAttemptDoesNotFitBecause: @Sendable (_ why: String) -> String
    public let waitingForOtherSession: String
    public let yesOrNo: String
    public let introduction: @Sendable (_ scenarios: Int, _ guidelines: Int) -> String
    public let guidelinesHeading: String
    public let pressEnterToStart: String
    public let pressEnterToContinue: String
    public let pressEnterToSeeResult: String

    // MARK: Scenario

    public let progress: @Sendable (_ position: Int, _ total: Int) -> String
    public let defaultQuestion: String
    public let singleHint: @Sendable (_ last: Character) -> String
    public let multipleHint: @Sendable (_ last: Character) -> String
    public let answerPrompt: @Sendable (_ last: Character) -> String
    public let notUnderstood: @Sendable (_ input: String, _ last: Character) -> String
    public let emptyAnswer: String
    public let onlyOne: @Sendable (_ last: Character) -> String
    public let noSuchOption: @Sendable (_ letter: Character, _ last: Character) -> String
    public let help: @Sendable (_ last: Character, _ multiple: Bool) -> String
    /// The words typed at the answer prompt besides letters (Tab completes them).
    public let promptWords: [String]

    // MARK: Feedback

    let good: String
    let partlyGood: String
    let notGood: String
    let seriousBreach: String
    public let youChose: String
    public let alsoRight: String
    public let explanation: String
    public let betterWas: String
    public let pointsHeading: String
    /// `+2 van 2`, `−3 van 2`; English `+2 of 2` (the sign is added by `points`).
    let pointsOf: @Sendable (_ signed: String, _ possible: Int) -> String

    // MARK: Result

    public let resultHeading: String
    public let total: String
    public let passed: String
    public let notPassed: String
    public let overallBelow: @Sendable (_ percent: String, _ required: Int) -> String
    public let guidelineBelow: @Sendable (_ title: String, _ percent: String, _ required: Int) -> String
    public let criticalChosen: @Sendable (_ titles: [String]) -> String
    public let validUntil: @Sendable (_ date: String) -> String
    public let pointsLostIn: @Sendable (_ titles: [String]) -> String
    public let acknowledgeQuestion: String
    public let acknowledged: String
    public let notAcknowledged: String
    public let reread: @Sendable (_ title: String) -> String
    public let recordWritten: String

    // MARK: Leaving

    public let stopped: @Sendable (_ answered: Int) -> String
    public let interruptedBeforeStart: String
    public let interrupted: String
    public let notSaved: @Sendable (_ reason: String) -> String
    public let lastAnswerLost: String
    /// At the end of a run whose LRS did not answer: how many xAPI statements wait.
    public let statementsWaiting: @Sendable (_ count: Int) -> String

    // MARK: Preview (for trainers and the policy owner)

    public let previewCourse: @Sendable (_ id: String, _ version: String) -> String
    public let previewLanguages: @Sendable (_ languages: String) -> String
    public let previewSituations: @Sendable (_ count: Int) -> String
    public let previewPassRule: @Sendable (_ overall: Int, _ perGuideline: Int, _ noCritical: Bool) -> String
    public let previewValidFor: @Sendable (_ duration: String) -> String
    public let previewDueWithin: @Sendable (_ days: Int) -> String
    public let previewShuffled: String
    public let previewPool: @Sendable (_ id: String, _ draw: Int, _ members: Int) -> String
    public let previewInPool: @Sendable (_ id: String) -> String
    public let previewClosing: String
    public let previewAcknowledgement: String
    public let previewHeading: @Sendable (_ number: Int, _ total: Int) -> String
    public let previewMultiple: String
    public let previewSingle: String
    public let previewID: String
    public let previewScores: String
    public let previewCritical: String
    public let previewNext: String
    public let previewFeedback: String
    public let previewNoFeedback: String
    public let previewNoExplanation: String
    public let previewPossible: String
    public let previewNothing: String
    public let previewThen: String
    public let previewEnd: String
    public let previewEndLast: String
    public let previewFollowing: String
}

extension Phrases {
    /// Dutch for `nl`, English for every other code.
    public init(code: String) {
        self = Phrases.of(InterfaceLanguage(rawValue: code) ?? .en)
    }

    /// The table of one language.
    public static func of(_ language: InterfaceLanguage) -> Phrases {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    /// Replies a yes/no question takes, in both languages (a learner may answer either way).
    public var yesWords: Set<String> { ["j", "ja", "y", "yes"] }
    public var noWords: Set<String> { ["n", "nee", "no"] }
    /// The words that stop the session at any question or pause.
    public var stopWords: Set<String> { ["stop", "quit"] }

    /// `85,4 %` in Dutch, `85.4%` in English; "not assessed" for nil.
    public func percent(_ value: Double?) -> String {
        guard let value else { return notAssessed }
        return Percent.text(value, separator: decimalSeparator) + percentSuffix
    }

    public func date(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.civil
        return dayFormat(year, month, dayOfMonth)
    }

    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .good: good
        case .partlyGood: partlyGood
        case .notGood: notGood
        case .seriousBreach: seriousBreach
        }
    }

    public func points(_ earned: Int, of possible: Int) -> String {
        pointsOf(earned < 0 ? "−\(-earned)" : "+\(earned)", possible)
    }

    public func savedAttemptDoesNotFit(_ reason: AttemptSession.Unfit) -> String {
        switch reason {
        case .structureChanged: savedAttemptDoesNotFitBecause(structureChanged)
        case .answersDoNotFit: savedAttemptDoesNotFitBecause(answersDoNotFit)
        }
    }
}

extension Phrases {
    public static let dutch = Phrases(
        language: .nl,
        notAssessed: "niet beoordeeld",
        decimalSeparator: ",",
        percentSuffix: " %",
        dayFormat: { year, month, day in String(format: "%02d-%02d-%04d", day, month, year) },
        welcome: "Welkom! In deze cursus kies je steeds hoe jij zou reageren in een echte situatie, en hoor je daarna hoe het zit.",
        askLearnerID: "Je personeelsnummer: ",
        invalidLearnerID: "Een personeelsnummer bestaat uit 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes, en begint niet met een punt.",
        askName: "Je naam (mag je leeg laten): ",
        resumeQuestion: { "Je hebt een poging die nog niet af is (\($0) \($0 == 1 ? "situatie" : "situaties") beantwoord). Wil je verdergaan? [J/n] " },
        resuming: { "Je gaat verder waar je was gebleven (\($0) beantwoord)." },
        restarting: "Je begint opnieuw. Je vorige poging is bewaard als afgebroken.",
        damagedProgress: "Je opgeslagen voortgang was beschadigd; je begint opnieuw. Wat er stond, is apart gezet in:",
        structureChanged: "de vragen of de punten zijn veranderd",
        answersDoNotFit: "je antwoorden passen niet meer bij de vragen",
        savedAttemptDoesNotFitBecause: { "Je opgeslagen poging past niet meer bij deze versie van de cursus: \($0). Die poging is bewaard als afgebroken; je begint opnieuw." },
        waitingForOtherSession: "Er loopt al een sessie met dit personeelsnummer voor deze cursus. Wegwijs wacht tot die klaar is (Ctrl-C om te stoppen)…",
        yesOrNo: "Typ ja of nee (of stop om te pauzeren).",
        introduction: { scenarios, guidelines in
            "Je krijgt ongeveer \(scenarios) situaties te zien. Kies steeds hoe jij zou reageren. Na elk antwoord hoor je hoe het zit en hoeveel punten je antwoord opleverde voor elk van de \(guidelines) richtlijnen.\nTyp ? voor hulp, 'richtlijnen' om de richtlijnen te lezen en 'stop' om te pauzeren: je voortgang blijft bewaard."
        },
        guidelinesHeading: "De richtlijnen",
        pressEnterToStart: "Druk op Enter om te beginnen. ",
        pressEnterToContinue: "Druk op Enter om verder te gaan. ",
        pressEnterToSeeResult: "Druk op Enter voor je resultaat. ",
        progress: { "Situatie \($0) van \($1)" },
        defaultQuestion: "Wat doe je?",
        singleHint: { "Typ de letter van je antwoord (a-\($0)). ? voor hulp." },
        multipleHint: { "Meer antwoorden kunnen goed zijn: typ alle letters die je kiest, bijvoorbeeld 'a c' of 'a,c' (a-\($0))." },
        answerPrompt: { "Je antwoord (a-\($0)): " },
        notUnderstood: { "'\($0)' begrijp ik niet. Typ een letter van a tot en met \($1), of ?, richtlijnen of stop." },
        emptyAnswer: "Typ de letter van je antwoord.",
        onlyOne: { "Kies hier één antwoord: typ één letter (a-\($0))." },
        noSuchOption: { "Er is geen antwoord \($0). Kies uit a tot en met \($1)." },
        help: { last, multiple in
            HelpLayout.table("Zo werkt het:", [
                ("a-\(last)", "kies een antwoord" + (multiple ? " (hier mag je er meer kiezen: 'a c')" : "")),
                ("richtlijnen", "lees de richtlijnen nog eens"), ("stop", "pauzeer; je voortgang is bewaard en je gaat later verder"),
                ("?", "deze hulp"),
            ], "Met de pijltjestoetsen haal je eerdere invoer terug; Tab vult aan.")
        },
        promptWords: ["help", "richtlijnen", "stop"],
        good: "Goed",
        partlyGood: "Gedeeltelijk goed",
        notGood: "Niet goed",
        seriousBreach: "Ernstige overtreding",
        youChose: "Je koos",
        alsoRight: "Ook goed, maar niet gekozen",
        explanation: "Uitleg",
        betterWas: "Beter was",
        pointsHeading: "Punten",
        pointsOf: { "\($0) van \($1)" },
        resultHeading: "Je resultaat",
        total: "Totaal",
        passed: "Geslaagd! Je hebt de cursus met goed gevolg afgerond.",
        notPassed: "Niet geslaagd. Dit moet beter:",
        overallBelow: { "je totaalscore is \($0); daarvoor is minstens \($1) % nodig" },
        guidelineBelow: { "'\($0)': \($1); per richtlijn is minstens \($2) % nodig" },
        criticalChosen: { "je koos een ernstige overtreding in: \($0.joined(separator: ", "))" },
        validUntil: { "Je certificaat is geldig tot en met \($0)." },
        pointsLostIn: { "Hier liep je punten mis: \($0.joined(separator: ", "))." },
        acknowledgeQuestion: "Bevestig je dit? [ja/nee] ",
        acknowledged: "Dank je, je bevestiging is vastgelegd.",
        notAcknowledged: "Je hebt niet bevestigd. Je bent wel geslaagd; HR ziet dat de bevestiging ontbreekt.",
        reread: { "Lees nog eens na: \($0)" },
        recordWritten: "Je resultaat is opgeslagen in:",
        stopped: { "Je voortgang is bewaard (\($0) beantwoord). Start wegwijs opnieuw om verder te gaan." },
        interruptedBeforeStart: "Onderbroken.",
        interrupted: "Onderbroken. Je voortgang tot het laatste antwoord is bewaard.",
        notSaved: { "Je antwoorden konden niet worden opgeslagen: \($0)" },
        lastAnswerLost: "Je laatste antwoord is niet bewaard; eerdere antwoorden wel, als ze eerder zijn opgeslagen.",
        statementsWaiting: { "\($0) xAPI-\($0 == 1 ? "bericht wacht" : "berichten wachten") op verzending (wegwijs sync)." },
        previewCourse: { "cursus \($0) \($1)" },
        previewLanguages: { "talen \($0)" },
        previewSituations: { "\($0) \($0 == 1 ? "situatie" : "situaties")" },
        previewPassRule: { overall, perGuideline, noCritical in
            "geslaagd: totaal minstens \(overall) %, elke beoordeelde richtlijn minstens \(perGuideline) %" + (noCritical ? ", geen ernstige overtreding" : ", ernstige overtredingen toegestaan")
        },
        previewValidFor: { "geldig \($0)" },
        previewDueWithin: { "af binnen \($0) dagen" },
        previewShuffled: "antwoorden per poging geschud (hier in de volgorde van het bestand)",
        previewPool: { id, draw, members in "pool \(id): \(draw) van \(members) situaties per poging" },
        previewInPool: { "in pool \($0)" },
        previewClosing: "afsluiting:",
        previewAcknowledgement: "bevestiging na slagen:",
        previewHeading: { "Situatie \($0)/\($1)" },
        previewMultiple: "meer antwoorden",
        previewSingle: "één antwoord",
        previewID: "id",
        previewScores: "punten",
        previewCritical: "ERNSTIG",
        previewNext: "daarna",
        previewFeedback: "feedback",
        previewNoFeedback: "(geen feedback)",
        previewNoExplanation: "(geen uitleg)",
        previewPossible: "mogelijk",
        previewNothing: "niets",
        previewThen: "daarna",
        previewEnd: "einde van de cursus",
        previewEndLast: "einde van de cursus (laatste situatie)",
        previewFollowing: "(de volgende situatie)"
    )

    public static let english = Phrases(
        language: .en,
        notAssessed: "not assessed",
        decimalSeparator: ".",
        percentSuffix: "%",
        dayFormat: { year, month, day in String(format: "%04d-%02d-%02d", year, month, day) },
        welcome: "Welcome! In this course you choose how you would react in real situations, and then learn how it works.",
        askLearnerID: "Your employee number: ",
        invalidLearnerID: "An employee number is 1 to 64 letters, digits, dots, hyphens or underscores, and does not start with a dot.",
        askName: "Your name (you may leave this empty): ",
        resumeQuestion: { "You have an unfinished attempt (\($0) \($0 == 1 ? "situation" : "situations") answered). Do you want to continue? [Y/n] " },
        resuming: { "Continuing where you left off (\($0) answered)." },
        restarting: "Starting over. Your previous attempt is kept, marked abandoned.",
        damagedProgress: "Your saved progress was damaged; you start again. What it held has been set aside in:",
        structureChanged: "its questions or points have changed",
        answersDoNotFit: "your answers no longer fit its questions",
        savedAttemptDoesNotFitBecause: { "Your saved attempt no longer fits this version of the course: \($0). It is kept, marked abandoned; you start again." },
        waitingForOtherSession: "Another session with this employee number is running this course. Wegwijs waits until it ends (Ctrl-C to stop)…",
        yesOrNo: "Type yes or no (or stop to pause).",
        introduction: { scenarios, guidelines in
            "You will see about \(scenarios) situations. Each time, choose how you would react. After every answer you learn how it works and what your answer scored on each of the \(guidelines) guidelines.\nType ? for help, 'guidelines' to read the guidelines and 'stop' to pause: your progress is kept."
        },
        guidelinesHeading: "The guidelines",
        pressEnterToStart: "Press Enter to start. ",
        pressEnterToContinue: "Press Enter to continue. ",
        pressEnterToSeeResult: "Press Enter to see your result. ",
        progress: { "Situation \($0) of \($1)" },
        defaultQuestion: "What do you do?",
        singleHint: { "Type the letter of your answer (a-\($0)). ? for help." },
        multipleHint: { "More than one answer can be right: type every letter you choose, for example 'a c' or 'a,c' (a-\($0))." },
        answerPrompt: { "Your answer (a-\($0)): " },
        notUnderstood: { "'\($0)' is not an answer. Type a letter from a to \($1), or ?, guidelines or stop." },
        emptyAnswer: "Type the letter of your answer.",
        onlyOne: { "Choose one answer here: type one letter (a-\($0))." },
        noSuchOption: { "There is no answer \($0). Choose from a to \($1)." },
        help: { last, multiple in
            HelpLayout.table("How it works:", [
                ("a-\(last)", "choose an answer" + (multiple ? " (you may choose more here: 'a c')" : "")),
                ("guidelines", "read the guidelines again"), ("stop", "pause; your progress is kept and you continue later"),
                ("?", "this help"),
            ], "The arrow keys bring back earlier input; Tab completes.")
        },
        promptWords: ["help", "guidelines", "stop", "quit"],
        good: "Good",
        partlyGood: "Partly good",
        notGood: "Not good",
        seriousBreach: "Serious breach",
        youChose: "You chose",
        alsoRight: "Also right, but not chosen",
        explanation: "Explanation",
        betterWas: "A better answer",
        pointsHeading: "Points",
        pointsOf: { "\($0) of \($1)" },
        resultHeading: "Your result",
        total: "Total",
        passed: "Passed! You have completed the course successfully.",
        notPassed: "Not passed. What needs to improve:",
        overallBelow: { "your total score is \($0); at least \($1)% is needed" },
        guidelineBelow: { "'\($0)': \($1); each guideline needs at least \($2)%" },
        criticalChosen: { "you chose a serious breach in: \($0.joined(separator: ", "))" },
        validUntil: { "Your certificate is valid until \($0) inclusive." },
        pointsLostIn: { "Where you lost points: \($0.joined(separator: ", "))." },
        acknowledgeQuestion: "Do you confirm this? [yes/no] ",
        acknowledged: "Thank you, your confirmation is recorded.",
        notAcknowledged: "You did not confirm. You have passed; HR sees that the confirmation is missing.",
        reread: { "Worth re-reading: \($0)" },
        recordWritten: "Your result was saved in:",
        stopped: { "Your progress is saved (\($0) answered). Start wegwijs again to continue." },
        interruptedBeforeStart: "Interrupted.",
        interrupted: "Interrupted. Your progress up to the last answer is saved.",
        notSaved: { "Your answers could not be saved: \($0)" },
        lastAnswerLost: "Your last answer was not saved; earlier answers were, where they had been saved before.",
        statementsWaiting: { "\($0) xAPI statement\($0 == 1 ? " waits" : "s wait") for delivery (wegwijs sync)." },
        previewCourse: { "course \($0) \($1)" },
        previewLanguages: { "languages \($0)" },
        previewSituations: { "\($0) \($0 == 1 ? "situation" : "situations")" },
        previewPassRule: { overall, perGuideline, noCritical in
            "pass: overall at least \(overall)%, every assessed guideline at least \(perGuideline)%" + (noCritical ? ", no serious breach" : ", serious breaches allowed")
        },
        previewValidFor: { "valid for \($0)" },
        previewDueWithin: { "due within \($0) days" },
        previewShuffled: "options shuffled per attempt (shown here in file order)",
        previewPool: { id, draw, members in "pool \(id): \(draw) of \(members) situations per attempt" },
        previewInPool: { "in pool \($0)" },
        previewClosing: "closing:",
        previewAcknowledgement: "confirmed after passing:",
        previewHeading: { "Situation \($0)/\($1)" },
        previewMultiple: "multiple answers",
        previewSingle: "one answer",
        previewID: "id",
        previewScores: "scores",
        previewCritical: "CRITICAL",
        previewNext: "next",
        previewFeedback: "feedback",
        previewNoFeedback: "(no feedback)",
        previewNoExplanation: "(no explanation)",
        previewPossible: "possible",
        previewNothing: "nothing",
        previewThen: "then",
        previewEnd: "end of course",
        previewEndLast: "end of course (last situation)",
        previewFollowing: "(the following situation)"
    )
}
