import Foundation
import Testing
@testable import WegwijsCore

@Suite("Report statuses, dates and boundaries")
struct ReportStatusTests {
    static func day(_ text: String) -> CalendarDay {
        CalendarDay(text) ?? CalendarDay(number: .min / 4)
    }

    static func seconds(_ text: String) -> Int64 {
        Timestamp.secondsSince1970(text) ?? .min
    }

    static let terms = CourseTerms(id: "c", validFor: ISODuration("P1Y"), dueWithinDays: 30)

    static func tally(_ records: [(CompletionRecord.Status, String)], asOf: CalendarDay? = nil) -> AttemptTally {
        var tally = AttemptTally()
        for (status, finished) in records {
            let at = seconds(finished)
            let isFinished = status == .passed || status == .failed
            tally.add(RecordFacts(learnerID: "1", courseID: "c", status: status, percent: status == .passed ? 90 : 40,
                                  startedAt: at - 600, finishedAt: isFinished ? at : nil), asOf: asOf)
        }
        return tally
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var records: [(CompletionRecord.Status, String)]
        var startDate: String?
        var asOf: String
        var expected: ReportStatus
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "a pass is passed on the day it was earned", records: [(.passed, "2025-03-10T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-03-10", expected: .passed),
        Case(label: "a pass is still passed on its expiry day", records: [(.passed, "2025-03-10T23:59:59Z")],
             startDate: nil, asOf: "2026-03-10", expected: .passed),
        Case(label: "a pass is expired the day after its expiry day", records: [(.passed, "2025-03-10T00:00:00Z")],
             startDate: nil, asOf: "2026-03-11", expected: .expired),
        Case(label: "a valid pass wins over later failed attempts",
             records: [(.passed, "2025-03-10T09:00:00Z"), (.failed, "2025-06-01T09:00:00Z")],
             startDate: "2025-01-01", asOf: "2025-07-01", expected: .passed),
        Case(label: "an expired pass is not overdue, even past the due date", records: [(.passed, "2024-01-10T09:00:00Z")],
             startDate: "2024-01-01", asOf: "2025-06-01", expected: .expired),
        Case(label: "failed attempts only are failed", records: [(.failed, "2025-03-10T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-03-31", expected: .failed),
        Case(label: "failed wins over an attempt in progress",
             records: [(.failed, "2025-03-10T09:00:00Z"), (.inProgress, "2025-03-12T09:00:00Z")],
             startDate: nil, asOf: "2025-03-20", expected: .failed),
        Case(label: "an attempt in progress only is in-progress", records: [(.inProgress, "2025-03-12T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-03-20", expected: .inProgress),
        Case(label: "an abandoned attempt counts as started", records: [(.abandoned, "2025-03-12T09:00:00Z")],
             startDate: nil, asOf: "2025-03-20", expected: .inProgress),
        Case(label: "no attempt on the roster is not-started", records: [],
             startDate: "2025-03-01", asOf: "2025-03-31", expected: .notStarted),
        Case(label: "not started is still fine on the due day", records: [],
             startDate: "2025-03-01", asOf: "2025-03-31", expected: .notStarted),
        Case(label: "not started is overdue the day after the due day", records: [],
             startDate: "2025-03-01", asOf: "2025-04-01", expected: .overdue),
        Case(label: "failed becomes overdue after the due day", records: [(.failed, "2025-03-10T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-04-01", expected: .overdue),
        Case(label: "in progress becomes overdue after the due day", records: [(.inProgress, "2025-03-10T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-04-01", expected: .overdue),
        Case(label: "a pass after the due date is passed", records: [(.passed, "2025-05-10T09:00:00Z")],
             startDate: "2025-03-01", asOf: "2025-06-01", expected: .passed),
        Case(label: "as of a day before the pass, the attempt was in progress",
             records: [(.passed, "2025-03-10T00:05:00Z")], startDate: nil, asOf: "2025-03-09", expected: .inProgress),
        Case(label: "as of a day before the first attempt, nothing had started",
             records: [(.failed, "2025-03-20T09:00:00Z")], startDate: "2025-01-01", asOf: "2025-01-15", expected: .notStarted),
    ]

    @Test("status on each boundary", arguments: cases)
    func statusOnBoundaries(_ example: Case) {
        let asOf = Self.day(example.asOf)
        let tally = Self.tally(example.records, asOf: asOf)
        let judged = HRReport.judge(tally: tally.attempts == 0 ? nil : tally, terms: Self.terms,
                                    startDate: example.startDate.map(Self.day), asOf: asOf)
        #expect(judged.status == example.expected)
    }

    @Test("due date is the start date plus dueWithinDays; expiry is the pass day plus validFor")
    func dueAndExpiryDates() {
        let tally = Self.tally([(.passed, "2025-03-10T22:00:00Z")])
        let judged = HRReport.judge(tally: tally, terms: Self.terms, startDate: Self.day("2025-03-01"), asOf: Self.day("2025-04-01"))
        #expect(judged.dueDate?.description == "2025-03-31")
        #expect(judged.passedAt?.description == "2025-03-10")
        #expect(judged.expiresAt?.description == "2026-03-10")
    }

    @Test("a course without validFor never expires and one without dueWithinDays is never overdue")
    func noTerms() {
        let terms = CourseTerms(id: "c")
        let pass = HRReport.judge(tally: Self.tally([(.passed, "2015-01-01T00:00:00Z")]), terms: terms, startDate: nil,
                                  asOf: Self.day("2030-01-01"))
        #expect(pass.status == .passed && pass.expiresAt == nil)
        let none = HRReport.judge(tally: nil, terms: terms, startDate: Self.day("2015-01-01"), asOf: Self.day("2030-01-01"))
        #expect(none.status == .notStarted && none.dueDate == nil)
    }

    @Test("calendar days add durations as the Gregorian calendar does", arguments: [
        ("2024-02-29", "P1Y", "2025-02-28"),
        ("2025-01-31", "P1M", "2025-02-28"),
        ("2024-01-31", "P1M", "2024-02-29"),
        ("2025-03-10", "P90D", "2025-06-08"),
        ("2025-12-15", "P1M2W", "2026-01-29"),
        ("1999-12-31", "P1D", "2000-01-01"),
    ])
    func addingDurations(start: String, duration: String, expected: String) throws {
        let period = try #require(ISODuration(duration))
        #expect(Self.day(start).adding(period).description == expected)
        let viaFoundation = period.added(to: Date(timeIntervalSince1970: Double(Self.day(start).number) * 86_400))
        #expect(CalendarDay(secondsSince1970: Int64(viaFoundation.timeIntervalSince1970)).description == expected)
    }

    @Test("only real days as YYYY-MM-DD are dates", arguments: [
        ("2025-02-28", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
        ("2025-1-01", false), ("01-02-2025", false), ("2025/02/01", false), ("", false), ("2025-04-31", false),
    ])
    func parsingDays(text: String, valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid)
        if valid { #expect(CalendarDay(text)?.description == text) }
    }

    @Test("record timestamps parse to the same instant Foundation reads", arguments: [
        "2026-11-24T10:15:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2026-11-24T10:15:00.250Z",
        "2026-11-24T11:15:00+01:00", "2026-11-24T05:15:00-05:00",
    ])
    func timestamps(text: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let expected = try #require(formatter.date(from: text))
        #expect(Timestamp.secondsSince1970(text) == Int64(expected.timeIntervalSince1970.rounded(.down)))
    }

    @Test("malformed timestamps are refused", arguments: ["2026-11-24", "2026-11-24T10:15:00", "2026-11-24 10:15:00Z",
                                                           "2026-11-24T25:00:00Z", "2026-11-24T10:15:00Zjunk", "2026-02-30T10:15:00Z"])
    func badTimestamps(text: String) {
        #expect(Timestamp.secondsSince1970(text) == nil)
    }

    @Test("days before 1970 count down correctly")
    func daysBefore1970() {
        #expect(CalendarDay(secondsSince1970: -1).description == "1969-12-31")
        #expect(CalendarDay(secondsSince1970: -86_400).description == "1969-12-31")
        #expect(CalendarDay(secondsSince1970: -86_401).description == "1969-12-30")
    }

    @Test("a tally keeps the best finished percentage, the last pass, all attempts and the newest name")
    func tallyFolds() {
        var tally = AttemptTally()
        tally.add(RecordFacts(learnerID: "1", learnerName: "Old", courseID: "c", status: .passed, percent: 85,
                              startedAt: Self.seconds("2025-01-01T09:00:00Z"), finishedAt: Self.seconds("2025-01-01T09:30:00Z")), asOf: nil)
        tally.add(RecordFacts(learnerID: "1", learnerName: "New", courseID: "c", status: .failed, percent: 95.5,
                              startedAt: Self.seconds("2025-02-01T09:00:00Z"), finishedAt: Self.seconds("2025-02-01T09:30:00Z")), asOf: nil)
        tally.add(RecordFacts(learnerID: "1", courseID: "c", status: .inProgress, percent: 99,
                              startedAt: Self.seconds("2025-03-01T09:00:00Z"), lastAnswerAt: Self.seconds("2025-03-02T09:00:00Z")), asOf: nil)
        #expect(tally.attempts == 3 && tally.finished == 2 && tally.unfinished == 1)
        #expect(tally.bestPercent == 95.5)
        #expect(tally.lastPass == Self.seconds("2025-01-01T09:30:00Z"))
        #expect(tally.lastActivity == Self.seconds("2025-03-02T09:00:00Z"))
        #expect(tally.name == "New")

        var split = AttemptTally()
        split.add(RecordFacts(learnerID: "1", learnerName: "Old", courseID: "c", status: .passed, percent: 85,
                              startedAt: Self.seconds("2025-01-01T09:00:00Z"), finishedAt: Self.seconds("2025-01-01T09:30:00Z")), asOf: nil)
        var other = AttemptTally()
        other.add(RecordFacts(learnerID: "1", learnerName: "New", courseID: "c", status: .failed, percent: 95.5,
                              startedAt: Self.seconds("2025-02-01T09:00:00Z"), finishedAt: Self.seconds("2025-02-01T09:30:00Z")), asOf: nil)
        split.merge(other)
        #expect(split.name == "New" && split.attempts == 2 && split.bestPercent == 95.5)
    }
}
