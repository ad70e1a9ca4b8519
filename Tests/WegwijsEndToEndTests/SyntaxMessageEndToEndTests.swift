import Foundation
import TestSupport
import Testing

@Suite("JSON syntax mistakes from the binary: a trainer's words, every problem in one run")
struct SyntaxMessageEndToEndTests {
    /// The branching fixture with numbered lines replaced.
    static func course(_ edits: [Int: String]) throws -> [String] {
        var lines = try String(contentsOfFile: Wegwijs.fixture("branching.json"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, text) in edits { lines[number - 1] = text }
        return lines
    }

    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let path = try Wegwijs.temporaryFolder("wegwijs-syntax").appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("validate lists two missing commas, a curly quote, a quote inside a text and a tab, each at its place")
    func fiveMistakes() throws {
        let lines = try Self.course([
            4: #"  "version": "1.0.0""#,
            11: #"  "validFor": "P1Y""#,
            20: #"      “title”: {"nl": "Begin", "en": "Start"},"#,
            22: #"      "situation": {"nl": "Iemand vraagt "iets" op LinkedIn.", "en": "Someone asks something on LinkedIn."},"#,
            25: "        {\"id\": \"half\", \"text\": {\"nl\": \"Half antwoord\", \"en\": \"Half answer\"}, \"scores\": {\"openbaar\": 1}, \"feedback\": {\"nl\": \"Bij\tna.\", \"en\": \"Almost.\"}},",
        ])
        let path = try Self.write(Array(lines.joined(separator: "\n").utf8), named: "mistakes.json")
        let result = try Wegwijs.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr == """
        \(path):4:21: error: a comma is missing at the end of line 4
        \(path):11:20: error: a comma is missing at the end of line 11
        \(path):20:7: error: a curly quote “ where a straight quote " is needed
        \(path):22:42: error: a quote inside a text must be written \\" (or use ‘ ’)
        \(path):25:128: error: a tab inside a text: write it as \\t or use spaces

        """)
        #expect(result.stdout.contains("invalid (5 errors, 0 warnings)"), "\(result.stdout)")
    }

    @Test("run refuses a Latin-1 (Windows 'ANSI') file with how to save it as UTF-8: exit 65")
    func latin1() throws {
        let lines = try Self.course([7: #"  "title": {"nl": "Testcursus café", "en": "Test course"},"#])
        // The é as Latin-1 writes it: the one byte 0xE9 instead of UTF-8's two.
        let bytes = Array(lines.joined(separator: "\n").utf8).split(separator: 0xC3, omittingEmptySubsequences: false)
            .enumerated().reduce(into: [UInt8]()) { bytes, part in
                bytes += part.offset == 0 ? Array(part.element) : [0xE9] + part.element.dropFirst()
            }
        let path = try Self.write(bytes, named: "latin1.json")
        let folder = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(["run", path, "--learner", "1", "--records", folder.path], input: "a\n")
        #expect(result.status == 65)
        #expect(result.stderr == "\(path):7:34: error: the file is not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)\n")
    }
}
