import WegwijsCore

/// The words of `wegwijs stats` (terminal table and HTML page) in Dutch and English. One stored
/// property per phrase, built with the memberwise initialiser, so a phrase missing in one
/// language does not compile.
public struct StatsPhrases: Sendable {
    public let language: InterfaceLanguage
    public let title: @Sendable (String) -> String
    public let since: @Sendable (String) -> String
    public let courseHeading: String
    public let attempts: String
    public let learners: String
    public let passRate: String
    public let meanPercent: String
    public let medianPercent: String
    public let medianDuration: String
    public let failedOverall: String
    public let failedGuideline: String
    public let failedCritical: String
    public let scenariosHeading: String
    public let scenarioColumn: String
    public let shown: String
    public let facility: String
    public let discrimination: String
    public let optionColumn: String
    /// The column of option shares: what they count (`OptionMeasure`).
    public let share: @Sendable (OptionMeasure) -> String
    public let critical: String
    public let optionsCaption: @Sendable (_ scenario: String, OptionMeasure) -> String
    /// In the text table, after a ranking's line: what its option shares count.
    public let placedRightNote: String
    public let guidelinesHeading: String
    public let guidelineColumn: String
    public let assessed: String
    public let atOrAbove: @Sendable (String) -> String
    public let flagsHeading: String
    public let flagsColumn: String
    public let noFlags: String
    public let flag: @Sendable (ItemFlag) -> String
    public let advice: @Sendable (ItemFlag) -> String
    public let noValue: String
    public let noAttempts: String
    public let madeBy: String
    /// The header's line on what was counted: each learner's first attempt (learners, later
    /// attempts left out) or every attempt; counts given as a number and as written.
    public let countedFirst: @Sendable (_ learners: Int, _ learnersText: String, _ later: Int, _ laterText: String) -> String
    public let countedAll: @Sendable (_ attempts: Int, _ attemptsText: String) -> String
    /// What the key mark means, given the mark.
    public let keyLegend: @Sendable (String) -> String
    /// For screen readers, before a key option's id on the page.
    public let keyHidden: String
    /// A scenario shown fewer times than flags need: times shown, and per flag its name and
    /// the minimum written out.
    public let tooFew: @Sendable (_ shown: Int, _ shownText: String, _ flags: [(flag: String, needs: String)]) -> String
    /// A scenario never shown.
    public let neverShown: String
    /// Under the flags: how many scenarios were shown too few times for some flag.
    public let tooFewSummary: @Sendable (_ count: Int, _ countText: String) -> String

