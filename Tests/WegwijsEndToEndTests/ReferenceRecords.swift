import Foundation
import WegwijsCore

/// Records folders with fixed moments for the reference tests, made in code on the branching
/// fixture course as the runner would make them, so that nothing in an output depends on today.
/// They sit on the boundaries that substring checks let through: an attempt of 1 min 5 s and one
/// of 1 h 1 min 5 s, answers on both sides of midnight, a learner overdue by exactly 7 days, a
/// scenario with a facility of exactly 95 % and one of exactly 30 %.
enum ReferenceRecords {
    /// `report --as-of` for every report on the HR folder.
    static let asOf = "2026-03-10"
    static let roster = Wegwijs.fixture("reference/roster.csv")

    static func course() throws -> LoadedCourse {
        try CourseLoader.load(path: Wegwijs.fixture("branching.json"))
    }

    /// `2026-03-01T23:59:00Z` as a date.
    static func at(_ text: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { throw CocoaError(.formatting) }
        return date
    }

    /// One attempt: each answer with its moment; finished when the answers reach the end.
    static func record(_ learner: String, _ name: String, started: String, answers: [([String], String)], finished: String?,
                       course loaded: LoadedCourse, events: [(CompletionRecord.Event.Kind, String)] = []) throws -> CompletionRecord {
        var attempt = Attempt(course: loaded.course)
        for (options, moment) in answers {
            _ = try attempt.answer(options, at: try at(moment))
        }
        var record = CompletionRecord(attempt: attempt, attemptID: "00000000-0000-4000-8000-000000000\(learner)",
                                      learner: .init(id: learner, name: name), course: .init(loaded), language: "nl",
                                      startedAt: try at(started), finishedAt: try finished.map { try at($0) })
        if !events.isEmpty { record.events = try events.map { .init(type: $0.0, at: try at($0.1)) } }
        return record
    }

    /// Writes `record` where the runner would: an ended one under its finish time, one under way
    /// as `in-progress.json`.
    static func write(_ record: CompletionRecord, into records: URL, suffix: String) throws {
        let folder = records.appendingPathComponent("\(record.course.id)/\(record.learner.id)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = record.finishedAt.map { "\(RecordStore.fileTimestamp($0))-\(suffix).json" } ?? "in-progress.json"
        try record.encoded().write(to: folder.appendingPathComponent(name))
    }

    /// The HR folder: against `roster.csv` on 2026-03-10 (the course is due 30 days after the start
    /// date and a pass is valid for a year).
    static func hr() throws -> URL {
        let loaded = try course()
        let folder = try Wegwijs.temporaryFolder("reference-hr")
        let pass = [["goed"], ["m1", "m3"], ["weiger"]]
        var records = [
            // Passed in 1 min 5 s, across midnight: last activity is 2 March.
            try record("201", "Ada de Wit", started: "2026-03-01T23:59:00Z",
                       answers: [(pass[0], "2026-03-01T23:59:20Z"), (pass[1], "2026-03-01T23:59:50Z"), (pass[2], "2026-03-02T00:00:03Z")],
                       finished: "2026-03-02T00:00:05Z", course: loaded),
            // Under way, answered on 3 and 4 March, with a pause between: last activity is 4 March.
            try record("202", "Bo Bakker", started: "2026-03-03T23:58:00Z",
                       answers: [(["goed"], "2026-03-03T23:59:40Z"), (["m1", "m3"], "2026-03-04T00:00:45Z")], finished: nil,
                       course: loaded, events: [(.suspended, "2026-03-03T23:59:45Z"), (.resumed, "2026-03-04T00:00:10Z")]),
            // 203 never started: due 3 March (1 February + 30 days), so 7 days overdue on 10 March.
            // Failed with a serious breach, after 1 h 1 min 5 s.
            try record("204", "Dirk Dekker", started: "2026-03-05T09:00:00Z",
                       answers: [(["fout"], "2026-03-05T09:20:00Z"), (["herstel"], "2026-03-05T09:40:00Z"),
                                 (["m1"], "2026-03-05T10:00:00Z"), (["deel"], "2026-03-05T10:01:00Z")],
                       finished: "2026-03-05T10:01:05Z", course: loaded),
            // Passed on 5 March 2025: expired on 6 March 2026 (valid up to and including 5 March).
            try record("205", "Eva Verhoef", started: "2025-03-05T10:00:00Z",
                       answers: [(pass[0], "2025-03-05T10:01:00Z"), (pass[1], "2025-03-05T10:02:00Z"), (pass[2], "2025-03-05T10:03:00Z")],
                       finished: "2025-03-05T10:04:00Z", course: loaded),
            // Passed on 20 March 2025: expires within the month.
            try record("206", "Fien Bos", started: "2025-03-20T10:00:00Z",
                       answers: [(pass[0], "2025-03-20T10:00:30Z"), (pass[1], "2025-03-20T10:01:00Z"), (pass[2], "2025-03-20T10:01:30Z")],
                       finished: "2025-03-20T10:02:00Z", course: loaded),
            // 207 never started and is due on 10 March itself: not overdue yet.
        ]
        // Ada confirmed the acknowledgement just before her record was written (as the runner does).
        records[0].acknowledgedAt = try at("2026-03-02T00:00:04Z")
        for (index, record) in records.enumerated() {
            try write(record, into: folder, suffix: String(format: "a%07x", index + 1))
        }
        return folder
    }

    /// The stats folder: 20 ended attempts. `start` is answered best by 19 of them (facility
    /// exactly 95 %: too easy); `kritiek` is answered best by 6 (exactly 30 %: too hard), the
    /// critical option by the other 14 (critical-often).
    static func stats() throws -> URL {
        let loaded = try course()
        let folder = try Wegwijs.temporaryFolder("reference-stats")
        let several: [[String]] = [["m1", "m3"], ["m1"], ["m3"], ["m1", "m2", "m3"], ["m2"]]
        for number in 1...20 {
            let learner = String(format: "3%02d", number)
            let first: [[String]] = number == 20 ? [["fout"], ["herstel"]] : [["goed"]]
            let answers = first + [several[number % several.count], number <= 6 ? ["weiger"] : ["deel"]]
            let start = 1_772_355_600 + number * 3_600  // 2026-03-01T09:00:00Z, an hour apart
            let moments = answers.indices.map { Date(timeIntervalSince1970: Double(start + 40 * ($0 + 1) + number)) }
            var attempt = Attempt(course: loaded.course)
            for (options, moment) in zip(answers, moments) { _ = try attempt.answer(options, at: moment) }
            let record = CompletionRecord(attempt: attempt, attemptID: "00000000-0000-4000-8000-000000000\(learner)",
                                          learner: .init(id: learner, name: nil), course: .init(loaded), language: "nl",
                                          startedAt: Date(timeIntervalSince1970: Double(start)),
                                          finishedAt: moments.last.map { $0.addingTimeInterval(5) })
            try write(record, into: folder, suffix: String(format: "b%07x", number))
        }
        return folder
    }
}
