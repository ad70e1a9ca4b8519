import Foundation
import Testing
import TestSupport
import WegwijsCore
#if canImport(Glibc)
import Glibc
#endif

/// Seeded fuzzing of what an LRS answers (`report --lrs`, `sync`) and of what lies in an
/// outbox (`sync`, `sync --status`, `sync --rescan`, `export`). Asserted only: a documented
/// exit code, no file written outside the records folder, nothing raw on the terminal, and an
/// end within a time limit (a run past it is killed and fails; no speed is measured).
/// `WEGWIJS_FUZZ_SEED=random` draws a fresh seed; every failure names the seed.
@Suite("seeded fuzzing of hostile LRS answers and outboxes", .serialized, .waitsOnProcesses)
struct HostileLRSFuzzTests {
    static let defaultSeed: UInt64 = 20_261_202
    static var seed: UInt64 { FuzzSeed.value(default: defaultSeed) }
    let course = Wegwijs.fixture("branching.json")

    nonisolated(unsafe) static let hostileValues: [Any] = [
        1e300, -1e300, Double.greatestFiniteMagnitude, 99_999_999_999_999_999_999.0, -1, 0, 9_223_372_036_854_775_807, 0.5,
        "x", "", "\u{1B}[31mred\u{1B}[0m", "\u{202E}evil", String(repeating: "A", count: 100_000), NSNull(), true,
        [1, 2], ["nested": ["deeper": 1e300]], "2031-11-06T10:00:00Z", "0001-01-01T00:00:00Z", "P999999999999Y",
    ]

    /// One statement with one value swapped for a hostile one, at any depth.
    static func mutate(_ value: Any, _ random: inout SplitMix64, depth: Int = 0) -> Any {
        if var object = value as? [String: Any], !object.isEmpty, depth < 6 {
            let keys = object.keys.sorted()
            let key = keys[Int(random.next() % UInt64(keys.count))]
            if random.next() % 3 == 0 || depth > 3 {
                object[key] = hostileValues[Int(random.next() % UInt64(hostileValues.count))]
            } else {
                object[key] = mutate(object[key] as Any, &random, depth: depth + 1)
            }
            return object
        }
        return hostileValues[Int(random.next() % UInt64(hostileValues.count))]
    }

    /// A hostile answer to a GET of statements.
    static func hostileGet(_ statements: [[String: Any]], port: Int, otherPort: Int, _ random: inout SplitMix64) -> [String: Any] {
        var page = statements.map { statement -> Any in random.next() % 2 == 0 ? mutate(statement, &random) : statement }
        if random.next() % 4 == 0 { page.append(hostileValues[Int(random.next() % UInt64(hostileValues.count))]) }
        let links: [Any] = ["/xAPI/statements?again=1", "http://127.0.0.1:\(otherPort)/xAPI/statements", "http://localhost:\(port)/x",
                            "https://127.0.0.1:\(port)/xAPI/statements", "javascript:alert(1)", "http://[::1", "ftp://127.0.0.1/x",
                            "http://wegwijs:pw@127.0.0.1:\(port)/xAPI/statements", String(repeating: "/x", count: 5000), 42, NSNull(),
                            "/xAPI/statements?page=\u{1B}[31m"]
        switch random.next() % 9 {
        case 0: return ["endless": true]
        case 1: return ["drip": 0.004, "json": ["statements": []]]
        case 2: return ["close": true]
        case 3: return ["status": [301, 307, 400, 401, 404, 500, 204][Int(random.next() % 7)], "headers": ["Location": "http://127.0.0.1:\(otherPort)/"],
                        "body": "\u{1B}]0;title\u{07}\u{1B}[2J oops"]
        case 4: return ["body": String(decoding: (0..<2000).map { _ in UInt8(truncatingIfNeeded: random.next()) }, as: UTF8.self)]
        case 5: return ["json": ["statements": page, "more": links[Int(random.next() % UInt64(links.count))]]]
        case 6: return ["pages": [["statements": page, "more": "/xAPI/statements?page=1"], ["statements": page, "more": "/xAPI/statements?page=0"]]]
        case 7: return ["json": ["statements": hostileValues[Int(random.next() % UInt64(hostileValues.count))]]]
        default: return ["json": ["statements": page]]
        }
    }

