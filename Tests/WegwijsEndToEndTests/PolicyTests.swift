import Foundation
import Testing
import WegwijsCore

/// The policy at hand (issue 20, item 3), from the binary: `beleid` / `policy` at the answer
/// prompt, at a pause and at the acknowledgement; the acknowledgement naming the policy with its
/// version; the organisation's own copy from `policyFolder`; paging in a terminal; `preview`.
@Suite("the policy the course teaches, at every question", .serialized)
struct PolicyTests {
    static let policy = #"""
    "policy": {"title": {"nl": "Testbeleid", "en": "Test policy"}, "version": "3",
               "published": "https://intranet.example.org/beleid/test",
               "summary": {"nl": "Wees zuinig op wat je deelt. Vragen? Mail beleid@example.org.",
                           "en": "Be careful with what you share. Questions? Mail policy@example.org."}},
    "acknowledgement": {"nl": "Ik ken het testbeleid.", "en": "I know the test policy."},
    """#

    /// The branching fixture, with the policy and an acknowledgement when `withPolicy`.
    static func course(in folder: URL, withPolicy: Bool = true) throws -> String {
        let text = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: #""validFor": "P1Y","#, with: #""validFor": "P1Y","# + (withPolicy ? policy : ""))
        #expect(changed != text || !withPolicy)
        let path = folder.appendingPathComponent("branching-policy.json").path
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func occurrences(_ text: String, in output: String) -> Int { output.components(separatedBy: text).count - 1 }

    /// The organisation's own copy of the fixture's policy, `beleid/test-branching.txt` in `folder`
    /// (the folder the policyFolder setting names).
    static func policyDocument(in folder: URL, _ text: String) throws -> URL {
        let documents = folder.appendingPathComponent("beleid")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let document = documents.appendingPathComponent("test-branching.txt")
        try Data(text.utf8).write(to: document)
        return document
    }

    @Test("piped: beleid at the answer prompt and at the acknowledgement shows the policy; the situation comes back; the acknowledgement names it")
    func pipedDutch() throws {
        let folder = try Wegwijs.temporaryFolder("policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let records = folder.appendingPathComponent("records").path
        let result = try Wegwijs.run(["run", course, "--learner", "55", "--records", records, "--plain"],
                                     input: "beleid\na\nrichtlijnen\na c\na\nbeleid\nja\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(Self.occurrences("Het beleid\n", in: out) == 2)
        #expect(out.contains("Testbeleid, versie 3\n\nWees zuinig op wat je deelt. Vragen? Mail beleid@example.org.\n"))
        #expect(out.contains("Het hele beleid lees je op:\n  https://intranet.example.org/beleid/test\n"))
        // After beleid and after richtlijnen the situation is shown again before the prompt.
        #expect(Self.occurrences("Situatie 1 van 3", in: out) == 2)
        #expect(Self.occurrences("Situatie 2 van 3", in: out) == 2)
        #expect(out.contains("Dit gaat over: Testbeleid, versie 3. Typ 'beleid' om het te lezen."))
        #expect(out.contains("Dank je, je bevestiging is vastgelegd."))
        #expect(!out.contains("Typ ja of nee"))  // beleid is not a wrong reply to the question
        let file = try #require(Wegwijs.files(under: URL(fileURLWithPath: records)).first { $0.hasSuffix(".json") && !$0.hasSuffix("in-progress.json") })
        let record = try CompletionRecord.decode(Data(contentsOf: URL(fileURLWithPath: records).appendingPathComponent(file)))
        #expect(record.acknowledgedAt != nil && record.answers.count == 3)
    }

    @Test("in English the word is policy, and a course without a policy shows its guidelines")
    func englishAndNoPolicy() throws {
        let folder = try Wegwijs.temporaryFolder("policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let english = try Wegwijs.run(["run", course, "--learner", "56", "--records", folder.appendingPathComponent("r1").path,
                                       "--plain", "--lang", "en"], input: "policy\nstop\n")
        #expect(english.status == 3)
        #expect(english.stdout.contains("The policy\nTest policy, version 3\n\nBe careful with what you share."))
        #expect(english.stdout.contains("Read the whole policy at:\n  https://intranet.example.org/beleid/test"))

        let bare = try Self.course(in: folder, withPolicy: false)
        let none = try Wegwijs.run(["run", bare, "--learner", "57", "--records", folder.appendingPathComponent("r2").path, "--plain"],
                                   input: "beleid\nstop\n")
        #expect(none.status == 3)
        #expect(none.stdout.contains("Het beleid\nDeze cursus heeft geen beleidstekst bij zich. Dit zijn de richtlijnen waar hij\nover gaat:\n\nDe richtlijnen\n"))
        #expect(Self.occurrences("Situatie 1 van 3", in: none.stdout) == 2)
    }

    @Test("policyFolder: the organisation's own copy is shown instead; an unreadable one is named on stderr and the summary shown")
    func organisationCopy() throws {
        let folder = try Wegwijs.temporaryFolder("policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let document = try Self.policyDocument(in: folder, "Artikel 1. Het volledige beleid van de organisatie.\n\nArtikel 2. Tweede alinea.\n")
        let documents = document.deletingLastPathComponent()
        let shown = try Wegwijs.run(["run", course, "--learner", "58", "--records", folder.appendingPathComponent("r1").path, "--plain"],
                                    input: "beleid\nstop\n", environment: ["WEGWIJS_POLICY_FOLDER": documents.path])
        #expect(shown.status == 3 && shown.stderr.isEmpty, "\(shown.stderr)")
        #expect(shown.stdout.contains("Het beleid\nArtikel 1. Het volledige beleid van de organisatie.\n\nArtikel 2. Tweede alinea.\n"))
        #expect(!shown.stdout.contains("Wees zuinig op wat je deelt"))

        try Data([0x41, 0xEB, 0x0A]).write(to: document)  // Latin-1, not UTF-8
        let broken = try Wegwijs.run(["run", course, "--learner", "59", "--records", folder.appendingPathComponent("r2").path, "--plain"],
                                     input: "beleid\nstop\n", environment: ["WEGWIJS_POLICY_FOLDER": documents.path])
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("Het beleidsdocument \(document.path) kan niet worden getoond"), "\(broken.stderr)")
        #expect(broken.stdout.contains("Wees zuinig op wat je deelt"))
    }

    @Test("in a terminal a long policy comes a screen at a time: Enter for more, q back to the situation and its prompt; beleid at a pause")
    func pagedInTerminal() throws {
        let folder = try Wegwijs.temporaryFolder("policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try Self.course(in: folder)
        let lines = (1...100).map { "Regel \($0) van het beleid." }.joined(separator: "\n")
        let documents = try Self.policyDocument(in: folder, lines).deletingLastPathComponent()
        let session = try PseudoTerminalSession(["run", course, "--learner", "60", "--records", folder.appendingPathComponent("r").path],
                                                environment: ["WEGWIJS_POLICY_FOLDER": documents.path])
        var mark = try session.waitFor("Druk op Enter om te beginnen")
        // At the pause: the policy, then the same pause again.
        session.send("beleid\r")
        mark = try session.waitFor("-- Enter voor meer, q om terug te gaan --", after: mark)
        session.send("q\r")
        mark = try session.waitFor("Druk op Enter om te beginnen", after: mark)
        session.send("\r")
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        session.send("beleid\r")
        // The terminal has 40 rows: 38 lines a page, then the prompt for more.
        let first = try session.waitFor("-- Enter voor meer", after: mark)
        let page = String(session.transcript[mark..<first])
        #expect(page.contains("Regel 36 van het beleid.") && !page.contains("Regel 37 van het beleid."), "\(page)")
        session.send("\r")
        let second = try session.waitFor("-- Enter voor meer", after: first)
        let middle = String(session.transcript[first..<second])
        #expect(middle.contains("Regel 37 van het beleid.") && middle.contains("Regel 74 van het beleid.") && !middle.contains("Regel 75 "))
        session.send("\r")
        mark = try session.waitFor("Regel 100 van het beleid.", after: second)
        #expect(!session.transcript[second...].contains("-- Enter voor meer"))  // the rest fits one page
        mark = try session.waitFor("Situatie 1 van 3", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        // Tab completes the Dutch word.
        session.send("bel\t\r")
        mark = try session.waitFor("Regel 1 van het beleid.", after: mark)
        mark = try session.waitFor("-- Enter voor meer", after: mark)
        session.send("q\r")
        mark = try session.waitFor("Situatie 1 van 3", after: mark)
        mark = try session.waitFor("Je antwoord (a-c): ", after: mark)
        #expect(!session.transcript[mark...].contains("Regel 37"))
        session.send("stop\r")
        #expect(try session.exitStatus() == 3)
    }

    @Test("preview shows the policy for the policy owner; the UWV course's preview names its version")
    func preview() throws {
        let folder = try Wegwijs.temporaryFolder("policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["preview", try Self.course(in: folder), "--plain"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("beleid:\n  Testbeleid, versie 3\n  Wees zuinig op wat je deelt. Vragen? Mail beleid@example.org.\n  Het hele beleid lees je op: https://intranet.example.org/beleid/test\n"))
        let uwv = try Wegwijs.run(["preview", "uwv-sociale-media", "--lang", "en", "--plain"])
        #expect(uwv.stdout.contains("policy:\n  Sociale media: zo doen we dat bij UWV (Social media: how we do it at UWV),\n  version november 2026\n  At UWV you are welcome"), "\(uwv.stdout.prefix(3000))")
    }
}
