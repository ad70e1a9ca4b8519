import Foundation
import Testing
import WegwijsConsole
import WegwijsCore

/// The `ranking` kind from the built binary: a piped run, its record, `verify`, `stats`,
/// `preview`, `paths` and the xAPI export checked by Ralph's strict models.
@Suite("ranking from the binary: run, record, verify, stats, preview, paths, xAPI")
struct RankingEndToEndTests {
    let course = Wegwijs.fixture("ranking.json")

    /// The letters that put the ranking's options in `order` as this attempt shows them; the
    /// shown order comes from the seed the first (stopped) run saved.
    func letters(for order: [String], records: URL, learner: String) throws -> String {
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-ranking/\(learner)/in-progress.json")))
        let loaded = try CourseLoader.load(path: course)
        let scenario = try #require(loaded.course.scenario("lek"))
        let seed = try #require(saved.seed, "a course with a ranking stores a seed")
        let shown = Attempt.shownOptions(of: scenario, seed: seed, courseShuffles: loaded.course.shuffleOptions).map(\.id)
        #expect(shown != scenario.options.map(\.id), "a ranking is never shown in its right order")
        return order.map { id in String(AnswerInput.letter(shown.firstIndex(of: id) ?? 0)) }.joined(separator: " ")
    }

    /// Starts an attempt and stops it at once (end of input), so its seed is on disk.
    func started(_ records: URL, learner: String = "42", language: String = "nl") throws {
        let first = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path, "--lang", language], input: "")
        #expect(first.status == 3, "\(first.stderr)")
    }

    @Test("the right order typed after a wrong try or two passes; the record, verify, stats and the xAPI export agree")
    func rightOrder() throws {
        let records = try Wegwijs.temporaryFolder("ranking")
        defer { try? FileManager.default.removeItem(at: records) }
        try started(records)
        let right = try letters(for: ["melden", "verwijderen", "noteren"], records: records, learner: "42")
        let parts = right.split(separator: " ").map(String.init)
        try #require(parts.count == 3)
        let input = "?\n\(parts[0]) \(parts[1])\n\(parts[0]) \(parts[0]) \(parts[1])\n\(right)\na\na b\n"
        let result = try Wegwijs.run(["run", course, "--learner", "42", "--records", records.path, "--plain"], input: input)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Zet alle antwoorden in de beste volgorde: typ alle letters (a-c), elk één keer"))
        #expect(result.stdout.contains("  c a b ...    zet de antwoorden op volgorde: alle letters a-c, elk één keer,\n"))
        #expect(result.stdout.contains("  richtlijnen  lees de richtlijnen nog eens\n"))
        #expect(result.stdout.contains("Je volgorde mist \(parts[2]). Typ alle letters a-c, elk één keer."))
        #expect(result.stdout.contains("Je typte \(parts[0]) twee keer."))
        #expect(result.stdout.contains("Jouw volgorde:\n  1. \(parts[0])) Het datalek melden bij je leidinggevende (goede plek)\n  - Eerst melden"))
        #expect(!result.stdout.contains("De beste volgorde"))
        #expect(result.stdout.contains("Punten: Meld een datalek meteen +4 van 4; Beperk de schade +2 van 2"))

        let files = Wegwijs.files(under: records)
        let file = try #require(files.first { !$0.hasSuffix("in-progress.json") })
        #expect(files.count == 1)
        let recordURL = records.appendingPathComponent(file)
        let record = try CompletionRecord.decode(Data(contentsOf: recordURL))
        #expect(record.status == .passed)
        #expect(record.answers.map(\.options) == [["melden", "verwijderen", "noteren"], ["zwijgen"], ["afmelden", "wachtwoord"]])
        #expect(record.score.earned == 11 && record.score.possible == 11)

        let verify = try Wegwijs.run(["verify", records.path, "--course", course])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("1 record checked: 1 sound"))

        let stats = try Wegwijs.run(["stats", records.path, "--course", course, "--plain", "--lang", "en"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("ranking: per option, the share that put it in its right place\n   * a melden        100.0%"), "\(stats.stdout)")

        let export = records.appendingPathComponent("export.ndjson").path
        let exported = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", course, "--output", export])
        #expect(exported.status == 0, "\(exported.stderr)")
        let statements = try String(contentsOfFile: export, encoding: .utf8)
        #expect(statements.contains("\"interactionType\":\"sequencing\",\"correctResponsesPattern\":[\"melden[,]verwijderen[,]noteren\"]"))
        #expect(statements.contains("\"response\":\"melden[,]verwijderen[,]noteren\""))
        let check = try RalphServer.strictCheck([export])
        #expect(check.status == 0, "strict xAPI models refuse statements: \(check.stdout)")

        // The order is what scores: the same options in another order no longer match the record's score.
        var json = try String(contentsOf: recordURL, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"melden\",\n        \"verwijderen\"", with: "\"verwijderen\",\n        \"melden\"")
        try json.write(to: recordURL, atomically: true, encoding: .utf8)
        let tampered = try Wegwijs.run(["verify", records.path, "--course", course])
        #expect(tampered.status == 65, "\(tampered.stdout)")
        #expect(tampered.stderr.contains("score is 11/11 (100.0%) but the answers give 6/11 (54.5%)"), "\(tampered.stderr)")
    }

    @Test("a wrong order shows each place right or wrong and then the best order with feedback, in English")
    func wrongOrder() throws {
        let records = try Wegwijs.temporaryFolder("ranking")
        defer { try? FileManager.default.removeItem(at: records) }
        try started(records, language: "en")
        let reversed = try letters(for: ["noteren", "verwijderen", "melden"], records: records, learner: "42")
        let result = try Wegwijs.run(["run", course, "--learner", "42", "--records", records.path, "--plain", "--lang", "en"],
                                     input: "\(reversed)\na\nb\n")
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.contains("Partly good"))
        #expect(result.stdout.contains("Write down what happened (wrong place)"))
        #expect(result.stdout.contains("Ask your colleague to delete the screenshot (right place)"))
        #expect(result.stdout.contains("The best order:\n  1. "))
        #expect(result.stdout.contains(") Report the data leak to your manager\n  - Report first: the deadline is running.\n  2. "))
        #expect(result.stdout.contains("Points: Report a data leak at once +0 of 4; Limit the damage +2 of 2"))
    }

    @Test("preview names the kind and shows the right order; paths lists the swaps as single slips")
    func previewAndPaths() throws {
        let preview = try Wegwijs.run(["preview", course, "--plain"])
        #expect(preview.status == 0)
        #expect(preview.stdout.contains("Situatie 1/3 - lek - volgorde (de juiste volgorde is die hieronder; de cursist\nziet de antwoorden geschud)"))
        #expect(preview.stdout.contains("  a) Het datalek melden bij je leidinggevende\n     id melden - punten melden +3"))
        let paths = try Wegwijs.run(["paths", course, "--plain"])
        #expect(paths.status == 0, "\(paths.stderr)")
        #expect(paths.stdout.contains("x lek: the order verwijderen, melden, noteren -> the overall score falls"))
        #expect(paths.stdout.contains("best 100.0%, worst 0.0%"))
    }

    static let schemaBreaks: [(String, String)] = [
        (#""scores": {"beperken": 2}, "feedback": {"nl": "Dan"#, #""scores": {"beperken": 2}, "next": "vraag", "feedback": {"nl": "Dan"#),
        (#""scores": {"beperken": 2}, "feedback": {"nl": "Dan"#, #""scores": {"beperken": 2}, "critical": true, "feedback": {"nl": "Dan"#),
        (#""scores": {"beperken": 2}, "feedback": {"nl": "Dan"#, #""scores": {"beperken": -2}, "feedback": {"nl": "Dan"#),
        (#""kind": "ranking""#, #""kind": "rangorde""#),
    ]

    @Test("the JSON Schema accepts the ranking fixture and rejects what validate rejects in a ranking", arguments: schemaBreaks)
    func schema(_ edit: (String, String)) throws {
        let accepted = try Wegwijs.python([AuthoringTests.checker, AuthoringTests.schema, course])
        #expect(accepted.status == 0, "\(accepted.stdout) \(accepted.stderr)")
        let text = try String(contentsOfFile: course, encoding: .utf8)
        #expect(text.contains(edit.0))
        let path = try AuthoringTests.write(text.replacingOccurrences(of: edit.0, with: edit.1))
        let rejected = try Wegwijs.python([AuthoringTests.checker, AuthoringTests.schema, path])
        #expect(rejected.status == 1, "\(edit.1): \(rejected.stdout) \(rejected.stderr)")
        #expect(try Wegwijs.run(["validate", path]).status == 65, "validate agrees: \(edit.1)")
    }
}

extension RankingEndToEndTests {
    @Test("verify: a record of a course with a ranking needs the seed that shuffled it")
    func seedRequired() throws {
        let records = try Wegwijs.temporaryFolder("ranking")
        defer { try? FileManager.default.removeItem(at: records) }
        let result = try Wegwijs.run(["run", course, "--learner", "5", "--records", records.path], input: "a b c\na\na\n")
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        let file = try #require(Wegwijs.files(under: records).first)
        let url = records.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let withoutSeed = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"seed\"") }.joined(separator: "\n")
        #expect(withoutSeed != text)
        try withoutSeed.write(to: url, atomically: true, encoding: .utf8)
        let verify = try Wegwijs.run(["verify", records.path, "--course", course])
        #expect(verify.status == 65)
        #expect(verify.stderr.contains("the course has a ranking, whose options are always shuffled, but the record has no seed"), "\(verify.stderr)")
    }
}
