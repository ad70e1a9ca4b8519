import Foundation
import Testing
import WegwijsCore

/// `report` with rosters as Dutch Excel and HR systems write them (docs/hr.md, Roster).
@Suite("report with an Excel roster, end to end")
struct ExcelRosterTests {
    let course = Wegwijs.fixture("branching.json")

    /// A records folder with a pass for 12345 (made today).
    func records() throws -> URL {
        let records = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(["run", course, "--learner", "12345", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 0, "\(result.stderr)")
        return records
    }

    func write(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("roster.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Dutch Excel dates count as due dates; the unreadable ones are on the page and under the table, with a warning at the top when most are")
    func dutchDatesOnThePage() throws {
        let records = try records()
        let roster = try write("personeelsnummer;naam;startdatum\n100;A;1-6-2000\n101;B;01-06-2000\n102;C;juni 2000\n", in: records)
        let page = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "html", "--lang", "nl"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("data-status=\"overdue\" data-count=\"2\""))
        #expect(page.stdout.contains("id=\"roster-problems\" data-count=\"1\" data-unreadable-dates=\"1\""))
        #expect(page.stdout.contains("regel 4: start date &#39;juni 2000&#39;") || page.stdout.contains("regel 4: start date &apos;juni 2000&apos;"), "\(page.stdout.suffix(2000))")
        #expect(!page.stdout.contains("id=\"roster-warning\""))
        #expect(page.stderr.contains("\(roster): 1 of 3 start dates cannot be read"))
        let table = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--plain"])
        #expect(table.stdout.contains("Roster: 1 of 3 start dates cannot be read; 1 row with a problem\n  line 4: start date 'juni 2000'"))

        let mostly = try write("id;startdatum\n100;1 juni 2000\n101;2 juni 2000\n102;1-6-2000\n", in: records)
        let warned = try Wegwijs.run(["report", records.path, "--roster", mostly, "--course", course, "--format", "html"])
        #expect(warned.stdout.contains("id=\"roster-warning\""))
        #expect(warned.stdout.contains("2 of 3 start dates on the roster cannot be read"))
        #expect(warned.stderr.contains("MOST start dates cannot be read"))
        let warnedTable = try Wegwijs.run(["report", records.path, "--roster", mostly, "--course", course, "--plain"])
        #expect(warnedTable.stdout.contains("WARNING: most start dates on the roster cannot be read"))
    }

    @Test("012345 on the roster and 12345 in the records: reported as a likely match")
    func leadingZeros() throws {
        let records = try records()
        let roster = try write("personeelsnummer;naam\n012345;Dirk Schouten\n", in: records)
        let result = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(roster):2: employee '012345' has no records, but '12345' in the records is not on the roster: likely the same person"))
    }

    @Test("the likely match is on the page and under the table too")
    func leadingZerosOnThePage() throws {
        let records = try records()
        let roster = try write("personeelsnummer;naam\n012345;Dirk Schouten\n", in: records)
        let page = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "html", "--lang", "nl"])
        #expect(page.stdout.contains("<ul id=\"likely-matches\" data-count=\"1\">\n<li>regel 2: 012345 heeft geen records, maar 12345 in de records staat niet op de lijst"))
        let table = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--plain"])
        #expect(table.stdout.contains("line 2: 012345 has no records, but 12345 in the records is not on the roster: likely the same person"))
    }

    @Test("a pass dated in the future is not a pass: counted and listed as not believed on stderr, under the table and on the page")
    func futureDatedPass() throws {
        let records = try records()
        let learner = records.appendingPathComponent("test-branching/12345")
        let file = learner.appendingPathComponent(try #require(Wegwijs.files(under: learner).first))
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacing(/"finishedAt" *: *"[^"]+"/, with: "\"finishedAt\": \"2099-01-01T10:00:00Z\"").utf8).write(to: file)
        let csv = try Wegwijs.run(["report", records.path, "--course", course, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("\r\n12345,,,test-branching,failed,,1,") || csv.stdout.contains("\r\n12345,,,test-branching,in-progress,,1,"),
                "not passed: \(csv.stdout)")
        #expect(csv.stderr.contains("untrusted, counted as not passed: dated in the future: finishedAt is 2099-01-01T10:00:00Z"))
        #expect(csv.stderr.contains("1 untrusted record counted as not passed, 1 of them dated after the moment of the report"))
        let table = try Wegwijs.run(["report", records.path, "--course", course, "--plain"])
        #expect(table.stdout.contains("Not believed: 1 record counted as not passed, 1 dated after the moment of the report\n  \(file.path): dated in the future"),
                "\(table.stdout)")
        let page = try Wegwijs.run(["report", records.path, "--course", course, "--format", "html"])
        #expect(page.stdout.contains("id=\"suspect-records\" data-count=\"1\" data-future=\"1\""))
        #expect(page.stdout.contains("<td class=\"path\">\(file.path)</td><td>dated in the future: finishedAt is 2099-01-01T10:00:00Z"))
        #expect(page.stdout.contains("data-status=\"passed\" data-count=\"0\""))
        // The learner's row says how many of their records were not believed.
        #expect(page.stdout.contains(#"<th scope="col" data-key="untrusted_records" data-type="num" class="n">Not believed</th>"#), "\(page.stdout)")
        #expect(csv.stdout.contains(",untrusted_records\r\n") && csv.stdout.contains(",1\r\n"), "\(csv.stdout)")
        // One record is one record, in both languages.
        #expect(page.stdout.contains("1 record cannot be believed (it did not agree with itself or its signature, or is dated in the future) and counts as not passed"))
        #expect(page.stdout.contains("1 record counts as not passed; 1 of them are dated"))
        let dutch = try Wegwijs.run(["report", records.path, "--course", course, "--format", "html", "--lang", "nl"])
        #expect(dutch.stdout.contains("1 record is niet te vertrouwen (het klopte niet met zichzelf of zijn handtekening"))
        #expect(dutch.stdout.contains("1 record telt als niet geslaagd;"))
    }

    @Test("a past --as-of leaves out employees who started after it; today keeps the coming hires")
    func asOfLeavesOutLaterStarters() throws {
        let records = try records()
        let roster = try write("id,start_date\n1,2020-01-01\n2,2020-06-01\n3,2099-01-01\n", in: records)
        let past = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "csv", "--as-of", "2020-03-01"])
        #expect(past.status == 0)
        let ids = past.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.prefix { $0 != "," } }
        #expect(ids == ["1", "12345"])  // 12345 is in the records, not on the roster
        #expect(past.stderr.contains("2 employees on the roster start after 2020-03-01 and are left out"))
        let now = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "csv"])
        #expect(now.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("12345,") }.count == 3)
    }

    @Test("a roster over 4 MB (30,000 employees, 20 columns) is read, not refused")
    func largeRoster() throws {
        let records = try records()
        var text = "id,name,start_date" + (1...17).map { ",extra\($0)" }.joined() + "\n"
        let filler = (1...17).map { _ in ",Klantcontact Utrecht" }.joined()
        for id in 1...30_000 { text += "\(id),Medewerker \(id),1-6-2026\(filler)\n" }
        #expect(text.utf8.count > 8 << 20)
        let roster = try write(text, in: records)
        let result = try Wegwijs.run(["report", records.path, "--roster", roster, "--course", course, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout.contains("\"30000\""))
    }
}
