import Foundation
import Testing
@testable import WegwijsCore

/// A record file's JSON with one field replaced, as a hostile or careless hand would edit it.
private func recordJSON(_ record: CompletionRecord, editing edit: (inout [String: Any]) -> Void = { _ in }) throws -> [UInt8] {
    var object = try #require(try JSONSerialization.jsonObject(with: record.encoded()) as? [String: Any])
    edit(&object)
    return Array(try JSONSerialization.data(withJSONObject: object))
}

/// A record file's text with one literal replaced (for numbers JSONSerialization cannot write).
private func recordText(_ record: CompletionRecord, replacing old: String, with new: String) throws -> [UInt8] {
    let text = String(decoding: try record.encoded(), as: UTF8.self)
    #expect(text.contains(old), "the fixture record holds \(old)")
    return Array(text.replacingOccurrences(of: old, with: new).utf8)
}

@Suite("Numbers in records are range-checked where they are read (SPEC §2, §9)")
struct RecordNumberTests {
    static let hostile: [(String, String)] = [
        (#""percent" : 100,\#n    "possible""#, #""percent" : 1e300,\#n    "possible""#),
        (#""percent" : 100,\#n    "possible""#, #""percent" : -5,\#n    "possible""#),
        (#""earned" : 7"#, #""earned" : 99999999999999999999999"#),
        (#""earned" : 7"#, #""earned" : -9223372036854775808"#),
        (#""possible" : 7"#, #""possible" : 1e300"#),
        (#""dueWithinDays" : 30"#, #""dueWithinDays" : 99999999999"#),
        (#""validFor" : "P1Y""#, #""validFor" : "P999999Y""#),
        (#""validFor" : "P1Y""#, #""validFor" : "P1Y", "refresherEvery" : "P0D""#),
        (#""validFor" : "P1Y""#, #""validFor" : "P1Y", "refresherEvery" : "every four months""#),
        (#""validFor" : "P1Y""#, #""validFor" : "P1Y", "refresherEvery" : "P999999M""#),
    ]

    @Test("a number out of range is invalid data, located, in report and in verify", arguments: 0..<hostile.count)
    func outOfRange(_ index: Int) throws {
        let loaded = try RecordFixtures.course()
        let record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
        let (old, new) = Self.hostile[index]
        let bytes = try recordText(record, replacing: old, with: new)
        let root = try JSONParser.parse(bytes)
        let problem = try #require(RecordChecks.outOfRange(in: root), "\(new)")
        #expect(problem.offset != nil)
        #expect(throws: RecordFacts.Problem.self) { try RecordFacts.extract(from: root) }

        var scan = RecordScan()
        let folder = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.json")
        try Data(bytes).write(to: file)
        scan.read(file.path, courses: nil, asOf: nil)
        let skipped = try #require(scan.problems.first)
        #expect(skipped.path.hasPrefix(file.path + ":"), "located by line and column: \(skipped)")
        #expect(scan.tallies.isEmpty)

        var verifier = RecordVerifier(courses: [loaded], signer: nil)
        let problems = verifier.check(bytes: bytes, path: "r.json")
        #expect(problems.count == 1 && problems[0].kind == .format && problems[0].position != nil, "\(problems)")
    }

    @Test("percentages of any size format without a trap")
    func percentText() {
        #expect(Percent.text(85.44) == "85.4")
        #expect(Percent.text(1e300) == "1000.0")
        #expect(Percent.text(-.infinity) == "-1000.0")
        #expect(Percent.text(.nan) == "0.0")
        #expect(Percent.text(85.45, separator: ",") == "85,5" || Percent.text(85.45, separator: ",") == "85,4")
        #expect(ReportColumns.percentText(-0.04) == "0.0")
    }
}

@Suite("report trusts a record only when it agrees with itself (SPEC §5 Trust)")
struct RecordTrustTests {
    enum Forgery: String, CaseIterable, Sendable {
        case passedWithLowScore, percentDoesNotFollow, guidelinesDoNotAddUp, guidelinePercentWrong, passedWithCritical, passedWithGuidelineBelow
    }

    static func forged(_ forgery: Forgery) throws -> [UInt8] {
        let loaded = try RecordFixtures.course()
        switch forgery {
        case .passedWithLowScore:
            let record = try RecordFixtures.record(RecordFixtures.failing, course: loaded)
            return try recordJSON(record) { $0["status"] = "passed" }
        case .passedWithCritical:
            var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
            record.criticalChosen = ["kritiek"]
            return try recordJSON(record)
        case .percentDoesNotFollow:
            var record = try RecordFixtures.record(RecordFixtures.failing, course: loaded)
            record.status = .passed
            record.score.percent = 100
            return try recordJSON(record)
        case .guidelinesDoNotAddUp:
            var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
            record.score = .init(earned: 70, possible: 70, percent: 100)
            return try recordJSON(record)
        case .guidelinePercentWrong:
            var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
            record.guidelines[0].percent = 50
            return try recordJSON(record)
        case .passedWithGuidelineBelow:
            var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
            record.guidelines[0] = .init(GuidelineScore(id: record.guidelines[0].id, earned: 1, possible: 3))
            record.guidelines[1] = .init(GuidelineScore(id: record.guidelines[1].id, earned: 4, possible: 4))
            record.score = .init(earned: 5, possible: 7, percent: Scoring.percent(earned: 5, possible: 7))
            return try recordJSON(record) { _ in }
        }
    }

    @Test("a record that contradicts itself is untrusted, listed and counted as not passed", arguments: Forgery.allCases)
    func forgery(_ forgery: Forgery) throws {
        let bytes = try Self.forged(forgery)
        let root = try JSONParser.parse(bytes)
        let rule = PassingRule(overall: 70, perGuideline: 60, noCritical: true)
        let trust = RecordTrust(passingRules: ["test-branching": rule])
        let facts = try RecordFacts.extract(from: root, trust: trust)
        #expect(facts.distrust != nil, "\(forgery)")

        let folder = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.json")
        try Data(bytes).write(to: file)
        var scan = RecordScan()
        scan.read(file.path, courses: nil, asOf: nil, trust: trust)
        #expect(scan.untrusted.count == 1)
        let tally = try #require(scan.tallies.values.first)
        #expect(tally.lastPass == nil && tally.bestPercent == nil)
    }

    @Test("records the runner wrote are trusted, signed or not; with a key, unsigned and re-signed ones are not")
    func honestAndSigned() throws {
        let loaded = try RecordFixtures.course()
        let signer = RecordSigner(key: Array("0123456789abcdef0123".utf8))
        for answers in [RecordFixtures.passing, RecordFixtures.failing] {
            let plain = try JSONParser.parse(Array(try RecordFixtures.record(answers, course: loaded).encoded()))
            #expect(RecordTrust(passingRules: ["test-branching": loaded.course.passing]).distrust(of: plain, courseID: "test-branching") == nil)
            #expect(RecordTrust(signer: signer).distrust(of: plain, courseID: "test-branching")?.contains("not signed") == true)
            let signed = try JSONParser.parse(Array(try RecordFixtures.record(answers, course: loaded, signer: signer).encoded()))
            #expect(RecordTrust(passingRules: ["test-branching": loaded.course.passing], signer: signer).distrust(of: signed, courseID: "test-branching") == nil)
            let other = RecordSigner(key: Array("another key of 16+ bytes".utf8))
            #expect(RecordTrust(signer: other).distrust(of: signed, courseID: "test-branching")?.contains("signature") == true)
        }
    }
}

@Suite("One rule for course ids (SPEC §2)")
struct CourseIDTests {
    @Test("at most 64 characters of a-z, 0-9 and '-', not starting with '-'", arguments: [
        ("uwv-sociale-media", true), (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false),
        ("-x", false), ("Abc", false), ("a.b", false), ("", false), ("a_b", false),
    ])
    func rule(_ id: String, _ valid: Bool) {
        #expect(CourseID.isValid(id) == valid)
        #expect(StarterCourse.isValidIdentifier(id) == valid)
    }

    @Test("two long course ids never share a records folder")
    func folders() {
        let store = RecordStore(root: "/r")
        let long = String(repeating: "a", count: 64)
        #expect(store.folder(course: long, learner: "1") == "/r/\(long)/1")
        #expect(store.folder(course: long + "b", learner: "1") == "/r/invalid-course-id/1")
        #expect(StarterCourse.identifier(fromFileName: String(repeating: "ab-", count: 40) + ".json").count <= 64)
    }
}

@Suite("Text from files is escaped everywhere (SPEC §9)")
struct EscapeTests {
    @Test("C0, C1, DEL, bidi overrides and isolates, line and paragraph separators are escaped", arguments: [
        "\u{1B}", "\u{9B}", "\u{7F}", "\u{85}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{2028}", "\u{2029}", "\r",
    ])
    func escaped(_ character: String) throws {
        let text = "a\(character)b"
        let shown = ControlCharacters.escaped(text)
        #expect(!shown.unicodeScalars.contains { ControlCharacters.isControl($0) }, "\(shown.debugDescription)")
        #expect(shown.hasPrefix("a\\") && shown.hasSuffix("b"))
        let json = JSONWriter.quoted(text)
        #expect(!json.unicodeScalars.contains { ControlCharacters.isControl($0) }, "\(json.debugDescription)")
        let parsed = try JSONParser.parse(Array(json.utf8))
        #expect(parsed.string == text, "the escape is valid JSON for the same text")
        let encoded = JSONWriter.escapingControlCharacters("{\"k\": \"\(text)\"}")
        #expect(try JSONParser.parse(Array(encoded.utf8))["k"]?.string == text)
    }

    @Test("ordinary text, accents and emoji pass unchanged")
    func ordinary() {
        let text = "Café → ‘UWV’ 👍 \u{200F}\n"
        #expect(ControlCharacters.escaped(text) == text)
        #expect(JSONWriter.quoted("é‘’") == "\"é‘’\"")
    }
}

@Suite("A roster with an unterminated quote")
struct RosterQuoteTests {
    @Test("the row is reported with its line and reading goes on at the next line")
    func unterminated() throws {
        let roster = try Roster.parse("id;naam;afdeling\n100;\"Jansen;Klant\n101;Bakker;IT\n102;Smit;HR\n")
        #expect(roster.entries.map(\.employeeID) == ["101", "102"])
        let problem = try #require(roster.problems.first)
        #expect(problem.line == 2 && problem.message.contains("never closed"))
    }

    @Test("after a quoted line break and a broken row, line numbers still count physical lines")
    func lineNumbers() throws {
        let roster = try Roster.parse("id,name\n1,\"Two\nlines\"\n2,\"broken\n3,ok\n4,last")
        #expect(roster.entries.map(\.employeeID) == ["1", "3", "4"])
        #expect(roster.problems.map(\.line) == [4])
        #expect(roster.entries.map(\.line) == [2, 5, 6])
    }
}

@Suite("The records folder: no links followed, never group- or world-writable (SPEC §9)")
struct RecordFolderTests {
    @Test("a course or learner folder that is a symbolic link is refused, nothing is written through it")
    func symbolicLinks() throws {
        let root = try RecordFixtures.temporaryFolder()
        let outside = try RecordFixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("cursus"), withDestinationURL: outside)
        #expect(throws: FileProblem.self) { try RecordStore(root: root.path).prepare(course: "cursus", learner: "1") }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ander"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("ander/2"), withDestinationURL: outside)
        let problem = try #require(throws: FileProblem.self) { try RecordStore(root: root.path).prepare(course: "ander", learner: "2") }
        #expect(problem.reason.contains("symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test("a records root that is itself a link is followed; folders below it are created 0750 (a writable one is refused: PrivateFilesTests)")
    func rootLinkAndModes() throws {
        let real = try RecordFixtures.temporaryFolder()
        let parent = try RecordFixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: real)
            try? FileManager.default.removeItem(at: parent)
        }
        let link = parent.appendingPathComponent("records")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try RecordStore(root: link.path).prepare(course: "cursus", learner: "1")
        for folder in ["cursus", "cursus/1"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: real.appendingPathComponent(folder).path)[.posixPermissions] as? Int)
            #expect(mode & 0o7777 == 0o750, "\(folder): \(String(mode, radix: 8))")
        }
    }
}

@Suite("report --output writes through links and into devices")
struct OutputFileTests {
    @Test("a symbolic link stays a link and its target gets the report, keeping its mode")
    func throughLink() throws {
        let folder = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try OutputFile.write(Data("new".utf8), to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)

        let dangling = folder.appendingPathComponent("dangling.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "later.csv")
        try OutputFile.write(Data("x".utf8), to: dangling.path)
        #expect(try String(contentsOf: folder.appendingPathComponent("later.csv"), encoding: .utf8) == "x")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling.path) == "later.csv")
    }

    @Test("a device is written directly, never replaced (a link to /dev/null stays a link, /dev/null a device)")
    func device() throws {
        let folder = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("null")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        try OutputFile.write(Data("report".utf8), to: link.path)
        try OutputFile.write(Data("report".utf8), to: "/dev/null")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "/dev/null")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(throws: FileProblem.self) { try OutputFile.write(Data(), to: folder.path) }
    }
}
