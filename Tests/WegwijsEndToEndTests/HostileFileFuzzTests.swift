import Foundation
import TestSupport
import Testing
import WegwijsCore

/// Seeded fuzzing of what `report`, `verify`, `courses` and `preview` read: record files and
/// course metadata full of huge and negative numbers, wrong types, control characters, bidi
/// overrides and line separators. Only documented exit codes may come out, and no raw control
/// character may reach standard output or error.
///
/// The seed is fixed, so a run is repeatable; `WEGWIJS_FUZZ_SEED=random` draws a fresh one and
/// `WEGWIJS_FUZZ_SEED=<number>` repeats a round. Every failure message names the seed.
@Suite("Seeded fuzzing of hostile records and course metadata")
struct HostileFileFuzzTests {
    static let defaultSeed: UInt64 = 20_261_125

    static var seed: UInt64 { FuzzSeed.value(default: defaultSeed) }

    static let numbers = ["1e300", "-1e300", "1e999", "99999999999999999999", "-99999999999999999999", "-1", "0", "0.5",
                          "-0", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "3651", "101", "1e-300"]
    static let strings = ["\u{1B}]52;c;cHduZWQ=\u{07}", "\u{9B}2J", "\u{1B}[2J\u{1B}[H", "\u{202E}gnp.exe", "a\u{2028}b\u{2029}c",
                          "\u{2066}x\u{2069}", "\u{7F}\u{85}", "\r\n", "\u{00}", "", String(repeating: "x", count: 10_000),
                          "../../etc", "P99999Y", "nl\u{1B}[31m", "passed", "in-progress", "é‘’👍"]

    /// `text` as a JSON string literal, control characters escaped as JSON requires.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case let control where control.value < 0x20: result += String(format: "\\u%04x", control.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Replaces the value after the first `"key" : ` (or `"key": `) with `value`, in JSON text.
    static func replacingValue(of key: String, in text: String, with value: String) -> String {
        guard let keyRange = text.range(of: "\"\(key)\" : ") ?? text.range(of: "\"\(key)\": ") else { return text }
        let characters = Array(text[keyRange.upperBound...])
        var end = 0
        var depth = 0
        var inString = false
        var escaped = false
        while end < characters.count {
            let character = characters[end]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                    inString = false
                    if depth == 0 { end += 1; break }
                }
            } else if character == "\"" {
                inString = true
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                if depth == 0 { break }
                depth -= 1
                if depth == 0 { end += 1; break }
            } else if depth == 0, character == "," || character == "\n" {
                break
            }
            end += 1
        }
        return String(text[..<keyRange.upperBound]) + value + String(characters[end...])
    }

    static let recordKeys = ["percent", "earned", "possible", "dueWithinDays", "validFor", "version", "name", "id", "status",
                             "language", "startedAt", "finishedAt", "seed", "attemptId", "criticalChosen", "scenario", "options", "sha256"]
    static let courseKeys = ["version", "language", "languages", "title", "channel", "dueWithinDays", "validFor", "overall",
                             "perGuideline", "openbaar", "geheim", "summary", "id", "draw", "situation"]

    static func hostileValue(_ random: inout SplitMix64) -> String {
        switch random.next() % 5 {
        case 0, 1: numbers[Int(random.next() % UInt64(numbers.count))]
        case 2, 3: literal(strings[Int(random.next() % UInt64(strings.count))])
        default: ["null", "true", "[]", "{}", "[1e300]", "{\"x\": \"\u{1B}[2J\"}"][Int(random.next() % 6)]
        }
    }

    static func mutated(_ text: String, keys: [String], rounds: Int, _ random: inout SplitMix64) -> String {
        var text = text
        for _ in 0..<rounds {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            text = replacingValue(of: key, in: text, with: hostileValue(&random))
        }
        return text
    }

    /// Raw control characters other than line ends (CSV ends lines with CRLF), by SPEC §9's
    /// list written out here, independently of the code under test.
    static func rawControls(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test("report, verify, courses and preview on hostile files: documented exit codes, nothing raw on the terminal")
    func hostileFiles() throws {
        let seed = Self.seed
        var random = SplitMix64(seed: seed)
        let root = try Wegwijs.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        let records = root.appendingPathComponent("records")
        let courses = root.appendingPathComponent("courses")
        try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
        let fixture = Wegwijs.fixture("branching.json")
        let made = try Wegwijs.run(["run", fixture, "--learner", "1", "--records", records.path], input: "a\na c\na\n")
        #expect(made.status == 0, "\(made.stderr)")
        let learnerFolder = records.appendingPathComponent("test-branching/1")
        let goodName = try #require(try FileManager.default.contentsOfDirectory(atPath: learnerFolder.path).first { $0.hasSuffix(".json") })
        let goodRecord = try String(contentsOf: learnerFolder.appendingPathComponent(goodName), encoding: .utf8)
        let courseText = try String(contentsOfFile: fixture, encoding: .utf8)

        for round in 0..<24 {
            let context = "seed \(seed) (WEGWIJS_FUZZ_SEED=\(seed)), round \(round)"
            // Three hostile records beside the good one, one of them in another course's folder.
            for file in 0..<3 {
                let text = Self.mutated(goodRecord, keys: Self.recordKeys, rounds: 1 + Int(random.next() % 4), &random)
                let folder = file == 2 ? records.appendingPathComponent("ander/\(round)") : learnerFolder
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: folder.appendingPathComponent("20260101T000000Z-\(round)\(file).json"))
            }
            let hostileCourse = Self.mutated(courseText, keys: Self.courseKeys, rounds: 1 + Int(random.next() % 3), &random)
            let coursePath = courses.appendingPathComponent("test-branching.json")
            try Data(hostileCourse.utf8).write(to: coursePath)

            let format = ["table", "csv", "json"][Int(random.next() % 3)]
            let runs: [(arguments: [String], environment: [String: String], allowed: Set<Int32>)] = [
                (["report", records.path, "--format", format, "--as-of", "2026-12-01"], [:], [0, 65, 74]),
                (["report", records.path, "--course", coursePath.path], [:], [0, 65, 74]),
                (["verify", records.path, "--course", fixture], [:], [0, 65, 74]),
                (["verify", records.path], [:], [0, 65, 74]),
                (["courses"], ["WEGWIJS_COURSES": courses.path], [0, 65, 74]),
                (["preview", coursePath.path], [:], [0, 64, 65, 74]),
                (["validate", "--format", "json", coursePath.path], [:], [0, 65, 74]),
            ]
            for run in runs {
                let result = try Wegwijs.run(run.arguments, environment: run.environment)
                #expect(run.allowed.contains(result.status), "\(context): \(run.arguments.first ?? "") exit \(result.status)\n\(result.stderr.suffix(600))")
                #expect(Self.rawControls(result.stdout).isEmpty, "\(context): \(run.arguments.first ?? "") stdout holds \(Self.rawControls(result.stdout))")
                #expect(Self.rawControls(result.stderr).isEmpty, "\(context): \(run.arguments.first ?? "") stderr holds \(Self.rawControls(result.stderr))")
                #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"), "\(context): \(result.stderr.suffix(600))")
            }
        }
    }
}
