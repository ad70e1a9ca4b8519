import Foundation
import Testing
import WegwijsCore

/// Runs the binary with its standard output or error somewhere unusual: a full device, a
/// closed descriptor, a pipe nobody reads.
enum Streams {
    enum Output {
        case full
        case brokenPipe
        case pipe
    }

    /// Exit status and standard error of `wegwijs arguments…` with standard output as given.
    static func run(_ arguments: [String], stdout: Output, environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Wegwijs.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["WEGWIJS_RECORDS", "WEGWIJS_SIGNING_KEY_FILE", "WEGWIJS_COURSES", "NO_COLOR"] { env[key] = nil }
        env["COLUMNS"] = "80"
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        switch stdout {
        case .full:
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        case .brokenPipe:
            // The reading end is closed before the program writes: every write meets EPIPE.
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            process.standardOutput = pipe
        case .pipe:
            process.standardOutput = FileHandle.nullDevice
        }
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Exit status of `wegwijs arguments…` with standard error closed (`2>&-`), or standard
    /// output (`>&-`).
    static func runWithoutStderr(_ arguments: [String], closing stream: String = "2>&-") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" \(stream) </dev/null", Wegwijs.executable.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("Hardening: output errors, limits, trust, links, escapes, bundled courses, help (issue 9)", .serialized)
struct HardeningEndToEndTests {
    let fixture = Wegwijs.fixture("branching.json")

    /// A records folder with one passed attempt of learner 123 on the branching fixture.
    func records() throws -> URL {
        let records = try Wegwijs.temporaryFolder("harden")
        let result = try Wegwijs.run(["run", fixture, "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 0, "\(result.stderr)")
        return records
    }

    func recordFile(in records: URL, learner: String = "123") throws -> URL {
        let folder = records.appendingPathComponent("test-branching/\(learner)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix("Z-") == false && $0.hasSuffix(".json") && $0 != "in-progress.json" })
        return folder.appendingPathComponent(name)
    }

    // MARK: Item 2: output errors

    @Test("every command whose output cannot be written (/dev/full) exits 74 and says so")
    func fullDevice() throws {
        let records = try records()
        defer { try? FileManager.default.removeItem(at: records) }
        let new = records.appendingPathComponent("nieuw.json").path
        let commands: [[String]] = [
            ["report", records.path], ["report", records.path, "--format", "json"], ["preview", "uwv-sociale-media"],
            ["verify", records.path, "--course", fixture], ["paths", fixture], ["courses"], ["validate", fixture],
            ["validate", fixture, "--format", "json"], ["new", new], ["--help"], ["report", "--help"], ["--version"],
            ["config"], ["sync", "--status", "--records", records.path], ["stats", records.path, "--course", fixture],
            ["export", records.path, "--format", "xapi", "--course", fixture],
            ["certificate", "--learner", "123", "--course", fixture, "--records", records.path],
        ]
        for command in commands {
            let result = try Streams.run(command, stdout: .full)
            #expect(result.status == 74, "\(command): exit \(result.status)\n\(result.stderr.suffix(300))")
            #expect(result.stderr.contains("standard output cannot be written (No space left on device)"), "\(command): \(result.stderr.suffix(300))")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        }
        let run = try Streams.run(["run", fixture, "--learner", "9", "--records", records.path], stdout: .full)
        #expect(run.status == 74, "\(run.stderr)")
    }

    @Test("a reader that goes away ends every command quietly with 141, SIGPIPE ignored or not")
    func brokenPipe() throws {
        let records = try records()
        defer { try? FileManager.default.removeItem(at: records) }
        let commands: [[String]] = [
            ["report", records.path], ["preview", "uwv-sociale-media"], ["verify", records.path, "--course", fixture],
            ["paths", fixture], ["courses"], ["validate", fixture], ["--help"],
            ["config"], ["sync", "--status", "--records", records.path], ["stats", records.path, "--course", fixture],
            ["export", records.path, "--format", "xapi", "--course", fixture],
        ]
        for command in commands {
            let result = try Streams.run(command, stdout: .brokenPipe)
            #expect(result.status == 141, "\(command): exit \(result.status)\n\(result.stderr.suffix(300))")
            #expect(!result.stderr.contains("standard output") && !result.stderr.contains("Backtrace"), "\(command): \(result.stderr.suffix(300))")
        }
    }

    @Test("a closed standard error never traps: 74 when a message was lost, the usual code otherwise")
    func closedStderr() throws {
        let folder = try Wegwijs.temporaryFolder("stderr")
        defer { try? FileManager.default.removeItem(at: folder) }
        let invalid = folder.appendingPathComponent("kapot.json")
        try Data("{".utf8).write(to: invalid)
        #expect(try Streams.runWithoutStderr(["validate", folder.appendingPathComponent("missing.json").path]) == 74)
        #expect(try Streams.runWithoutStderr(["validate", invalid.path]) == 74, "the problem could not be reported")
        #expect(try Streams.runWithoutStderr(["validate", "voorbeeld"]) == 0, "nothing to say on stderr")
        #expect(try Streams.runWithoutStderr(["run", "--lang", "xx"]) == 74)
        // A closed standard output is an output error too, and no file opened later takes its place.
        #expect(try Streams.runWithoutStderr(["courses"], closing: ">&-") == 74)
        #expect(try Streams.runWithoutStderr(["run", fixture, "--learner", "1", "--records", folder.path], closing: ">&-") == 74)
        for file in Wegwijs.files(under: folder, includingHidden: true) where file.hasSuffix(".json") && file != "kapot.json" {
            #expect(throws: Never.self) { try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent(file))) }
        }
    }

    // MARK: Item 1: numbers out of range

    @Test("a record with huge or negative numbers is skipped by report and bad for verify, located; no trap")
    func hostileNumbers() throws {
        let records = try records()
        defer { try? FileManager.default.removeItem(at: records) }
        let file = try recordFile(in: records)
        let text = try String(contentsOf: file, encoding: .utf8)
        let hostile = records.appendingPathComponent("test-branching/123/20260101T000000Z-0badf00d.json")
        try Data(text.replacingOccurrences(of: "\"percent\" : 100,\n    \"possible\" : 7", with: "\"percent\" : 1e300,\n    \"possible\" : 7").utf8).write(to: hostile)
        let report = try Wegwijs.run(["report", records.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("20260101T000000Z-0badf00d.json:"), "\(report.stderr)")
        #expect(report.stderr.contains("score.percent 1e300 is out of range"))
        let verify = try Wegwijs.run(["verify", hostile.path, "--course", fixture])
        #expect(verify.status == 65)
        #expect(verify.stderr.contains("0badf00d.json:") && verify.stderr.contains("out of range"), "\(verify.stderr)")
    }

    @Test("a course with a huge score or dueWithinDays is invalid (65) in validate, paths, run and report")
    func hostileCourseNumbers() throws {
        let folder = try Wegwijs.temporaryFolder("limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let course = folder.appendingPathComponent("groot.json")
        try Data(text.replacingOccurrences(of: "\"dueWithinDays\": 30", with: "\"dueWithinDays\": 99999999999999999999").utf8).write(to: course)
        #expect(text.contains("\"dueWithinDays\": 30"))
        for command in [["validate", course.path], ["paths", course.path], ["run", course.path, "--learner", "1", "--records", folder.path],
                        ["report", folder.path, "--course", course.path]] {
            let result = try Wegwijs.run(command, input: "a\n")
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("groot.json:") && result.stderr.contains("'dueWithinDays' must be between 1 and 3650"), "\(result.stderr)")
        }
    }

    // MARK: Item 8: one id rule

    @Test("a course id over 64 characters does not validate")
    func longCourseID() throws {
        let folder = try Wegwijs.temporaryFolder("ids")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let course = folder.appendingPathComponent("lang.json")
        try Data(text.replacingOccurrences(of: "\"id\": \"test-branching\"", with: "\"id\": \"\(String(repeating: "x", count: 65))\"").utf8).write(to: course)
        let result = try Wegwijs.run(["validate", course.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("lang.json:") && result.stderr.contains("at most 64 characters"), "\(result.stderr)")
    }

    // MARK: Item 9: records folder

    @Test("run never writes through a course folder that is a symbolic link; folders are never group- or world-writable, even with umask 000")
    func recordsFolder() throws {
        let records = try Wegwijs.temporaryFolder("links")
        let outside = try Wegwijs.temporaryFolder("outside")
        defer {
            try? FileManager.default.removeItem(at: records)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createSymbolicLink(at: records.appendingPathComponent("test-branching"), withDestinationURL: outside)
        let linked = try Wegwijs.run(["run", fixture, "--learner", "1", "--records", records.path], input: "a\n")
        #expect(linked.status == 74, "\(linked.stderr)")
        #expect(linked.stderr.contains("symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)

        let fresh = records.appendingPathComponent("fresh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000; printf 'a\\n' | exec \"$0\" run \"$1\" --learner 2 --records \"$2\"", Wegwijs.executable.path, fixture, fresh.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        for path in ["", "test-branching", "test-branching/2", "test-branching/2/in-progress.json"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: fresh.appendingPathComponent(path).path)[.posixPermissions] as? Int)
            #expect(mode & 0o022 == 0, "\(path): \(String(mode, radix: 8))")
        }
    }

    // MARK: Item 10: --output

    @Test("report --output writes through a symbolic link and into a device, replacing neither")
    func outputThroughLink() throws {
        let records = try records()
        defer { try? FileManager.default.removeItem(at: records) }
        let target = records.appendingPathComponent("target.csv")
        let link = records.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        // Twice: first the link leads nowhere yet, then to the report written the first time.
        for _ in 0..<2 {
            let result = try Wegwijs.run(["report", records.path, "--output", link.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        }
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("employee_id,name"))
        let stdout = try Wegwijs.run(["report", records.path, "--output", "/dev/stdout", "--format", "csv"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("employee_id,name"), "\(stdout.stderr)")
    }

    // MARK: Item 12: trust

    @Test("report counts a hand-made pass that contradicts itself, or an unsigned one under a key, as untrusted and not passed")
    func untrustedRecords() throws {
        let records = try records()
        defer { try? FileManager.default.removeItem(at: records) }
        let file = try recordFile(in: records)
        let text = try String(contentsOf: file, encoding: .utf8)
        let forged = records.appendingPathComponent("test-branching/200/20260101T000000Z-00000000.json")
        try FileManager.default.createDirectory(at: forged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.replacingOccurrences(of: "\"id\" : \"123\"", with: "\"id\" : \"200\"")
            .replacingOccurrences(of: "\"earned\" : 7,\n    \"percent\" : 100", with: "\"earned\" : 2,\n    \"percent\" : 100").utf8).write(to: forged)
        let report = try Wegwijs.run(["report", records.path, "--format", "csv", "--as-of", "2099-01-01"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("00000000.json: untrusted, counted as not passed"), "\(report.stderr)")
        #expect(report.stderr.contains("1 untrusted record counted as not passed"))
        let lines = report.stdout.split(separator: "\r\n")
        let row = try #require(lines.first { $0.hasPrefix("200,") })
        #expect(row.contains(",failed,") && !row.contains("passed"), "\(row)")
        // The spreadsheet sees whose records were not believed, not only stderr.
        #expect(lines.first?.hasSuffix(",acknowledged_at,untrusted_records") == true, "\(report.stdout)")
        #expect(row.hasSuffix(",1") && lines.first { $0.hasPrefix("123,") }?.hasSuffix(",0") == true, "\(report.stdout)")
        let json = try Wegwijs.run(["report", records.path, "--format", "json", "--as-of", "2099-01-01"])
        #expect(json.stdout.contains(#""employee_id": "200","#) && json.stdout.contains(#""untrusted_records": 1}"#)
                && json.stdout.contains(#""untrusted_records": 0}"#), "\(json.stdout)")
        let dutch = try Wegwijs.run(["report", records.path, "--format", "csv", "--lang", "nl", "--as-of", "2099-01-01"])
        #expect(dutch.stdout.contains(";Niet te vertrouwen\r\n"), "\(dutch.stdout)")

        let key = records.appendingPathComponent("key")
        try Data("0123456789abcdef0123456789abcdef".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let keyed = try Wegwijs.run(["report", records.path, "--plain"], environment: ["WEGWIJS_SIGNING_KEY_FILE": key.path])
        #expect(keyed.stderr.contains("not signed, though a signing key is configured"), "\(keyed.stderr)")
        #expect(keyed.stdout.contains("2 untrusted records counted as not passed"), "\(keyed.stdout)")
        #expect(keyed.stdout.contains("passed 0,"))
    }

    // MARK: Item 13: verify

    @Test("verify without --course uses the bundled course; overlapping paths name a file once; unreadable files are not sound; a record in another learner's folder is reported")
    func verifyRecords() throws {
        let records = try Wegwijs.temporaryFolder("verify")
        defer { try? FileManager.default.removeItem(at: records) }
        let run = try Wegwijs.run(["run", "voorbeeld", "--learner", "300", "--records", records.path], input: "a\n")
        #expect(run.status == 3, "\(run.stderr)")
        let bundled = try Wegwijs.run(["verify", records.path])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(bundled.stdout.hasPrefix("1 record checked: 1 sound"))

        let overlapping = try Wegwijs.run(["verify", records.path, records.appendingPathComponent("voorbeeld").path])
        #expect(overlapping.status == 0, "\(overlapping.stderr)")
        #expect(!overlapping.stderr.contains("copied record"))

        let moved = records.appendingPathComponent("voorbeeld/301")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: records.appendingPathComponent("voorbeeld/300/in-progress.json"), to: moved.appendingPathComponent("in-progress.json"))
        let mismatch = try Wegwijs.run(["verify", records.path])
        #expect(mismatch.status == 65)
        #expect(mismatch.stderr.contains("learner.id is '300' but the record is in the folder of learner '301'"), "\(mismatch.stderr)")

        try Data(repeating: 0x20, count: 5 * 1024 * 1024).write(to: records.appendingPathComponent("voorbeeld/301/groot.json"))
        let unreadable = try Wegwijs.run(["verify", records.path])
        #expect(unreadable.status == 74)
        #expect(unreadable.stdout.contains("1 record checked") && unreadable.stdout.contains("1 unreadable"), "\(unreadable.stdout)")
    }

    // MARK: Item 14: escapes in metadata

    @Test("escapes and bidi overrides in a course's version reach courses and preview only escaped; --name refuses them")
    func metadataEscapes() throws {
        let folder = try Wegwijs.temporaryFolder("escape")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let hostile = text.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: #""version": "1\u001b]52;c;cHduZWQ=\u0007\u009b2J\u202e\u2028\u2066""#)
        #expect(hostile != text)
        try Data(hostile.utf8).write(to: folder.appendingPathComponent("test-branching.json"))
        let courses = try Wegwijs.run(["courses"], environment: ["WEGWIJS_COURSES": folder.path])
        let preview = try Wegwijs.run(["preview", folder.appendingPathComponent("test-branching.json").path])
        let json = try Wegwijs.run(["validate", "--format", "json", folder.appendingPathComponent("test-branching.json").path])
        for result in [courses, preview, json] {
            #expect(result.status == 0, "\(result.stderr)")
            let raw = (result.stdout + result.stderr).unicodeScalars.filter { ControlCharacters.isControl($0) && $0 != "\n" }
            #expect(raw.isEmpty, "\(raw.map { String($0.value, radix: 16) })")
        }
        #expect(courses.stdout.contains("1\\x1B]52;c;cHduZWQ=\\x07\\x9B2J\\u{202E}\\u{2028}\\u{2066}"), "\(courses.stdout)")
        let name = try Wegwijs.run(["run", fixture, "--learner", "1", "--name", "Jan\u{202E}nesnaJ", "--records", folder.path])
        #expect(name.status == 64)
        #expect(!name.stderr.unicodeScalars.contains { $0.value == 0x202E })
    }

    // MARK: Item 15: bundled courses from the binary's own place

    @Test("a binary copied out of .build finds no courses and says how to point at them; installed, it finds them")
    func copiedBinary() throws {
        let prefix = try Wegwijs.temporaryFolder("prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Wegwijs.executable, to: bin.appendingPathComponent("wegwijs"))
        func copied(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
            let process = Process()
            process.executableURL = bin.appendingPathComponent("wegwijs")
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env["WEGWIJS_COURSES"] = nil
            env.merge(environment) { $1 }
            process.environment = env
            process.currentDirectoryURL = prefix
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return ProcessResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
        let courses = try copied(["courses"])
        #expect(courses.status == 74)
        #expect(courses.stderr.contains("no bundled courses found; set WEGWIJS_COURSES"))
        let run = try copied(["run", "uwv-sociale-media", "--learner", "1"])
        #expect(run.status == 74)
        #expect(run.stderr.contains("no bundled courses found; set WEGWIJS_COURSES"), "\(run.stderr)")

        let share = prefix.appendingPathComponent("share/wegwijs/courses")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Wegwijs.course("voorbeeld.json"), toPath: share.appendingPathComponent("voorbeeld.json").path)
        let installed = try copied(["courses"])
        #expect(installed.status == 0 && installed.stdout.contains("voorbeeld"), "\(installed.stderr)")
        let configured = try copied(["courses"], environment: ["WEGWIJS_COURSES": Wegwijs.packageRoot.appendingPathComponent("courses").path])
        #expect(configured.stdout.contains("uwv-sociale-media"))
    }

    // MARK: Items 18, 20: help that fits

    /// The root and every command (the reference tests find them from the help itself).
    static let commands = ["", "run", "validate", "preview", "new", "paths", "courses", "report", "verify", "stats", "sync",
                           "export", "config", "certificate"]

    @Test("help at any width from 20 to 120: no line too long, descriptions in one column, no word cut", arguments: [20, 27, 40, 60, 80, 120])
    func helpWidths(_ width: Int) throws {
        for command in Self.commands {
            let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
            let result = try Wegwijs.run(arguments, environment: ["COLUMNS": String(width)])
            #expect(result.status == 0, "\(command) at \(width): \(result.stderr.suffix(400))")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines {
                #expect(line.count <= width, "\(command) at \(width): \(line)")
            }
            // Every description starts in the same column, or under its label when there is no room.
            let columns = Set(lines.compactMap { line -> Int? in
                guard line.hasPrefix("  -") || line.hasPrefix("  <"), let gap = line.dropFirst(2).range(of: "  ") else { return nil }
                return line.distance(from: line.startIndex, to: line[gap.upperBound...].firstIndex { $0 != " " } ?? line.endIndex)
            })
            #expect(columns.count <= 1, "\(command) at \(width): description columns \(columns)")
            // Words are whole: every word of the wide rendering appears at this width too,
            // unless it is longer than a line under a label can hold.
            let wide = try Wegwijs.run(arguments, environment: ["COLUMNS": "1000"])
            let narrowWords = Set(result.stdout.split(whereSeparator: \.isWhitespace))
            for word in Set(wide.stdout.split(whereSeparator: \.isWhitespace)) where !narrowWords.contains(word) {
                #expect(word.count > width - 6, "\(command) at \(width): '\(word)' was cut")
            }
        }
    }

    @Test("run, preview and paths fit every line to the width, 20 columns and up, in both languages", arguments: [20, 27, 40, 80])
    func outputWidths(_ width: Int) throws {
        let records = try Wegwijs.temporaryFolder("widths")
        defer { try? FileManager.default.removeItem(at: records) }
        let environment = ["COLUMNS": String(width)]
        var outputs: [(String, String)] = []
        for (index, answers) in ["a\na c\na\n", "b\na\nb\nb\n"].enumerated() {
            for language in ["nl", "en"] {
                let run = try Wegwijs.run(["run", fixture, "--learner", "w\(index)\(language)", "--lang", language, "--records", records.path],
                                          input: answers, environment: environment)
                #expect(run.status == 0 || run.status == 2, "\(run.stderr)")
                outputs.append(("run", run.stdout))
            }
        }
        for command in ["preview", "paths"] {
            for course in ["uwv-sociale-media", "voorbeeld"] {
                outputs.append(("\(command) \(course)", try Wegwijs.run([command, course], environment: environment).stdout))
            }
        }
        for (name, output) in outputs {
            // An answer prompt holds what was typed after it; everything else is the program's. A
            // file path (the record written, the course analysed) is never broken: it stands whole
            // on a line of its own.
            func isPath(_ line: Substring) -> Bool {
                let trimmed = line.drop { $0 == " " }
                return trimmed.hasPrefix(records.path) || trimmed.hasPrefix(Wegwijs.packageRoot.path)
            }
            for line in output.split(separator: "\n") where !line.hasPrefix("Je antwoord") && !line.hasPrefix("Your answer") && !isPath(line) {
                #expect(line.count <= width, "\(name) at \(width): \(line)")
            }
        }
    }

    @Test("an error message in a terminal wraps at word boundaries to its width; piped it stays one line")
    func errorMessagesWrap() throws {
        let folder = try Wegwijs.temporaryFolder("wrap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let course = folder.appendingPathComponent("fout.json")
        try Data(text.replacingOccurrences(of: "\"dueWithinDays\": 30", with: "\"dueWithinDays\": 99999999999999999999").utf8).write(to: course)
        // The pseudo-terminal's locale is Dutch, so the messages are too.
        let piped = try Wegwijs.run(["validate", course.path], environment: ["LC_MESSAGES": "nl_NL.UTF-8"])
        let message = try #require(piped.stderr.split(separator: "\n").first { $0.contains("dueWithinDays") })
        #expect(message.count > 100, "the message is longer than the terminal below")

        let terminal = try PseudoTerminalSession(["validate", course.path])
        #expect(try terminal.exitStatus() == 65)
        let lines = terminal.transcript.components(separatedBy: "\r\n")
        for line in lines { #expect(line.count <= 100, "\(line)") }
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains(String(message)), "the same words, wrapped: \(terminal.transcript)")
    }

    @Test("help paragraphs have no hard line breaks: at 1000 columns no sentence continues on the next line")
    func helpParagraphs() throws {
        for command in Self.commands {
            let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
            let result = try Wegwijs.run(arguments, environment: ["COLUMNS": "1000"])
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !line.hasPrefix(" ") && !next.isEmpty {
                #expect(next.first?.isLowercase != true, "\(command): a paragraph breaks after \(line.suffix(40).debugDescription)")
            }
        }
    }

    // MARK: Item 21: courses says what its numbers mean

    @Test("courses shows the scenarios on the shortest and longest route of all in the course, and says so")
    func coursesNumbers() throws {
        let result = try Wegwijs.run(["courses"])
        #expect(result.status == 0)
        // The UWV course draws 15 of its 43 situations, and some answers add a follow-up (3 in all);
        // the example course branches (3 to 5) and has a pool.
        #expect(result.stdout.contains("15 to 17 of 46"), "\(result.stdout)")
        #expect(result.stdout.contains("3 to 5 of 6"), "\(result.stdout)")
        let help = try Wegwijs.run(["courses", "--help"])
        #expect(help.stdout.contains("how many scenarios a learner sees on one route"))
    }

    // MARK: Item 22: the README stands alone

    @Test("README and docs never point to a contract outside the repository")
    func readmeStandsAlone() throws {
        let docs = Wegwijs.packageRoot.appendingPathComponent("docs")
        let files = [Wegwijs.packageRoot.appendingPathComponent("README.md")]
            + (try FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil))
        for file in files where file.pathExtension == "md" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for phrase in ["SPEC.md", "../shared", "shared folder"] {
                #expect(!text.contains(phrase), "\(file.lastPathComponent) mentions \(phrase)")
            }
        }
        let readme = try String(contentsOf: files[0], encoding: .utf8)
        #expect(readme.contains(".build/debug/wegwijs") && readme.contains("the first time"))
    }
}
