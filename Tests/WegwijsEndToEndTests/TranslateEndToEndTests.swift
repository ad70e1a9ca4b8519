import Foundation
import Testing

/// `wegwijs translate` from the binary, as a trainer hands texts to a translator and back.
@Suite("translate export and import from the binary")
struct TranslateEndToEndTests {
    /// The PO file `translate export` writes, for `course`.
    static func export(_ course: String, to folder: URL) throws -> URL {
        let po = folder.appendingPathComponent("course.en.po")
        let result = try Wegwijs.run(["translate", "export", course, "--lang", "en", "--output", po.path])
        #expect(result.status == 0, "\(result.stderr)")
        return po
    }

    @Test("an exported PO file passes GNU gettext's msgfmt --check", arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func msgfmtAccepts(_ name: String) throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let po = try Self.export(Wegwijs.course(name), to: folder)
        let msgfmt = Process()
        msgfmt.executableURL = URL(fileURLWithPath: "/usr/bin/msgfmt")
        msgfmt.arguments = ["--check", "--output-file=/dev/null", po.path]
        let errors = Pipe()
        msgfmt.standardError = errors
        try msgfmt.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        msgfmt.waitUntilExit()
        #expect(msgfmt.terminationStatus == 0)
        #expect(stderr.isEmpty, "\(stderr)")
    }

    @Test("a translation edited in the PO file lands in the course, JSON and text format alike, and nothing else changes",
          arguments: ["voorbeeld.json", "phishing.md"])
    func editedTranslationLands(_ name: String) throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = name.hasSuffix(".md") ? Wegwijs.fixture(name) : Wegwijs.course(name)
        let po = try Self.export(course, to: folder)
        var text = try String(contentsOf: po, encoding: .utf8)
        let key = "msgctxt \"course/title\"\n"
        let start = try #require(text.range(of: key))
        let msgstr = try #require(text.range(of: "msgstr \"", range: start.upperBound..<text.endIndex))
        text.insert(contentsOf: "Vertaald: ", at: msgstr.upperBound)
        try Data(text.utf8).write(to: po)