    /// The phrases of a language.
    public static func of(_ language: InterfaceLanguage) -> StatsPhrases {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    public static let nl = StatsPhrases(
        language: .nl,
        title: { "Itemanalyse: \($0)" },
        since: { "pogingen afgerond op of na \($0)" },
        courseHeading: "Cursus",
        attempts: "Pogingen",
        learners: "Deelnemers",
        passRate: "Geslaagd",
        meanPercent: "Gemiddelde score",
        medianPercent: "Mediaan score",
        medianDuration: "Mediaan duur",
        failedOverall: "Gezakt op de totaalscore",
        failedGuideline: "Gezakt op een richtlijn",
        failedCritical: "Gezakt door een ernstige overtreding",
        scenariosHeading: "Scenario's",
        scenarioColumn: "Scenario",
        shown: "Getoond",
        facility: "Facility-index",
        discrimination: "Discriminatie-index",
        optionColumn: "Optie",
        share: { $0 == .chosen ? "Gekozen" : "Goed geplaatst" },
        critical: "ernstig",
        optionsCaption: { scenario, measure in
            switch measure {
            case .chosen: "Opties van \(scenario): aandeel van de pogingen dat ze koos"
            case .placedRight: "Opties van \(scenario): aandeel van de pogingen dat ze op de goede plek zette"
            }
        },
        placedRightNote: "volgorde: per optie het aandeel dat haar op de goede plek zette",
        guidelinesHeading: "Richtlijnen",
        guidelineColumn: "Richtlijn",
        assessed: "Beoordeeld",
        atOrAbove: { "Op of boven \($0)" },
        flagsHeading: "Signalen",
        flagsColumn: "Signalen",
        noFlags: "Geen signalen.",
        flag: { flag in
            switch flag {
            case .tooEasy: "te makkelijk"
            case .tooHard: "te moeilijk"
            case .checkKey: "sleutel controleren"
            case .unusedOption: "ongebruikte optie"
            case .criticalOften: "ernstige optie vaak gekozen"
            }
        },
        advice: { flag in
            switch flag {
            case .tooEasy: "facility ≥ 95 %: bijna iedereen kiest het goede antwoord; maak de foute opties geloofwaardiger."
            case .tooHard: "facility ≤ 30 %: weinigen scoren hier; kijk of de situatie duidelijk is en of de punten kloppen."
            case .checkKey: "discriminatie < 0: wie de rest goed doet, scoort hier slechter; controleer welke optie de punten krijgt."
            case .unusedOption: "door minder dan 2 % gekozen: vervang de optie door een geloofwaardig alternatief."
            case .criticalOften: "een ernstige optie door 10 % of meer gekozen: leg de regel beter uit voordat deze situatie komt."
            }
        },
        noValue: "–",
        noAttempts: "Geen afgeronde pogingen van deze cursus (met deze structuur) gevonden.",
        madeBy: "Gemaakt met wegwijs stats.",
        countedFirst: { learners, learnersText, later, laterText in
            "Geteld: de eerste poging van \(learners == 1 ? "1 deelnemer" : "\(learnersText) deelnemers")"
                + (later == 0 ? "" : " (\(laterText) \(later == 1 ? "latere poging" : "latere pogingen") niet geteld; --attempts all telt ze mee)")
        },
        countedAll: { attempts, text in attempts == 1 ? "Geteld: de enige poging" : "Geteld: alle \(text) pogingen" },
        keyLegend: { "\($0) = sleutel: de optie die de punten krijgt (meerdere antwoorden: elke optie met punten; volgorde: de eerste op de goede plek)" },
        keyHidden: "sleutel:",
        tooFew: { shown, text, flags in
            "\(text) keer getoond: te weinig voor " + flags.map { "\($0.flag), dat \($0.needs) nodig heeft" }.joined(separator: ", en ")
        },
        neverShown: "nooit getoond: geen enkel signaal mogelijk",
        tooFewSummary: { count, text in
            (count == 1 ? "1 scenario is" : "\(text) scenario's zijn") + " te weinig getoond voor sommige signalen (zie Scenario's): daar betekent geen signaal niet dat alles goed is."
        }
    )

    public static let en = StatsPhrases(
        language: .en,
        title: { "Item statistics: \($0)" },
        since: { "attempts finished on or after \($0)" },
        courseHeading: "Course",
        attempts: "Attempts",
        learners: "Learners",
        passRate: "Pass rate",
        meanPercent: "Mean score",
        medianPercent: "Median score",
        medianDuration: "Median duration",
        failedOverall: "Failed on the overall threshold",
        failedGuideline: "Failed on a guideline",
        failedCritical: "Failed on a critical option",
        scenariosHeading: "Scenarios",
        scenarioColumn: "Scenario",
        shown: "Shown",
        facility: "Facility",
        discrimination: "Discrimination",
        optionColumn: "Option",
        share: { $0 == .chosen ? "Chosen" : "Placed right" },
        critical: "critical",
        optionsCaption: { scenario, measure in
            switch measure {
            case .chosen: "Options of \(scenario): share of the attempts that chose each"
            case .placedRight: "Options of \(scenario): share of the attempts that put each in its right place"
            }
        },
        placedRightNote: "ranking: per option, the share that put it in its right place",
        guidelinesHeading: "Guidelines",
        guidelineColumn: "Guideline",
        assessed: "Assessed",
        atOrAbove: { "At or above \($0)" },
        flagsHeading: "Flags",
        flagsColumn: "Flags",
        noFlags: "No flags.",
        flag: { $0.rawValue },
        advice: { flag in
            switch flag {
            case .tooEasy: "facility ≥ 95%: almost everyone picks the right answer; make the wrong options more tempting."
            case .tooHard: "facility ≤ 30%: few score here; check that the situation is clear and the points are right."
            case .checkKey: "discrimination < 0: learners who do well elsewhere do worse here; check which option earns the points."
            case .unusedOption: "chosen by under 2%: replace the option with a believable alternative."
            case .criticalOften: "a critical option chosen by 10% or more: teach the rule better before this situation comes up."
            }
        },
        noValue: "–",
        noAttempts: "No ended attempts of this course (with this structure) found.",
        madeBy: "Made by wegwijs stats.",
        countedFirst: { learners, learnersText, later, laterText in
            "Counted: the first attempt of \(learners == 1 ? "1 learner" : "\(learnersText) learners")"
                + (later == 0 ? "" : " (\(laterText) later \(later == 1 ? "attempt" : "attempts") not counted; --attempts all counts them)")
        },
        countedAll: { attempts, text in attempts == 1 ? "Counted: the one attempt" : "Counted: all \(text) attempts" },
        keyLegend: { "\($0) = key: the option that earns the points (multiple answers: every option with points; ranking: the first in the right order)" },
        keyHidden: "key:",
        tooFew: { shown, text, flags in
            "shown \(text) \(shown == 1 ? "time" : "times"): too few for " + flags.map { "\($0.flag), which needs \($0.needs)" }.joined(separator: ", and ")
        },
        neverShown: "never shown: no flag can be raised",
        tooFewSummary: { count, text in
            (count == 1 ? "1 scenario was" : "\(text) scenarios were") + " shown too few times for some flags (see Scenarios): no flag there does not mean all is well."
        }
    )
}

extension StatsPhrases {
    /// What was counted, for the header.
    func counted(_ figures: ItemStatistics.CourseFigures, numbers: NumberStyle) -> String {
        switch figures.counted {
        case .first: countedFirst(figures.learners, numbers.count(figures.learners), figures.laterAttempts, numbers.count(figures.laterAttempts))
        case .all: countedAll(figures.attempts, numbers.count(figures.attempts))
        }
    }

