import Foundation
import Testing
import WegwijsCore

/// From the built binary: a course whose English is not finished validates with one warning,
/// runs, previews and analyses in Dutch, and refuses English with the list of what is missing;
/// a slip in `languages` gives one error.
@Suite("An incomplete translation from the binary")
struct IncompleteTranslationEndToEndTests {
    /// `branching.json` with the English text of option `start/fout` removed.
    static func incompleteCourse(named name: String = "incomplete.json") throws -> (folder: URL, path: String) {
        let original = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
        let complete = #""text": {"nl": "Fout antwoord", "en": "Wrong answer"}"#
        #expect(original.contains(complete))
        let folder = try Wegwijs.temporaryFolder("wegwijs-incomplete")
        let path = folder.appendingPathComponent(name).path
        try Data(original.replacingOccurrences(of: complete, with: #""text": {"nl": "Fout antwoord"}"#).utf8)
            .write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    static let missingLine = "26:32: error: scenario 'start', option 'fout': 'text' has no text in 'en'"

    @Test("validate: exit 0 with one warning for the scenario; --strict: exit 65")
    func validate() throws {
        let (_, path) = try Self.incompleteCourse()
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("English") }
        #expect(lines == ["\(path):26:32: warning: scenario 'start' has no English text yet for: option 'fout' text; until then the course cannot be taken in English"])
        #expect(result.stdout.contains("incomplete.json: ok (4 scenarios, 2 guidelines, 3 warnings)"), "\(result.stdout)")
        let strict = try Wegwijs.run(["validate", "--strict", path])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(path):26:32: error: scenario 'start' has no English text yet"))
        let json = try Wegwijs.run(["validate", "--format", "json", path])
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""pointer" : "/scenarios/0/options/2/text""#), "\(json.stdout)")
    }

    @Test("run --lang nl, piped: the Dutch course runs and passes as if complete")
    func runsInDutch() throws {
        let (_, path) = try Self.incompleteCourse()
        let records = try Wegwijs.temporaryFolder("records")
        let result = try Wegwijs.run(["run", path, "--lang", "nl", "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("Geslaagd"))
        #expect(Wegwijs.files(under: records).count == 1)
        // The wrong answer's text is shown in Dutch, not empty.
        let wrong = try Wegwijs.run(["run", path, "--learner", "124", "--records", records.path], input: "c\n")
        #expect(wrong.stdout.contains("Fout antwoord"), "\(wrong.stdout)")
    }

    @Test("run and preview --lang en: exit 65 before anything starts, every missing text located")
    func refusesEnglish() throws {
        let (_, path) = try Self.incompleteCourse()
        let records = try Wegwijs.temporaryFolder("records")
        for command in [["run", path, "--lang", "en", "--learner", "123", "--records", records.path], ["preview", path, "--lang", "en"]] {
            let result = try Wegwijs.run(command, input: "a\na c\na\n")
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(result.stdout)")
            #expect(result.stderr == """
                \(path):\(Self.missingLine)
                \(path): course 'test-branching' cannot be taken in English yet: 1 text is missing (listed above); take it in Dutch (--lang nl), or add the missing texts

                """)
        }
        #expect(Wegwijs.files(under: records).isEmpty)
        let preview = try Wegwijs.run(["preview", path, "--lang", "nl"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Fout antwoord"))
        let paths = try Wegwijs.run(["paths", path])
        #expect(paths.status == 0, "\(paths.stderr)")
    }

    @Test("translate export of an unfinished translation: the missing text has an empty msgstr")
    func exportsUnfinished() throws {
        let (_, path) = try Self.incompleteCourse()
        let result = try Wegwijs.run(["translate", "export", path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("msgctxt \"scenario/start/option/fout/text\"\nmsgid \"Fout antwoord\"\nmsgstr \"\"\n"), "\(result.stdout)")
    }

    @Test("the language setting falls back to the course's own language where the course is incomplete")
    func settingFallsBack() throws {
        let (_, path) = try Self.incompleteCourse()
        let records = try Wegwijs.temporaryFolder("records")
        let result = try Wegwijs.run(["run", path, "--learner", "123", "--records", records.path], input: "a\na c\na\n",
                                     environment: ["WEGWIJS_LANGUAGE": "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Geslaagd"))
    }

    @Test("over ssh the same rule: English is refused with the list, Dutch runs; courses lists only nl")
    func overSSH() throws {
        let (folder, _) = try Self.incompleteCourse(named: "test-branching.json")
        let records = try Wegwijs.temporaryFolder("records")
        let environment = ["WEGWIJS_COURSES": folder.path, "WEGWIJS_RECORDS": records.path]
        var english = environment
        english["SSH_ORIGINAL_COMMAND"] = "test-branching --lang en"
        let refused = try Wegwijs.run(["ssh", "session", "--learner", "123"], input: "a\na c\na\n", environment: english)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains(Self.missingLine), "\(refused.stderr)")
        #expect(refused.stderr.contains("cannot be taken in English yet"))
        #expect(Wegwijs.files(under: records).isEmpty)
        var dutch = environment
        dutch["SSH_ORIGINAL_COMMAND"] = "test-branching --lang nl"
        let ran = try Wegwijs.run(["ssh", "session", "--learner", "123"], input: "a\na c\na\n", environment: dutch)
        #expect(ran.status == 0, "\(ran.stderr)")
        var list = environment
        list["SSH_ORIGINAL_COMMAND"] = "courses"
        let courses = try Wegwijs.run(["ssh", "session", "--learner", "123"], environment: list)
        #expect(courses.status == 0, "\(courses.stderr)")
        let row = try #require(courses.stdout.split(separator: "\n").first { $0.hasPrefix("test-branching") })
        #expect(row.contains(" nl ") && !row.contains("nl,en"), "\(row)")
    }

    @Test("the text format behaves the same: one warning, Dutch runs, English refused")
    func textFormat() throws {
        let original = try String(contentsOfFile: Wegwijs.fixture("phishing.md"), encoding: .utf8)
        let english = "  text en: You delete the text and click nothing.\n"
        #expect(original.contains(english))
        let folder = try Wegwijs.temporaryFolder("wegwijs-incomplete")
        let path = folder.appendingPathComponent("phishing.md").path
        try Data(original.replacingOccurrences(of: english, with: "").utf8).write(to: URL(fileURLWithPath: path))
        let validate = try Wegwijs.run(["validate", path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("\(path):36:3: warning: scenario 'pakketje' has no English text yet for: option 'negeren' text"))
        let records = try Wegwijs.temporaryFolder("records")
        let dutch = try Wegwijs.run(["run", path, "--lang", "nl", "--learner", "42", "--records", records.path], input: "a\na\na b\n")
        #expect(dutch.status == 0, "\(dutch.stderr)")
        let refused = try Wegwijs.run(["run", path, "--lang", "en", "--learner", "42", "--records", records.path], input: "a\na\na b\n")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(path):36:3: error: scenario 'pakketje', option 'negeren': 'text' has no text in 'en'"), "\(refused.stderr)")
    }

    @Test("a mistake in 'languages' is one error, in JSON and in the text format", arguments: [
        ("branching.json", #""languages": ["nl", "en"]"#, #""languages": ["nl", "EN"]"#, ":6:23: error: 'EN' is not a language code: write it in lower case, 'en'"),
        ("branching.json", #""languages": ["nl", "en"]"#, #""languages": "nl, en""#, #":6:16: error: 'languages' must be a list, not one text: write ["nl", "en"]"#),
        ("phishing.md", "languages: nl, en", "languages: nl, EN", ":6:16: error: 'EN' is not a language code: write it in lower case, 'en'"),
    ])
    func languagesMistake(file: String, old: String, new: String, expected: String) throws {
        let original = try String(contentsOfFile: Wegwijs.fixture(file), encoding: .utf8)
        #expect(original.contains(old))
        let path = try Wegwijs.temporaryFolder("wegwijs-languages").appendingPathComponent(file).path
        try Data(original.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 65)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.map(String.init) == ["\(path)\(expected)"], "\(result.stderr)")
        #expect(!result.stderr.contains("not among the course's languages"))
        #expect(!result.stderr.contains("has no text in"))
    }
}
