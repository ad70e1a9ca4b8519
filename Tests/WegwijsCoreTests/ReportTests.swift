import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

@Suite("Building and writing the HR report")
struct ReportTests {
    static func seconds(_ text: String) -> Int64 { Timestamp.secondsSince1970(text) ?? 0 }

    static func facts(_ learner: String, _ status: CompletionRecord.Status, _ finished: String, name: String? = nil,
                      percent: Double? = nil, course: String = "c") -> RecordFacts {
        let at = seconds(finished)
        let isFinished = status == .passed || status == .failed
        return RecordFacts(learnerID: learner, learnerName: name, courseID: course, validFor: ISODuration("P1Y"),
                           dueWithinDays: 30, status: status, percent: percent, startedAt: at - 900,
                           finishedAt: isFinished ? at : nil)
    }

    static func scan(_ records: [RecordFacts], asOf: CalendarDay? = nil) -> RecordScan {
        var scan = RecordScan()
        for record in records { scan.add(record, courses: nil, asOf: asOf) }
        return scan
    }

    static let asOf = CalendarDay("2026-03-01") ?? CalendarDay(number: 0)

    @Test("with a roster every employee gets a row, and learners only in the records are marked not on the roster")
    func rosterAndStrangers() throws {
        let scan = Self.scan([
            Self.facts("2", .passed, "2026-02-01T10:00:00Z", name: "Record Name", percent: 90),
            Self.facts("99", .failed, "2026-02-01T10:00:00Z", name: "Stranger", percent: 20),
        ])
        let roster = try Roster.parse("id;naam;afdeling;startdatum\n10;Tien;IT;2026-01-01\n2;;Klantcontact;2026-01-01\n")
        let report = HRReport.make(scan: scan, roster: roster, courses: [CourseTerms(id: "c", validFor: ISODuration("P1Y"), dueWithinDays: 30)],
                                   asOf: Self.asOf)
        #expect(report.rows.map(\.employeeID) == ["2", "10", "99"])
        #expect(report.rows.map(\.status) == [.passed, .overdue, .failed])
        #expect(report.rows.map(\.onRoster) == [true, true, false])
        #expect(try #require(report.rows[safe: 0]).name == "Record Name")
        #expect(try #require(report.rows[safe: 1]).dueDate?.description == "2026-01-31")
        #expect(report.count(of: .overdue) == 1)
        #expect(report.departments.map(\.department) == ["IT", "Klantcontact", nil])
        #expect(report.departments.map(\.passed) == [0, 1, 0])
    }

    @Test("without a roster only learners in the records are reported, each course they took once")
    func withoutRoster() throws {
        let scan = Self.scan([
            Self.facts("1", .failed, "2026-01-01T10:00:00Z", percent: 50),
            Self.facts("1", .passed, "2026-01-02T10:00:00Z", percent: 85.45),
            Self.facts("1", .inProgress, "2026-01-03T10:00:00Z", course: "d"),
        ])
        let terms = HRReport.terms(for: ["c", "d"], given: [], bundled: { _ in nil }, recorded: scan.recordedTerms)
        let report = HRReport.make(scan: scan, roster: nil, courses: terms, asOf: Self.asOf)
        #expect(report.rows.map(\.course) == ["c", "d"])
        #expect(report.rows.map(\.status) == [.passed, .inProgress])
        let first = try #require(report.rows[safe: 0])
        #expect(first.attempts == 2 && first.bestPercent == 85.45)
        #expect(report.rows.allSatisfy { $0.onRoster == nil })
        #expect(report.departments.isEmpty)
        let term = try #require(terms[safe: 0])
        #expect(term.validFor == ISODuration("P1Y") && term.dueWithinDays == 30)
    }

    @Test("terms come from the given course first, then the bundled course, then the newest record")
    func termsPrecedence() throws {
        var scan = RecordScan()
        var old = Self.facts("1", .passed, "2025-01-01T10:00:00Z")
        old.validFor = ISODuration("P2Y")
        var new = Self.facts("2", .passed, "2026-01-01T10:00:00Z")
        new.validFor = ISODuration("P6M")
        scan.add(new, courses: nil, asOf: nil)
        scan.add(old, courses: nil, asOf: nil)
        let bundled = TestCourses.course([])
        #expect(HRReport.terms(for: ["c"], given: [], bundled: { _ in nil }, recorded: scan.recordedTerms).first?.validFor == ISODuration("P6M"))
        var given = TestCourses.course([])
        given.id = "c"
        given.validFor = ISODuration("P3Y")
        #expect(HRReport.terms(for: ["c"], given: [given], bundled: { _ in bundled }, recorded: scan.recordedTerms).first?.validFor == ISODuration("P3Y"))
        #expect(try #require(HRReport.terms(for: ["c"], given: [], bundled: { _ in bundled }, recorded: scan.recordedTerms).first).validFor == nil)
    }

