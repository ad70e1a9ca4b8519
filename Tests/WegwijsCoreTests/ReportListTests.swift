import Foundation
import Testing
@testable import WegwijsCore

/// What the HTML report's lists and the added column are built from: passes expiring within 30
/// days, the overdue list, filtered reports, and the acknowledgement day.
@Suite("Report lists, filters and acknowledgements")
struct ReportListTests {
    static let asOf = CalendarDay(year: 2026, month: 11, day: 25) ?? CalendarDay(number: 0)

    static func row(_ id: String, _ status: ReportStatus, expires: Int? = nil, due: Int? = nil, department: String = "IT") -> ReportRow {
        ReportRow(employeeID: id, name: "n\(id)", department: department, course: "c", status: status, bestPercent: nil,
                  attempts: 1, lastActivity: nil, passedAt: nil, expiresAt: expires.map { asOf.adding(days: $0) },
                  dueDate: due.map { asOf.adding(days: $0) }, onRoster: true)
    }

    static func report(_ rows: [ReportRow]) -> HRReport {
        HRReport(asOf: asOf, rows: rows, hasRoster: true, departments: HRReport.departmentSummaries(rows: rows, courses: ["c"]),
                 courses: ["c"])
    }

    @Test("expiring within 30 days: from the report's day to 30 days after it, soonest first; expired passes are not listed")
    func expiring() {
        let report = Self.report([
            Self.row("1", .passed, expires: 31), Self.row("2", .passed, expires: 30), Self.row("3", .passed, expires: 0),
            Self.row("4", .expired, expires: -1), Self.row("5", .passed, expires: 12), Self.row("6", .passed),
        ])
        #expect(report.expiring(withinDays: 30).map(\.employeeID) == ["3", "5", "2"])
    }

    @Test("overdue: only overdue learners, the longest overdue first, then by employee number")
    func overdue() {
        let report = Self.report([
            Self.row("10", .overdue, due: -3), Self.row("9", .overdue, due: -40), Self.row("2", .overdue, due: -3),
            Self.row("4", .failed, due: -50), Self.row("5", .notStarted, due: 4),
        ])
        #expect(report.overdue.map(\.employeeID) == ["9", "2", "10"])
    }

    @Test("a filtered report keeps the rows asked for and recounts its departments")
    func filtered() {
        let report = Self.report([
            Self.row("1", .passed), Self.row("2", .overdue, department: "WW"), Self.row("3", .overdue), Self.row("4", .notStarted),
        ])
        let kept = report.filtered(statuses: [.overdue, .notStarted], departments: ["it"])
        #expect(kept.rows.map(\.employeeID) == ["3", "4"])
        #expect(kept.departments.map(\.department) == ["IT"] && kept.departments.first?.learners == 2)
        #expect(kept.departments.first?.counts == [.overdue: 1, .notStarted: 1])
        #expect(report.filtered(statuses: [], departments: []).rows.count == 4)
    }

    @Test("acknowledged_at: the latest acknowledgement of a passed attempt, none from a failed one or after the report's day")
    func acknowledgement() {
        func facts(_ status: CompletionRecord.Status, finished: String, acknowledged: String?) -> RecordFacts {
            let at = Timestamp.secondsSince1970(finished) ?? 0
            return RecordFacts(learnerID: "1", courseID: "c", status: status, percent: 90, startedAt: at - 600, finishedAt: at,
                               acknowledgedAt: acknowledged.flatMap { Timestamp.secondsSince1970($0) })
        }
        var tally = AttemptTally()
        tally.add(facts(.passed, finished: "2026-01-10T10:00:00Z", acknowledged: "2026-01-10T10:01:00Z"), asOf: Self.asOf)
        tally.add(facts(.failed, finished: "2026-03-10T10:00:00Z", acknowledged: "2026-03-10T10:01:00Z"), asOf: Self.asOf)
        tally.add(facts(.passed, finished: "2026-06-10T10:00:00Z", acknowledged: nil), asOf: Self.asOf)
        #expect(tally.lastAcknowledgement == Timestamp.secondsSince1970("2026-01-10T10:01:00Z"))
        tally.add(facts(.passed, finished: "2026-11-25T23:00:00Z", acknowledged: "2026-11-26T00:00:10Z"), asOf: Self.asOf)
        #expect(tally.lastAcknowledgement == Timestamp.secondsSince1970("2026-01-10T10:01:00Z"), "after the report's day")
        tally.add(facts(.passed, finished: "2026-11-25T20:00:00Z", acknowledged: "2026-11-25T20:00:10Z"), asOf: Self.asOf)
        let row = HRReport.row(employeeID: "1", name: "", department: "", terms: CourseTerms(id: "c"), tally: tally,
                               startDate: nil, onRoster: nil, asOf: Self.asOf)
        #expect(row.acknowledgedAt == Self.asOf)
    }
}
