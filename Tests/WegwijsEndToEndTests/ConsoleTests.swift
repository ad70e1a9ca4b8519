import Foundation
import Testing
import WegwijsConsole
import WegwijsCore

/// The console layer in-process: answer parsing and wrapping, without spawning the binary.
@Suite("The console layer, in-process")
struct ConsoleTests {
    @Test("a letter typed twice counts once", arguments: [("a a", false), ("a,a", false), ("b a b", true)])
    func duplicateLetters(line: String, many: Bool) {
        switch AnswerInput.parse(line, optionCount: 3, rules: (many ? ScenarioKind.multiple : .single).rules, words: Phrases.dutch.words) {
        case .choose(let positions): #expect(positions == (many ? [1, 0] : [0]))
        default: Issue.record("'\(line)' must be an answer")
        }
    }

    @Test("text wraps one column short of the width, so a terminal never wraps a line itself")
    func wrapWidth() {
        let layout = TextLayout(terminal: TerminalInfo(isInteractive: false, width: 40, usesColour: false, usesGraphics: false))
        let fits = String(repeating: "x", count: 19) + " " + String(repeating: "y", count: 19)
        #expect(layout.wrap(fits) == fits + "\n")
        let tooLong = fits + "z"
        #expect(layout.wrap(tooLong) == String(repeating: "x", count: 19) + "\n" + String(repeating: "y", count: 19) + "z\n")
    }

    @Test("every phrase exists in every language, and the two tables differ where they should")
    func phraseTables() {
        #expect(Phrases(code: "nl").language == .nl && Phrases(code: "en").language == .en)
        #expect(Phrases(code: "fr").language == .en)
        #expect(InterfaceLanguage.allCases.map { Phrases.of($0).language } == InterfaceLanguage.allCases)
        #expect(Phrases.dutch.progress(1, 15) == "Situatie 1 van 15")
        #expect(Phrases.english.progress(1, 15) == "Situation 1 of 15")
        #expect(Phrases.dutch.percent(85.4) == "85,4 %" && Phrases.english.percent(85.4) == "85.4%")
        #expect(Phrases.dutch.points(-3, of: 2) == "−3 van 2" && Phrases.english.points(2, of: 2) == "+2 of 2")
        #expect(Phrases.dutch.date(CalendarDay(year: 2026, month: 11, day: 5)!) == "05-11-2026")
        #expect(Phrases.english.date(CalendarDay(year: 2026, month: 11, day: 5)!) == "2026-11-05")
    }

    @Test("a ranking's letters: every one, each once, in the order typed", arguments: [
        ("c a b", AnswerInput.choose([2, 0, 1])), ("C, A, B", .choose([2, 0, 1])), ("a b", .missing(["c"])),
        ("b", .missing(["a", "c"])), ("a a b", .repeated("a")), ("a b d", .noSuchOption("d")), ("abc", .notUnderstood),
    ])
    func rankingLetters(line: String, expected: AnswerInput) {
        #expect(AnswerInput.parse(line, optionCount: 3, rules: ScenarioKind.ranking.rules, words: Phrases.dutch.words) == expected)
    }

