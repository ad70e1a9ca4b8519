import Foundation
import Testing
import WegwijsCore

/// What a learner sees and is asked (SPEC §3): the better option, points per guideline,
/// where points were lost, the validity date, the acknowledgement, and questions that take
/// only their documented answers.
@Suite("What the learner sees and is asked")
struct LearnerFeedbackTests {
    let course = Wegwijs.fixture("branching.json")

    private func run(_ input: String, course: String? = nil, extra: [String] = []) throws -> (ProcessResult, URL) {
        let records = try Wegwijs.temporaryFolder("records")
        let result = try Wegwijs.run(["run", course ?? self.course, "--learner", "55", "--records", records.path, "--plain"] + extra,
                                     input: input)
        return (result, records)
    }

    @Test("a less than good answer shows the better option and the points per guideline, in Dutch")
    func betterOptionDutch() throws {
        let (result, records) = try run("b\n")
        defer { try? FileManager.default.removeItem(at: records) }
        #expect(result.stdout.contains("Gedeeltelijk goed"))
        #expect(result.stdout.contains("Beter was: a) Goed antwoord"))
        #expect(result.stdout.contains("- Prima."))
        // Only the guideline this scenario scores, earned out of possible.
        #expect(result.stdout.contains("Punten: Openbaar +1 van 2"))
        #expect(!result.stdout.contains("Geheim +"))
    }

    @Test("the same in English, with a penalty shown with a minus sign")
    func betterOptionEnglish() throws {
        let (result, records) = try run("c\n", extra: ["--lang", "en"])
        defer { try? FileManager.default.removeItem(at: records) }
        #expect(result.stdout.contains("Not good"))
        #expect(result.stdout.contains("A better answer: a) Good answer"))
        #expect(result.stdout.contains("Points: Public −1 of 2"))
    }

    @Test("a good answer shows no better option")
    func goodAnswer() throws {
        let (result, records) = try run("a\n")
        defer { try? FileManager.default.removeItem(at: records) }
        #expect(result.stdout.contains("Goed"))
        #expect(!result.stdout.contains("Beter was"))
        #expect(result.stdout.contains("Punten: Openbaar +2 van 2"))
    }

    @Test("the introduction shows every guideline's title and summary")
    func introduction() throws {
        let (result, records) = try run("")
        defer { try? FileManager.default.removeItem(at: records) }
        for text in ["Welkom!", "De richtlijnen", "Openbaar", "Alles is openbaar.", "Geheim", "Deel geen geheimen."] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test("at the end: where points were lost, and on a pass the validity date")
    func endScreen() throws {
        let (failed, records) = try run("b\na c\na\n")
        defer { try? FileManager.default.removeItem(at: records) }
        #expect(failed.status == 0 || failed.status == 2)
        #expect(failed.stdout.contains("Hier liep je punten mis: 'Begin'"))
        let (passed, more) = try run("a\na c\na\n")
        defer { try? FileManager.default.removeItem(at: more) }
        #expect(passed.status == 0)
        let record = try CompletionRecord.decode(Data(contentsOf: more.appendingPathComponent(try #require(Wegwijs.files(under: more).first))))
        let finished = try #require(record.finishedAt)
        let expiry = CalendarDay(secondsSince1970: Int64(finished.timeIntervalSince1970)).adding(try #require(ISODuration("P1Y")))
        let (year, month, day) = expiry.civil
        #expect(passed.stdout.contains(String(format: "Je resultaat is geldig tot en met %02d-%02d-%04d.", day, month, year)))
    }
}

/// The acknowledgement after a pass, on the example course (which has one).
@Suite("The acknowledgement")
struct AcknowledgementTests {
    let course = Wegwijs.packageRoot.appendingPathComponent("courses/voorbeeld.json").path
    /// Piped answers are letters, so the test takes the course without shuffling.
    private func unshuffledCourse() throws -> String {
        let folder = try Wegwijs.temporaryFolder("course")
        let text = try String(contentsOfFile: course, encoding: .utf8)
            .replacingOccurrences(of: #""shuffleOptions": true"#, with: #""shuffleOptions": false"#)
        let path = folder.appendingPathComponent("voorbeeld.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("confirmed, declined, answered wrongly first, or at end of input", arguments: [
        ("ja\n", true, "Dank je, je bevestiging is vastgelegd."),
        ("nee\n", false, "Je hebt niet bevestigd."),
        ("misschien\nj\n", true, "Typ ja of nee"),
        ("", false, "Je hebt niet bevestigd."),
    ])
    func acknowledge(reply: String, confirmed: Bool, says: String) throws {
        let path = try unshuffledCourse()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        // uitnodiging: a (teamchat); whichever photo scenario is drawn, its first two options
        // are the right ones (fotos-delen, groepsfoto-linkedin: a b); carpoollijst: b (rijders-vragen).
        let result = try Wegwijs.run(["run", path, "--learner", "ack", "--records", records.path, "--plain"],
                                     input: "a\na b\nb\n" + reply)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Ik vraag toestemming voordat ik foto's of gegevens van collega's deel."))
        #expect(result.stdout.contains(says))
        let files = Wegwijs.files(under: records).filter { !$0.hasSuffix("in-progress.json") }
        #expect(files.count == 1)
        let record = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(try #require(files.first))))
        #expect(record.status == .passed)
        #expect((record.acknowledgedAt != nil) == confirmed)
    }
}
