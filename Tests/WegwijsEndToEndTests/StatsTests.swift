import Foundation
import Testing
import WegwijsCore

/// `wegwijs stats` on generated attempts with known properties, its figures checked against an
/// independent computation (`Tests/Fixtures/stats/itemstats.py`, SPEC §3 and §8 written again
/// in Python), never against its own output.
@Suite("wegwijs stats, end to end")
struct StatsTests {
    let course = Wegwijs.fixture("stats/course.json")
    let script = Wegwijs.fixture("stats/itemstats.py")

    /// Runs the Python helper and returns its standard output.
    func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "itemstats.py \(arguments.first ?? "") failed")
        return String(decoding: data, as: UTF8.self)
    }

    func records() throws -> URL {
        let folder = try Wegwijs.temporaryFolder("wegwijs-stats")
        _ = try python(["generate", folder.path, course])
        return folder
    }

    func number(_ node: JSONNode?) -> Double? {
        guard let node, case .number(let literal) = node.value else { return nil }
        return Double(literal)
    }

    func isTrue(_ node: JSONNode?) -> Bool {
        if let node, case .bool(true) = node.value { return true }
        return false
    }

    /// Every figure of `wegwijs stats --format json` equals the independent one, to its rounding.
    func compare(_ got: JSONNode, _ expected: JSONNode) {
        func close(_ a: JSONNode?, _ b: JSONNode?, _ tolerance: Double, _ what: String) {
            let x = number(a), y = number(b)
            if x == nil || y == nil {
                #expect(x == nil && y == nil, "\(what): wegwijs \(String(describing: x)), expected \(String(describing: y))")
            } else if let x, let y {
                #expect(abs(x - y) <= tolerance, "\(what): wegwijs \(x), expected \(y)")
            }
        }
        #expect(got["course"]?["attempts_counted"]?.string == expected["course"]?["attempts_counted"]?.string, "attempts counted")
        for key in ["attempts", "learners", "failed_overall", "failed_critical", "later_attempts_not_counted"] {
            close(got["course"]?[key], expected["course"]?[key], 0, key)
        }
        for key in ["pass_rate", "mean_percent", "median_percent"] {
            close(got["course"]?[key], expected["course"]?[key], 0.051, key)
        }
        close(got["course"]?["median_duration_seconds"], expected["course"]?["median_duration_seconds"], 0.5, "median duration")
        for guideline in ["careful", "polite"] {
            close(got["course"]?["failed_guideline"]?[guideline], expected["course"]?["failed_guideline"]?[guideline], 0, "failed on \(guideline)")
        }
        let scenarios = got["scenarios"]?.elements ?? [], expectedScenarios = expected["scenarios"]?.elements ?? []
        #expect(scenarios.count == expectedScenarios.count && !scenarios.isEmpty)
        for (scenario, reference) in zip(scenarios, expectedScenarios) {
            let id = scenario["id"]?.string ?? "?"
            #expect(id == reference["id"]?.string)
            close(scenario["shown"], reference["shown"], 0, "\(id) shown")
            close(scenario["facility"], reference["facility"], 0.051, "\(id) facility")
            close(scenario["discrimination"], reference["discrimination"], 0.00051, "\(id) discrimination")
            #expect(scenario["flags"]?.elements?.compactMap(\.string) == reference["flags"]?.elements?.compactMap(\.string), "\(id) flags")
            func tooFew(_ node: JSONNode) -> [String] {
                (node["too_few_for"]?.elements ?? []).map { "\($0["flag"]?.string ?? "?") \(number($0["needs"]).map { String(Int($0)) } ?? "?")" }
            }
            #expect(scenario["too_few_for"]?.elements != nil, "\(id) has too_few_for")
            #expect(tooFew(scenario) == tooFew(reference), "\(id) too few for")
            for (option, expectedOption) in zip(scenario["options"]?.elements ?? [], reference["options"]?.elements ?? []) {
                let name = "\(id)/\(option["id"]?.string ?? "?")"
                close(option["chosen"], expectedOption["chosen"], 0, "\(name) chosen")
                close(option["share"], expectedOption["share"], 0.051, "\(name) share")
                #expect(isTrue(option["critical"]) == isTrue(expectedOption["critical"]), "\(name) critical")
                #expect(isTrue(option["key"]) == isTrue(expectedOption["key"]), "\(name) key")
                #expect(option["flags"]?.elements?.compactMap(\.string) == expectedOption["flags"]?.elements?.compactMap(\.string), "\(name) flags")
            }
        }
        for (guideline, reference) in zip(got["guidelines"]?.elements ?? [], expected["guidelines"]?.elements ?? []) {
            let id = guideline["id"]?.string ?? "?"
            close(guideline["assessed"], reference["assessed"], 0, "\(id) assessed")
            close(guideline["mean_percent"], reference["mean_percent"], 0.051, "\(id) mean")
            close(guideline["at_or_above_percent"], reference["at_or_above_percent"], 0.051, "\(id) at or above")
        }
        func flags(_ node: JSONNode) -> [String] {
            (node["flags"]?.elements ?? []).map { "\($0["flag"]?.string ?? "") \($0["scenario"]?.string ?? "") \($0["option"]?.string ?? "-")" }.sorted()
        }
        #expect(flags(got) == flags(expected))
    }

    @Test("every figure equals the independent computation; the designed flags are found")
    func figures() throws {
        let folder = try records()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try JSONParser.parse(Array(result.stdout.utf8))
        let expected = try JSONParser.parse(Array(try python(["expected", folder.path, course]).utf8))
        compare(got, expected)

        // The properties the attempts were made with, whatever either computation says.
        let flags = Set((got["flags"]?.elements ?? []).map { "\($0["flag"]?.string ?? "") \($0["scenario"]?.string ?? "") \($0["option"]?.string ?? "-")" })
        #expect(flags.contains("too-easy easy -"))
        #expect(flags.contains("check-key miskeyed -"))
        #expect(flags.contains("unused-option risky never"))
        #expect(flags.contains("critical-often risky leak"))
        #expect(!flags.contains { $0.hasPrefix("too-easy") && !$0.hasSuffix("easy -") })
        let scenarios = Dictionary(uniqueKeysWithValues: (got["scenarios"]?.elements ?? []).map { ($0["id"]?.string ?? "", $0) })
        #expect(number(scenarios["miskeyed"]?["discrimination"]).map { $0 < -0.5 } == true)
        #expect(number(scenarios["follow-up"]?["shown"]) == 48 && number(scenarios["easy"]?["shown"]) == 120,
                "a branch shows a scenario to fewer attempts")
        // By default each learner's first attempt: 120 of the 130, the ten retakes left out.
        #expect(number(got["course"]?["attempts"]) == 120 && number(got["course"]?["learners"]) == 120)
        #expect(got["course"]?["attempts_counted"]?.string == "first" && number(got["course"]?["later_attempts_not_counted"]) == 10)
        #expect(result.stderr.contains("1 ended attempt of stats-test made on another version of the course"))

        // The key: the most points; in a multiple-answer scenario every option with points.
        func keys(_ scenario: String) -> [String] {
            (scenarios[scenario]?["options"]?.elements ?? []).filter { isTrue($0["key"]) }.compactMap { $0["id"]?.string }
        }
        #expect(keys("easy") == ["refuse"] && keys("miskeyed") == ["keyed-right"] && keys("risky") == ["refer"])
        #expect(keys("follow-up") == ["calm"] && keys("multi") == ["audience", "tone"])
        // Shown 48 times: too few for unused-option (50); the others were shown often enough.
        #expect(scenarios["follow-up"]?["too_few_for"]?.elements?.map { "\($0["flag"]?.string ?? "") \(number($0["needs"]) ?? 0)" } == ["unused-option 50.0"])
        #expect(scenarios["easy"]?["too_few_for"]?.elements?.isEmpty == true)
    }

    @Test("--attempts all counts the retakes too, and equals the independent computation")
    func allAttempts() throws {
        let folder = try records()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json", "--attempts", "all"])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try JSONParser.parse(Array(result.stdout.utf8))
        let expected = try JSONParser.parse(Array(try python(["expected", folder.path, course, "--attempts", "all"]).utf8))
        compare(got, expected)
        #expect(number(got["course"]?["attempts"]) == 130 && number(got["course"]?["learners"]) == 120)
        #expect(got["course"]?["attempts_counted"]?.string == "all" && number(got["course"]?["later_attempts_not_counted"]) == 0)
        let scenarios = Dictionary(uniqueKeysWithValues: (got["scenarios"]?.elements ?? []).map { ($0["id"]?.string ?? "", $0) })
        #expect(number(scenarios["follow-up"]?["shown"]) == 55 && scenarios["follow-up"]?["too_few_for"]?.elements?.isEmpty == true)
    }

    @Test("--since counts only attempts finished on or after that day")
    func since() throws {
        let folder = try records()
        defer { try? FileManager.default.removeItem(at: folder) }
        for attempts in ["first", "all"] {
            let result = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json", "--since", "2026-03-04", "--attempts", attempts])
            #expect(result.status == 0, "\(result.stderr)")
            let got = try JSONParser.parse(Array(result.stdout.utf8))
            let expected = try JSONParser.parse(Array(try python(["expected", folder.path, course, "--since", "2026-03-04", "--attempts", attempts]).utf8))
            #expect(number(got["course"]?["attempts"]).map { $0 > 0 && $0 < 120 } == true)
            compare(got, expected)
        }
    }

    @Test("the table, CSV and HTML show the same figures, flags highlighted, critical options marked")
    func formats() throws {
        let folder = try records()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain", "--attempts", "all"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("\nCounted: all 130 attempts\n"))
        // The key: an asterisk in plain text, explained once.
        #expect(table.stdout.contains("     Shown 130 · Facility 100.0% · Discrimination –  [too-easy]\n   * a refuse   100.0%\n     b share      0.0%  [unused-option]\n"))
        #expect(table.stdout.contains("  * = key: the option that earns the points"))
        #expect(table.stdout.contains("Shown 130 · Facility 100.0% · Discrimination –  [too-easy]"))
        #expect(table.stdout.contains("c leak     18.5%  (critical)  [critical-often]"))
        let dutch = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain", "--lang", "nl", "--attempts", "all"])
        #expect(dutch.stdout.contains("Getoond 130 · Facility-index 100,0 % · Discriminatie-index –  [te makkelijk]"))
        let csv = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "csv", "--attempts", "all"])
        let rows = CSV.rows(csv.stdout, delimiter: ",").map(\.fields)
        #expect(rows.first == ["type", "scenario", "option", "guideline", "critical", "key", "shown", "chosen", "share_percent",
                               "facility_percent", "discrimination", "mean_percent", "at_or_above_percent", "flags", "too_few_for"])
        #expect(rows.contains(["option", "risky", "leak", "", "yes", "no", "130", "24", "18.5", "", "", "", "", "critical-often", ""]))
        #expect(rows.contains(["option", "risky", "refer", "", "no", "yes", "130", "74", "56.9", "", "", "", "", "", ""]))
        #expect(rows.contains(["scenario", "miskeyed", "", "", "", "", "130", "", "", "47.7", "-0.819", "", "", "check-key", ""]))
        let firstCSV = CSV.rows(try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "csv"]).stdout, delimiter: ",").map(\.fields)
        #expect(firstCSV.contains(["scenario", "follow-up", "", "", "", "", "48", "", "", "83.3", "", "", "", "", "unused-option:50"]))
        let page = folder.appendingPathComponent("stats.html")
        let html = try Wegwijs.run(["stats", folder.path, "--course", course, "--output", page.path, "--attempts", "all"])
        #expect(html.status == 0 && html.stdout.isEmpty)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.contains("<tr data-option=\"refuse\"><th scope=\"row\"><span class=\"key\" aria-hidden=\"true\">✓</span> <span class=\"sr-only\">key:</span>refuse"))
        #expect(text.contains("<tr data-option=\"share\" class=\"flagged\"><th scope=\"row\">share<"), "no mark on an option that is not the key")
        #expect(text.contains("<p class=\"meta\" id=\"counted\">Counted: all 130 attempts</p>"))
        #expect(text.contains("<span class=\"flag\" data-flag=\"check-key\">check-key</span>"))
        #expect(text.contains("<tr data-option=\"leak\" class=\"flagged\"><th scope=\"row\">leak <span class=\"critical\">(critical)</span>"))
        #expect(!text.contains("<script") && !text.contains("http:") && !text.contains("https:"))
    }

    @Test("a record made on an earlier wording (same structure, other sha256) counts; one on another structure does not")
    func structureMatch() throws {
        let folder = try Wegwijs.temporaryFolder("wegwijs-stats-structure")
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try CourseLoader.load(path: course)
        func write(_ learner: String, sha256: String, structure: String) throws {
            let directory = folder.appendingPathComponent("stats-test/\(learner)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("""
            {"format": "wegwijs.record/1", "attemptId": "\(learner)", "learner": {"id": "\(learner)"}, "language": "en",
             "course": {"id": "stats-test", "version": "0.9", "sha256": "\(sha256)", "structure": "\(structure)"},
             "startedAt": "2026-03-01T09:00:00Z", "finishedAt": "2026-03-01T09:05:00Z", "status": "passed",
             "score": {"earned": 0, "possible": 0, "percent": null}, "guidelines": [], "criticalChosen": [],
             "answers": [{"scenario": "easy", "options": ["refuse"], "at": "2026-03-01T09:01:00Z"}]}
            """.utf8).write(to: directory.appendingPathComponent("a.json"))
        }
        try write("1", sha256: String(repeating: "1", count: 64), structure: loaded.structure)
        try write("2", sha256: loaded.sha256, structure: String(repeating: "2", count: 64))
        let result = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let got = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(number(got["course"]?["attempts"]) == 1 && number(got["course"]?["learners"]) == 1)
        #expect(result.stderr.contains("1 ended attempt of stats-test made on another version of the course"))
    }

    /// A learner's retake (read first: its file sorts first), that learner's earlier first
    /// attempt, another learner's one attempt and a refresher, each answering `easy` only.
    func smallFolder() throws -> URL {
        let folder = try Wegwijs.temporaryFolder("wegwijs-stats-first")
        let loaded = try CourseLoader.load(path: course)
        func write(_ learner: String, _ file: String, day: Int, option: String, refresher: Bool = false) throws {
            let directory = folder.appendingPathComponent("stats-test/\(learner)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let block = refresher ? #""refresher": {"due": "2026-02-01", "seed": 7, "scenarios": ["easy"], "earlierAttempts": []},"# : ""
            try Data("""
            {"format": "wegwijs.record/1", "attemptId": "\(learner)-\(file)", "learner": {"id": "\(learner)"}, "language": "en", \(block)
             "course": {"id": "stats-test", "version": "1.0.0", "sha256": "\(loaded.sha256)", "structure": "\(loaded.structure)"},
             "startedAt": "2026-03-0\(day)T09:00:00Z", "finishedAt": "2026-03-0\(day)T09:05:00Z", "status": "passed",
             "score": {"earned": 0, "possible": 0, "percent": null}, "guidelines": [], "criticalChosen": [],
             "answers": [{"scenario": "easy", "options": ["\(option)"], "at": "2026-03-0\(day)T09:01:00Z"}]}
            """.utf8).write(to: directory.appendingPathComponent("\(file).json"))
        }
        try write("1", "a-retake", day: 5, option: "refuse")
        try write("1", "b-first", day: 1, option: "share")
        try write("2", "only", day: 4, option: "refuse")
        try write("2", "refresher", day: 2, option: "share", refresher: true)
        return folder
    }

    @Test("by default each learner's earliest ended attempt counts, whatever the file order; --attempts all counts the retake; refreshers never")
    func firstAttempts() throws {
        let folder = try smallFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func figures(_ extra: [String]) throws -> (course: JSONNode?, easy: [String: Double]) {
            let result = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("1 refresher of stats-test not counted"))
            let root = try JSONParser.parse(Array(result.stdout.utf8))
            let easy = root["scenarios"]?.elements?.first { $0["id"]?.string == "easy" }
            var chosen: [String: Double] = ["shown": number(easy?["shown"]) ?? -1]
            for option in easy?["options"]?.elements ?? [] { chosen[option["id"]?.string ?? "?"] = number(option["chosen"]) }
            return (root["course"], chosen)
        }
        let first = try figures([])
        #expect(number(first.course?["attempts"]) == 2 && number(first.course?["later_attempts_not_counted"]) == 1)
        #expect(first.easy == ["shown": 2, "refuse": 1, "share": 1, "shrug": 0], "learner 1's first attempt chose share")
        #expect(try figures(["--attempts", "first"]).easy == first.easy)
        let all = try figures(["--attempts", "all"])
        #expect(number(all.course?["attempts"]) == 3 && number(all.course?["learners"]) == 2)
        #expect(all.easy == ["shown": 3, "refuse": 2, "share": 1, "shrug": 0])
        // The first attempt is chosen before --since: learner 1's retake on the 5th is still a retake.
        let since = try figures(["--since", "2026-03-03"])
        #expect(number(since.course?["attempts"]) == 1 && since.easy == ["shown": 1, "refuse": 1, "share": 0, "shrug": 0])
        #expect(try figures(["--since", "2026-03-03", "--attempts", "all"]).easy["shown"] == 2)

        let table = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain"])
        #expect(table.stdout.contains("\nCounted: the first attempt of 2 learners (1 later attempt not counted;\n--attempts all counts them)\n"), "\(table.stdout)")
        let allTable = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain", "--attempts", "all"])
        #expect(allTable.stdout.contains("\nCounted: all 3 attempts\n"), "\(allTable.stdout)")
        let dutch = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain", "--lang", "nl", "--format", "html"])
        #expect(dutch.stdout.contains("Geteld: de eerste poging van 2 deelnemers (1 latere poging niet geteld; --attempts all telt ze mee)"))
        #expect(try Wegwijs.run(["stats", folder.path, "--course", course, "--attempts", "second"]).status == 64)
    }

    @Test("a scenario shown fewer times than a flag needs says so in the table, JSON and the page, in both languages")
    func tooFew() throws {
        let folder = try smallFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try JSONParser.parse(Array(try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "json"]).stdout.utf8))
        let scenarios = Dictionary(uniqueKeysWithValues: (json["scenarios"]?.elements ?? []).map { ($0["id"]?.string ?? "", $0) })
        func tooFew(_ id: String) -> [String] {
            (scenarios[id]?["too_few_for"]?.elements ?? []).map { "\($0["flag"]?.string ?? "") \(number($0["needs"]).map { String(Int($0)) } ?? "")" }
        }
        #expect(tooFew("easy") == ["check-key 30", "unused-option 50"])
        #expect(tooFew("risky") == ["too-easy 1", "too-hard 1", "check-key 30", "unused-option 50", "critical-often 1"], "never shown")
        #expect(tooFew("multi") == ["too-easy 1", "too-hard 1", "check-key 30", "unused-option 50"], "no critical option: critical-often does not apply")

        let table = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain"]).stdout
        #expect(table.contains("     Shown 2 · Facility 50.0% · Discrimination –\n     shown 2 times: too few for check-key, which needs 30, and unused-option,\n       which needs 50\n"), "\(table)")
        #expect(table.contains("     Shown 0 · Facility – · Discrimination –\n     never shown: no flag can be raised\n"))
        #expect(table.contains("No flags.\n  6 scenarios were shown too few times for some flags (see Scenarios): no flag"))
        let dutch = try Wegwijs.run(["stats", folder.path, "--course", course, "--plain", "--lang", "nl"]).stdout
        #expect(dutch.contains("2 keer getoond: te weinig voor sleutel controleren, dat 30 nodig heeft, en"), "\(dutch)")
        let page = try Wegwijs.run(["stats", folder.path, "--course", course, "--format", "html"]).stdout
        #expect(page.contains("<p class=\"too-few\" data-too-few=\"easy\">shown 2 times: too few for check-key, which needs 30, and unused-option, which needs 50</p>"))
        #expect(page.contains("<p class=\"too-few\" id=\"too-few\">6 scenarios were shown too few times"))
    }

    @Test("usage and I/O errors have their exit codes", arguments: [
        (["stats", "RECORDS"], 64),
        (["stats", "RECORDS", "--course", "COURSE", "--since", "2026-13-01"], 64),
        (["stats", "RECORDS", "--course", "COURSE", "--format", "pdf"], 64),
        (["stats", "/nonexistent/records", "--course", "COURSE"], 74),
        (["stats", "RECORDS", "--course", "/nonexistent/course.json"], 74),
    ] as [([String], Int32)])
    func exitCodes(arguments: [String], expected: Int32) throws {
        let records = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: records) }
        let result = try Wegwijs.run(arguments.map { $0 == "RECORDS" ? records.path : $0 == "COURSE" ? course : $0 })
        #expect(result.status == expected, "\(result.stderr)")
    }
}
