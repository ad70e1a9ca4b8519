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

        let translated = folder.appendingPathComponent(name)
        let result = try Wegwijs.run(["translate", "import", course, po.path, "--output", translated.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("translations written to \(translated.path), 0 stale"))

        // The same course but for that one text: converted to JSON, only the title differs.
        let before = try Wegwijs.run(["convert", course, "--to", "json"]).stdout
        let after = try Wegwijs.run(["convert", translated.path, "--to", "json"]).stdout
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.contains("\"en\": \"Vertaald: ") == true, "\(changed)")
        #expect(try Wegwijs.run(["validate", translated.path]).status == 0)
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
}
