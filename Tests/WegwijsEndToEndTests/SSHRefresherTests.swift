import Foundation
import Testing
import WegwijsCore

/// A refresher over ssh in a pseudo-terminal: a learner who passed the UWV course months ago
/// logs in as usual and gets the refresher, with readline, and can stop and come back to it.
@Suite("A refresher over ssh, in a terminal", .serialized, .waitsOnProcesses)
struct SSHRefresherTests {
    /// `faketime`'s form of the moment `days` days before now.
    static func daysAgo(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return "@" + formatter.string(from: Date(timeIntervalSinceNow: -Double(days) * 86_400))
    }

    /// The ended records on the server, by path under its records folder.
    static func ended(_ server: SSHServer) -> [String] {
        Wegwijs.files(under: server.records).filter { $0.hasSuffix(".json") && !$0.hasSuffix("in-progress.json") }
    }

    @Test("a pass 130 days ago: ssh -tt runs the refresher of 4 situations; a stop keeps it, the next login resumes it")
    func refresherOverSSH() throws {
        let server = try SSHServer(learners: ["A100"])
        defer { server.stop() }
        // The pass, made on the server's own course file, as if 130 days ago (the UWV course:
        // valid a year, a refresher every four months).
        let course = server.courses.appendingPathComponent("uwv-sociale-media.json").path
        let script = Wegwijs.packageRoot.appendingPathComponent("packaging/answer-best.py").path
        let pass = try HostileFolderTests.runUnderFaketime(["-f", Self.daysAgo(130)], ["python3", script, course, "--",
            Wegwijs.executable.path, "run", "--learner", "A100", "--records", server.records.path], input: nil)
        #expect(pass.status == 0, "\(pass.stdout.suffix(400))\(pass.stderr)")
        let first = try #require(Self.ended(server).first)

        let session = try PseudoTerminalSession(server.clientArguments(key: server.key(for: "A100"), extra: ["-tt", "-o", "SendEnv=LC_MESSAGES"])
                                                + ["uwv-sociale-media"], executable: URL(fileURLWithPath: SSHServer.ssh))
        var mark = try session.waitFor("korte situaties")
        let intro = CapturedOutput.flat(session.screenLines().joined(separator: "\n"))
        #expect(intro.contains("is het tijd voor een opfrisser. Dit is geen hele cursus maar 4 korte situaties"), "\(intro)")
        mark = try session.waitFor("Druk op Enter om te beginnen", after: mark)
        session.send("\r")
        mark = try session.waitFor("Je antwoord (", after: mark)
        // Readline's Tab completion of the stop word, as in the full course.
        session.send("sto\t\r")
        try session.waitFor("Je voortgang is bewaard op de server (0 beantwoord)", after: mark)
        #expect(try session.exitStatus() == 3)
        let saved = try CompletionRecord.decode(Data(contentsOf: server.records.appendingPathComponent("uwv-sociale-media/A100/in-progress.json")))
        let mark4 = try #require(saved.refresher, "the attempt under way is the refresher")
        #expect(mark4.scenarios.count == 4 && saved.course.refresherEvery == "P4M")

        // The next login, piped, resumes the same refresher and finishes it.
        let again = try server.ssh(key: server.key(for: "A100"), ["uwv-sociale-media"], input: String(repeating: "a\n", count: 12))
        #expect(again.stdout.contains("Je gaat verder waar je was gebleven (0 beantwoord)"), "\(again.stdout.suffix(600))")
        #expect(again.stdout.contains("opfrisser"))
        let ended = Self.ended(server).filter { $0 != first }
        try #require(ended.count == 1, "\(ended)")
        let record = try SSHServiceTests.record(server, ended[0])
        #expect(record.attemptId == saved.attemptId && record.refresher == mark4)
        #expect(record.answers.map(\.scenario) == mark4.scenarios)
    }
}
