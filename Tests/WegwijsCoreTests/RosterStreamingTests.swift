import Foundation
import Testing
@testable import WegwijsCore
#if canImport(Glibc)
import Glibc
#endif

/// The roster is read as it arrives: whatever the chunk sizes, the same rows come out, and a
/// file is read to its real end (a pipe returns short reads long before it ends).
@Suite("Reading a roster in chunks")
struct RosterStreamingTests {
    /// Every rule of the CSV reader at once: a byte order mark, CRLF and a lone CR, quoted
    /// delimiters, doubled quotes, a quoted CRLF, a blank line, non-ASCII text, a broken quote.
    static let awkward = "\u{FEFF}personeelsnummer;naam;afdeling;startdatum\r\n"
        + "012345;\"Jansen; Piet\";Klantcontact;1-6-2026\r\n"
        + "\r\n"
        + "2;\"Zeg \"\"hoi\"\"\";\"Twee\r\nregels\";2026-01-02\r"
        + "3;Bäcker;Financiën;02-01-2026\n"
        + "4;\"kapot;IT;2026-01-01\n"
        + "5;Smit;HR;2026-01-03"

    static func rows(_ roster: Roster) -> [String] {
        roster.entries.map { "\($0.line) \($0.employeeID) \($0.name) \($0.department) \($0.startDate?.description ?? "-")" }
    }

    @Test("chunks of any size give the rows, lines and problems of the whole text", arguments: [1, 2, 3, 5, 7, 64])
    func chunkSizes(size: Int) throws {
        let whole = try Roster.parse(Self.awkward)
        #expect(Self.rows(whole) == ["2 012345 Jansen; Piet Klantcontact 2026-06-01",
                                     "4 2 Zeg \"hoi\" Twee\r\nregels 2026-01-02",
                                     "6 3 Bäcker Financiën 2026-01-02",
                                     "8 5 Smit HR 2026-01-03"])
        #expect(whole.problems.map(\.line) == [7])
        #expect(whole.delimiter == ";")
        let bytes = Array(Self.awkward.utf8)
        var reading = RosterReading()
        var start = 0
        while start < bytes.count {
            try reading.feed(bytes[start..<min(start + size, bytes.count)])
            start += size
        }
        let chunked = try reading.finish()
        #expect(Self.rows(chunked) == Self.rows(whole))
        #expect(chunked.problems == whole.problems)
        #expect(chunked.delimiter == ";" && chunked.hasDepartments)
    }

    @Test("a byte that is not UTF-8 is named by its place in the file, in whichever chunk it comes")
    func notUTF8() {
        var bytes = Array("\u{FEFF}id;naam\n1;Jan\n2;Ren".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        for size in [1, 4, 100] {
            var reading = RosterReading()
            #expect(throws: Roster.Failure(message: "the roster is not UTF-8 text (byte \(bytes.count - 1)); save it as \"CSV UTF-8\"")) {
                var start = 0
                while start < bytes.count {
                    try reading.feed(bytes[start..<min(start + size, bytes.count)])
                    start += size
                }
                _ = try reading.finish()
            }
        }
    }

    @Test("only a header, or nothing at all")
    func edges() throws {
        #expect(try Roster.parse("employee_id\n").entries.isEmpty)
        #expect(try Roster.parse("\u{FEFF}id").entries.isEmpty)
        #expect(throws: Roster.Failure(message: "the roster is empty; it needs a header row")) { try Roster.parse("\u{FEFF}") }
    }

    @Test("a roster from a pipe is read to its end, not to its first short read (20,000 rows x 40 columns)")
    func fromPipe() throws {
        let columns = ["personeelsnummer", "naam"] + (3...40).map { "kolom\($0)" }
        var text = columns.joined(separator: ";") + "\n"
        for number in 0..<20_000 {
            text += "\(100_000 + number);Medewerker \(number)" + String(repeating: ";waarde", count: 38) + "\n"
        }
        var ends: [Int32] = [0, 0]
        #expect(Glibc.pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let bytes = Array(text.utf8)
        let writer = Thread {
            var sent = 0
            while sent < bytes.count {
                // Small writes, so that the reader sees many short reads.
                let count = bytes[sent..<min(sent + 1000, bytes.count)].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                sent += count
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        let roster = try Roster.read(path: "/dev/fd/\(readEnd)")
        #expect(roster.entries.count == 20_000)
        #expect(roster.entries.last?.employeeID == "119999" && roster.entries.last?.line == 20_001)
        #expect(roster.problems.isEmpty)
    }

    @Test("a folder or a missing file is a file problem naming it")
    func files() {
        #expect(throws: FileProblem(path: "/", reason: "is a folder, not a roster")) { try Roster.read(path: "/") }
        #expect(throws: FileProblem.self) { try Roster.read(path: "/nonexistent/roster.csv") }
    }
}
