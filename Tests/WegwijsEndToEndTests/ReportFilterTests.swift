import Foundation
import Testing
import WegwijsCore

/// HR's everyday questions: `--status` and `--department` filters, the `email` column for a
/// mail merge, and `acknowledged_at`.
@Suite("wegwijs report filters and added columns, end to end")
struct ReportFilterTests {
    let course = Wegwijs.fixture("branching.json")
    static let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))

    /// 101 passed (and acknowledged), 102 failed, 104 in progress; roster of five in two departments.
    func setUp() throws -> (folder: URL, records: URL, roster: URL) {
        let folder = try Wegwijs.temporaryFolder("wegwijs-filter")
        let records = folder.appendingPathComponent("records")
        for (learner, input) in [("101", "a\na c\na\n"), ("102", "b\na\nb\n"), ("104", "a\nstop\n")] {
            let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: input)
            #expect([0, 2, 3].contains(result.status), "\(result.stderr)")
        }
        // The learner confirmed the acknowledgement at the end of the passed attempt.
        let passed = records.appendingPathComponent("test-branching/101")
        let file = try #require(Wegwijs.files(under: passed).first)
        let url = passed.appendingPathComponent(file)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["acknowledgedAt"] = object["finishedAt"]
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let roster = folder.appendingPathComponent("roster.csv")
        try Data("""
        employee_id,name,email,department,start_date
        101,Piet,piet@example.org,Klantcontact,2000-01-05
        102,Jan,jan@example.org,Klantcontact,2000-01-05
        103,Anna,anna@example.org,IT,2000-01-05
        104,Bram,bram@example.org,IT,2099-01-01
        105,Cor,,IT,2099-01-01

        """.utf8).write(to: roster)
        return (folder, records, roster)
    }

    func csv(_ arguments: [String], _ setup: (folder: URL, records: URL, roster: URL)) throws -> (header: [String], rows: [[String]]) {
        let result = try Wegwijs.run(["report", setup.records.path, "--roster", setup.roster.path, "--format", "csv",
                                      "--as-of", Self.today] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSV.rows(result.stdout, delimiter: ",").map(\.fields)
        return (rows.first ?? [], Array(rows.dropFirst()))
    }

    @Test("--status keeps only those statuses, comma-separated or repeated; the CSV has e-mail for a mail merge")
    func statusFilter() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let all = try csv([], setup)
        #expect(all.header == ReportColumns.standard + ["acknowledged_at", "email", "on_roster"])
        #expect(all.rows.count == 5)
        let comma = try csv(["--status", "overdue,not-started"], setup)
        let repeated = try csv(["--status", "overdue", "--status", "not-started"], setup)
        #expect(comma.rows == repeated.rows)
        let email = try #require(comma.header.firstIndex(of: "email"))
        #expect(comma.rows.map { "\($0[0]) \($0[4]) \($0[email])" } == ["102 overdue jan@example.org", "103 overdue anna@example.org", "105 not-started "])
    }

    @Test("--status expiring keeps passes that expire within 30 days, --status expired the expired ones, in the CSV and on the page")
    func expiringAndExpired() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let today = try #require(CalendarDay(Self.today))
        func report(_ arguments: [String], asOf days: Int) throws -> [String] {
            let result = try Wegwijs.run(["report", setup.records.path, "--roster", setup.roster.path, "--format", "csv",
                                          "--as-of", today.adding(days: days).description] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return CSV.rows(result.stdout, delimiter: ",").dropFirst().map { "\($0.fields[0]) \($0.fields[4])" }
        }
        // 101 passed today; the course's validFor is a year.
        #expect(try report(["--status", "expiring"], asOf: 300) == [])
        #expect(try report(["--status", "expiring"], asOf: 340) == ["101 passed"])
        #expect(try report(["--status", "expiring"], asOf: 365) == ["101 passed"], "the last day the pass counts")
        #expect(try report(["--status", "expiring"], asOf: 366) == [])
        #expect(try report(["--status", "expired"], asOf: 366) == ["101 expired"])
        #expect(try report(["--status", "expiring,overdue"], asOf: 340) == ["101 passed", "102 overdue", "103 overdue"])
        let page = try Wegwijs.run(["report", setup.records.path, "--roster", setup.roster.path, "--format", "html",
                                    "--as-of", today.adding(days: 340).description, "--status", "expiring"])
        let rows = page.stdout.matches(of: /<tr( data-expiring="")?><td>(\d+)<\/td>/).map { String($0.output.2) }
        #expect(rows == ["101", "101"], "the expiring list and the full table hold 101 only")
    }

    @Test("--department keeps one department (any case), and combines with --status")
    func departmentFilter() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let it = try csv(["--department", "it"], setup)
        #expect(it.rows.map { $0[0] } == ["103", "104", "105"])
        let both = try csv(["--department", "IT,Klantcontact", "--status", "in-progress,passed"], setup)
        #expect(both.rows.map { "\($0[0]) \($0[4])" } == ["101 passed", "104 in-progress"])
    }

    @Test("acknowledged_at is the day a passed attempt confirmed the acknowledgement, in CSV, JSON and the table")
    func acknowledgedAt() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let report = try csv([], setup)
        let column = try #require(report.header.firstIndex(of: "acknowledged_at"))
        #expect(report.rows.map { $0[column] } == [Self.today, "", "", "", ""])
        let json = try Wegwijs.run(["report", setup.records.path, "--format", "json"])
        let rows = try #require(try JSONParser.parse(Array(json.stdout.utf8)).elements)
        #expect(rows.map { $0["acknowledged_at"]?.string } == [Self.today, nil, nil])
        let table = try Wegwijs.run(["report", setup.records.path, "--plain"])
        #expect(table.stdout.split(separator: "\n").first?.contains("acknowledged_at") == true)
    }

    @Test("an unknown status or department is a usage error that names the known ones", arguments: [
        (["--status", "overdue,gone"], "--status 'gone' is not a status"),
        (["--status", "passd"], "did you mean 'passed'?"),
        (["--department", "Klantcontact,Finance"], "--department 'Finance' is not a department on the roster (it has: Klantcontact, IT)"),
    ])
    func unknownValues(arguments: [String], message: String) throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let result = try Wegwijs.run(["report", setup.records.path, "--roster", setup.roster.path] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("--department without a roster department column is a usage error")
    func departmentWithoutRoster() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let result = try Wegwijs.run(["report", setup.records.path, "--department", "IT"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--department needs a roster with a department column"))
    }
}
