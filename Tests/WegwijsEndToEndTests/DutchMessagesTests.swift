import Foundation
import TestSupport
import Testing

/// `validate`'s messages in Dutch, from the binary: each mistake class a trainer makes, the
/// severity words, the summary line and the JSON report, compared whole with reference files
/// (`Tests/References/validate/`). The files are validated by a relative name from their own
/// folder, so no output depends on the checkout's path.
@Suite("validate in Dutch: every message, the summary and the JSON report in the trainer's language")
struct DutchMessagesTests {
    /// The branching fixture with numbered lines replaced, written as `name` in a new folder.
    static func course(_ edits: [Int: String], named name: String = "cursus.json") throws -> URL {
        var lines = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, text) in edits { lines[number - 1] = text }
        return try write(lines.joined(separator: "\n"), named: name)
    }

    static func write(_ text: String, named name: String) throws -> URL {
        let folder = try Wegwijs.temporaryFolder("wegwijs-dutch")
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    /// `wegwijs validate ARGUMENTS… cursus.json` in the file's folder: status and both streams.
    static func validate(_ folder: URL, _ arguments: [String], file: String = "cursus.json",
                         environment: [String: String] = [:]) throws -> ProcessResult {
        try Wegwijs.run(["validate"] + arguments + [file], environment: environment, currentDirectory: folder)
    }

    /// Mistakes in the content: an unknown guideline with a near miss, a score of 1.5, a link to
    /// a misspelt scenario, a bad language code, an unknown field and a missing feedback.
    static func contentMistakes() throws -> URL {
        try course([
            6: #"  "languages": ["nl", "EN"],"#,
            14: #"    {"id": "openbaar", "title": {"nl": "Openbaar", "en": "Public"}, "sumary": {"nl": "Alles is openbaar.", "en": "Everything is public."}},"#,
            24: #"        {"id": "goed", "text": {"nl": "Goed antwoord", "en": "Good answer"}, "scores": {"openbar": 2}, "feedback": {"nl": "Prima.", "en": "Fine."}},"#,
            25: #"        {"id": "half", "text": {"nl": "Half antwoord", "en": "Half answer"}, "scores": {"openbaar": 1.5}, "feedback": {"nl": "Bijna.", "en": "Almost."}},"#,
            29: #"      "next": "mer""#,
            37: #"        {"id": "negeer", "text": {"nl": "Negeren", "en": "Ignore"}, "scores": {}}"#,
        ])
    }

    @Test("content mistakes: every message in Dutch with fout/waarschuwing and the summary, exit 65")
    func contentInDutch() throws {
        let folder = try Self.contentMistakes()
        let result = try Self.validate(folder, ["--lang", "nl"])
        #expect(result.status == 65)
        try References.check(result.stderr + result.stdout, "validate/content-nl.txt")
        // The same file in English is the English reference: only the language differs.
        let english = try Self.validate(folder, ["--lang", "en"])
        #expect(english.status == 65)
        try References.check(english.stderr + english.stdout, "validate/content-en.txt")
        #expect(result.stderr.split(separator: "\n").count == english.stderr.split(separator: "\n").count,
                "one Dutch line per English line")
    }

    @Test("the locale chooses Dutch (nl_NL.UTF-8), the language setting wins over it, --lang over both")
    func languageOrder() throws {
        let folder = try Self.contentMistakes()
        let dutch = try Self.validate(folder, ["--lang", "nl"])
        let english = try Self.validate(folder, ["--lang", "en"])
        let byLocale = try Self.validate(folder, [], environment: ["LANG": "nl_NL.UTF-8"])
        #expect(byLocale.stderr == dutch.stderr)
        #expect(byLocale.stdout == dutch.stdout)
        let bySetting = try Self.validate(folder, [], environment: ["LANG": "nl_NL.UTF-8", "WEGWIJS_LANGUAGE": "en"])
        #expect(bySetting.stderr == english.stderr)
        let byFlag = try Self.validate(folder, ["--lang", "en"], environment: ["LC_ALL": "nl_NL.UTF-8"])
        #expect(byFlag.stderr == english.stderr)
        // A locale that names no interface language leaves English.
        let neutral = try Self.validate(folder, [], environment: ["LANG": "C.UTF-8"])
        #expect(neutral.stderr == english.stderr)
    }

    @Test("run and preview on a broken course show its problems in the locale's language, exit 65")
    func otherCommands() throws {
        let folder = try Self.contentMistakes()
        let dutch = try Self.validate(folder, ["--lang", "nl"])
        for command in [["run", "cursus.json", "--learner", "1", "--records", folder.appendingPathComponent("records").path],
                        ["preview", "cursus.json"]] {
            let result = try Wegwijs.run(command, environment: ["LANG": "nl_NL.UTF-8"], currentDirectory: folder)
            #expect(result.status == 65, "\(command[0])")
            #expect(result.stderr == dutch.stderr, "\(command[0]): \(result.stderr)")
        }
    }

    @Test("--format json --lang nl: each problem's message in Dutch, the rest of the report unchanged")
    func jsonReport() throws {
        let folder = try Self.contentMistakes()
        let dutch = try Self.validate(folder, ["--format", "json", "--lang", "nl"])
        let english = try Self.validate(folder, ["--format", "json", "--lang", "en"])
        #expect(dutch.status == 65)
        let parse = { (text: String) throws -> [String: Any] in
            try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        let nl = try parse(dutch.stdout), en = try parse(english.stdout)
        let nlFiles = try #require(nl["files"] as? [[String: Any]]), enFiles = try #require(en["files"] as? [[String: Any]])
        let nlProblems = try #require(nlFiles.first?["problems"] as? [[String: Any]])
        let enProblems = try #require(enFiles.first?["problems"] as? [[String: Any]])
        try #require(nlProblems.count == enProblems.count)
        #expect(nlProblems.count >= 6)
        for (dutchProblem, englishProblem) in zip(nlProblems, enProblems) {
            for key in ["severity", "line", "column", "pointer"] {
                #expect("\(dutchProblem[key] ?? "-")" == "\(englishProblem[key] ?? "-")", "\(key)")
            }
            #expect("\(dutchProblem["message"] ?? "")" != "\(englishProblem["message"] ?? "")")
        }
        let messages = nlProblems.compactMap { $0["message"] as? String }
        #expect(messages.contains("antwoord 'negeer' van scenario 'gevolg' heeft geen feedback"), "\(messages)")
    }

    @Test("JSON syntax mistakes in Dutch: a missing comma, a curly quote, a tab, a quote inside a text")
    func syntaxInDutch() throws {
        let folder = try Self.course([
            4: #"  "version": "1.0.0""#,
            20: #"      “title”: {"nl": "Begin", "en": "Start"},"#,
            22: #"      "situation": {"nl": "Iemand vraagt "iets" op LinkedIn.", "en": "Someone asks something on LinkedIn."},"#,
            25: "        {\"id\": \"half\", \"text\": {\"nl\": \"Half antwoord\", \"en\": \"Half answer\"}, \"scores\": {\"openbaar\": 1}, \"feedback\": {\"nl\": \"Bij\tna.\", \"en\": \"Almost.\"}},",
        ])
        let result = try Self.validate(folder, ["--lang", "nl"])
        #expect(result.status == 65)
        try References.check(result.stderr + result.stdout, "validate/syntax-nl.txt")
    }

    @Test("a text-format course with a misspelt field, an unknown guideline and a bad score: Dutch, located")
    func textFormatInDutch() throws {
        var text = try String(contentsOfFile: Wegwijs.fixture("phishing.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "title en: Check the sender", with: "titel en: Check the sender")
        text = text.replacingOccurrences(of: "- negeren (controleren +2)", with: "- negeren (controleren +1.5)")
        text = text.replacingOccurrences(of: "- klikken (controleren -1)", with: "- klikken (contoleren -1)")
        let folder = try Self.write(text, named: "phishing.md")
        let result = try Self.validate(folder, ["--lang", "nl"], file: "phishing.md")
        #expect(result.status == 65)
        try References.check(result.stderr + result.stdout, "validate/text-format-nl.txt")
    }

    @Test("paths in Dutch: the routes, the single slips and the findings, with decimal commas (--lang nl and the locale)")
    func pathsInDutch() throws {
        let folder = try Self.course([:])
        let result = try Wegwijs.run(["paths", "cursus.json", "--lang", "nl"], currentDirectory: folder)
        #expect(result.status == 0)
        try References.check(result.stdout, "paths/branching-nl.txt")
        let byLocale = try Wegwijs.run(["paths", "cursus.json"], environment: ["LANG": "nl_NL.UTF-8"], currentDirectory: folder)
        #expect(byLocale.stdout == result.stdout)
        let english = try Wegwijs.run(["paths", "cursus.json", "--lang", "en"], environment: ["LANG": "nl_NL.UTF-8"], currentDirectory: folder)
        #expect(english.stdout.contains("Single slips"))
    }

    @Test("a course nobody can pass: the error in Dutch names the pass mark and the best figure")
    func unpassableInDutch() throws {
        // Full marks overall, but the answer that earns the most on 'openbaar' costs a point on 'geheim'.
        let folder = try Self.course([
            10: #"  "passing": {"overall": 100, "perGuideline": 100, "noCritical": true},"#,
            24: #"        {"id": "goed", "text": {"nl": "Goed antwoord", "en": "Good answer"}, "scores": {"openbaar": 2, "geheim": -1}, "feedback": {"nl": "Prima.", "en": "Fine."}},"#,
        ])
        let result = try Self.validate(folder, ["--lang", "nl"])
        #expect(result.status == 65)
        try References.check(result.stderr + result.stdout, "validate/unpassable-nl.txt")
    }
}