    @Test("employee numbers sort by value")
    func employeeOrder() {
        let ids = ["1000", "abc", "900", "0950", "A1", "2"]
        #expect(ids.sorted(by: EmployeeOrder.precedes) == ["2", "900", "0950", "1000", "A1", "abc"])
        // Equal values by their text; numbers longer than 19 digits by their digits; zero itself;
        // every number before any other id, so that `12a` has one place (not before 9 and after 100).
        let edges = ["12", "12a", "100000000000000000000", "012", "0", "99999999999999999999", "00", "9999999999999999999", "9"]
        #expect(edges.sorted(by: EmployeeOrder.precedes)
                == ["0", "00", "9", "012", "12", "9999999999999999999", "99999999999999999999", "100000000000000000000", "12a"])
        #expect(EmployeeOrder.precedes("9", "12a") && !EmployeeOrder.precedes("12a", "100"))
        // The precomputed keys order a report's rows as the plain comparison does.
        let keyed = (ids + edges).map(EmployeeOrder.Key.init).sorted(by: EmployeeOrder.precedes).map(\.text)
        #expect(keyed == (ids + edges).sorted(by: EmployeeOrder.precedes))
    }

    static func sampleReport() -> HRReport {
        let row = ReportRow(employeeID: "7", name: "=HYPERLINK(\"x\")", department: "Team \"Noord\"; Zuid", course: "c",
                            status: .passed, bestPercent: 85.45, attempts: 2, lastActivity: CalendarDay("2026-01-02"),
                            passedAt: CalendarDay("2026-01-02"), expiresAt: CalendarDay("2027-01-02"), dueDate: nil, onRoster: false,
                            email: "@jan;jansen@example.org", acknowledgedAt: CalendarDay("2026-01-03"))
        return HRReport(asOf: asOf, rows: [row], hasRoster: true, departments: [], hasEmails: true)
    }

    @Test("CSV follows RFC 4180, neutralises formulas, and with ';' starts with a byte order mark for Excel")
    func csv() throws {
        let comma = ReportFormat.csv(Self.sampleReport())
        #expect(comma == """
        employee_id,name,department,course,status,best_percent,attempts,last_activity,passed_at,expires_at,due_date,acknowledged_at,email,on_roster\r
        7,"'=HYPERLINK(""x"")","Team ""Noord""; Zuid",c,passed,85.5,2,2026-01-02,2026-01-02,2027-01-02,,2026-01-03,'@jan;jansen@example.org,no\r\n
        """)
        let semicolon = ReportFormat.csv(Self.sampleReport(), delimiter: ";")
        #expect(semicolon.hasPrefix("\u{FEFF}employee_id;name;"))
        #expect(semicolon.contains(";\"Team \"\"Noord\"\"; Zuid\";"))
        // Read back with the roster's own CSV reader: same fields.
        let rows = CSV.rows(semicolon, delimiter: ";")
        let second = try #require(rows.count == 2 ? rows.last : nil)
        #expect(second.fields[safe: 2] == "Team \"Noord\"; Zuid" && second.fields.count == 14)
    }

    @Test("the spreadsheet form (';') writes decimal commas and employee numbers that start with a digit as =\"…\"")
    func spreadsheetCSV() throws {
        var report = Self.sampleReport()
        report.rows[0].employeeID = "012345"
        var other = report.rows[0]
        other.employeeID = "A-7"
        report.rows.append(other)
        let text = ReportFormat.csv(report, delimiter: ";")
        let rows = CSV.rows(text, delimiter: ";")
        #expect(rows.map { $0.fields[0] } == ["employee_id", "=\"012345\"", "A-7"])
        #expect(rows.dropFirst().allSatisfy { $0.fields[5] == "85,5" })
        #expect(text.contains("\r\n\"=\"\"012345\"\"\";"), "quoted as RFC 4180 says")
        // The standard form is untouched.
        #expect(CSV.rows(ReportFormat.csv(report), delimiter: ",").dropFirst().map { "\($0.fields[0]) \($0.fields[5])" } == ["012345 85.5", "A-7 85.5"])
    }

    @Test("only employee numbers of safe characters that start with a digit are wrapped", arguments: [
        ("012345", "=\"012345\""), ("1-6", "=\"1-6\""), ("12345678901234567890", "=\"12345678901234567890\""),
        ("A12", "A12"), ("", ""), ("1\"2", "1\"2"), ("1 2", "1 2"), ("=1", "=1"),
    ])
    func keptAsText(id: String, expected: String) {
        #expect(CSVStyle.keptAsText(id) == expected)
    }

    @Test("the CSV's words come from its style: headers, statuses and yes/no")
    func csvWords() throws {
        let style = CSVStyle(delimiter: ";", spreadsheet: true, header: { $0.uppercased() }, status: { "S-\($0.rawValue)" }, yes: "Y", no: "N")
        let rows = CSV.rows(ReportFormat.csv(Self.sampleReport(), style: style), delimiter: ";")
        #expect(rows.first?.fields.first == "EMPLOYEE_ID")
        #expect(rows.last?.fields[4] == "S-passed" && rows.last?.fields.last == "N")
    }

    @Test("--status expiring keeps passes that expire within 30 days of the report's day, up to and including the last day")
    func expiringFilter() throws {
        func row(_ id: String, _ status: ReportStatus, expires: String?) -> ReportRow {
            ReportRow(employeeID: id, name: "", department: "", course: "c", status: status, bestPercent: nil, attempts: 1,
                      lastActivity: nil, passedAt: nil, expiresAt: expires.flatMap { CalendarDay($0) }, dueDate: nil, onRoster: true)
        }
        let report = HRReport(asOf: Self.asOf, rows: [row("1", .passed, expires: "2026-03-01"), row("2", .passed, expires: "2026-03-31"),
                                                      row("3", .passed, expires: "2026-04-01"), row("4", .expired, expires: "2026-02-28"),
                                                      row("5", .passed, expires: nil)],
                              hasRoster: true, departments: [])
        #expect(report.filtered(statuses: [], departments: [], expiring: true).rows.map(\.employeeID) == ["1", "2"])
        #expect(report.filtered(statuses: [.expired], departments: [], expiring: true).rows.map(\.employeeID) == ["1", "2", "4"])
        #expect(report.filtered(statuses: [.expired], departments: []).rows.map(\.employeeID) == ["4"])
        #expect(report.expired.map(\.employeeID) == ["4"])
    }

    @Test("a record dated after the moment of reading is untrusted, counted as not passed, and counted as future-dated")
    func futureDatedRecord() throws {
        var scan = RecordScan()
        var facts = Self.facts("1", .passed, "2099-01-01T10:00:00Z", percent: 90)
        facts.distrust = RecordTrust.futureTime(in: try JSONParser.parse(Array(#"{"finishedAt":"2099-01-01T10:00:00Z"}"#.utf8)),
                                                now: Self.seconds("2026-03-01T10:00:00Z"))
        let reason = try #require(facts.distrust)
        #expect(RecordTrust.isFutureDated(reason))
        #expect(!RecordTrust.isFutureDated("status is 'passed' but the overall score is below 80%"))
        scan.untrusted = [FileProblem(path: "c/1/x.json", reason: reason), FileProblem(path: "c/2/y.json", reason: "not signed")]
        var report = HRReport.make(scan: scan, roster: nil, courses: [CourseTerms(id: "c")], asOf: Self.asOf)
        report.suspectRecords = scan.untrusted
        #expect(report.untrusted == 2 && report.futureDated == 1)
    }

    @Test("JSON output is an array of objects with the CSV's keys; empty values are null")
    func json() throws {
        let text = ReportFormat.json(Self.sampleReport())
        let root = try JSONParser.parse(Array(text.utf8))
        let object = try #require(root.elements?.first)
        #expect(object.members?.map(\.key) == ReportColumns.standard + ["acknowledged_at", "email", "on_roster"])
        #expect(object["acknowledged_at"]?.string == "2026-01-03" && object["email"]?.string == "@jan;jansen@example.org")
        #expect(object["name"]?.string == "=HYPERLINK(\"x\")")
        #expect(object["best_percent"].map { if case .number(let literal) = $0.value { literal } else { "" } } == "85.5")
        #expect(object["due_date"].map { if case .null = $0.value { true } else { false } } == true)
        #expect(ReportFormat.json(HRReport(asOf: Self.asOf, rows: [], hasRoster: false, departments: [])) == "[]\n")
    }

    @Test("percentages have one decimal with a point", arguments: [(85.45, "85.5"), (100, "100.0"), (0, "0.0"), (33.333, "33.3")])
    func percentText(value: Double, expected: String) {
        #expect(ReportColumns.percentText(value) == expected)
    }
}
