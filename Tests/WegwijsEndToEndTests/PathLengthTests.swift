import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No output depends on how long the path of a file is: a path is never wrapped or cut, and
/// nothing around it is laid out differently. Every command that names a file runs on the same
/// fixtures copied into folders whose paths are 12 to 130 characters long, and its output, with
/// the folder replaced by `FOLDER`, must be the same at every length. (A clone whose path was 20
/// to 49 characters long once failed the suite, because `paths` wrapped its first line, which
/// began with the course's path.)
@Suite("output does not depend on the length of a path")
struct PathLengthTests {
    static let lengths = [12, 24, 40, 79, 130]

    /// A new folder whose absolute path is exactly `length` characters, directly in /tmp.
    static func folder(length: Int) throws -> URL {
        if length == 12 {
            var template = Array("/tmp/wXXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
            return URL(fileURLWithPath: String(cString: made))
        }
        let stem = "/tmp/w\(getpid())-\(UUID().uuidString.prefix(4))-"
        #expect(stem.count < length, "\(stem) is too long for \(length)")
        let path = stem + String(repeating: "x", count: max(length - stem.count, 0))
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return URL(fileURLWithPath: path)
    }

    /// The commands that name a file or folder, on the fixtures in `folder`.
    static func commands(in folder: String) -> [(name: String, arguments: [String], environment: [String: String])] {
        let course = folder + "/branching.json", records = folder + "/records"
        return [
            ("paths", ["paths", course], [:]),
            ("paths --plain", ["paths", course, "--plain"], [:]),
            ("validate", ["validate", course], [:]),
            ("validate (invalid)", ["validate", folder + "/bad.json"], [:]),
            ("validate --format json", ["validate", folder + "/bad.json", "--format", "json"], [:]),
            ("preview", ["preview", course, "--plain"], [:]),
            ("preview --lang en", ["preview", course, "--lang", "en"], [:]),
            ("new", ["new", folder + "/new.json"], [:]),
            ("run (pass)", ["run", course, "--learner", "900", "--records", folder + "/run"], [:]),
            ("run (stop)", ["run", course, "--learner", "901", "--records", folder + "/run", "--lang", "en"], [:]),
            ("report", ["report", records, "--roster", folder + "/roster.csv", "--plain"], [:]),
            ("report csv", ["report", records, "--roster", folder + "/roster.csv", "--format", "csv"], [:]),
            ("report json", ["report", records, "--format", "json"], [:]),
            ("report html", ["report", records, "--format", "html"], [:]),
            ("stats", ["stats", records, "--course", course, "--plain"], [:]),
            ("stats json", ["stats", records, "--course", course, "--format", "json"], [:]),
            ("verify", ["verify", records, "--course", course], [:]),
            ("export", ["export", records, "--format", "xapi", "--course", course], [:]),
            ("config", ["config"], ["XDG_CONFIG_HOME": folder + "/config"]),
        ]
    }

    static let answers = ["run (pass)": "a\na c\na\n", "run (stop)": "a\nstop\n"]

    @Test("paths, validate, preview, new, run, report, stats, verify, export and config give the same output at every path length",
          arguments: [80, 40])
    func sameOutputAtEveryLength(width: Int) throws {
        // Records made once and copied, so that every folder holds the same bytes.
        let made = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: made) }
        for (learner, answers) in [("123", "a\na c\na\n"), ("124", "b\na\nb\n"), ("125", "a\n")] {
            let result = try Wegwijs.run(["run", Wegwijs.fixture("branching.json"), "--learner", learner, "--records", made.path],
                                         input: answers)
            #expect([0, 2, 3].contains(result.status), "\(result.stderr)")
        }
        var outputs: [Int: [String: String]] = [:]
        for length in Self.lengths {
            let folder = try Self.folder(length: length)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(folder.path.count == length)
            let manager = FileManager.default
            try manager.copyItem(atPath: Wegwijs.fixture("branching.json"), toPath: folder.path + "/branching.json")
            try manager.copyItem(atPath: Wegwijs.fixture("hr/roster-nl.csv"), toPath: folder.path + "/roster.csv")
            try manager.copyItem(atPath: made.path, toPath: folder.path + "/records")
            try Data("{\"format\": \"wegwijs.course/1\", \"id\": 7}\n".utf8).write(to: folder.appendingPathComponent("bad.json"))
            try manager.createDirectory(atPath: folder.path + "/config/wegwijs", withIntermediateDirectories: true)
            try Data("{\"wegwijs\": {\"records\": \"\(folder.path)/records\"}}\n".utf8)
                .write(to: folder.appendingPathComponent("config/wegwijs/config.json"))
            var texts: [String: String] = [:]
            for command in Self.commands(in: folder.path) {
                let result = try Wegwijs.run(command.arguments, input: Self.answers[command.name] ?? "",
                                             environment: command.environment.merging(["COLUMNS": String(width)]) { $1 })
                let text = "exit \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n\(result.stderr)"
                // The folder is the only thing that may differ, and a record's file name (made now);
                // config's table pads its columns to the longest value, a path among them.
                // config names the courses folder found from the binary's place: the checkout's.
                var normalised = text.replacingOccurrences(of: folder.path, with: "FOLDER")
                    .replacingOccurrences(of: Wegwijs.packageRoot.path, with: "CHECKOUT")
                    .replacingOccurrences(of: #"\d{8}T\d{6}Z-[0-9a-f]{8}\.json"#, with: "RECORD.json", options: .regularExpression)
                    // The end screen's certificate code, of that record (fixed length, so it wraps the same).
                    .replacingOccurrences(of: #"[SH]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, with: "X-CODE-CODE-CODE-CODE", options: .regularExpression)
                if command.name == "config" {
                    normalised = normalised.replacingOccurrences(of: " {2,}", with: "  ", options: .regularExpression)
                }
                texts[command.name] = normalised
                #expect(!texts[command.name, default: ""].contains("/tmp/"), "\(command.name) at \(length): a path not replaced")
            }
            outputs[length] = texts
        }
        let first = try #require(outputs[Self.lengths[0]])
        for command in Self.commands(in: "") {
            let reference = try #require(first[command.name])
            #expect(!reference.hasPrefix("exit 1\n"), "\(command.name): \(reference)")
            for length in Self.lengths.dropFirst() {
                let text = try #require(outputs[length]?[command.name])
                #expect(text == reference, "\(command.name) at \(width) columns, path of \(length) characters:\n\(References.difference(expected: reference, actual: text))")
            }
        }
        // The path is whole, on a line of its own, in the outputs that wrap text around it.
        #expect(first["paths"]?.contains("--- stdout\nFOLDER/branching.json\n2 routes through 4 scenarios") == true, "\(first["paths"] ?? "")")
        #expect(first["run (pass)"]?.contains("Je resultaat is opgeslagen in:\n  FOLDER/run/test-branching/900/RECORD.json\n") == true,
                "\(first["run (pass)"] ?? "")")
    }
}
