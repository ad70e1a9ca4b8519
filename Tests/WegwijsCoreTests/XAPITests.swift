import Foundation
import Testing
@testable import WegwijsCore

@Suite("xAPI statements from records")
struct XAPITests {
    let loaded: LoadedCourse
    let profile = XAPIProfile(actorHomepage: "https://hr.example.org", activityBase: "urn:wegwijs:course:", platform: "wegwijs 0.1.0")

    init() throws {
        loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
    }

    func record(answers: [(String, [String])], finished: Bool, abandoned: Bool = false,
                events: [CompletionRecord.Event]? = nil) throws -> CompletionRecord {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let attempt = try Attempt(course: loaded.course, seed: nil, replaying: answers.enumerated().map { index, answer in
            Answer(scenario: answer.0, options: answer.1, at: start.addingTimeInterval(Double(60 * (index + 1))))
        })
        var record = CompletionRecord(attempt: attempt, attemptID: "6f1c0000-0000-4000-8000-000000000001",
                                      learner: .init(id: "123", name: "Jan Jansen"), course: .init(loaded), language: "nl",
                                      startedAt: start, finishedAt: finished || abandoned ? start.addingTimeInterval(600) : nil)
        if abandoned { record.status = .abandoned }
        record.events = events
        return record
    }

    func verbs(_ statements: [XAPIStatement]) -> [String] {
        statements.map { statement in
            let verb = statement.json.range(of: "\"verb\":{\"id\":\"").map { statement.json[$0.upperBound...] } ?? ""
            return String(verb.prefix { $0 != "\"" }.split(separator: "/").last ?? "")
        }
    }

