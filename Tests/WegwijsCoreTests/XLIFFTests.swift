import Foundation
import Testing
@testable import WegwijsCore

@Suite("translate export and import (XLIFF 1.2)")
struct XLIFFTests {
    static let bundled = ["uwv-sociale-media.json", "voorbeeld.json"]

    /// Runs `xmllint --nonet --noout --schema` with the committed OASIS schema on `xliff`;
    /// the exit status and what it said on stderr.
    static func xmllint(_ xliff: String) throws -> (status: Int32, said: String) {
        let schemaFolder = URL(fileURLWithPath: TestCourses.fixture("xliff"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(getpid())-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("en.xlf")
        try Data(xliff.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--nonet", "--noout", "--schema", schemaFolder.appendingPathComponent("xliff-core-1.2-strict.xsd").path, file.path]
        process.environment = ["XML_CATALOG_FILES": schemaFolder.appendingPathComponent("catalog.xml").path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }

    @Test("the exported XLIFF of every bundled course validates against the OASIS XLIFF 1.2 strict schema", arguments: bundled)
    func schemaValid(name: String) throws {
        let root = try TranslationTests.root(name)
        let xliff = XLIFFFile.write(TranslationUnits.units(of: root, source: "nl", target: "en"), course: name, source: "nl", target: "en")
        let (status, said) = try Self.xmllint(xliff)
        #expect(status == 0, "\(said)")
        #expect(said.hasSuffix("validates\n"), "\(said)")
    }

    @Test("the schema check is real: an XLIFF without its required attributes fails it")
    func schemaRejects() throws {
        let xliff = XLIFFFile.write([TranslationUnit(key: "course/title", source: "a", target: nil)], course: "c", source: "nl", target: "en")
        let broken = xliff.replacingOccurrences(of: " datatype=\"plaintext\"", with: "")
        #expect(try Self.xmllint(broken).status != 0)
    }

    @Test("export then read back gives every key, source and target, escapes and line breaks included", arguments: bundled)
    func roundTrip(name: String) throws {
        let root = try TranslationTests.root(name)
        var units = TranslationUnits.units(of: root, source: "nl", target: "en")
        units[0].source = "a < b & \"c\" > d\r\nnext line\n  indented\t]]> end"
        units[0].target = "<target>&amp;</target>"
        let document = try TranslationFormat.xliff.read(XLIFFFile.write(units, course: name, source: "nl", target: "en"))
        #expect(document.sourceLanguage == "nl" && document.targetLanguage == "en")
        #expect(document.entries.map(\.key) == units.map(\.key))
        #expect(document.entries.map(\.source) == units.map(\.source))
        #expect(document.entries.map(\.target) == units.map { $0.target ?? "" })
        let lines = document.entries.map(\.line)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 }, "\(lines)")
    }

    @Test("importing an exported XLIFF changes nothing; one edited target lands and the structure hash stays", arguments: bundled)
    func importKeepsStructure(name: String) throws {
        let root = try TranslationTests.root(name)
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        let untouched = try TranslationFormat.xliff.read(XLIFFFile.write(units, course: name, source: "nl", target: "en"))
        #expect(CanonicalJSON.bytes(of: TranslationImport.apply(untouched.entries, to: root, target: "en").root) == CanonicalJSON.bytes(of: root))
        var edited = units
        edited[1].target = "Edited"
        let document = try TranslationFormat.xliff.read(XLIFFFile.write(edited, course: name, source: "nl", target: "en"))
        let result = TranslationImport.apply(document.entries, to: root, target: "en")
        #expect(result.unknown.isEmpty && result.stale.isEmpty)
        #expect(TranslationUnits.units(of: result.root, source: "nl", target: "en")[1].target == "Edited")
        #expect(CourseStructure.hash(of: result.root) == CourseStructure.hash(of: root))
    }

    @Test("PO and XLIFF read to the same document: the rules after reading are shared")
    func formatsAgree() throws {
        let root = try TranslationTests.root("voorbeeld.json")
        let units = TranslationUnits.units(of: root, source: "nl", target: "en")
        let po = try TranslationFormat.po.read(TranslationFormat.po.write(units, course: "v", source: "nl", target: "en"))
        let xliff = try TranslationFormat.xliff.read(TranslationFormat.xliff.write(units, course: "v", source: "nl", target: "en"))
        #expect(po.sourceLanguage == xliff.sourceLanguage && po.targetLanguage == xliff.targetLanguage)
        #expect(po.entries.map(\.key) == xliff.entries.map(\.key))
        #expect(po.entries.map(\.source) == xliff.entries.map(\.source))
        #expect(po.entries.map(\.target) == xliff.entries.map(\.target))
    }

    @Test("a text with a control character XML cannot carry is found before an export")
    func unwritable() {
        let fine = TranslationUnit(key: "a", source: "tab\tand\r\nline € 😀", target: "ok")
        #expect(XLIFFFile.unwritable([fine]) == nil)
        let bell = TranslationUnit(key: "b", source: "x", target: "ring\u{7}")
        #expect(XLIFFFile.unwritable([fine, bell]) == bell)
        #expect(XLIFFFile.unwritable([TranslationUnit(key: "c", source: "\u{0}", target: nil)])?.key == "c")
    }

    @Test("the format is detected from the content, and named by the extension")
    func detection() {
        #expect(TranslationFormat.detected(in: "\u{FEFF}\n  <?xml version=\"1.0\"?><xliff/>") == .xliff)
        #expect(TranslationFormat.detected(in: "# comment\nmsgid \"\"\n") == .po)
        #expect(TranslationFormat.named(by: "out/en.XLF") == .xliff)
        #expect(TranslationFormat.named(by: "en.xliff") == .xliff)
        #expect(TranslationFormat.named(by: "en.po") == .po)
        #expect(TranslationFormat.named(by: "en.txt") == nil)
    }

    static let header = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"

    @Test("hostile or broken XLIFF is refused with a line and a message in words, never a crash", arguments: [
        // An entity expansion attempt ("billion laughs"): refused before the parser sees it.
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n<xliff>&lol2;</xliff>\n",
         TranslationFileError(line: 2, message: "the file declares a document type or entities (<!DOCTYPE …>); an XLIFF file needs none, and wegwijs reads none: remove it")),
        // An external entity (a file on disk) is refused the same way.
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<xliff>&secret;</xliff>\n",
         TranslationFileError(line: 2, message: "the file declares a document type or entities (<!DOCTYPE …>); an XLIFF file needs none, and wegwijs reads none: remove it")),
        (header + "<file>\n<body>\n<trans-unit id=\"a\"><source>x</source></trans-unt>\n</body></file></xliff>\n",
         TranslationFileError(line: 5, message: "an element is closed with another name than it was opened with, or not closed: the XML is not well-formed")),
        (header + "<file><body>\n<trans-unit id=\"a\"><source>Tom & Jerry</source></trans-unit>\n</body></file></xliff>\n",
         TranslationFileError(line: 4, message: "an unknown entity or a lone '&': write & as &amp;, < as &lt;")),
        (header + "<file><body>\n<trans-unit id=\"a\"><source>x</source>\n",
         TranslationFileError(line: 4, message: "the file ends before every element is closed")),
        (header + "<file><body>\n<trans-unit><source>x</source></trans-unit>\n</body></file></xliff>\n",
         TranslationFileError(line: 4, message: "a <trans-unit> has no id (the key of the text)")),
        ("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>\n",
         TranslationFileError(line: 2, message: "the <xliff> element has version '2.0'; wegwijs reads XLIFF 1.2")),
        ("<?xml version=\"1.0\"?>\n<html/>\n",
         TranslationFileError(line: 1, message: "this is XML but not XLIFF 1.2 (no <xliff> element in namespace urn:oasis:names:tc:xliff:document:1.2)")),
    ])
    func refused(text: String, expected: TranslationFileError) {
        #expect(throws: expected) { try TranslationFormat.xliff.read(text) }
    }

    @Test("a file in other languages than the course is refused, PO and XLIFF alike")
    func wrongLanguage() {
        let entries: [TranslationEntry] = []
        #expect(TranslationImport.languageProblem(of: TranslationDocument(sourceLanguage: "nl", targetLanguage: "en", entries: entries), courseLanguage: "nl") == nil)
        #expect(TranslationImport.languageProblem(of: TranslationDocument(sourceLanguage: nil, targetLanguage: "en", entries: entries), courseLanguage: "nl") == nil)
        #expect(TranslationImport.languageProblem(of: TranslationDocument(sourceLanguage: "de", targetLanguage: "en", entries: entries), courseLanguage: "nl")?
            .hasPrefix("the file translates from 'de', but the course is written in 'nl'") == true)
        #expect(TranslationImport.languageProblem(of: TranslationDocument(sourceLanguage: "nl", targetLanguage: "nl", entries: entries), courseLanguage: "nl")?
            .hasPrefix("the file names no target language other than the course's own ('nl')") == true)
        #expect(TranslationImport.languageProblem(of: TranslationDocument(sourceLanguage: "nl", targetLanguage: nil, entries: entries), courseLanguage: "nl") != nil)
    }
}
