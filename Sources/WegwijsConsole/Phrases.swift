import Foundation
import WegwijsCore

/// The interface's own words, one table per language. Course text comes from the course file;
/// everything the program itself says comes from here. Every phrase is a stored property set by
/// the memberwise initialiser in `dutch` and `english`, so a phrase missing in one language does
/// not compile; a third language is one more table.
public struct Phrases: Sendable {
    public let language: InterfaceLanguage

    // MARK: Numbers and dates

    let notAssessed: String
    /// How this language writes numbers, percentages, days and durations (the one home of
    /// these conventions; `NumberStyle` reads them from here).
    public let numbers: NumberConventions
    /// The words a learner types: at the answer prompt, at yes/no questions, at every pause.
    public let words: TypedWords

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
    /// How to pass, from the course's rule, on the first screen.
    public let passRule: @Sendable (_ overall: Int, _ perGuideline: Int, _ noCritical: Bool) -> String
    /// Before a retake that starts with what failed last time: the guidelines' titles.
    public let retakeIntroduction: @Sendable (_ guidelines: [String]) -> String
    /// The heading of a refresher's first screen.
    public let refresherHeading: String
    /// What a refresher is, how many situations it has, and since when it is due.
    public let refresherIntroduction: @Sendable (_ scenarios: Int, _ dueSince: String) -> String
    public let guidelinesHeading: String
    public let pressEnterToStart: String
    public let pressEnterToContinue: String
    public let pressEnterToSeeResult: String

    // MARK: Scenario

    public let progress: @Sendable (_ position: Int, _ total: Int) -> String
    public let defaultQuestion: String
    /// What each question kind says: its hint under the options, its line in the help, its
    /// name in the preview.
    public let kinds: PerKind<KindPhrases>
    public let answerPrompt: @Sendable (_ last: Character) -> String
    public let notUnderstood: @Sendable (_ input: String, _ last: Character) -> String
    public let emptyAnswer: String
    public let onlyOne: @Sendable (_ last: Character) -> String
    public let noSuchOption: @Sendable (_ letter: Character, _ last: Character) -> String
    /// A ranking: a letter typed twice.
    public let repeatedLetter: @Sendable (_ letter: Character, _ last: Character) -> String
    /// A ranking: letters left out.
    public let missingLetters: @Sendable (_ missing: String, _ last: Character) -> String
    /// The help at the answer prompt, around the kind's own line.
    public let help: @Sendable (_ kindRow: (keys: String, effect: String)) -> String
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
    /// A ranking: the learner's order and the right one.
    public let yourOrder: String
    public let rightOrder: String
    /// After an option in the learner's order.
    public let rightPlace: String
    public let wrongPlace: String
    public let pointsHeading: String
    /// `+2 van 2`, `−3 van 2`; English `+2 of 2` (the sign is added by `points`).
    let pointsOf: @Sendable (_ signed: String, _ possible: Int) -> String

    // MARK: Result

    public let resultHeading: String
    public let total: String
    public let passed: String
    public let notPassed: String
    public let refresherPassed: String
    /// After a failed attempt: that the course can be taken again at once, and how.
    public let tryAgain: String
    /// After a failed refresher: what happens next.
    public let refresherNotPassed: String
    public let overallBelow: @Sendable (_ percent: String, _ required: Int) -> String
    public let guidelineBelow: @Sendable (_ title: String, _ percent: String, _ required: Int) -> String
    public let criticalChosen: @Sendable (_ titles: [String]) -> String
    public let validUntil: @Sendable (_ date: String) -> String
    /// The certificate page, and the end screen's words about it.
    public let certificate: CertificatePhrases
    public let pointsLostIn: @Sendable (_ titles: [String]) -> String
    public let acknowledgeQuestion: String
    public let acknowledged: String
    public let notAcknowledged: String
    public let reread: @Sendable (_ title: String) -> String
    public let recordWritten: String

    // MARK: Leaving

    /// After `stop`: that the answers are kept; `stoppedIn` is followed by the progress file's
    /// path, `continueLater` says how to go on (`restart`: the run was started with --restart).
    public let stopped: @Sendable (_ answered: Int) -> String
    public let stoppedIn: @Sendable (_ answered: Int) -> String
    public let continueLater: @Sendable (_ restart: Bool) -> String
    /// After `stop` over ssh: kept on the server; `command` is what followed `ssh <server>`.
    public let stoppedOnServer: @Sendable (_ answered: Int, _ command: String) -> String
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
    /// The validity in words (`1 jaar`, `6 months`); the argument is already written out by `duration`.
    public let previewValidFor: @Sendable (_ duration: String) -> String
    /// Units of a duration in words: singular and plural of year, month, week, day, and the
    /// word that joins the last two parts (`en`, `and`).
    public let durationUnits: [(one: String, many: String)]
    public let durationAnd: String
    public let previewDueWithin: @Sendable (_ days: Int) -> String
    public let previewShuffled: String
    public let previewPool: @Sendable (_ id: String, _ draw: Int, _ members: Int) -> String
    public let previewInPool: @Sendable (_ id: String) -> String
    public let previewClosing: String
    public let previewAcknowledgement: String
    public let previewHeading: @Sendable (_ number: Int, _ total: Int) -> String
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

    /// `85,4 %` in Dutch, `85.4%` in English; "not assessed" for nil.
    public func percent(_ value: Double?) -> String {
        guard let value else { return notAssessed }
        return NumberStyle(language).percent(value)
    }

    public func date(_ day: CalendarDay) -> String { NumberStyle(language).day(day) }

    /// An ISO 8601 duration in words: `P1Y` is `1 jaar` / `1 year`, `P1Y6M` `1 jaar en 6 maanden`.
    public func duration(_ duration: ISODuration) -> String {
        let counts = [duration.years, duration.months, duration.weeks, duration.days]
        let parts = zip(counts, durationUnits).filter { $0.0 != 0 }.map { count, unit in "\(count) \(count == 1 ? unit.one : unit.many)" }
        guard parts.count > 1 else { return parts.first ?? "0 \(durationUnits[3].many)" }
        return parts.dropLast().joined(separator: ", ") + " \(durationAnd) " + parts[parts.count - 1]
    }

    /// The phrases of one question kind.
    public func kind(_ kind: ScenarioKind) -> KindPhrases { kinds[kind] }

    /// The help at the answer prompt for a scenario of this kind, its keys in one column.
    public func help(for kind: ScenarioKind, last: Character) -> String {
        help(kinds[kind].helpLine(last))
    }

    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .good: good
        case .partlyGood: partlyGood
        case .notGood: notGood
        case .seriousBreach: seriousBreach
        }
    }

    /// The words before the options of one part of what is shown after an answer.
    public func reviewLabel(_ label: ReviewSection.Label) -> String {
        switch label {
        case .youChose: youChose
        case .alsoRight: alsoRight + ":"
        case .betterWas: betterWas + ":"
        case .yourOrder: yourOrder + ":"
        case .rightOrder: rightOrder + ":"
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