    /// Why a scenario's silence is not "all fine", or nil when it was shown often enough for every flag.
    func tooFew(_ scenario: ItemStatistics.ScenarioFigures, numbers: NumberStyle) -> String? {
        guard !scenario.tooFewFor.isEmpty else { return nil }
        guard scenario.shown > 0 else { return neverShown }
        return tooFew(scenario.shown, numbers.count(scenario.shown),
                      scenario.tooFewFor.map { (flag($0), numbers.count(ItemStatistics.minimumShown($0))) })
    }

    /// A share as a percentage in these phrases' language, or the sign for "no value".
    func percent(_ value: Double?, _ numbers: NumberStyle) -> String {
        value.map(numbers.percent) ?? noValue
    }

    /// The course's figures as label and value, in one order for the table (`stats`) and the
    /// page (`stats --format html`); each adds the failures per guideline in its own markup.
    func courseFigureRows(_ figures: ItemStatistics.CourseFigures, numbers: NumberStyle) -> [(label: String, value: String)] {
        [
            (attempts, numbers.count(figures.attempts)),
            (learners, numbers.count(figures.learners)),
            (passRate, percent(figures.passRate, numbers)),
            (meanPercent, percent(figures.meanPercent, numbers)),
            (medianPercent, percent(figures.medianPercent, numbers)),
            (medianDuration, figures.medianDuration.map { numbers.duration(seconds: Int($0.rounded())) } ?? noValue),
            (failedOverall, numbers.count(figures.failedOverall)),
            (failedCritical, numbers.count(figures.failedCritical)),
        ]
    }
}
