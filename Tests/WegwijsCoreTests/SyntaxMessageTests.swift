import Testing
@testable import WegwijsCore

/// A JSON course with syntax mistakes, as edits of numbered lines of `ValidationRuleTests.base`,
/// and every problem it must get: `LINE:COLUMN` and the exact message, nothing more.
struct SyntaxCase: CustomTestStringConvertible, Sendable {
    var mistake: String
    var edits: [Int: String]
    var problems: [String]
    var testDescription: String { mistake }

    var bytes: [UInt8] { Array(RuleCase(rule: mistake, edits: edits, line: 0, message: "").text.utf8) }
}

@Suite("JSON syntax problems in a trainer's words, at the place to fix, all in one run")
struct SyntaxMessageTests {
    static let cases: [SyntaxCase] = [
        SyntaxCase(mistake: "curly quotes from Word around a key and a value",
                   edits: [7: "  “title”: “Regels”,"],
                   problems: ["7:3: a curly quote “ where a straight quote \" is needed",
                              "7:12: a curly quote “ where a straight quote \" is needed"]),
        SyntaxCase(mistake: "a curly quote only at the end of a text",
                   edits: [7: "  \"title\": \"Regels”,"],
                   problems: ["7:19: a curly quote ” where a straight quote \" is needed"]),
        SyntaxCase(mistake: "a curly quote at the end of a text followed by more on the line",
                   edits: [7: "  \"title\": \"Regels”, \"closing\": \"Tot ziens.\","],
                   problems: ["7:19: a curly quote ” where a straight quote \" is needed"]),
        SyntaxCase(mistake: "a tab inside a text",
                   edits: [14: "    {\"id\": \"eerste\", \"situation\": \"Iets\tgebeurt.\", \"explanation\": \"Uitleg.\","],
                   problems: ["14:40: a tab inside a text: write it as \\t or use spaces"]),
        SyntaxCase(mistake: "a straight quote inside a text ends it early",
                   edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 2, "geheim": 1}, "feedback": "Ja, "goed" gedaan."},"#],
                   problems: ["16:95: a quote inside a text must be written \\\" (or use ‘ ’)"]),
        SyntaxCase(mistake: "a missing comma at the end of a line is reported at that line's end",
                   edits: [4: #"  "version": "1""#],
                   problems: ["4:17: a comma is missing at the end of line 4"]),
        SyntaxCase(mistake: "two missing commas give two messages",
                   edits: [4: #"  "version": "1""#, 10: #"    {"id": "openbaar", "title": "Openbaar", "summary": "Alles is openbaar."}"#],
                   problems: ["4:17: a comma is missing at the end of line 4", "10:77: a comma is missing at the end of line 10"]),
        SyntaxCase(mistake: "a missing comma between two values on one line",
                   edits: [8: #"  "validFor": "P1Y" "passing": {"overall": 30, "perGuideline": 0},"#],
                   problems: [#"8:20: a comma is missing after the value of "validFor""#]),
        SyntaxCase(mistake: "a missing } before the next object in a list",
                   edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 2, "geheim": 1}, "feedback": "Ja.","#],
                   problems: ["16:95: a } is missing before this comma: the object that starts at line 16, column 7 is not closed"]),
        SyntaxCase(mistake: "a missing ] before the next key",
                   edits: [12: "  ,"],
                   problems: ["13:3: a ] is missing: the list that starts at line 9, column 17 is not closed before this key"]),
        SyntaxCase(mistake: "a missing } at the end of the file",
                   edits: [26: ""],
                   problems: ["25:4: unexpected end of file: a } is missing to close the object that starts at line 1, column 1"]),
        SyntaxCase(mistake: "a trailing comma is reported at the comma",
                   edits: [11: #"    {"id": "geheim", "title": "Geheim", "summary": "Deel geen geheimen."},"#],
                   problems: ["11:74: a trailing comma: nothing follows this comma before the ]; remove it"]),
        SyntaxCase(mistake: "a missing colon after a key",
                   edits: [7: #"  "title" "Regels","#],
                   problems: [#"7:10: a colon : is missing after the key "title""#]),
        SyntaxCase(mistake: "a problem that cannot be recovered from ends the list: no follow-ups",
                   edits: [4: #"  "version": "1""#, 7: #"  "title": "Regels,"#, 10: #"    {"id": "openbaar", "title": "Openbaar", "summary": "Alles is openbaar."}"#],
                   problems: ["4:17: a comma is missing at the end of line 4",
                              "7:20: a line break inside a text: end the text with \" on the same line, or write the line break as \\n"]),
    ]

    static func problems(_ bytes: [UInt8]) -> [String] {
        let (course, diagnostics) = CourseLoader.check(bytes: bytes, file: "rules.json")
        #expect(course == nil)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        return diagnostics.map { diagnostic in
            diagnostic.position.map { "\($0.line):\($0.column): " + diagnostic.message } ?? diagnostic.message
        }
    }

    @Test("each mistake gets its message at the place to fix, and only that", arguments: cases)
    func mistake(_ syntax: SyntaxCase) {
        #expect(Self.problems(syntax.bytes) == syntax.problems)
    }

    @Test("the strict parse stops at the very problem the recovering pass reports first", arguments: cases)
    func firstProblem(_ syntax: SyntaxCase) throws {
        let strict = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(syntax.bytes) }
        #expect(JSONParser.problems(in: syntax.bytes, limit: 50).problems.first == strict)
    }

    @Test("a file that is not UTF-8 (Latin-1, Windows 'ANSI') says how to save it, at its first bad byte")
    func latin1() {
        let edited = RuleCase(rule: "latin-1", edits: [7: #"  "title": "Regels caf@","#], line: 0, message: "").text
        // The é as Windows-1252 / Latin-1 writes it: one byte 0xE9.
        let bytes = Array(edited.utf8).map { $0 == UInt8(ascii: "@") ? 0xE9 : $0 }
        #expect(Self.problems(bytes) == ["7:23: the file is not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"])
    }

    @Test("the problems read in Dutch too: a curly quote, a missing comma, a file that is not UTF-8")
    func dutch() {
        func dutch(_ bytes: [UInt8]) -> [String] {
            CourseLoader.check(bytes: bytes, file: "rules.json").1.map(\.wording.nl)
        }
        let curly = SyntaxCase(mistake: "curly quote", edits: [7: "  \"title\": \"Regels”,"], problems: [])
        #expect(dutch(curly.bytes) == ["een krullend aanhalingsteken ” waar een recht aanhalingsteken \" hoort"])
        let comma = SyntaxCase(mistake: "missing comma", edits: [4: #"  "version": "1""#], problems: [])
        #expect(dutch(comma.bytes) == ["er ontbreekt een komma aan het eind van regel 4"])
        let latin1 = SyntaxCase(mistake: "Latin-1", edits: [7: #"  "title": "Regels caf@","#], problems: [])
        #expect(dutch(latin1.bytes.map { $0 == UInt8(ascii: "@") ? 0xE9 : $0 })
            == ["het bestand is geen UTF-8: sla het bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)"])
    }

    @Test("at most 50 problems are listed, then how many more there are")
    func limit() {
        let bytes = Array(("[\n" + (1...61).map(String.init).joined(separator: "\n") + "\n]").utf8)
        let problems = Self.problems(bytes)
        #expect(problems.count == 51)
        #expect(problems.first == "2:2: a comma is missing at the end of line 2")
        #expect(problems.last == "10 more problems not shown; correct these first")
    }

    @Test("a valid document has no problems for the recovering pass, and parses to the same tree")
    func validDocument() throws {
        let bytes = Array(ValidationRuleTests.base.utf8)
        #expect(JSONParser.problems(in: bytes, limit: 50).problems.isEmpty)
        #expect(CourseStructure.hash(of: try JSONParser.parse(bytes)) == CourseStructure.hash(of: try JSONParser.parse(bytes, keepingLastOf: "answers")))
    }

    @Test("the recovering pass never loops or crashes on mangled input", arguments: 0..<40)
    func mangled(_ seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        var bytes = Array(ValidationRuleTests.base.utf8)
        let replacements: [[UInt8]] = [[], Array("“".utf8), Array("”".utf8), [0x22], [0x2C], [0x7B], [0x7D], [0x5D], [0x09], [0x0A], [0x5C], [0x27], [0x3A]]
        for _ in 0..<Int(random.next() % 12 + 1) {
            let at = Int(random.next() % UInt64(bytes.count))
            bytes.replaceSubrange(at..<at + 1, with: replacements[Int(random.next() % UInt64(replacements.count))])
        }
        let found = JSONParser.problems(in: bytes, limit: 50)
        let strict = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
        switch strict {
        case .success: #expect(found.problems.isEmpty)
        case .failure(let error): #expect(found.problems.first == error, "seed \(seed)")
        }
        #expect(found.problems.allSatisfy { $0.offset >= 0 && $0.offset <= bytes.count && !$0.message.isEmpty })
    }
}