    /// A hostile answer to a POST of statements.
    static func hostilePost(_ random: inout SplitMix64) -> [String: Any] {
        switch random.next() % 8 {
        case 0: return ["endless": true]
        case 1: return ["drip": 0.004, "json": []]
        case 2: return ["close": true]
        case 3: return ["status": [301, 307, 308][Int(random.next() % 3)], "headers": ["Location": "http://127.0.0.1:1/\u{1B}[31m"]]
        case 4: return ["status": [400, 409, 413][Int(random.next() % 3)], "body": "\u{1B}[31m" + String(repeating: "x", count: 5000)]
        case 5: return ["status": [401, 404, 429, 500, 503][Int(random.next() % 5)], "json": ["detail": ["\u{202E}nested": [1e300]]]]
        case 6: return ["status": 200, "body": "not json \u{1B}[2J"]
        default: return ["status": 200, "json": []]
        }
    }

    /// Every file below `root` but inside `except`, with its size and modification time.
    static func snapshot(_ root: URL, except: [URL]) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return result }
        for case let path as String in enumerator {
            let full = root.appendingPathComponent(path).path
            if except.contains(where: { full.hasPrefix($0.path + "/") || full == $0.path }) { continue }
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            result[path] = "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_mode)"
        }
        return result
    }

    func check(_ result: BoundedResult, allowed: Set<Int32>, _ context: String) {
        #expect(!result.timedOut, "\(context): did not end in time")
        #expect(allowed.contains(result.status), "\(context): exit \(result.status)\n\(result.stderr.suffix(600))")
        #expect(HostileFileFuzzTests.rawControls(result.stdout).isEmpty, "\(context): stdout holds \(HostileFileFuzzTests.rawControls(result.stdout))")
        #expect(HostileFileFuzzTests.rawControls(result.stderr).isEmpty, "\(context): stderr holds \(HostileFileFuzzTests.rawControls(result.stderr))")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"), "\(context): \(result.stderr.suffix(600))")
    }

    @Test("report --lrs and sync against seeded hostile LRS answers: documented exit codes, bounded, nothing raw, nothing written outside")
    func hostileAnswers() throws {
        let seed = Self.seed
        var random = SplitMix64(seed: seed)
        let root = try Wegwijs.temporaryFolder("lrs-fuzz")
        let lrs = try HostileLRS.start()
        let other = try HostileLRS.start()
        defer { lrs.stop(); other.stop(); try? FileManager.default.removeItem(at: root) }
        let records = root.appendingPathComponent("records")
        #expect(try Wegwijs.run(["run", course, "--learner", "1", "--records", records.path], input: "a\na c\na\n").status == 0)
        #expect(try Wegwijs.run(["run", course, "--learner", "2", "--records", records.path], input: "a\na c\nb\n").status == 2)
        let exported = root.appendingPathComponent("all.ndjson")
        #expect(try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", course, "--output", exported.path]).status == 0)
        let statements = try String(contentsOf: exported, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(statements.count == 12)
        let before = Self.snapshot(root, except: [records])

        for round in 0..<16 {
            let context = "seed \(seed) (WEGWIJS_FUZZ_SEED=\(seed)), round \(round)"
            try lrs.script(get: Self.hostileGet(statements, port: lrs.port, otherPort: other.port, &random), post: Self.hostilePost(&random))
            try other.script()
            let format = ["table", "csv", "json", "html"][Int(random.next() % 4)]
            check(try Wegwijs.runBounded(["report", "--lrs", "--format", format], environment: lrs.environment(), limit: 90),
                  allowed: [0, 74], context + " report --lrs")
            // Queue again what the LRS does not have (earlier rounds may have delivered or rejected it).
            check(try Wegwijs.runBounded(["sync", "--rescan", "--course", course, "--records", records.path, "--batch-size",
                                          String(1 + random.next() % 6)], environment: lrs.environment(), limit: 90),
                  allowed: [0, 65, 74], context + " sync")
            #expect(other.requests().isEmpty, "\(context): the other origin was asked")
            #expect(lrs.requests().allSatisfy { ($0["host"] as? String) == "127.0.0.1:\(lrs.port)" })
        }
        #expect(Self.snapshot(root, except: [records]) == before, "seed \(seed): files changed outside the records folder")
    }

    @Test("sync, sync --status, --rescan and export on seeded hostile outboxes: documented exit codes, bounded, nothing outside touched")
    func hostileOutboxes() throws {
        let seed = Self.seed
        var random = SplitMix64(seed: seed &+ 1)
        let root = try Wegwijs.temporaryFolder("outbox-fuzz")
        let lrs = try HostileLRS.start()
        defer { lrs.stop(); try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.json")
        try Data("{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"secret\":\"OUTSIDE-SECRET\",\"timestamp\":\"2026-12-01T00:00:00Z\"}\n".utf8)
            .write(to: secret)
        let records = root.appendingPathComponent("records")
        #expect(try Wegwijs.run(["run", course, "--learner", "1", "--records", records.path], input: "a\na c\na\n").status == 0)
        let goodName = try #require(Wegwijs.files(under: records.appendingPathComponent("test-branching/1")).first)
        let good = try String(contentsOf: records.appendingPathComponent("test-branching/1/\(goodName)"), encoding: .utf8)
        let before = Self.snapshot(root, except: [records])
        let line = "{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"actor\":{},\"timestamp\":\"2026-12-01T00:00:00Z\"}"

        for round in 0..<14 {
            let context = "seed \(seed) (WEGWIJS_FUZZ_SEED=\(seed)), round \(round)"
            let pending = records.appendingPathComponent(".outbox/pending")
            try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
            for index in 0..<(1 + Int(random.next() % 4)) {
                let names = ["\(round)-\(index).ndjson", "..\(round).ndjson", "a b\(round).ndjson", "\u{1B}[31m\(round).ndjson",
                             "\(round)\u{202E}.ndjson", "\(round).txt", String(repeating: "n", count: 200) + ".ndjson"]
                let path = pending.appendingPathComponent(names[Int(random.next() % UInt64(names.count))]).path
                unlink(path)
                switch random.next() % 8 {
                case 0: mkfifo(path, 0o644)
                case 1: symlink(secret.path, path)
                case 2: symlink("/dev/zero", path)
                case 3: try Data((0..<Int(random.next() % 200_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: URL(fileURLWithPath: path))
                case 4: try Data((String(repeating: "{\"id\":\"", count: 1) + String(repeating: "x", count: 1_500_000) + "\n").utf8).write(to: URL(fileURLWithPath: path))
                case 5:
                    let ids = ["./././../../../../outside/secret", "../../../outside/secret.json/////////", "0f8fad5b-d9cb-469f-a165-70867728950e",
                               "\u{1B}[31m45678901234567890123456789012345"]
                    let id = ids[Int(random.next() % UInt64(ids.count))]
                    try Data("{\"id\":\"\(id)\",\"actor\":{},\"timestamp\":\"2026-12-01T00:00:00Z\"}\n\(line)\n".utf8).write(to: URL(fileURLWithPath: path))
                case 6: mkdir(path, 0o755)
                default: try Data((line + "\n" + line.prefix(40) + "\n").utf8).write(to: URL(fileURLWithPath: path))
                }
            }
            // Hostile entries among the records too.
            let learner = records.appendingPathComponent("test-branching/\(1 + random.next() % 3)")
            try FileManager.default.createDirectory(at: learner, withIntermediateDirectories: true)
            let recordPath = learner.appendingPathComponent("20260101T00000\(round % 10)Z-\(round).json").path
            switch random.next() % 4 {
            case 0: mkfifo(recordPath, 0o644)
            case 1: symlink(secret.path, recordPath)
            case 2: try Data(good.replacingOccurrences(of: "\"learner\"", with: "\"learner\u{1B}\"").utf8).write(to: URL(fileURLWithPath: recordPath))
            default: try Data(good.utf8).write(to: URL(fileURLWithPath: recordPath))
            }
            try lrs.script(post: Self.hostilePost(&random))
            let runs: [([String], Set<Int32>)] = [
                (["sync", "--status", "--records", records.path], [0]),
                (["sync", "--records", records.path], [0, 65, 74]),
                (["sync", "--rescan", "--course", course, "--records", records.path], [0, 65, 74]),
                (["export", records.path, "--format", "xapi", "--course", course, "--output", root.appendingPathComponent("records/export.ndjson").path],
                 [0, 65, 74]),
            ]
            for (arguments, allowed) in runs {
                check(try Wegwijs.runBounded(arguments, environment: lrs.environment(), limit: 90), allowed: allowed,
                      "\(context) \(arguments.prefix(2).joined(separator: " "))")
            }
            let posted = lrs.requests().compactMap { $0["body"] as? String }.joined()
            #expect(!posted.contains("OUTSIDE-SECRET"), "\(context): a linked file was sent")
        }
        #expect(Self.snapshot(root, except: [records]) == before, "seed \(seed): files changed outside the records folder")
    }
}
