import Foundation
import TestSupport
import Testing
import WegwijsCore

@Suite("Piped runs of the built binary")
struct PipedRunTests {
    let course = Wegwijs.fixture("branching.json")

    @Test("best answers pass: exit 0 and a passed record on disk")
    func bestAnswersPass() throws {
        let records = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(["run", course, "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 0, "\(result.stderr)")
        let files = Wegwijs.files(under: records)
        #expect(files.count == 1)
        let path = try #require(files.first)
        #expect(path.hasPrefix("test-branching/123/"))
        let record = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(path)))
        #expect(record.status == .passed)
        #expect(record.answers.map(\.options) == [["goed"], ["m1", "m3"], ["weiger"]])
        #expect(record.score.earned == 7 && record.score.possible == 7)
        #expect(result.stdout.contains("Situatie 1 van 3"))
        #expect(result.stdout.contains("Geslaagd"))
    }
}

extension PipedRunTests {
    func records() throws -> URL { try Wegwijs.temporaryFolder("records") }

    func run(_ input: String, records: URL, extra: [String] = []) throws -> ProcessResult {
        try Wegwijs.run(["run", course, "--learner", "123", "--records", records.path] + extra, input: input)
    }

    @Test("a critical answer completes the course without passing: exit 2")
    func criticalFails() throws {
        let folder = try records()
        let result = try run("a\na c\nb\n", records: folder)
        #expect(result.status == 2)
        #expect(result.stdout.contains("Ernstige overtreding"))
        #expect(result.stdout.contains("Niet geslaagd"))
        #expect(result.stdout.contains("je koos een ernstige overtreding in: 'Een kritieke keuze'"))
        let file = try #require(Wegwijs.files(under: folder).first)
        let record = try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent(file)))
        #expect(record.status == .failed)
        #expect(record.criticalChosen == ["kritiek"])
    }

    @Test("the end of input stops with exit 3; the next run resumes where it stopped")
    func stopAndResume() throws {
        let folder = try records()
        let first = try run("c\n", records: folder)
        #expect(first.status == 3)
        #expect(Wegwijs.files(under: folder) == ["test-branching/123/in-progress.json"])
        let saved = try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent("test-branching/123/in-progress.json")))
        #expect(saved.status == .inProgress)
        #expect(saved.answers.map(\.scenario) == ["start"])

        let second = try run("a\na c\na\n", records: folder)
        // The wrong first answer costs too many points on "openbaar" to pass.
        #expect(second.status == 2, "\(second.stdout)")
        #expect(second.stdout.contains("Je gaat verder waar je was gebleven (1 beantwoord)"))
        #expect(second.stdout.contains("Situatie 2 van 4"))
        let files = Wegwijs.files(under: folder)
        let file = try #require(files.count == 1 ? files.first : nil, "\(files)")
        #expect(!file.hasSuffix("in-progress.json"))
        let record = try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent(file)))
        #expect(record.answers.map(\.scenario) == ["start", "gevolg", "meer", "kritiek"])
        #expect(record.attemptId == saved.attemptId)
    }

    @Test("'stop' saves and exits 3")
    func stopWord() throws {
        let folder = try records()
        let result = try run("a\nstop\n", records: folder)
        #expect(result.status == 3)
        #expect(result.stdout.contains("Je voortgang is bewaard (1 beantwoord)"))
    }

    @Test("--restart keeps the old attempt, marked abandoned, and starts over")
    func restart() throws {
        let folder = try records()
        _ = try run("a\n", records: folder)
        let result = try run("a\na c\na\n", records: folder, extra: ["--restart"])
        #expect(result.status == 0)
        let statuses = try Wegwijs.files(under: folder).map {
            try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent($0))).status
        }
        #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.abandoned, .passed])
    }

    @Test("garbage at the prompt gets a short message and the same prompt again")
    func garbageInput() throws {
        let folder = try records()
        let input = "zz\n\nq\na b\n?\nrichtlijnen\n\u{1B}[31mred\na\na c\na\n"
        let result = try run(input, records: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("'zz' begrijp ik niet"))
        #expect(result.stdout.contains("Typ de letter van je antwoord."))
        #expect(result.stdout.contains("Er is geen antwoord q"))
        #expect(result.stdout.contains("Kies hier één antwoord"))
        #expect(result.stdout.contains("Zo werkt het"))
        #expect(result.stdout.contains("Alles is openbaar."))
        #expect(!result.stdout.contains("\u{1B}[31m"), "an escape sequence typed by the learner is never echoed raw")
    }

    @Test("--lang en switches course text and interface to English")
    func english() throws {
        let folder = try records()
        let result = try run("A, C\n", records: folder, extra: ["--lang", "en"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("Situation 1 of 3"))
        #expect(result.stdout.contains("Someone asks something on LinkedIn."))
        #expect(result.stdout.contains("Choose one answer here"))
    }

    @Test("usage errors exit 64", arguments: [
        ["--learner", "../etc"], ["--learner", ".x"], ["--lang", "de", "--learner", "1"], ["--bogus"], [],
    ])
    func usageErrors(arguments: [String]) throws {
        let folder = try records()
        let result = try Wegwijs.run(["run", course, "--records", folder.path] + arguments, input: "a\n")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(Wegwijs.files(under: folder).isEmpty)
    }

    @Test("an invalid course exits 65 with located problems; a missing one exits 74")
    func badCourses() throws {
        let folder = try records()
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\n  \"format\": \"wegwijs.course/1\",\n  \"id\": \"x\"\n  \"version\": \"1\"\n}\n".utf8).write(to: broken)
        let invalid = try Wegwijs.run(["run", broken.path, "--learner", "1", "--records", folder.path], input: "a\n")
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("broken.json:3:12: error: a comma is missing at the end of line 3"), "\(invalid.stderr)")
        let missing = try Wegwijs.run(["run", folder.appendingPathComponent("nope.json").path, "--learner", "1"], input: "")
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("nope.json: error: no such file"))
    }

    @Test("a records folder that cannot be written stops the run before the first question: exit 74")
    func unwritableRecords() throws {
        let folder = try records()
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let result = try Wegwijs.run(["run", course, "--learner", "1", "--records", blocker.path], input: "a\n")
        #expect(result.status == 74)
        #expect(!result.stdout.contains("Scenario 1"))
        #expect(result.stderr.contains("Je antwoorden konden niet worden opgeslagen: in de map voor je resultaten kan niet worden geschreven."), "\(result.stderr)")
        #expect(result.stderr.contains("Voor je beheerder: \(blocker.path): cannot create the records folder"))
        // In English for an English learner, every line.
        let english = try Wegwijs.run(["run", course, "--learner", "1", "--records", blocker.path, "--lang", "en"], input: "a\n")
        #expect(english.status == 74)
        #expect(english.stderr.contains("Your answers could not be saved: the folder for your results cannot be written to."), "\(english.stderr)")
        #expect(english.stderr.contains("For your administrator: \(blocker.path): "))
        #expect(!english.stderr.contains("Je "))
    }

    @Test("WEGWIJS_RECORDS is the default records folder")
    func recordsFromEnvironment() throws {
        let folder = try records()
        let result = try Wegwijs.run(["run", course, "--learner", "9"], input: "a\n", environment: ["WEGWIJS_RECORDS": folder.path])
        #expect(result.status == 3)
        #expect(Wegwijs.files(under: folder) == ["test-branching/9/in-progress.json"])
    }
}
