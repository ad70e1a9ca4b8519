import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// A translation under way: texts missing in a language other than the course's own are one
/// warning per part of the course, never an error that blocks the complete language; and a
/// slip in `languages` is one located error, not a cascade over every text.
@Suite("An incomplete translation, and mistakes in 'languages'")
struct IncompleteTranslationTests {
    static let branching = TestCourses.fixture("branching.json")
    static let phishing = TestCourses.fixture("phishing.md")

    static func source(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The fixture with each `(old, new)` replaced once; a replacement that finds nothing fails.
    static func edited(_ path: String, _ edits: [(String, String)]) throws -> String {
        var text = try source(path)
        for (old, new) in edits {
            let range = try #require(text.range(of: old), "'\(old)' is not in \(path)")
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    static func diagnostics(_ text: String, file: String) -> [Diagnostic] {
        CourseLoader.check(bytes: Array(text.utf8), file: file).1
    }

    static func load(_ text: String, name: String) throws -> LoadedCourse {
        let folder = TestFolders.path("wegwijs-incomplete")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try CourseLoader.load(path: path)
    }

    /// What `text` reports beyond what the unbroken fixture at `path` reports (its own warnings).
    static func added(_ text: String, to path: String) throws -> [Diagnostic] {
        let name = (path as NSString).lastPathComponent
        let known = Set(diagnostics(try source(path), file: name).map(\.description))
        return diagnostics(text, file: name).filter { !known.contains($0.description) }
    }

    static let oneMissing = [(#""text": {"nl": "Fout antwoord", "en": "Wrong answer"}"#, #""text": {"nl": "Fout antwoord"}"#)]

    @Test("one English option text missing: one warning at that text, and the course loads")
    func oneMissingText() throws {
        let text = try Self.edited(Self.branching, Self.oneMissing)
        let added = try Self.added(text, to: Self.branching)
        #expect(added.map(\.description) == [
            "branching.json:26:32: warning: scenario 'start' has no English text yet for: option 'fout' text; until then the course cannot be taken in English",
        ])
        #expect(added.first?.pointer == "/scenarios/0/options/2/text")
        let loaded = try Self.load(text, name: "branching.json")
        #expect(loaded.course.incompleteLanguages == ["en"])
        #expect(loaded.course.completeLanguages == ["nl"])
        #expect(loaded.course.languages == ["nl", "en"])
        let missing = try #require(loaded.missingTexts["en"])
        #expect(missing.map { "\($0.position?.line ?? 0):\($0.position?.column ?? 0): \($0.severity): \($0.message)" } == [
            "26:32: error: scenario 'start', option 'fout': 'text' has no text in 'en'",
        ])
        #expect(loaded.missingTexts["nl"] == nil)
        // Only the wording changed: records and stats keep counting the course as the same one.
        let complete = try Self.load(try Self.source(Self.branching), name: "complete.json")
        #expect(loaded.structure == complete.structure)
        #expect(complete.missingTexts.isEmpty && complete.course.incompleteLanguages.isEmpty)
    }

    @Test("the Dutch text is shown where it is complete; no text of the complete language is empty")
    func completeLanguageReads() throws {
        let loaded = try Self.load(try Self.edited(Self.branching, Self.oneMissing), name: "branching.json")
        let option = try #require(loaded.course.scenario("start")?.option("fout"))
        #expect(option.text.resolved("nl", fallback: loaded.course.language) == "Fout antwoord")
        #expect(option.text.translations["en"] == nil)
    }

    @Test("--strict makes the warning an error: the course is not valid for publishing")
    func strict() throws {
        let text = try Self.edited(Self.branching, Self.oneMissing)
        let lenient = FileValidation.check(bytes: Array(text.utf8), file: "branching.json", strict: false)
        let strict = FileValidation.check(bytes: Array(text.utf8), file: "branching.json", strict: true)
        #expect(lenient.valid && lenient.errors == 0)
        #expect(!strict.valid)
        #expect(strict.problems.contains { $0.severity == .error && $0.message.hasPrefix("scenario 'start' has no English text yet") })
    }

    @Test("every text a scenario lacks is in its one warning, by option and field; the course's own texts and a guideline's count too")
    func groupedPerPart() throws {
        let text = try Self.edited(Self.branching, [
            (#""title": {"nl": "Testcursus", "en": "Test course"}"#, #""title": "Testcursus""#),
            (#""introduction": {"nl": "Een kleine cursus om de motor te testen.", "en": "A small course to test the engine."}"#,
             #""introduction": {"nl": "Een kleine cursus om de motor te testen."}"#),
            (#""summary": {"nl": "Deel geen geheimen.", "en": "Share no secrets."}"#, #""summary": {"nl": "Deel geen geheimen."}"#),
            (#""situation": {"nl": "Iemand vraagt iets op LinkedIn.", "en": "Someone asks something on LinkedIn."}"#,
             #""situation": {"nl": "Iemand vraagt iets op LinkedIn."}"#),
            (#""text": {"nl": "Goed antwoord", "en": "Good answer"}, "scores": {"openbaar": 2}, "feedback": {"nl": "Prima.", "en": "Fine."}"#,
             #""text": {"nl": "Goed antwoord"}, "scores": {"openbaar": 2}, "feedback": {"nl": "Prima."}"#),
            (#""feedback": {"nl": "Nee.", "en": "No."}, "next": "gevolg""#, #""feedback": {"nl": "Nee.", "en": " "}, "next": "gevolg""#),
            (#""explanation": {"nl": "Uitleg bij het gevolg.", "en": "Explanation of the consequence."}"#,
             #""explanation": {"nl": "Uitleg bij het gevolg."}"#),
        ])
        let added = try Self.added(text, to: Self.branching)
        let suffix = "; until then the course cannot be taken in English"
        #expect(added.map(\.description) == [
            "branching.json:7:12: warning: the course has no English text yet for: title, introduction" + suffix,
            "branching.json:15:76: warning: guideline 'geheim' has no English text yet for: summary" + suffix,
            "branching.json:22:20: warning: scenario 'start' has no English text yet for: situation, option 'goed' text and feedback, option 'fout' feedback (empty)" + suffix,
            "branching.json:39:22: warning: scenario 'gevolg' has no English text yet for: explanation" + suffix,
        ])
        let loaded = try Self.load(text, name: "branching.json")
        let missing = try #require(loaded.missingTexts["en"])
        #expect(missing.map(\.message) == [
            "'title' has no text in 'en'",
            "'introduction' has no text in 'en'",
            "guideline 'geheim': 'summary' has no text in 'en'",
            "scenario 'start': 'situation' has no text in 'en'",
            "scenario 'start', option 'goed': 'text' has no text in 'en'",
            "scenario 'start', option 'goed': 'feedback' has no text in 'en'",
            "scenario 'start', option 'fout': 'feedback' is empty in 'en'",
            "scenario 'gevolg': 'explanation' has no text in 'en'",
        ])
        #expect(missing.allSatisfy { $0.severity == .error && $0.position != nil })
    }

    @Test("a text without the course's own language is still an error: that language is the source")
    func defaultLanguageStaysRequired() throws {
        let text = try Self.edited(Self.branching, [(#""text": {"nl": "Fout antwoord", "en": "Wrong answer"}"#, #""text": {"en": "Wrong answer"}"#)])
        let added = try Self.added(text, to: Self.branching)
        #expect(added.map(\.description) == ["branching.json:26:32: error: scenario 'start', option 'fout': 'text' has no text in 'nl'"])
    }

    @Test("the text format: one missing English text is the same one warning, at its line")
    func textFormatMissing() throws {
        let text = try Self.edited(Self.phishing, [("  text en: You delete the text and click nothing.\n", "")])
        let diagnostics = Self.diagnostics(text, file: "phishing.md")
        let missing = diagnostics.filter { $0.message.contains("English") }
        #expect(missing.map(\.description) == [
            "phishing.md:36:3: warning: scenario 'pakketje' has no English text yet for: option 'negeren' text; until then the course cannot be taken in English",
        ])
        #expect(!diagnostics.contains { $0.severity == .error })
        let loaded = try Self.load(text, name: "phishing.md")
        #expect(loaded.course.completeLanguages == ["nl"])
        #expect(loaded.missingTexts["en"]?.map(\.description) == [
            "\(loaded.path):36:3: error: scenario 'pakketje', option 'negeren': 'text' has no text in 'en'",
        ])
    }

    struct LanguagesCase: CustomTestStringConvertible, Sendable {
        var mistake: String
        var file: String
        var old: String
        var new: String
        /// The one problem expected, as `LINE:COLUMN: error: message`.
        var expected: String
        var testDescription: String { "\(file): \(mistake)" }
    }

    static let languagesCases: [LanguagesCase] = [
        LanguagesCase(mistake: "a code in capitals", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": ["nl", "EN"]"#,
                      expected: "6:23: error: 'EN' is not a language code: write it in lower case, 'en'"),
        LanguagesCase(mistake: "one string instead of a list", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": "nl, en""#,
                      expected: #"6:16: error: 'languages' must be a list, not one text: write ["nl", "en"]"#),
        LanguagesCase(mistake: "one string in capitals", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": "NL EN""#,
                      expected: #"6:16: error: 'languages' must be a list, not one text: write ["nl", "en"]"#),
        LanguagesCase(mistake: "a word, not a code", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": ["nl", "english"]"#,
                      expected: "6:23: error: each entry of 'languages' must be a language code such as nl, en or en-GB, not 'english'"),
        LanguagesCase(mistake: "a number in the list", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": ["nl", 2]"#,
                      expected: #"6:23: error: each entry of 'languages' must be a language code in quotes, like "nl", found a number"#),
        LanguagesCase(mistake: "an object", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": {"nl": "en"}"#,
                      expected: #"6:16: error: 'languages' must be a list of language codes like ["nl"], found an object"#),
        LanguagesCase(mistake: "the default language left out", file: "branching.json", old: #""languages": ["nl", "en"]"#, new: #""languages": ["en"]"#,
                      expected: "6:16: error: 'languages' must include the default language 'nl'"),
        LanguagesCase(mistake: "the default language in capitals", file: "branching.json", old: #""language": "nl""#, new: #""language": "NL""#,
                      expected: "5:15: error: 'NL' is not a language code: write it in lower case, 'nl'"),
        LanguagesCase(mistake: "a code in capitals", file: "phishing.md", old: "languages: nl, en", new: "languages: nl, EN",
                      expected: "6:16: error: 'EN' is not a language code: write it in lower case, 'en'"),
        LanguagesCase(mistake: "one string instead of a list", file: "phishing.md", old: "languages: nl, en", new: #"languages = "nl, en""#,
                      expected: #"6:13: error: 'languages' must be a list, not one text: write ["nl", "en"]"#),
        LanguagesCase(mistake: "no commas", file: "phishing.md", old: "languages: nl, en", new: "languages: nl en",
                      expected: "6:12: error: each entry of 'languages' must be a language code such as nl, en or en-GB, not 'nl en'"),
    ]

    @Test("a mistake in 'languages' is one located error, without a warning or error per text", arguments: languagesCases)
    func languagesMistake(_ rule: LanguagesCase) throws {
        let path = TestCourses.fixture(rule.file)
        let added = try Self.added(try Self.edited(path, [(rule.old, rule.new)]), to: path)
        #expect(added.map { "\($0.position?.line ?? 0):\($0.position?.column ?? 0): \($0.severity): \($0.message)" } == [rule.expected])
    }

    @Test("a region in capitals is a language code like any other (en-GB)")
    func regionCapitals() throws {
        let text = try Self.edited(Self.branching, [(#""languages": ["nl", "en"]"#, #""languages": ["nl", "en-GB"]"#)])
        let added = try Self.added(text, to: Self.branching)
        #expect(!added.contains { $0.position?.line == 6 }, "\(added.map(\.description))")
        #expect(!added.contains { $0.severity == .error }, "\(added.map(\.description))")
    }

    @Test("translate: a missing text is exported with an empty translation, a plain string too, and importing completes the language")
    func translationRoundTrip() throws {
        let text = try Self.edited(Self.branching, Self.oneMissing + [
            (#""introduction": {"nl": "Een kleine cursus om de motor te testen.", "en": "A small course to test the engine."}"#,
             #""introduction": "Een kleine cursus om de motor te testen.""#),
        ])
        let root = try JSONParser.parse(Array(text.utf8))
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        let untranslated = units.filter { $0.target == nil }
        #expect(untranslated == [
            TranslationUnit(key: "course/introduction", source: "Een kleine cursus om de motor te testen.", target: nil),
            // A plain channel is the same word in every language; it is offered for translation all the same.
            TranslationUnit(key: "scenario/start/channel", source: "LinkedIn", target: nil),
            TranslationUnit(key: "scenario/start/option/fout/text", source: "Fout antwoord", target: nil),
        ])
        let entries = untranslated.enumerated().map { TranslationEntry(key: $1.key, source: $1.source, target: "English \($0)", line: $0) }
        let result = TranslationImport.apply(entries, to: root, target: "en")
        #expect(result.unknown.isEmpty && result.stale.isEmpty && result.written == 3)
        let imported = JSONWriter.document(result.root.value)
        let loaded = try Self.load(imported, name: "imported.json")
        #expect(loaded.course.incompleteLanguages.isEmpty)
        #expect(loaded.course.introduction?.translations == ["nl": "Een kleine cursus om de motor te testen.", "en": "English 0"])
        let before = try Self.load(text, name: "before.json")
        #expect(loaded.structure == before.structure)
    }
}
