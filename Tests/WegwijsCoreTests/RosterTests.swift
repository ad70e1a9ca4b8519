import TestSupport
import Testing
@testable import WegwijsCore

@Suite("Reading a roster")
struct RosterTests {
    @Test("English headers with commas")
    func englishComma() throws {
        let roster = try Roster.parse("employee_id,name,email,department,start_date\n123,Jan Jansen,jan@example.org,IT,2026-09-01\n")
        #expect(roster.delimiter == ",")
        #expect(roster.entries == [Roster.Entry(employeeID: "123", name: "Jan Jansen", email: "jan@example.org", department: "IT",
                                                startDate: CalendarDay("2026-09-01"), line: 2)])
        #expect(roster.problems.isEmpty && roster.hasDepartments)
    }

    @Test("Dutch headers with semicolons, in any case and order, with a byte order mark and CRLF")
    func dutchSemicolonBOM() throws {
        let text = "\u{FEFF}Naam;PERSONEELSNUMMER;Startdatum;Afdeling\r\nPiet de Vries;00123;2026-10-01;Klantcontact\r\n"
        let roster = try Roster.parse(bytes: Array(text.utf8))
        #expect(roster.delimiter == ";")
        let entry = try #require(roster.entries.first)
        #expect(entry.employeeID == "00123" && entry.name == "Piet de Vries" && entry.department == "Klantcontact")
        #expect(entry.startDate == CalendarDay("2026-10-01"))
    }

    @Test("quoted fields keep delimiters, doubled quotes and line breaks; line numbers count physical lines")
    func quotedFields() throws {
        let text = "id;naam;afdeling\n1;\"Vries; Piet de\";\"Team \"\"Noord\"\"\"\n2;\"Jansen,\nJan\";IT\n;zonder nummer;IT\n"
        let roster = try Roster.parse(text)
        #expect(roster.entries.map(\.name) == ["Vries; Piet de", "Jansen,\nJan"])
        #expect(roster.entries.map(\.department) == ["Team \"Noord\"", "IT"])
        #expect(roster.entries.map(\.line) == [2, 3])
        #expect(roster.problems == [Roster.Problem(line: 5, message: "no employee id; row skipped")])
    }

    @Test("the delimiter is the one the header uses outside quotes", arguments: [
        ("id,naam", Character(",")), ("id;naam", ";"), ("\"a,b\";id;naam", ";"), ("id", ","), ("\"x;y\",id", ","),
    ])
    func delimiterDetection(header: String, expected: Character) {
        #expect(CSV.detectDelimiter(header + "\n1,2;3\n") == expected)
    }

    @Test("rows with a missing id or a bad date are reported with their line number")
    func badRows() throws {
        let text = "employee_id,name,start_date\n1,A,2026-01-01\n,B,2026-01-01\n3,C,2026/02/01\n\n4,D,2026-02-30\n1,Dubbel,2026-01-01\n"
        let roster = try Roster.parse(text)
        #expect(roster.entries.map(\.employeeID) == ["1", "3", "4"])
        #expect(roster.entries.map(\.startDate) == [CalendarDay("2026-01-01"), nil, nil])
        #expect(roster.problems.map(\.line) == [3, 4, 6, 7])
        #expect(try #require(roster.problems[safe: 1]).message.contains("'2026/02/01'"))
        #expect(try #require(roster.problems[safe: 3]).message.contains("already on line 2"))
    }

    @Test("start dates as Dutch Excel writes them (1-6-2026, 01-06-2026, 1/6/2026) and ISO; impossible days are unreadable and counted")
    func dutchDates() throws {
        let text = "id;startdatum\n1;1-6-2026\n2;01-06-2026\n3;2026-06-01\n4;1/6/2026\n5;31-2-2026\n6;6-2026\n7;1-6-26\n8;\n"
        let roster = try Roster.parse(text)
        let june = CalendarDay("2026-06-01")
        #expect(roster.entries.map(\.startDate) == [june, june, june, june, nil, nil, nil, nil])
        #expect(roster.unreadableStartDates == 3)
        let notice = RosterNotice(roster)
        #expect(notice.datedRows == 7 && !notice.mostDatesUnreadable)
        #expect(RosterNotice(try Roster.parse("id;startdatum\n1;x\n2;y\n3;2026-01-01\n")).mostDatesUnreadable)
        #expect(!RosterNotice(try Roster.parse("id;startdatum\n1;x\n3;2026-01-01\n")).mostDatesUnreadable)
    }

    @Test("an employee number with no records that matches a record only without leading zeros is a likely match")
    func leadingZeros() throws {
        let roster = try Roster.parse("id\n012345\n00777\n500\n0600\n")
        let matches = roster.likelyMatches(recordedLearners: ["12345", "500", "0500", "778", "600"])
        // 500 has records of its own, so 0500 is not taken for it.
        #expect(matches.map { "\($0.entry.employeeID)=\($0.learner)" } == ["012345=12345", "0600=600"])
    }

    @Test("employed(on:) leaves out those who start after the day")
    func employed() throws {
        let roster = try Roster.parse("id,start_date\n1,2026-01-01\n2,2026-01-02\n3,\n")
        let (kept, leftOut) = roster.employed(on: try #require(CalendarDay("2026-01-01")))
        #expect(kept.entries.map(\.employeeID) == ["1", "3"] && leftOut == 1)
    }

    @Test("a roster without an id column, an empty one or one that is not UTF-8 cannot be used")
    func unusable() {
        #expect(throws: Roster.Failure.self) { try Roster.parse("naam;afdeling\nJan;IT\n") }
        #expect(throws: Roster.Failure.self) { try Roster.parse("") }
        #expect(throws: Roster.Failure.self) { try Roster.parse(bytes: [0x69, 0x64, 0x0A, 0x4A, 0xE9, 0x0A]) }
    }

    @Test("short rows leave the missing columns empty and white space around values is trimmed")
    func shortRows() throws {
        let roster = try Roster.parse("id,name,department\n 7 \n8, Ann ,\n")
        #expect(roster.entries.map(\.employeeID) == ["7", "8"])
        #expect(roster.entries.map(\.name) == ["", "Ann"])
        #expect(roster.problems.isEmpty)
    }

    @Test("a roster without a department column has no departments")
    func noDepartments() throws {
        #expect(try Roster.parse("id,name\n1,A\n").hasDepartments == false)
    }
}