    @Test("version 5 UUIDs match RFC 4122 (Python's uuid5 gives the same)")
    func uuidV5() throws {
        let dns = try #require(NameBasedUUID.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        #expect(NameBasedUUID.make(namespace: dns, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameBasedUUID.statementNamespace == "c20c8936-18cd-5706-8562-298fe0aaf347")
        #expect(XAPIStatements.statementID(attemptID: "6f1c0000-0000-4000-8000-000000000001", place: "answered/2")
                == "a38a3f65-2add-506f-822c-32ed634ce71e")
    }

    @Test("a passed attempt: attempted, answered per answer, completed and passed, ids unique, same bytes every time")
    func passedAttempt() throws {
        let passed = try record(answers: [("start", ["goed"]), ("meer", ["m1", "m3"]), ("kritiek", ["weiger"])], finished: true)
        let statements = XAPIStatements.make(for: passed, course: loaded.course, profile: profile)
        #expect(verbs(statements) == ["attempted", "answered", "answered", "answered", "completed", "passed"])
        #expect(Set(statements.map(\.id)).count == statements.count)
        #expect(statements == XAPIStatements.make(for: passed, course: loaded.course, profile: profile))
        let multiple = statements[2].json
        #expect(multiple.contains("\"response\":\"m1[,]m3\""))
        #expect(multiple.contains("\"correctResponsesPattern\":[\"m1[,]m3\"]"))
        #expect(multiple.contains("\"score\":{\"raw\":3,\"min\":-1,\"max\":3}"))
        #expect(multiple.contains("\"parent\":[{\"objectType\":\"Activity\",\"id\":\"urn:wegwijs:course:test-branching\"}]"))
        #expect(statements[5].json.contains("\"result\":{\"score\":{\"scaled\":1,\"raw\":7,\"min\":-5,\"max\":7},\"success\":true,\"completion\":true,\"duration\":\"PT10M\"}"))
        #expect(statements[0].json.contains("\"account\":{\"homePage\":\"https://hr.example.org\",\"name\":\"123\"}"))
        #expect(statements[0].timestamp == 1_790_000_000)
        // The record's own times, never the clock's: the same record gives the same bytes any day.
        #expect(statements[0].json.hasSuffix(",\"timestamp\":\"2026-09-21T14:13:20Z\"}"))
        #expect(statements[2].json.hasSuffix(",\"timestamp\":\"2026-09-21T14:15:20Z\"}"))
        #expect(XAPIStatements.timestampText(-1) == "1969-12-31T23:59:59Z")
    }

    @Test("a refresher's statements carry the refresher extension; report --lrs reads it back; a full attempt's have none")
    func refresherExtension() throws {
        var refresher = try record(answers: [("start", ["goed"]), ("meer", ["m1", "m3"]), ("kritiek", ["weiger"])], finished: true)
        let full = XAPIStatements.make(for: refresher, course: loaded.course, profile: profile)
        #expect(!full.contains { $0.json.contains(XAPIVocabulary.refresherExtension) })
        refresher.refresher = CompletionRecord.Refresher(due: "2026-09-01", seed: 42, scenarios: ["start", "meer", "kritiek"],
                                                         earlierAttempts: ["6f1c0000-0000-4000-8000-000000000000"])
        refresher.course.refresherEvery = "P4M"
        let statements = XAPIStatements.make(for: refresher, course: loaded.course, profile: profile)
        #expect(verbs(statements) == verbs(full))
        let extensionJSON = #""urn:wegwijs:extension:refresher":{"due":"2026-09-01","seed":42,"scenarios":["start","meer","kritiek"],"earlierAttempts":["6f1c0000-0000-4000-8000-000000000000"]}"#
        #expect(statements.allSatisfy { $0.json.contains(extensionJSON) }, "\(statements.first?.json ?? "")")
        var lrs = StatementFacts()
        for statement in statements { lrs.add(try JSONParser.parse(Array(statement.json.utf8))) }
        #expect(lrs.facts().map(\.isRefresher) == [true])
        // The period goes along, so report --lrs knows when refreshers fall due without the course file.
        #expect(lrs.facts().map(\.refresherEvery) == [ISODuration(months: 4)])
        var plain = StatementFacts()
        for statement in full { plain.add(try JSONParser.parse(Array(statement.json.utf8))) }
        #expect(plain.facts().map(\.isRefresher) == [false] && plain.facts().map(\.refresherEvery) == [nil])
    }

    @Test("an in-progress attempt's statements are the start of the ended attempt's: ids and bytes stay")
    func prefixStable() throws {
        let early = try record(answers: [("start", ["goed"])], finished: false)
        let late = try record(answers: [("start", ["goed"]), ("meer", ["m1", "m3"]), ("kritiek", ["weiger"])], finished: true)
        let first = XAPIStatements.make(for: early, course: loaded.course, profile: profile)
        let last = XAPIStatements.make(for: late, course: loaded.course, profile: profile)
        #expect(Array(last.prefix(first.count)) == first)
    }

    @Test("suspensions and resumptions fall between the answers in time order; abandoned ends without completion")
    func eventsAndAbandoned() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let events: [CompletionRecord.Event] = [.init(type: .suspended, at: start.addingTimeInterval(60)),
                                                .init(type: .resumed, at: start.addingTimeInterval(90))]
        let stopped = try record(answers: [("start", ["goed"]), ("meer", ["m2"])], finished: false, abandoned: true, events: events)
        let statements = XAPIStatements.make(for: stopped, course: loaded.course, profile: profile)
        #expect(verbs(statements) == ["attempted", "answered", "suspended", "resumed", "answered", "abandoned"])
        #expect(statements[5].json.contains("\"completion\":false"))
        #expect(!statements[5].json.contains("\"success\""))
    }

    @Test("a failed attempt ends with completed and failed; a percentage becomes a scaled score")
    func failedAttempt() throws {
        let failed = try record(answers: [("start", ["fout"]), ("gevolg", ["negeer"]), ("meer", ["m2"]), ("kritiek", ["weiger"])], finished: true)
        let statements = XAPIStatements.make(for: failed, course: loaded.course, profile: profile)
        #expect(verbs(statements).suffix(2) == ["completed", "failed"])
        #expect(XAPIStatements.scaledText(85.4) == "0.854")
        #expect(XAPIStatements.scaledText(5) == "0.05")
        #expect(XAPIStatements.scaledText(100) == "1")
        #expect(XAPIStatements.durationText(3723) == "PT1H2M3S")
        #expect(XAPIStatements.durationText(0) == "PT0S")
    }

    @Test("the outbox: queueing the same attempt twice gives the same file; delivered statements are not queued again")
    func outboxIdempotent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let outbox = Outbox(records: folder)
        let early = try record(answers: [("start", ["goed"])], finished: false)
        let late = try record(answers: [("start", ["goed"]), ("meer", ["m1", "m3"]), ("kritiek", ["weiger"])], finished: true)
        let statements = XAPIStatements.make(for: early, course: loaded.course, profile: profile)
        try outbox.enqueue(attemptID: early.attemptId, statements: statements)
        let file = folder + "/.outbox/pending/\(early.attemptId).ndjson"
        let once = try Data(contentsOf: URL(fileURLWithPath: file))
        try outbox.enqueue(attemptID: early.attemptId, statements: statements)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == once)
        #expect(outbox.pending(attemptID: early.attemptId) == statements)

        try outbox.markDelivered(statements.map { Outbox.Item(attemptID: early.attemptId, statement: $0) })
        #expect(outbox.pendingAttempts().isEmpty)
        let all = XAPIStatements.make(for: late, course: loaded.course, profile: profile)
        try outbox.enqueue(attemptID: late.attemptId, statements: all)
        #expect(outbox.pending(attemptID: late.attemptId) == Array(all.dropFirst(statements.count)))
        #expect(outbox.status().pending == all.count - statements.count)
        #expect(outbox.status().oldest == all[statements.count].timestamp)

        try outbox.reject(Outbox.Item(attemptID: late.attemptId, statement: all[2]), status: 400, message: "no")
        try outbox.enqueue(attemptID: late.attemptId, statements: all)
        #expect(!outbox.pending(attemptID: late.attemptId).contains(all[2]))
        #expect(outbox.rejections() == [Outbox.Rejection(statementID: all[2].id, status: 400, message: "no")])
        var mode = stat()
        #expect(stat(folder + "/.outbox/pending", &mode) == 0 && mode.st_mode & 0o022 == 0)
    }
}

