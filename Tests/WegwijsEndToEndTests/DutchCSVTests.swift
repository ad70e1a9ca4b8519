import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import WegwijsCore

/// `report --lang nl --format csv` opened in a real LibreOffice Calc (Debian's
/// `libreoffice-calc`, headless) as a Dutch user opens it: `;` as separator, UTF-8, the nl-NL
/// locale; converted to a flat ODS file whose cells are read back with their types. Fails,
/// never skips, when LibreOffice cannot run.
@Suite("report's Dutch CSV in LibreOffice Calc (nl-NL), end to end", .serialized)
struct DutchCSVTests {
    let course = Wegwijs.fixture("branching.json")

    /// 012345 passed with 85.7 %, 12345 (not on the roster) with 100 %, 000777 failed; the
    /// roster has 012345 (a name with `;`) and 000777.
    func setUp() throws -> (folder: URL, records: URL, roster: URL) {
        let folder = try Wegwijs.temporaryFolder("wegwijs-dutch-csv")
        let records = folder.appendingPathComponent("records")
        for (learner, input) in [("012345", "b\na c\na\n"), ("12345", "a\na c\na\n"), ("000777", "b\na\nb\n")] {
            let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: input)
            #expect([0, 2].contains(result.status), "\(result.stderr)")
        }
        let roster = folder.appendingPathComponent("roster.csv")
        try Data("personeelsnummer;naam;afdeling;startdatum\n012345;\"Bakker; Chantal\";Klantcontact;2000-01-05\n000777;Jan Çelik;IT;2000-01-05\n".utf8)
            .write(to: roster)
        return (folder, records, roster)
    }

    /// One cell of a flat ODS sheet: its `office:value-type`, `office:value` (numbers) and text.
    struct Cell: Equatable, CustomStringConvertible {
        var type: String
        var value: String
        var text: String
        var description: String { "\(type):\(value):\(text)" }
    }

    /// The rows of the first sheet of a flat ODS file, repeated cells written out.
    final class SheetReader: NSObject, XMLParserDelegate {
        var rows: [[Cell]] = []
        private var row: [Cell]?
        private var cell: Cell?
        private var repeats = 1
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch qualifiedName ?? name {
            case "table:table-row": row = []
            case "table:table-cell", "table:covered-table-cell":
                cell = Cell(type: attributes["office:value-type"] ?? "", value: attributes["office:value"] ?? attributes["office:date-value"] ?? "", text: "")
                repeats = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 64)
            case "text:p": inText = cell != nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { cell?.text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch qualifiedName ?? name {
            case "text:p": inText = false
            case "table:table-cell", "table:covered-table-cell":
                if let cell { row?.append(contentsOf: Array(repeating: cell, count: repeats)) }
                cell = nil
            case "table:table-row":
                if let row, row.contains(where: { !$0.type.isEmpty }) { rows.append(row) }
                row = nil
            default: break
            }
        }
    }

    /// `csv` opened by LibreOffice Calc headless with the import options a Dutch user has
    /// (separator `;`, text delimiter `"`, UTF-8, from line 1, language nl-NL) and saved as
    /// flat ODS; returns the sheet's rows.
    func openInCalc(_ csv: URL, folder: URL) throws -> [[Cell]] {
        let candidates = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        let soffice = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "LibreOffice Calc is not installed (make setup installs Debian's libreoffice-calc)")
        let output = folder.appendingPathComponent("calc")
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        environment["LANG"] = "nl_NL.UTF-8"
        let (status, _, errData) = try Wegwijs.runTool(
            soffice, ["--headless", "--norestore", "-env:UserInstallation=file://\(folder.path)/lo-profile",
                      "--infilter=CSV:59,34,76,1,,1043", "--convert-to", "fods", "--outdir", output.path, csv.path],
            environment: environment, limit: 300)
        #expect(status == 0, "soffice: \(String(decoding: errData, as: UTF8.self))")
        let fods = output.appendingPathComponent(csv.deletingPathExtension().lastPathComponent + ".fods")
        let parser = try #require(XMLParser(contentsOf: fods), "LibreOffice wrote no \(fods.path)")
        let reader = SheetReader()
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return reader.rows
    }

    @Test("--lang nl: Dutch headers and statuses, percentages are numbers, 012345 stays 012345 beside 12345, names with ';' and Ç intact")
    func dutchCSVInCalc() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("rapport.csv")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--course", course, "--lang", "nl",
                                      "--output", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a byte order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Personeelsnummer;Naam;Afdeling;Cursus;Status;Beste score;"), "\(text.prefix(200))")
        #expect(text.contains("\"=\"\"012345\"\"\";\"Bakker; Chantal\";Klantcontact;test-branching;Geslaagd;85,7;"), "\(text)")

        let rows = try openInCalc(csv, folder: folder)
        let header = try #require(rows.first).map(\.text)
        #expect(Array(header.prefix(7)) == ["Personeelsnummer", "Naam", "Afdeling", "Cursus", "Status", "Beste score", "Pogingen"])
        let byID = Dictionary(rows.dropFirst().map { ($0[0].text, $0) }) { first, _ in first }
        #expect(Set(byID.keys) == ["000777", "012345", "12345"], "\(rows)")
        let chantal = try #require(byID["012345"])
        #expect(chantal[0].type == "string", "the employee number is text, with its leading zero: \(chantal[0])")
        #expect(chantal[1].text == "Bakker; Chantal" && chantal[4].text == "Geslaagd")
        #expect(chantal[5].type == "float" && chantal[5].value == "85.7", "the percentage is a number: \(chantal[5])")
        #expect(chantal[6].type == "float" && chantal[6].value == "1")
        #expect(chantal[8].type == "date", "an ISO date is a date: \(chantal[8])")
        #expect(chantal.last?.text == "ja")
        let stranger = try #require(byID["12345"])
        #expect(stranger[0].type == "string" && stranger[5].value == "100" && stranger[5].type == "float")
        #expect(stranger.last?.text == "nee")
        let jan = try #require(byID["000777"])
        #expect(jan[1].text == "Jan Çelik" && jan[4].text == "Te laat" && jan[5].type == "float")
    }

    @Test("--delimiter ';' keeps the report's column names and statuses, with decimal commas and employee numbers as text")
    func semicolonCSVInCalc() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("report.csv")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--course", course, "--delimiter", ";",
                                      "--output", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try openInCalc(csv, folder: folder)
        #expect(try #require(rows.first).prefix(2).map(\.text) == ["employee_id", "name"])
        let chantal = try #require(rows.first { $0.first?.text == "012345" }, "\(rows)")
        #expect(chantal[0].type == "string" && chantal[4].text == "passed")
        #expect(chantal[5].type == "float" && chantal[5].value == "85.7")
    }

    @Test("the default CSV is unchanged: ',' with decimal points, plain employee numbers, no byte order mark")
    func defaultCSVUnchanged() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--course", course, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("employee_id,name,department,course,status,best_percent,"), "no byte order mark")
        #expect(result.stdout.contains("\r\n012345,Bakker; Chantal,Klantcontact,test-branching,passed,85.7,1,"), "\(result.stdout)")
        let dutchWordsCommas = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--course", course, "--format", "csv",
                                                "--lang", "nl", "--delimiter", ","])
        #expect(dutchWordsCommas.stdout.hasPrefix("Personeelsnummer,Naam,"))
        #expect(dutchWordsCommas.stdout.contains("\r\n012345,Bakker; Chantal,Klantcontact,test-branching,Geslaagd,85.7,"))
    }
}
