import Foundation
import Testing
import WegwijsCore

/// Laptops without a server (docs/lrs.md): learners' machines get a write-only LRS account, HR a
/// read account, and Ralph enforces the scopes. The tests' Ralph always runs that way.
@Suite("LRS accounts with scopes enforced: learners write, HR reads", .sharedRalph, .serialized)
struct LRSScopeTests {
    let course = Wegwijs.fixture("branching.json")
    let configHome: URL
    let server: RalphServer

    init() throws {
        server = try SharedRalph.server()
        configHome = try Wegwijs.temporaryFolder("config")
    }

    func run(_ learner: String, _ input: String, records: URL, as account: RalphServer.Account) throws -> ProcessResult {
        try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: input,
                        environment: server.environment(configHome: configHome, account: account))
    }

    func waiting(_ records: URL) -> [String] {
        Wegwijs.files(under: records.appendingPathComponent(".outbox/pending"))
    }

    /// The attempt id of the learner's one ended record.
    func attemptID(_ records: URL, _ learner: String) throws -> String {
        let paths = Wegwijs.files(under: records).filter { $0.contains("/\(learner)/") && !$0.hasSuffix("in-progress.json") }
        try #require(paths.count == 1, "\(paths)")
        return try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(paths[0]))).attemptId
    }

    @Test("the write-only account delivers every statement but may not read them: report --lrs says so in one line, exit 74")
    func writerDeliversButCannotRead() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records); try? FileManager.default.removeItem(at: configHome) }
        #expect(try run("scope-writer", "a\na c\na\n", records: records, as: .writer).status == 0)
        let writer = server.environment(configHome: configHome, account: .writer)
        let synced = try Wegwijs.run(["sync", "--records", records.path], environment: writer)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(waiting(records).isEmpty)
        let attempt = try attemptID(records, "scope-writer")
        let stored = try server.statements().filter { $0.contains("\"registration\":\"\(attempt)\"") }
        #expect(stored.count >= 5, "attempted, 3 answered, completed, passed")

        let report = try Wegwijs.run(["report", "--lrs", "--format", "csv"], environment: writer)
        #expect(report.status == 74)
        #expect(report.stdout.isEmpty)
        let lines = report.stderr.split(whereSeparator: \.isNewline)
        #expect(lines.count == 1, "\(report.stderr)")
        #expect(report.stderr.contains("this LRS account may not read statements"), "\(report.stderr)")
        #expect(report.stderr.contains("statements/read"))
    }

    @Test("the read account reads what the learners' account wrote, and may not deliver: sync keeps every statement waiting, exit 74")
    func readerReadsButCannotWrite() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records); try? FileManager.default.removeItem(at: configHome) }
        #expect(try run("scope-learner", "a\na c\nb\n", records: records, as: .writer).status == 2)
        #expect(try Wegwijs.run(["sync", "--records", records.path],
                                environment: server.environment(configHome: configHome, account: .writer)).status == 0)

        let reader = server.environment(configHome: configHome, account: .reader)
        let report = try Wegwijs.run(["report", "--lrs", "--format", "csv"], environment: reader)
        #expect(report.status == 0, "\(report.stderr)")
        let row = report.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("scope-learner,") }
        #expect(row?.contains("failed") == true, "\(report.stdout)")

        // HR's account on a learner's machine by mistake: nothing is delivered, nothing is lost.
        let hrRecords = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: hrRecords) }
        #expect(try run("scope-hr", "a\n", records: hrRecords, as: .reader).status == 3)
        let before = waiting(hrRecords)
        #expect(!before.isEmpty)
        let synced = try Wegwijs.run(["sync", "--records", hrRecords.path], environment: reader)
        #expect(synced.status == 74)
        #expect(synced.stderr.contains("HTTP 401"), "\(synced.stderr)")
        #expect(waiting(hrRecords) == before)
        let attempt = Wegwijs.files(under: hrRecords).first { $0.hasSuffix("in-progress.json") }
        #expect(attempt != nil)
    }
}
