import Foundation
import Testing
import WegwijsCore

@Suite("wegwijs report, end to end")
struct ReportEndToEndTests {
    let course = Wegwijs.fixture("branching.json")

    /// A records folder with a pass for 123, a failure for 124 and one for 777 (not on the roster).
    func records() throws -> URL {
        let records = try Wegwijs.temporaryFolder()
        for (learner, answers) in [("123", "a\na c\na\n"), ("124", "b\na\nb\n"), ("777", "b\na\nb\n")] {
            let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: answers)
            #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        }
        return records
    }

    @Test("CSV against a Dutch roster: every employee, statuses, bad roster rows and corrupt files on stderr, exit 0")
    func csvAgainstRoster() throws {
        let records = try records()
        let folder = records.appendingPathComponent("test-branching/124")
        try Data("{\"format\": \"wegwijs.record/1\",".utf8).write(to: folder.appendingPathComponent("20260101T000000Z-deadbeef.json"))
        try Data("{\"hello\": 1}".utf8).write(to: records.appendingPathComponent("settings.json"))
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let result = try Wegwijs.run(["report", records.path, "--roster", Wegwijs.fixture("hr/roster-nl.csv"),
                                      "--format", "csv", "--delimiter", ";", "--as-of", today])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "\u{FEFF}employee_id;name;department;course;status;best_percent;attempts;last_activity;passed_at;expires_at;due_date;acknowledged_at;on_roster")
        // The spreadsheet form: employee numbers as ="123" (text for Excel), decimal commas.
        let rows = Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line in
            (String(line.prefix { $0 != ";" }).replacingOccurrences(of: "\"=\"\"", with: "").replacingOccurrences(of: "\"\"\"", with: ""), line)
        })
        #expect(rows.keys.sorted() == ["123", "124", "125", "126", "777"])
        #expect(rows["123"]?.hasPrefix("\"=\"\"123\"\"\";\"Vries; Piet de\";Klantcontact;test-branching;passed;100,0;1;\(today);\(today);") == true)
        #expect(rows["124"]?.contains(";overdue;") == true)
        #expect(rows["125"]?.hasPrefix("\"=\"\"125\"\"\";\"Anna \"\"An\"\" Bakker\";IT;test-branching;not-started;;0;") == true)
        #expect(rows["125"]?.hasSuffix(";2099-01-31;;yes") == true)
        // '05-01-2026' is a Dutch Excel date: 5 January 2026, due 30 days later, so overdue now.
        #expect(rows["126"]?.contains(";overdue;") == true && rows["126"]?.contains(";2026-02-04;") == true)
        #expect(rows["777"]?.contains(";failed;") == true && rows["777"]?.hasSuffix(";no") == true)
        let roster = Wegwijs.fixture("hr/roster-nl.csv")
        #expect(result.stderr.contains("\(roster):5: no employee id"))
        #expect(!result.stderr.contains("\(roster):6: start date"))
        #expect(result.stderr.contains("20260101T000000Z-deadbeef.json:1:"))
        #expect(result.stderr.contains("settings.json: skipped: not a completion record"))
    }

    @Test("the table aligns columns, counts every status and summarises departments")
    func table() throws {
        let records = try records()
        let result = try Wegwijs.run(["report", records.path, "--roster", Wegwijs.fixture("hr/roster-nl.csv"), "--plain"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("employee_id  name"))
        let statusColumn = try #require(header.range(of: "status")).lowerBound.utf16Offset(in: header)
        for line in lines.dropFirst().prefix(5) {
            #expect(line.count > statusColumn)
        }
        #expect(result.stdout.contains("passed 1, expired 0, failed 1, in-progress 0, not-started 1, overdue 2 (5 rows)"))
        #expect(result.stdout.contains("Per department, test-branching:"))
        #expect(result.stdout.contains("Klantcontact"))
        #expect(result.stdout.contains("(not on the roster)"))
        #expect(!result.stdout.contains("█"))
    }

    @Test("JSON to a file with --output, limited with --course; the file holds the report and stdout nothing")
    func jsonToFile() throws {
        let records = try records()
        let output = records.appendingPathComponent("report.json")
        let result = try Wegwijs.run(["report", records.path, "--course", course, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let root = try JSONParser.parse(Array(try Data(contentsOf: output)))
        #expect(root.elements?.count == 3)
        #expect(root.elements?.first?["employee_id"]?.string == "123")
        #expect(root.elements?.first?["status"]?.string == "passed")
    }

    @Test("usage and I/O errors have their exit codes", arguments: [
        (["report", "/nonexistent/records"], 74),
        (["report", "RECORDS", "--as-of", "2026-02-30"], 64),
        (["report", "RECORDS", "--delimiter", "|"], 64),
        (["report", "RECORDS", "--format", "xml"], 64),
        (["report", "RECORDS", "--roster", "/nonexistent/roster.csv"], 74),
    ] as [([String], Int32)])
    func exitCodes(arguments: [String], expected: Int32) throws {
        let records = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(arguments.map { $0 == "RECORDS" ? records.path : $0 })
        #expect(result.status == expected, "\(result.stderr)")
    }

    @Test("a roster without an id column is invalid data")
    func rosterWithoutIDs() throws {
        let records = try Wegwijs.temporaryFolder()
        let roster = records.appendingPathComponent("roster.csv")
        try Data("naam,afdeling\nJan,IT\n".utf8).write(to: roster)
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no employee id column"))
    }
}

extension ReportEndToEndTests {
    @Test("a learner name from a record cannot send escape sequences to HR's terminal")
    func nameInjection() throws {
        let records = try Wegwijs.temporaryFolder()
        let name = "Jan\u{1B}]0;owned\u{07}\u{1B}[2J Jansen"
        // The runner refuses such a name; a record can still be edited by hand.
        let refused = try Wegwijs.run(["run", course, "--learner", "55", "--name", name, "--records", records.path], input: "a\n")
        #expect(refused.status == 64)
        let run = try Wegwijs.run(["run", course, "--learner", "55", "--name", "Jan Jansen", "--records", records.path], input: "a\na c\na\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = try #require(Wegwijs.files(under: records).first)
        let path = records.appendingPathComponent(file)
        let edited = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "\"Jan Jansen\"", with: "\"Jan\\u001b]0;owned\\u0007\\u001b[2J Jansen\"")
        try Data(edited.utf8).write(to: path)
        let result = try Wegwijs.run(["report", records.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Jan\\x1B]0;owned\\x07\\x1B[2J J"), "shown escaped (and cut to the column width)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let csv = try Wegwijs.run(["report", records.path, "--format", "csv"])
        #expect(csv.stdout.contains("Jan\\x1B]0;owned\\x07\\x1B[2J Jansen"))
        #expect(!csv.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