        try expectImportChangesOneText(course, from: po, into: folder.appendingPathComponent(name), line: "\"en\": \"Vertaald: ")
    }

    @Test("an entry with a key the course does not have refuses the import at its line, and nothing is written")
    func unknownKey() throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let po = try Self.export(Wegwijs.course("voorbeeld.json"), to: folder)
        var text = try String(contentsOf: po, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        text += "\nmsgctxt \"scenario/bestaat-niet/title\"\nmsgid \"x\"\nmsgstr \"y\"\n"
        try Data(text.utf8).write(to: po)
        let output = folder.appendingPathComponent("out.json")
        let result = try Wegwijs.run(["translate", "import", Wegwijs.course("voorbeeld.json"), po.path, "--output", output.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(po.path):\(line): error: the course has no text with key 'scenario/bestaat-niet/title'\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// The XLIFF file `translate export --format xliff` writes, for `course`.
    static func exportXLIFF(_ course: String, to folder: URL) throws -> URL {
        let xliff = folder.appendingPathComponent("course.en.xlf")
        let result = try Wegwijs.run(["translate", "export", course, "--lang", "en", "--format", "xliff", "--output", xliff.path])
        #expect(result.status == 0, "\(result.stderr)")
        return xliff
    }

    @Test("an exported XLIFF file validates with xmllint against the OASIS XLIFF 1.2 strict schema",
          arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func xmllintAccepts(_ name: String) throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try Self.exportXLIFF(Wegwijs.course(name), to: folder)
        let schema = URL(fileURLWithPath: Wegwijs.fixture("xliff"))
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--nonet", "--noout", "--schema", schema.appendingPathComponent("xliff-core-1.2-strict.xsd").path, xliff.path]
        xmllint.environment = ["XML_CATALOG_FILES": schema.appendingPathComponent("catalog.xml").path]
        let errors = Pipe()
        xmllint.standardError = errors
        try xmllint.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        xmllint.waitUntilExit()
        #expect(xmllint.terminationStatus == 0, "\(stderr)")
        #expect(stderr == "\(xliff.path) validates\n")
    }

    @Test("--output ending in .xlf writes XLIFF without --format; an unknown --format is a usage error")
    func formatChoice() throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = folder.appendingPathComponent("en.xlf")
        #expect(try Wegwijs.run(["translate", "export", Wegwijs.course("voorbeeld.json"), "--lang", "en", "--output", xliff.path]).status == 0)
        #expect(try String(contentsOf: xliff, encoding: .utf8).contains("<xliff version=\"1.2\""))
        let bad = try Wegwijs.run(["translate", "export", Wegwijs.course("voorbeeld.json"), "--lang", "en", "--format", "csv"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "--format: 'csv' is not supported; use po or xliff\n")
        // A text with a control character XML cannot carry stops an XLIFF export, naming it.
        let json = try String(contentsOfFile: Wegwijs.course("voorbeeld.json"), encoding: .utf8)
        let title = try #require(json.range(of: #""title": {"#))
        let nl = try #require(json.range(of: #""nl": ""#, range: title.upperBound..<json.endIndex))
        let bell = folder.appendingPathComponent("bell.json")
        try Data(json.replacingCharacters(in: nl, with: #""nl": "\u0007"#).utf8).write(to: bell)
        let refused = try Wegwijs.run(["translate", "export", bell.path, "--lang", "en", "--format", "xliff"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "\(bell.path): error: the text 'course/title' holds a control character that XML cannot carry; remove it, or export with --format po\n")
        #expect(refused.stdout.isEmpty)
    }

    @Test("a target edited in the XLIFF file lands in the course, JSON and text format alike, and nothing else changes",
          arguments: ["voorbeeld.json", "phishing.md"])
    func editedXLIFFTargetLands(_ name: String) throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = name.hasSuffix(".md") ? Wegwijs.fixture(name) : Wegwijs.course(name)
        let xliff = try Self.exportXLIFF(course, to: folder)
        var text = try String(contentsOf: xliff, encoding: .utf8)
        let unit = try #require(text.range(of: "<trans-unit id=\"course/title\""))
        let end = try #require(text.range(of: "</trans-unit>", range: unit.upperBound..<text.endIndex))
        let source = try #require(text.range(of: "</source>\n", range: unit.upperBound..<end.lowerBound))
        let oldTarget = text.range(of: "<target", range: source.upperBound..<end.lowerBound).map { $0.lowerBound..<end.lowerBound }
        text.replaceSubrange(oldTarget ?? source.upperBound..<source.upperBound,
                             with: "        <target>Vertaald: Tom &amp; Jerry &lt;3</target>\n      ")
        try Data(text.utf8).write(to: xliff)

        try expectImportChangesOneText(course, from: xliff, into: folder.appendingPathComponent(name),
                                       line: "\"en\": \"Vertaald: Tom & Jerry <3\"")
    }

    /// Imports `file` into a copy of `course` at `translated`, and checks that the copy differs
    /// from the course in one JSON line only, which holds `line`, and still validates.
    func expectImportChangesOneText(_ course: String, from file: URL, into translated: URL, line: String) throws {
        let result = try Wegwijs.run(["translate", "import", course, file.path, "--output", translated.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("translations written to \(translated.path), 0 stale"))
        // The same course but for that one text: converted to JSON, only that line differs.
        let before = try Wegwijs.run(["convert", course, "--to", "json"]).stdout
        let after = try Wegwijs.run(["convert", translated.path, "--to", "json"]).stdout
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.contains(line) == true, "\(changed)")
        #expect(try Wegwijs.run(["validate", translated.path]).status == 0)
    }

    @Test("an XLIFF trans-unit with an unknown key, or a file from another source language, refuses the import, naming file and line",
          arguments: [
            ("<trans-unit id=\"scenario/bestaat-niet/title\"><source>x</source><target>y</target></trans-unit>", "nl", "en",
             ":LINE: error: the course has no text with key 'scenario/bestaat-niet/title'\n"),
            ("", "de", "en", ":1: error: the file translates from 'de', but the course is written in 'nl': it belongs to another course or was exported the wrong way round\n"),
          ])
    func xliffRefused(unitText: String, source: String, target: String, message: String) throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = try Self.exportXLIFF(Wegwijs.course("voorbeeld.json"), to: folder)
        var text = try String(contentsOf: xliff, encoding: .utf8)
        text = text.replacingOccurrences(of: "source-language=\"nl\"", with: "source-language=\"\(source)\"")
        let body = try #require(text.range(of: "    </body>"))
        let line = text[..<body.lowerBound].filter { $0 == "\n" }.count + 1
        text.insert(contentsOf: unitText.isEmpty ? "" : "      \(unitText)\n", at: body.lowerBound)
        try Data(text.utf8).write(to: xliff)
        let output = folder.appendingPathComponent("out.json")
        let result = try Wegwijs.run(["translate", "import", Wegwijs.course("voorbeeld.json"), xliff.path, "--output", output.path])
        #expect(result.status == 65)
        #expect(result.stderr == xliff.path + message.replacingOccurrences(of: "LINE", with: "\(line)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a malformed XLIFF file or one that declares entities is refused at its line (exit 65), never a crash")
    func hostileXLIFF() throws {
        let folder = try Wegwijs.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evil.xlf")
        try Data("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<xliff/>\n".utf8).write(to: file)
        let entities = try Wegwijs.run(["translate", "import", Wegwijs.course("voorbeeld.json"), file.path, "--output", folder.appendingPathComponent("o.json").path])
        #expect(entities.status == 65)
        #expect(entities.stderr.hasPrefix("\(file.path):2: error: the file declares a document type or entities"), "\(entities.stderr)")
        try Data("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file>\n".utf8).write(to: file)
        let truncated = try Wegwijs.run(["translate", "import", Wegwijs.course("voorbeeld.json"), file.path, "--output", folder.appendingPathComponent("o.json").path])
        #expect(truncated.status == 65)
        #expect(truncated.stderr.hasPrefix("\(file.path):"), "\(truncated.stderr)")
        #expect(truncated.stderr.contains("error: the file ends before every element is closed"), "\(truncated.stderr)")
    }
}
