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
}
