import Foundation
import TestSupport
import Testing
import WegwijsCore

/// The text (Markdown) course format from the built binary: `convert` both ways, and a
/// hand-written `.md` course through validate, preview, paths, run, stats, verify and report.
@Suite("Text courses, end to end")
struct TextCourseEndToEndTests {
    let phishing = Wegwijs.fixture("phishing.md")

    static let courses = ["courses/voorbeeld.json", "courses/uwv-sociale-media.json", "Tests/Fixtures/branching.json",
                          "Tests/Fixtures/ranking.json", "Tests/Fixtures/stats/course.json"]

    @Test("convert --to text, then --to json, gives the same canonical JSON; the text validates", arguments: courses)
    func convertBothWays(_ relative: String) throws {
        let source = Wegwijs.packageRoot.appendingPathComponent(relative).path
        let folder = try Wegwijs.temporaryFolder("wegwijs-convert")
        let text = folder.appendingPathComponent("course.md").path
        let back = folder.appendingPathComponent("back.json").path
        let toText = try Wegwijs.run(["convert", source, "--to", "text", "--output", text])
        #expect(toText.status == 0, "\(toText.stderr)")
        #expect(toText.stdout.isEmpty)
        let toJSON = try Wegwijs.run(["convert", text, "--to", "json", "--output", back])
        #expect(toJSON.status == 0, "\(toJSON.stderr)")
        let original = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: source))))
        let converted = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: back))))
        #expect(CanonicalJSON.bytes(of: converted) == CanonicalJSON.bytes(of: original))
        let json = try Wegwijs.run(["validate", source])
        let md = try Wegwijs.run(["validate", text])
        #expect(md.status == json.status)
        #expect(md.stdout.replacingOccurrences(of: text, with: "F") == json.stdout.replacingOccurrences(of: source, with: "F"))
        // Standard output when no --output is given.
        let printed = try Wegwijs.run(["convert", source, "--to", "text"])
        #expect(printed.stdout == (try String(contentsOfFile: text, encoding: .utf8)))
    }

    @Test("a hand-written text course validates, previews, has clean paths")
    func handWrittenValidates() throws {
        let result = try Wegwijs.run(["validate", phishing])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("phishing.md: ok (3 scenarios, 2 guidelines, 2 warnings)"))
        #expect(result.stderr.contains("phishing.md:40:1: warning: single slip: answering 'klikken' in scenario 'pakketje'"))
        let preview = try Wegwijs.run(["preview", phishing, "--lang", "en"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Phishing and passwords"))
        #expect(preview.stdout.contains("You pay the € 1.95; it is only a small amount."))
        // The channel in the learner's language: translated, or the same word in every language.
        #expect(preview.stdout.contains(" phone\n") && !preview.stdout.contains("telefoon"), "\(preview.stdout)")
        #expect(preview.stdout.contains(" sms\n"))
        let dutch = try Wegwijs.run(["preview", phishing, "--lang", "nl"])
        #expect(dutch.stdout.contains(" telefoon\n") && !dutch.stdout.contains(" phone\n"), "\(dutch.stdout)")
        let paths = try Wegwijs.run(["paths", phishing])
        #expect(paths.status == 0, "\(paths.stderr)")
    }

    @Test("a hand-written text course runs piped, and stats, verify and report read its records")
    func handWrittenRuns() throws {
        let records = try Wegwijs.temporaryFolder("wegwijs-text-records")
        let run = try Wegwijs.run(["run", phishing, "--learner", "42", "--records", records.path], input: "a\na\na b\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Een pakketje"))
        let files = Wegwijs.files(under: records)
        #expect(files.count == 1 && files.first?.hasPrefix("phishing-wachtwoorden/42/") == true)
        let record = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(try #require(files.first))))
        #expect(record.answers.map(\.options) == [["negeren"], ["weigeren"], ["haast", "rekening"]])
        let stats = try Wegwijs.run(["stats", records.path, "--course", phishing])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("1. pakketje — A parcel"))
        let verify = try Wegwijs.run(["verify", records.path, "--course", phishing])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("1 record checked: 1 sound"))
        let report = try Wegwijs.run(["report", records.path, "--course", phishing])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("phishing-wachtwoorden  passed"))
    }

    @Test("a record made on the JSON course verifies against its text conversion (same structure)")
    func recordsAcrossFormats() throws {
        let records = try Wegwijs.temporaryFolder("wegwijs-text-records")
        let course = Wegwijs.fixture("branching.json")
        let run = try Wegwijs.run(["run", course, "--learner", "7", "--records", records.path], input: "a\na c\na\n")
        #expect(run.status == 0, "\(run.stderr)")
        let text = try Wegwijs.temporaryFolder("wegwijs-text").appendingPathComponent("branching.md").path
        #expect(try Wegwijs.run(["convert", course, "--to", "text", "--output", text]).status == 0)
        let verify = try Wegwijs.run(["verify", records.path, "--course", text])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test("mistakes in a text course: exit 65, each located at FILE:LINE:COLUMN, all in one run")
    func mistakes() throws {
        let original = try String(contentsOfFile: phishing, encoding: .utf8)
        let broken = original
            .replacingOccurrences(of: "title en: A parcel", with: "titel en: A parcel")
            .replacingOccurrences(of: "- geven (geheim -2, critical)", with: "- geven (gehiem -2, critical)")
            .replacingOccurrences(of: "channel: sms", with: "Dit hoort hier niet.")
        let path = try Wegwijs.temporaryFolder("wegwijs-text").appendingPathComponent("broken.md").path
        try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
        for command in [["validate"], ["run", "--learner", "1"], ["preview"]] {
            let result = try Wegwijs.run(command + [path], input: "")
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("\(path):30:1: error: 'Dit hoort hier niet.' is not a field"), "\(result.stderr)")
            #expect(result.stderr.contains("\(path):66:10: error: option 'geven' of scenario 'wachtwoord-gevraagd' scores unknown guideline 'gehiem'"), "\(result.stderr)")
            #expect(result.stderr.contains("\(path):28:1: warning: scenario 'pakketje' has no English text yet for: title;"), "\(result.stderr)")
            #expect(result.stderr.contains("\(path):29:1: warning: scenario 'pakketje': unknown field 'titel'"), "\(result.stderr)")
        }
        let convert = try Wegwijs.run(["convert", path, "--to", "json"])
        #expect(convert.status == 65)
        #expect(convert.stdout.isEmpty)
        #expect(try Wegwijs.run(["convert", "/nonexistent/x.md", "--to", "json"]).status == 74)
    }
}

