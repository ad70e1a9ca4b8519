import Foundation
import Testing
@testable import WegwijsCore

@Suite("translate export and import (PO)")
struct TranslationTests {
    static func root(_ name: String) throws -> JSONNode {
        try JSONParser.parse(Array(try Data(contentsOf: BundledCourseTests.coursesFolder.appendingPathComponent(name))))
    }

    @Test("export then import gives the same canonical JSON for every bundled course", arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func roundTrip(name: String) throws {
        let root = try Self.root(name)
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        #expect(units.count > 10)
        let po = POFile.write(units, course: name, source: "nl", target: "en")
        let entries = try POFile.read(po)
        #expect(entries.map(\.key) == units.map(\.key))
        #expect(entries.map(\.source) == units.map(\.source))
        #expect(entries.map(\.target) == units.map { $0.target ?? "" })
        let result = TranslationImport.apply(entries, to: root, target: "en")
        #expect(result.unknown.isEmpty && result.stale.isEmpty)
        #expect(CanonicalJSON.bytes(of: result.root) == CanonicalJSON.bytes(of: root))
    }

    @Test("an import changes texts, never the structure hash; unknown keys and stale sources are found")
    func importKeepsStructure() throws {
        let root = try Self.root("voorbeeld.json")
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        var entries = units.enumerated().map { index, unit in
            TranslationEntry(key: unit.key, source: unit.source, target: "EN \(index)\n\"quoted\"", line: index + 1)
        }
        entries[0].source = "a changed source"
        entries.append(TranslationEntry(key: "scenario/nobody/title", source: "x", target: "y", line: 99))
        let result = TranslationImport.apply(entries, to: root, target: "en")
        #expect(result.unknown.map(\.key) == ["scenario/nobody/title"])
        #expect(result.stale.map(\.key) == [units[0].key])
        #expect(result.written == units.count)
        #expect(CourseStructure.hash(of: result.root) == CourseStructure.hash(of: root))
        #expect(CanonicalJSON.bytes(of: result.root) != CanonicalJSON.bytes(of: root))
        let after = TranslationUnits.units(of: result.root, source: "nl", target: "en")
        #expect(after.map(\.target) == entries.dropLast().map(\.target))
        // The written JSON reads back as a valid course.
        let (course, diagnostics) = CourseLoader.check(bytes: Array(JSONWriter.document(result.root.value).utf8), file: "x.json")
        #expect(course != nil)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test("channels and plain texts are exported; translating a plain channel keeps its word for the other languages")
    func channelAndPlainTexts() throws {
        let root = try JSONParser.parse(Array(#"""
            {"language": "nl", "languages": ["nl", "en", "de"], "scenarios": [
              {"id": "s", "title": "Titel", "channel": "telefoon"},
              {"id": "t", "channel": {"nl": "brief", "en": "letter", "de": "Brief"}}]}
            """#.utf8))
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        #expect(units == [TranslationUnit(key: "scenario/s/title", source: "Titel", target: nil),
                          TranslationUnit(key: "scenario/s/channel", source: "telefoon", target: nil),
                          TranslationUnit(key: "scenario/t/channel", source: "brief", target: "letter")])
        let entries = [TranslationEntry(key: "scenario/s/title", source: "Titel", target: "Title", line: 1),
                       TranslationEntry(key: "scenario/s/channel", source: "telefoon", target: "phone", line: 2),
                       TranslationEntry(key: "scenario/t/channel", source: "brief", target: "post", line: 3)]
        let result = TranslationImport.apply(entries, to: root, target: "en")
        #expect(result.unknown.isEmpty && result.stale.isEmpty && result.written == 3)
        let scenarios = try #require(result.root["scenarios"]?.elements)
        func canonical(_ json: String) throws -> [UInt8] { CanonicalJSON.bytes(of: try JSONParser.parse(Array(json.utf8))) }
        #expect(try CanonicalJSON.bytes(of: #require(scenarios[0]["title"])) == canonical(#"{"nl": "Titel", "en": "Title"}"#))
        #expect(try CanonicalJSON.bytes(of: #require(scenarios[0]["channel"])) == canonical(#"{"nl": "telefoon", "de": "telefoon", "en": "phone"}"#))
        #expect(try CanonicalJSON.bytes(of: #require(scenarios[1]["channel"])) == canonical(#"{"nl": "brief", "en": "post", "de": "Brief"}"#))
        #expect(CourseStructure.hash(of: result.root) == CourseStructure.hash(of: root))
    }

    @Test("a PO file with a bad line is refused with its line number")
    func badLines() {
        #expect(throws: TranslationFileError(line: 3, message: "unknown keyword 'msgtxt' (expected msgctxt, msgid or msgstr)")) {
            try POFile.read("msgctxt \"a\"\nmsgid \"b\"\nmsgtxt \"c\"\n")
        }
        #expect(throws: TranslationFileError(line: 2, message: "a quote inside a text must be written \\\"")) {
            try POFile.read("msgctxt \"a\"\nmsgid \"b\"b\"\nmsgstr \"\"\n")
        }
    }

    @Test("the exported PO passes GNU gettext's msgfmt --check")
    func msgfmtCheck() throws {
        let root = try Self.root("uwv-sociale-media.json")
        let po = POFile.write(TranslationUnits.units(of: root, source: "nl", target: "en"), course: "uwv", source: "nl", target: "en")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(getpid())-po")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("en.po")
        try Data(po.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/msgfmt")
        process.arguments = ["--check", "-o", "/dev/null", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(said == "")
    }
}
