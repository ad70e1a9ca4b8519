import Foundation
import Testing
import WegwijsCore

/// Whole outputs of the binary against the files in `Tests/References/` (see `References`):
/// every help text, `courses`, `paths`, `preview`, `report` in each format, `stats`, `verify`
/// and the xAPI statements of `export`, on the fixed records of `ReferenceRecords`. A reference
/// was checked by hand when it was recorded; `make references` records them again.
@Suite("whole outputs against reference files")
struct ReferenceTests {
    /// Runs from the package root with relative paths, so no output holds this checkout's path;
    /// `folder` (a records folder in the temp folder) is written `RECORDS`.
    func output(_ arguments: [String], folder: URL? = nil, status: Int32 = 0, environment: [String: String] = [:],
                stderr: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let arguments = arguments.map { argument in folder.map { argument.replacingOccurrences(of: "RECORDS", with: $0.path) } ?? argument }
        let result = try Wegwijs.run(arguments, environment: environment, currentDirectory: Wegwijs.packageRoot)
        func normalised(_ text: String) -> String {
            folder.map { text.replacingOccurrences(of: $0.path, with: "RECORDS") } ?? text
        }
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(normalised(result.stderr) == stderr, "\(arguments)", sourceLocation: sourceLocation)
        let text = normalised(result.stdout)
        #expect(!text.contains(Wegwijs.packageRoot.path) && !text.contains("/tmp/"), "\(arguments): an absolute path",
                sourceLocation: sourceLocation)
        return text
    }

    // MARK: Help, courses, paths, preview

    /// The commands below `command` that its help lists under SUBCOMMANDS.
    func subcommands(of command: [String]) throws -> [String] {
        let help = try Wegwijs.run(command + ["--help"], environment: ["COLUMNS": "1000"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
        return section.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
            .compactMap { $0.split(separator: " ").first.map { String($0.split(separator: ",").first ?? $0) } }
    }

    @Test("the help of the root, of every command and of every subcommand, at 80 columns")
    func help() throws {
        var pending: [[String]] = [[]]
        var seen = 0
        while let command = pending.popLast() {
            let name = command.isEmpty ? "wegwijs" : "wegwijs " + command.joined(separator: " ")
            try References.check(try output(command + ["--help"]), "help/\(name.replacingOccurrences(of: " ", with: "-")).txt")
            seen += 1
            pending += try subcommands(of: command).filter { $0 != "help" }.map { command + [$0] }
        }
        #expect(seen >= 13, "the root and its twelve commands at least")
    }

    @Test("courses lists the bundled courses")
    func courses() throws {
        try References.check(try output(["courses"]), "courses.txt")
    }

    @Test("paths of the branching fixture (plain) and of the bundled example course (with symbols)")
    func paths() throws {
        try References.check(try output(["paths", "Tests/Fixtures/branching.json", "--plain"]), "paths/branching.txt")
        try References.check(try output(["paths", "courses/voorbeeld.json"]), "paths/voorbeeld.txt")
    }

    @Test("preview of the branching fixture in Dutch, in English and plain, and one scenario")
    func preview() throws {
        try References.check(try output(["preview", "Tests/Fixtures/branching.json"]), "preview/branching-nl.txt")
        try References.check(try output(["preview", "Tests/Fixtures/branching.json", "--lang", "en", "--plain"]), "preview/branching-en-plain.txt")
        try References.check(try output(["preview", "courses/voorbeeld.json", "--scenario", "uitnodiging"]), "preview/voorbeeld-uitnodiging.txt")
    }

    @Test("a learner's start, the in-course help and a stop, in Dutch and English, at 80, 40 and 24 columns",
          arguments: ["nl", "en"], [80, 40, 24])
    func learnerHelp(language: String, width: Int) throws {
        let records = try Wegwijs.temporaryFolder("reference-run")
        defer { try? FileManager.default.removeItem(at: records) }
        let result = try Wegwijs.run(["run", "Tests/Fixtures/branching.json", "--learner", "1", "--records", records.path, "--lang", language],
                                     input: "?\na\nhelp\nstop\n", environment: ["COLUMNS": String(width)], currentDirectory: Wegwijs.packageRoot)
        #expect(result.status == 3, "\(result.stderr)")
        // The stop names the progress file, on a line of its own: the temporary folder is RECORDS.
        #expect(result.stdout.contains("\n  \(records.path)/test-branching/1/in-progress.json\n"))
        try References.check(result.stdout.replacingOccurrences(of: records.path, with: "RECORDS"), "run/help-\(language)-\(width).txt")
    }

    // MARK: Records: report, verify, export, stats

    @Test("report on the HR folder as a table, CSV, JSON and an HTML page, on a fixed day")
    func report() throws {
        let records = try ReferenceRecords.hr()
        defer { try? FileManager.default.removeItem(at: records) }
        let base = ["report", "RECORDS", "--roster", "Tests/Fixtures/reference/roster.csv", "--as-of", ReferenceRecords.asOf]
        try References.check(try output(base, folder: records), "report/report.txt")
        try References.check(try output(base + ["--format", "csv"], folder: records), "report/report.csv")
        try References.check(try output(base + ["--format", "csv", "--delimiter", ";"], folder: records), "report/report-semicolon.csv")
        try References.check(try output(base + ["--format", "json"], folder: records), "report/report.json")
        try References.check(try output(base + ["--format", "html", "--lang", "nl"], folder: records), "report/report-nl.html")
        try References.check(try output(base + ["--format", "html"], folder: records), "report/report-en.html")
        try References.check(try output(["verify", "RECORDS", "--course", "Tests/Fixtures/branching.json"], folder: records),
                             "report/verify.txt")
    }

    @Test("the xAPI statements of the HR folder (export), strictly valid")
    func export() throws {
        let records = try ReferenceRecords.hr()
        defer { try? FileManager.default.removeItem(at: records) }
        let text = try output(["export", "RECORDS", "--format", "xapi", "--course", "Tests/Fixtures/branching.json"], folder: records)
        try References.check(text, "xapi/export.ndjson")
        let file = records.appendingPathComponent("export.ndjson")
        try Data(text.utf8).write(to: file)
        let check = try RalphServer.strictCheck([file.path])
        #expect(check.status == 0, "strict xAPI models refuse statements: \(check.stdout) \(check.stderr)")
    }

    @Test("report --lrs, from those statements in a real Ralph LRS, gives the same CSV as report on the folder")
    func reportFromLRS() throws {
        let records = try ReferenceRecords.hr()
        defer { try? FileManager.default.removeItem(at: records) }
        let server = try RalphServer.start()
        defer { server.stop() }
        let configHome = try Wegwijs.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: configHome) }
        let file = configHome.appendingPathComponent("export.ndjson").path
        _ = try output(["export", "RECORDS", "--format", "xapi", "--course", "Tests/Fixtures/branching.json", "--output", file],
                       folder: records)
        let written = try server.ralphWrite(file)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try output(["report", "--lrs", "--roster", "Tests/Fixtures/reference/roster.csv", "--as-of", ReferenceRecords.asOf,
                               "--format", "csv"], environment: server.environment(configHome: configHome))
        let folder = try output(["report", "RECORDS", "--roster", "Tests/Fixtures/reference/roster.csv", "--as-of", ReferenceRecords.asOf,
                                 "--format", "csv"], folder: records)
        #expect(text == folder, "\(References.difference(expected: folder, actual: text))")
        // The reference is recorded from the folder (report above); this one only compares.
        if !References.recording { try References.check(text, "report/report.csv") }
    }

    @Test("stats on 20 attempts with facilities of exactly 95 % and 30 %, as a table, JSON and a page; the flags agree with itemstats.py")
    func stats() throws {
        let records = try ReferenceRecords.stats()
        defer { try? FileManager.default.removeItem(at: records) }
        let base = ["stats", "RECORDS", "--course", "Tests/Fixtures/branching.json"]
        try References.check(try output(base, folder: records), "stats/stats.txt")
        try References.check(try output(base + ["--lang", "nl"], folder: records), "stats/stats-nl.txt")
        let json = try output(base + ["--format", "json"], folder: records)
        try References.check(json, "stats/stats.json")
        try References.check(try output(base + ["--format", "html", "--lang", "nl"], folder: records), "stats/stats-nl.html")

        // The boundaries, against the independent computation.
        let script = Wegwijs.fixture("stats/itemstats.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "expected", records.path, Wegwijs.fixture("branching.json")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try JSONParser.parse(Array(data))
        let actual = try JSONParser.parse(Array(json.utf8))
        func flags(_ root: JSONNode) -> [String] {
            (root["flags"]?.elements ?? []).map { "\($0["flag"]?.string ?? "") \($0["scenario"]?.string ?? "") \($0["option"]?.string ?? "-")" }.sorted()
        }
        #expect(flags(actual) == flags(expected))
        #expect(flags(actual).contains("too-easy start -") && flags(actual).contains("too-hard kritiek -"), "\(flags(actual))")
    }
}