extension TextCourseEndToEndTests {
    /// The first ```markdown block of docs/authoring.md: the complete small example.
    static func documentedExample() throws -> String {
        let doc = try String(contentsOf: Wegwijs.packageRoot.appendingPathComponent("docs/authoring.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```markdown\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound])
    }

    @Test("docs/authoring.md's example course validates without a warning, and its mistakes give the documented messages")
    func documentedExampleValidates() throws {
        let example = try Self.documentedExample()
        #expect(example.hasPrefix("# Course wachtwoorden\n"))
        let folder = try Wegwijs.temporaryFolder("wegwijs-text-doc")
        let path = folder.appendingPathComponent("wachtwoorden.md").path
        try Data(example.utf8).write(to: URL(fileURLWithPath: path))
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok (1 scenario, 1 guideline, 0 warnings)"))
        #expect(example.split(separator: "\n").count <= 40)

        let broken = example.replacingOccurrences(of: "title en: The service desk calls", with: "titel en: The service desk calls")
            .replacingOccurrences(of: "- terugbellen (geheim +2)", with: "- terugbellen (gehiem +2)")
            .replacingOccurrences(of: "channel: telefoon", with: "Dit hoort hier niet.")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
        let doc = try String(contentsOf: Wegwijs.packageRoot.appendingPathComponent("docs/authoring.md"), encoding: .utf8)
        let relative = try Wegwijs.run(["validate", "wachtwoorden.md"], currentDirectory: folder)
        #expect(relative.status == 65)
        for line in (relative.stderr + relative.stdout).split(separator: "\n") {
            #expect(doc.contains(line), "docs/authoring.md lacks: \(line)")
        }
        #expect(relative.stderr.split(separator: "\n").count == 4)
    }
}

extension TextCourseEndToEndTests {
    @Test("in a terminal, each located problem is followed by its line and a caret under the column; piped, not")
    func caretInTerminal() throws {
        let example = try Self.documentedExample().replacingOccurrences(of: "- terugbellen (geheim +2)", with: "- terugbellen (gehiem +2)")
        let path = try Wegwijs.temporaryFolder("wegwijs-text-caret").appendingPathComponent("caret.md").path
        try Data(example.utf8).write(to: URL(fileURLWithPath: path))
        let session = try PseudoTerminalSession(["validate", path])
        #expect(try session.exitStatus() == 65)
        let screen = session.transcript.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(screen.contains("\n  - terugbellen (gehiem +2)\n  " + String(repeating: " ", count: 15) + "^\n"), "\(screen)")
        let piped = try Wegwijs.run(["validate", path])
        #expect(piped.status == 65)
        #expect(!piped.stderr.contains("^"))
        #expect(piped.stderr.split(separator: "\n").count == 1)
    }
}

extension TextCourseEndToEndTests {
    @Test("new FILE.md writes the starter in the text format: it validates strictly and is the JSON starter converted")
    func newInTextFormat() throws {
        let folder = try Wegwijs.temporaryFolder("wegwijs-text-new")
        let text = folder.appendingPathComponent("Mijn Cursus.md").path
        let json = folder.appendingPathComponent("Mijn Cursus.json").path
        let created = try Wegwijs.run(["new", text])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("# Course mijn-cursus\n"))
        #expect(try Wegwijs.run(["validate", "--strict", text]).status == 0)
        #expect(try Wegwijs.run(["new", json]).status == 0)
        let converted = try Wegwijs.run(["convert", text, "--to", "json"])
        let fromText = try JSONParser.parse(Array(converted.stdout.utf8))
        let fromJSON = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        // The same course; only the JSON names the schema (`$schema`), for editors that check JSON.
        let withoutSchema = JSONNode(.object((fromJSON.members ?? []).filter { $0.key != "$schema" }))
        #expect(fromJSON["$schema"] != nil && fromText["$schema"] == nil)
        #expect(CanonicalJSON.bytes(of: fromText) == CanonicalJSON.bytes(of: withoutSchema))
        // A name the loader would read in the other format is refused before anything is written.
        let noEnding = folder.appendingPathComponent("cursus").path
        let refused = try Wegwijs.run(["new", noEnding])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("a course in the text format must be named *.md"))
        #expect(try Wegwijs.run(["new", folder.appendingPathComponent("c.md").path, "--format", "json"]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: noEnding))
        #expect(try Wegwijs.run(["new", noEnding, "--format", "json"]).status == 0)
    }
}
