import Foundation
import TestSupport
import Testing
import WegwijsCore

@Suite("Trainer tooling, end to end: validate, new, preview, paths, the JSON Schema")
struct AuthoringTests {
    let fixture = Wegwijs.fixture("branching.json")

    static func write(_ text: String, named name: String = "course.json") throws -> String {
        let path = try Wegwijs.temporaryFolder("wegwijs-authoring").appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a valid course: exit 0, an ok line on stdout, only its single-slip warnings on stderr")
    func validCourse() throws {
        let result = try Wegwijs.run(["validate", fixture])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok (4 scenarios, 2 guidelines, 2 warnings)"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(": warning: single slip: ") })
        #expect(lines.first?.contains("branching.json:26:9: warning: single slip: answering 'fout' in scenario 'start'") == true)
        // --strict refuses a course with an ordinary single slip.
        let strict = try Wegwijs.run(["validate", "--strict", fixture])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("error: single slip: answering 'fout' in scenario 'start'"))
    }

    @Test("an invalid course: exit 65, each problem as FILE:LINE:COLUMN with a suggestion")
    func invalidCourse() throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: #""scores": {"openbaar": 2}, "feedback": {"nl": "Prima.""#,
                                  with: #""scores": {"openbar": 2}, "feedback": {"nl": "Prima.""#)
        let path = try Self.write(text)
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):24:89: error: option 'goed' of scenario 'start' scores"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown guideline 'openbar' — did you mean 'openbaar'?"))
        #expect(result.stdout.contains("invalid (1 error"))
    }

    @Test("--format json gives editors and CI every problem with line, column and pointer")
    func jsonFormat() throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: #""next": "meer""#, with: #""next": "mer""#)
        let path = try Self.write(text)
        let result = try Wegwijs.run(["validate", "--format", "json", path, fixture])
        #expect(result.status == 65)
        let report = try JSONDecoder().decode(ValidationReport.self, from: Data(result.stdout.utf8))
        #expect(!report.valid)
        #expect(report.files.map(\.valid) == [false, true])
        let problems = try #require(report.files[safe: 0]).problems
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.severity == .error && $0.line != nil && $0.pointer != nil })
        #expect(problems.first?.pointer == "/scenarios/0/next")
    }

    @Test("--strict fails a course that only has warnings")
    func strict() throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: #", "feedback": {"nl": "Nee.", "en": "No."}, "next": "gevolg""#, with: #", "next": "gevolg""#)
        let path = try Self.write(text)
        #expect(try Wegwijs.run(["validate", path]).status == 0)
        let strict = try Wegwijs.run(["validate", "--strict", path])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("error: option 'fout' of scenario 'start' has no feedback"))
    }

    @Test("hostile files end in one clear message, never a crash", arguments: ["empty", "junk", "utf8", "nested", "huge"])
    func hostileFile(_ kind: String) throws {
        let folder = try Wegwijs.temporaryFolder("wegwijs-hostile")
        let path = folder.appendingPathComponent("\(kind).json").path
        var random = SplitMix64(seed: 4)
        let bytes: [UInt8]
        let expected: String
        switch kind {
        case "empty": (bytes, expected) = ([], "the file is empty")
        case "junk": (bytes, expected) = ((0..<4_096).map { _ in UInt8(truncatingIfNeeded: random.next()) }, "error:")
        case "utf8": (bytes, expected) = (Array(#"{"title": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8), "the file is not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)")
        case "nested": (bytes, expected) = ([UInt8](repeating: UInt8(ascii: "["), count: 200_000), "nested more than 256 levels deep")
        default:
            var big = Array(#"{"padding": ""#.utf8)
            big += [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1_048_576)
            bytes = big + Array(#""}"#.utf8)
            expected = "the file is 50.0 MB; course files are limited to 32 MB"
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix(path + ":"))
    }

    @Test("a folder or missing file is an I/O error (74)")
    func unreadable() throws {
        let folder = try Wegwijs.temporaryFolder()
        #expect(try Wegwijs.run(["validate", folder.path]).status == 74)
        #expect(try Wegwijs.run(["validate", folder.appendingPathComponent("nope.json").path]).status == 74)
    }

    @Test("new writes a starter course that validates strictly, in Dutch or English", arguments: ["nl", "en"])
    func newCourse(_ language: String) throws {
        let path = try Wegwijs.temporaryFolder().appendingPathComponent("Mijn Cursus.json").path
        let created = try Wegwijs.run(["new", path, "--language", language])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try Wegwijs.run(["validate", "--strict", path]).status == 0)
        let loaded = try CourseLoader.load(path: path)
        let course = loaded.course
        #expect(course.id == "mijn-cursus")
        #expect(course.language == language && Set(course.languages) == ["nl", "en"] && course.incompleteLanguages.isEmpty)
        #expect(course.passing == PassingRule(overall: 80, perGuideline: 60, noCritical: true))
        #expect(course.guidelines.count == 2 && course.scenarios.count == 3)
        #expect(course.scenarios.contains { $0.options.contains { $0.next != nil } })
        #expect(loaded.warnings.isEmpty)
        // $schema names the bundled schema, as a file URL an editor opens.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""$schema": "file://"#) && text.contains(#"/courses/course.schema.json""#))
        // Its own paths are clean: no ordinary single slip, every route passes with its best answers.
        let paths = try Wegwijs.run(["paths", path, "--plain"]).stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(paths.contains("2 routes") && paths.contains("every route can pass, none passes on wrong answers"), "\(paths)")
        #expect(!paths.contains("slip vraag") && !paths.contains("slip screenshot"), "\(paths)")
    }

    @Test("new never overwrites a file: exit 74, the file untouched")
    func newRefusesOverwrite() throws {
        let path = try Self.write("mine")
        let result = try Wegwijs.run(["new", path, "--id", "x"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("already exists; not overwritten"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
    }

    @Test("new refuses a bad --id or --language as a usage error")
    func newUsage() throws {
        let folder = try Wegwijs.temporaryFolder()
        #expect(try Wegwijs.run(["new", folder.appendingPathComponent("a.json").path, "--id", "Hoofdletters"]).status == 64)
        #expect(try Wegwijs.run(["new", folder.appendingPathComponent("b.json").path, "--language", "fr"]).status == 64)
        #expect(Wegwijs.files(under: folder).isEmpty)
    }

    @Test("preview shows the learner's view with every option's scores, verdict or critical flag, feedback and next")
    func preview() throws {
        let records = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(["preview", fixture, "--plain", "--lang", "en"], currentDirectory: records)
        #expect(result.status == 0)
        // --plain: plain ASCII around the course's own text (no middle dots or arrows).
        for text in ["Test course", "Someone asks something on LinkedIn.", "a) Good answer", "scores openbaar +2",
                     "id fout - scores openbaar -1 - Not good - next -> 'gevolg'", "id half - scores openbaar +1 - Partly good", "CRITICAL", "feedback: Serious.", "multiple answers",
                     "then -> 'meer'", "possible: openbaar 2"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        #expect(!result.stdout.contains("·") && !result.stdout.contains("→") && !result.stdout.contains("─"))
        #expect(Wegwijs.files(under: records).isEmpty)
        // A Dutch preview says everything in Dutch.
        let one = try Wegwijs.run(["preview", fixture, "--scenario", "kritiek", "--plain"])
        #expect(one.stdout.contains("Situatie 4/4 - kritiek - één antwoord") && !one.stdout.contains("Situatie 1/4"))
        for text in ["punten geheim +2", "ERNSTIG", "mogelijk: geheim 2", "daarna -> "] {
            #expect(one.stdout.contains(text), "\(text)")
        }
        for english in ["CRITICAL", "possible:", "then ", "end of course", "scores "] {
            #expect(!one.stdout.contains(english), "\(english)")
        }
        let typo = try Wegwijs.run(["preview", fixture, "--scenario", "kritik"])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'kritiek'?"))
    }

    @Test("paths lists the routes with best and worst percentages and the findings")
    func paths() throws {
        let result = try Wegwijs.run(["paths", fixture, "--plain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 routes through 4 scenarios"))
        // --plain: plain ASCII.
        #expect(result.stdout.contains("route 2: start [fout] -> gevolg -> meer -> kritiek"))
        #expect(result.stdout.contains("best 66.7% - worst 0.0% - cannot pass"))
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(result.stdout.contains("Single slips") && result.stdout.contains("start: fout -> the overall score falls below 80%"))
        let summary = try Wegwijs.run(["paths", fixture, "--plain", "--limit", "1"])
        #expect(summary.stdout.contains("Too many routes to list"))
        let invalid = try Wegwijs.run(["paths", try Self.write("{}")])
        #expect(invalid.status == 65)
    }

    @Test("a course no one can pass: validate exits 65 with one error naming the pass mark; paths says the same")
    func unpassable() throws {
        // The branching fixture with full marks required, and a 'half' answer in 'start' that scores
        // both guidelines: no answer there earns every point, so the best answers reach 87.5 %.
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: #""passing": {"overall": 80"#, with: #""passing": {"overall": 100"#)
            .replacingOccurrences(of: #""scores": {"openbaar": 1}, "feedback": {"nl": "Bijna.""#,
                                  with: #""scores": {"openbaar": 1, "geheim": 1}, "feedback": {"nl": "Bijna.""#)
        let path = try Self.write(text, named: "onhaalbaar.json")
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 65, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix(path + ":10:14: error: no route can pass: the best answers reach 87.5 % overall, below the pass mark of 100 % (at most 87 % can be reached)") == true,
                "\(result.stderr)")
        #expect(lines.first?.contains("the 5 single-slip warnings that follow from it are left out") == true, "\(result.stderr)")
        #expect(result.stdout.contains("invalid (1 error, 0 warnings)"))
        // paths (like preview) still loads it, to show why.
        let paths = try Wegwijs.run(["paths", path, "--plain"])
        #expect(paths.status == 0, "\(paths.stderr)")
        let unwrapped = paths.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(unwrapped.contains("x no route can pass: the best answers reach 87.5% overall, below the pass mark of 100%"), "\(paths.stdout)")
        #expect(unwrapped.contains("these slips follow from the pass rule"))
        #expect(!paths.stdout.contains("every route can pass"))
    }

    // MARK: JSON Schema

    static let schema = Wegwijs.packageRoot.appendingPathComponent("courses/course.schema.json").path
    // Python's jsonschema is part of the test set-up (README, .ci/run): without it these tests
    // fail rather than skip, so a green run always means the schema was checked.
    @Test("the bundled courses, the fixture and a new course are valid against the JSON Schema")
    func schemaAcceptsCourses() throws {
        let starter = try Wegwijs.temporaryFolder().appendingPathComponent("nieuw.json").path
        try Wegwijs.run(["new", starter])
        let bundled = try FileManager.default.contentsOfDirectory(atPath: Wegwijs.packageRoot.appendingPathComponent("courses").path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map(Wegwijs.course)
        #expect(bundled.count >= 2)
        for path in bundled + [fixture, starter] {
            let result = try Wegwijs.python([Self.checker, Self.schema, path])
            #expect(result.status == 0, "\(path): \(result.stdout) \(result.stderr)")
        }
        for path in bundled {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(#""$schema": "course.schema.json""#), "\(path)")
        }
    }

    static let wrongTypes: [(String, String)] = [
        (#""version": "1.0.0""#, #""version": 1"#),
        (#""scores": {"openbaar": 2}"#, #""scores": {"openbaar": "2"}"#),
        (#""scores": {"openbaar": 2}"#, #""scores": {"openbaar": 2.5}"#),
        (#""validFor": "P1Y""#, #""validFor": "1 year""#),
        (#""id": "test-branching""#, #""id": "Test Branching""#),
        (#""kind": "multiple""#, #""kind": "several""#),
        (#""critical": true"#, #""critical": "yes""#),
        (#""overall": 80"#, #""overall": 180"#),
        (#""title": {"nl": "Testcursus", "en": "Test course"}"#, #""title": ["Testcursus"]"#),
        (#""format": "wegwijs.course/1""#, #""format": "wegwijs.course/2""#),
        (#""id": "m1", "text""#, #""id": "m1", "next": "kritiek", "text""#),
        (#""dueWithinDays": 30"#, #""dueWithinDays": 30, "dueWithin": 30"#),
        (#""languages": ["nl", "en"]"#, #""languages": ["nl", "EN"]"#),
        (#""languages": ["nl", "en"]"#, #""languages": "nl, en""#),
    ]

    @Test("the JSON Schema rejects wrong types and values", arguments: wrongTypes)
    func schemaRejects(_ edit: (String, String)) throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        #expect(text.contains(edit.0))
        let path = try Self.write(text.replacingOccurrences(of: edit.0, with: edit.1))
        let result = try Wegwijs.python([Self.checker, Self.schema, path])
        #expect(result.status == 1, "\(edit.1): \(result.stdout) \(result.stderr)")
        #expect(try Wegwijs.run(["validate", "--strict", path]).status == 65, "validate agrees: \(edit.1)")
    }

    static let checker: String = {
        let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
        for error in errors:
            print("/".join(map(str, error.absolute_path)), error.message[:200])
        sys.exit(1 if errors else 0)
        """
        let path = TestFolders.path("wegwijs-schema-check").appendingPathExtension("py").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8))
        return path
    }()
}

extension Wegwijs {
    /// Runs the project's Python (`.venv/bin/python`, made by `make setup`), else `python3`.
    static func python(_ arguments: [String]) throws -> ProcessResult {
        let process = Process()
        let venv = packageRoot.appendingPathComponent(".venv/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self))
    }
}