extension XAPITests {
    /// The `answered` statements' JSON, in answer order.
    func answered(_ statements: [XAPIStatement]) -> [String] {
        zip(verbs(statements), statements).filter { $0.0 == "answered" }.map(\.1.json)
    }

    @Test("score.min is what the worst answer scores: a ranking 0, a multiple-answer scenario of positive options its lowest option, never 0 where no answer scores 0")
    func scoreMinimum() throws {
        let loaded = try CourseLoader.load(path: TestCourses.fixture("ranking.json"))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let attempt = try Attempt(course: loaded.course, seed: 1, replaying: [
            Answer(scenario: "lek", options: ["verwijderen", "melden", "noteren"], at: start),
            Answer(scenario: "vraag", options: ["zwijgen"], at: start.addingTimeInterval(60)),
            Answer(scenario: "maatregelen", options: ["wachtwoord"], at: start.addingTimeInterval(120)),
        ])
        let record = CompletionRecord(attempt: attempt, attemptID: "6f1c0000-0000-4000-8000-000000000009",
                                      learner: .init(id: "123", name: nil), course: .init(loaded), language: "nl",
                                      startedAt: start, finishedAt: start.addingTimeInterval(600))
        let statements = XAPIStatements.make(for: record, course: loaded.course, profile: profile)
        let answers = answered(statements)
        try #require(answers.count == 3)
        #expect(answers[0].contains("\"interactionType\":\"sequencing\",\"correctResponsesPattern\":[\"melden[,]verwijderen[,]noteren\"]"))
        // Only noteren stands in its right place: 1 of 6.
        #expect(answers[0].contains("\"score\":{\"raw\":1,\"min\":0,\"max\":6}"))
        #expect(answers[0].contains("\"response\":\"verwijderen[,]melden[,]noteren\""))
        #expect(answers[0].contains("\"urn:wegwijs:extension:guideline-points\":{\"melden\":1,\"beperken\":0}"))
        #expect(answers[1].contains("\"interactionType\":\"choice\""))
        #expect(answers[1].contains("\"score\":{\"raw\":2,\"min\":-1,\"max\":2}"))
        // Both options score: the worst answer is the lowest one alone, 1.
        #expect(answers[2].contains("\"score\":{\"raw\":2,\"min\":1,\"max\":3}"))
        // The attempt: 0 + −1 + 1.
        let last = try #require(statements.last?.json)
        #expect(last.contains("\"score\":{\"scaled\":0.455,\"raw\":5,\"min\":0,\"max\":11}"), "\(last)")
    }
}