    @Test("the words a learner types come from the language's table")
    func typedWords() {
        let words = TypedWords(help: ["hilfe"], guidelines: ["richtlinien"], policy: ["grundsatz"], stop: ["halt"], yes: ["ja"], no: ["nein"])
        let single = ScenarioKind.single.rules
        #expect(AnswerInput.parse("Hilfe", optionCount: 3, rules: single, words: words) == .help)
        #expect(AnswerInput.parse("richtlinien", optionCount: 3, rules: single, words: words) == .guidelines)
        #expect(AnswerInput.parse("halt", optionCount: 3, rules: single, words: words) == .stop)
        #expect(AnswerInput.parse("Grundsatz", optionCount: 3, rules: single, words: words) == .policy)
        #expect(AnswerInput.parse("beleid", optionCount: 3, rules: single, words: Phrases.dutch.words) == .policy)
        #expect(AnswerInput.parse("policy", optionCount: 3, rules: single, words: Phrases.english.words) == .policy)
        // Tab completes the words of the learner's language (hulp, not help, in Dutch).
        #expect(Phrases.dutch.promptWords == ["hulp", "richtlijnen", "beleid", "stop"])
        #expect(Phrases.english.promptWords.starts(with: ["help", "guidelines", "policy"]))
        #expect(AnswerInput.parse("hulp", optionCount: 3, rules: single, words: words) == .notUnderstood)
        #expect(AnswerInput.parse("hulp", optionCount: 3, rules: single, words: Phrases.dutch.words) == .help)
        #expect(Phrases.dutch.words.yes.isSuperset(of: ["ja", "j"]) && Phrases.dutch.words.no.isSuperset(of: ["nee", "n"]))
        #expect(Phrases.english.words.yes.isSuperset(of: ["yes", "y"]) && Phrases.english.words.no.isSuperset(of: ["no", "n"]))
    }

    @Test("numbers and days have one home per language: the learner's phrases and the HR pages write them alike")
    func numberConventions() {
        for language in InterfaceLanguage.allCases {
            let phrases = Phrases.of(language), style = NumberStyle(language)
            #expect(phrases.percent(85.4) == style.percent(85.4))
            #expect(phrases.date(CalendarDay(year: 2026, month: 11, day: 5)!) == style.day(CalendarDay(year: 2026, month: 11, day: 5)!))
        }
        #expect(NumberStyle(.nl).count(1_234_567) == "1.234.567" && NumberStyle(.en).count(20_000) == "20,000")
        #expect(NumberStyle(.nl).decimal(-0.25, places: 3) == "-0,250" && NumberStyle(.en).decimal(0.5, places: 1) == "0.5")
        #expect(NumberStyle(.nl).percent(85.4) == "85,4 %" && NumberStyle(.en).percent(100) == "100.0%")
        #expect(NumberStyle(.nl).day(CalendarDay(year: 2026, month: 1, day: 31)!) == "31-01-2026")
        #expect(NumberStyle(.en).day(CalendarDay(year: 2026, month: 1, day: 31)!) == "2026-01-31")
        #expect(NumberStyle(.nl).duration(seconds: 3720) == "1 u 02 min" && NumberStyle(.en).duration(seconds: 3720) == "1 h 02 min")
        #expect(NumberStyle(.en).duration(seconds: 65) == "1 min 05 s")
    }

    @Test("each kind has its hint and help line, and the help's keys stand in one column", arguments: ScenarioKind.allCases)
    func kindHelp(kind: ScenarioKind) {
        for phrases in [Phrases.dutch, Phrases.english] {
            let help = phrases.help(for: kind, last: "c")
            let rows = help.split(separator: "\n").dropFirst().dropLast()
            #expect(rows.count == 5)
            // Every description starts in one column: two past the longest word (a word ends
            // where two spaces begin; "c a b ..." holds single ones).
            let parts = rows.map { row -> (word: Int, column: Int) in
                let text = String(row)
                guard let gap = text.dropFirst(2).range(of: "  ") else { return (-1, -1) }
                let word = text.distance(from: text.startIndex, to: gap.lowerBound) - 2
                return (word, word + 2 + text[gap.lowerBound...].prefix { $0 == " " }.count)
            }
            let longest = parts.map(\.word).max() ?? 0
            #expect(Set(parts.map(\.column)).count == 1 && parts.first?.column == 2 + longest + 2, "\(rows)")
            #expect(phrases.kind(kind).hint("c").contains("a-c"))
        }
        #expect(Phrases.dutch.kind(.ranking).hint("c").contains("elk één keer"))
        #expect(Phrases.english.kind(.multiple).previewName == "multiple answers")
    }
}
