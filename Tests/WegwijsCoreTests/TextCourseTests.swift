import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// The plain-text (Markdown) course format: lossless both ways, compact, and every problem
/// located in the `.md` file.
@Suite("The text course format")
struct TextCourseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every bundled course and every JSON course fixture.
    static let jsonCourses: [String] = {
        var paths: [String] = []
        for folder in ["courses", "Tests/Fixtures", "Tests/Fixtures/stats"] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            paths += names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map { "\(folder)/\($0)" }
        }
        return paths
    }()

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func write(_ text: String, _ name: String) throws -> String {
        let folder = TestFolders.path("wegwijs-text")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func problems(_ text: String) throws -> [Diagnostic] {
        let path = try write(text, "problems.md")
        return CourseLoader.check(bytes: Array(text.utf8), file: path).1
    }

    @Test("the list of courses covers the bundled ones and the fixtures")
    func coverage() {
        #expect(Self.jsonCourses.contains("courses/uwv-sociale-media.json"))
        #expect(Self.jsonCourses.contains("courses/voorbeeld.json"))
        #expect(Self.jsonCourses.contains("Tests/Fixtures/branching.json"))
        #expect(Self.jsonCourses.count >= 5)
    }

    @Test("JSON → text → JSON keeps the canonical JSON and the structure hash", arguments: jsonCourses)
    func roundTrip(_ relative: String) throws {
        let original = try JSONParser.parse(try Self.bytes(relative))
        let text = try TextCourseWriter.text(of: original)
        let (back, problems) = TextCourseReader.parse(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(CanonicalJSON.bytes(of: back) == CanonicalJSON.bytes(of: original))
        let name = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: ".md")
        let loadedText = try CourseLoader.load(path: try Self.write(text, name))
        let loadedJSON = try CourseLoader.load(path: Self.root.appendingPathComponent(relative).path)
        #expect(loadedText.structure == loadedJSON.structure)
        #expect(loadedText.course.scenarios.map(\.id) == loadedJSON.course.scenarios.map(\.id))
        #expect(loadedText.warnings.map(\.message) == loadedJSON.warnings.map(\.message))
    }

    @Test("fields the format has no words for, and texts it cannot write bare, round-trip as JSON")
    func fallback() throws {
        let json = #"""
        {"format": "wegwijs.course/1", "id": "x", "version": "1", "language": "nl",
         "refresher": {"every": "P4M", "scenarios": 4}, "shufflePools": true, "policy": {"owner": "HR", "url": null},
         "title": "Twee\nregels", "introduction": {"nl": "  spaties  ", "en": ""}, "dueWithinDays": "14",
         "languages": "nl", "passing": {"overall": 80, "extra": 1},
         "guidelines": [{"id": "a b", "title": "T", "summary": "S"}],
         "scenarios": [{"id": "s", "situation": "Zin: met dubbele punt = en (haakjes)", "options": [
           {"id": "o(1)", "text": "t", "scores": {"a b": 2, "c": 1.5}, "critical": false},
           {"text": "geen id", "scores": {}, "critical": true},
           {"id": "p", "text": "t", "scores": {"a": -0, "b": 1e2}}]}],
         "pools": []}
        """#
        let original = try JSONParser.parse(Array(json.utf8))
        let text = try TextCourseWriter.text(of: original)
        let (back, problems) = TextCourseReader.parse(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(CanonicalJSON.bytes(of: back) == CanonicalJSON.bytes(of: original), "\(text)")
        #expect(text.contains("refresher = {\"every\":\"P4M\",\"scenarios\":4}"))
        #expect(text.contains("shufflePools: yes"))
        #expect(text.contains(#"title = "Twee\nregels""#))
        #expect(text.contains("situation: Zin: met dubbele punt = en (haakjes)"))
        #expect(text.contains("- p (a -0, b +1e2)"))
    }

    @Test("a 3-option scenario in two languages takes at most 25 lines, markup at most 15 % (the UWV course)")
    func compactness() throws {
        let original = try JSONParser.parse(try Self.bytes("courses/uwv-sociale-media.json"))
        let text = try TextCourseWriter.text(of: original)
        let sections = text.components(separatedBy: "\n## Scenario ").dropFirst()
        let scenarios = try #require(original["scenarios"]?.elements)
        #expect(sections.count == scenarios.count)
        var total = 0, content = 0
        for (section, scenario) in zip(sections, scenarios) {
            let block = "## Scenario " + section.trimmingCharacters(in: .newlines)
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            if scenario["options"]?.elements?.count == 3, scenario["title"]?.members?.count == 2 {
                #expect(lines.count <= 25, "scenario \(scenario["id"]?.string ?? ""): \(lines.count) lines")
            }
            total += block.count
            content += Self.contentCharacters(of: scenario)
        }
        let markup = Double(total - content) / Double(total)
        #expect(markup <= 0.15, "markup is \(markup * 100) % of the scenarios' characters")
        #expect(markup > 0.01)  // the measure counts something: headings, labels, line ends
    }

    /// The characters of a scenario's values (texts, ids, channel, kind, scores' guideline ids
    /// and points): what a reader reads. Everything else in its text form is markup.
    static func contentCharacters(of node: JSONNode) -> Int {
        switch node.value {
        case .string(let text): text.count
        case .number(let literal): literal.count
        case .bool: 0
        case .null: 0
        case .array(let elements): elements.map(contentCharacters).reduce(0, +)
        case .object(let members):
            members.map { member in
                // A score's guideline id is content; the language codes and field names are markup.
                (member.key.count > 3 && member.node.members == nil && member.node.elements == nil && member.node.string == nil ? member.key.count : 0)
                    + contentCharacters(of: member.node)
            }.reduce(0, +)
        }
    }

    @Test("the hand-written fixture reads as the course its author meant")
    func handWritten() throws {
        let loaded = try CourseLoader.load(path: Self.root.appendingPathComponent("Tests/Fixtures/phishing.md").path)
        let course = loaded.course
        #expect(course.id == "phishing-wachtwoorden")
        #expect(course.languages == ["nl", "en"])
        #expect(course.scenarios.map(\.id) == ["pakketje", "wachtwoord-gevraagd", "signalen"])
        #expect(course.passing.overall == 80 && course.passing.perGuideline == 60 && course.passing.noCritical)
        #expect(course.dueWithinDays == 30)
        let first = course.scenarios[0]
        #expect(first.options.map(\.id) == ["negeren", "klikken", "betalen"])
        #expect(first.options.map(\.isCritical) == [false, false, true])
        #expect(first.options[1].scores == ["controleren": -1])
        #expect(first.options[1].next == .scenario("wachtwoord-gevraagd"))
        #expect(course.scenarios[2].kind == .multiple)
        #expect((first.situation.translations["en"] ?? "").hasPrefix("You get a text: \"Your parcel"))
        // A plain channel is the same word in every language; `channel nl:`/`channel en:` translate it.
        #expect(first.channel == LocalizedText(["nl": "sms", "en": "sms"]))
        #expect(course.scenarios[1].channel == LocalizedText(["nl": "telefoon", "en": "phone"]))
    }

    @Test("a translated channel is written back per language, and a missing language is a text still to translate like any other")
    func translatedChannel() throws {
        let bytes = try Self.bytes("Tests/Fixtures/phishing.md")
        let document = try #require(CourseLoader.document(bytes: bytes, file: "phishing.md").0)
        let text = try TextCourseWriter.text(of: document)
        #expect(text.contains("\nchannel nl: telefoon\nchannel en: phone\n"))
        #expect(text.contains("\nchannel: sms\n"))
        let source = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/phishing.md"), encoding: .utf8)
        let problems = try Self.problems(source.replacingOccurrences(of: "channel en: phone\n", with: ""))
        #expect(problems.contains { $0.severity == .warning && $0.message.contains("has no English text yet for: channel;") }, "\(problems)")
        #expect(!problems.contains { $0.severity == .error }, "\(problems)")

        // The same in JSON, and a channel of another type is named.
        func jsonProblems(_ channel: String, _ severity: Diagnostic.Severity = .error) -> [String] {
            let json = #"{"format": "wegwijs.course/1", "id": "x", "version": "1", "language": "nl", "languages": ["nl", "en"], "title": {"nl": "t", "en": "t"}, "guidelines": [{"id": "g", "title": {"nl": "g", "en": "g"}, "summary": {"nl": "s", "en": "s"}}], "scenarios": [{"id": "s", "channel": "#
                + channel + #", "situation": {"nl": "x", "en": "x"}, "explanation": {"nl": "x", "en": "x"}, "options": [{"id": "a", "text": {"nl": "a", "en": "a"}, "feedback": {"nl": "a", "en": "a"}, "scores": {"g": 1}}, {"id": "b", "text": {"nl": "b", "en": "b"}, "feedback": {"nl": "b", "en": "b"}, "scores": {}}]}]}"#
            return CourseLoader.check(bytes: Array(json.utf8), file: "x.json").1.filter { $0.severity == severity }.map(\.message)
        }
        #expect(jsonProblems(#""telefoon""#) == [])
        #expect(jsonProblems(#"{"nl": "telefoon", "en": "phone"}"#) == [])
        #expect(jsonProblems(#"{"nl": "telefoon"}"#) == [])
        #expect(jsonProblems(#"{"nl": "telefoon"}"#, .warning).contains { $0.contains("has no English text yet for: channel;") })
        #expect(jsonProblems("5").contains { $0.contains("'channel' must be a string or an object of language → string") }, "\(jsonProblems("5"))")
    }

    @Test("problems are located at the line and column in the .md file, all in one run")
    func located() throws {
        let text = """
        # Course x
        format: wegwijs.course/1
        version: 1
        language: nl
        titel nl: Een titel
        Dit is geen veld.
        dueWithinDays = [1,
        ## Guideline g
        title: G
        summary: S
        ## Scenari s
        ## Scenario s
        situation: Wat doe je?
        - a (g twee)
        - b (g +1, oops)
          text: B
          feedback: F
          feedback: G
        """
        let problems = try Self.problems(text)
        func find(_ part: String) -> Diagnostic? { problems.first { $0.message.contains(part) } }
        #expect(find("unknown field 'titel'")?.position == SourcePosition(line: 5, column: 1), "\(problems)")
        #expect(find("did you mean 'title'") != nil)
        #expect(find("is not a field")?.position == SourcePosition(line: 6, column: 1))
        #expect(find("the value after '=' must be JSON")?.position?.line == 7)
        #expect(find("a heading must be")?.position == SourcePosition(line: 11, column: 1))
        #expect(find("must be a whole number")?.position == SourcePosition(line: 14, column: 8))
        #expect(find("not 'oops'")?.position == SourcePosition(line: 15, column: 12))
        #expect(find("'feedback' is given twice")?.position == SourcePosition(line: 18, column: 3))
        #expect(find("option 'a' of scenario 's'") != nil || find("scenario 's', option 'a'") != nil)
        #expect(problems.allSatisfy { $0.severity == .error || $0.severity == .warning })
    }

    @Test("at most 50 problems are listed, and the rest counted", arguments: [(48, nil), (49, "1 more problem not shown; correct these first"), (70, "22 more problems not shown; correct these first")])
    func limited(_ lines: Int, _ note: String?) throws {
        // The hand-written course has 2 warnings; each stray line is one error and is skipped.
        var text = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/phishing.md"), encoding: .utf8)
        for index in 1...lines { text += "Regel \(index) zonder veld.\n" }
        let problems = try Self.problems(text)
        #expect(problems.count == min(lines + 2, 51))
        #expect(problems.last?.message == (note ?? problems.last?.message))
        #expect(problems.last?.position == nil || note == nil)
        if note == nil { #expect(problems.last?.message.contains("not shown") == false) }
        #expect(problems.first?.message.contains("'Regel 1 zonder veld.' is not a field") == true)
        #expect(problems.filter { $0.severity == .error && $0.position != nil }.count == min(lines, 50))
    }

    @Test("a file that is not UTF-8 says to save it as UTF-8")
    func notUTF8() throws {
        let (_, problems) = TextCourseReader.parse(Array("# Course x\ntitle: caf".utf8) + [0xE9])
        #expect(problems.map(\.message) == ["the file is not UTF-8 text (bad byte 0xE9): save it as UTF-8"])
        #expect(problems.first?.offset == 21)
    }

    @Test("damaged text courses end in located problems, never a trap: 2,000 seeded mutations")
    func damaged() throws {
        let original = Array(try Self.bytes("Tests/Fixtures/phishing.md"))
        let pieces: [[UInt8]] = ["\n", "- ", "## Scenario ", "# Course ", " = ", ": ", "(", ")", ",", "+", "=[", "{\"", "\u{00}", "\t", "nl:"]
            .map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80]]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var rejected = 0
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<(1 + next(4)) {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(20)))
                case 1: bytes.insert(contentsOf: pieces[next(pieces.count)], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: next(256))
                }
            }
            let (course, problems) = CourseLoader.check(bytes: bytes, file: "damaged.md")
            if course == nil || problems.contains(where: { $0.severity == .error }) {
                rejected += 1
                #expect(problems.contains { $0.severity == .error })
            }
            #expect(problems.count <= TextCourseReader.maximumProblems + 1)
            #expect(problems.allSatisfy { $0.position == nil || $0.position!.line >= 1 })
        }
        #expect(rejected > 500)
    }
}
