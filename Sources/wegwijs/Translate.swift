import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a course's texts for a translator, and import the translations back.",
        subcommands: [TranslateExport.self, TranslateImport.self]
    )
}

struct TranslateExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every text of a course with its source text and current translation as a PO or XLIFF 1.2 file.",
        discussion: "Each entry is keyed by a stable path (scenario id, option id, field): msgctxt in PO, the trans-unit id in XLIFF; the source is the text in the course's language, the target the current translation. Exit 64 for an unknown --format, 65 when the course is invalid, 74 when a file cannot be read or written."
    )

    @Argument(help: "A course file or bundled course id.")
    var course: String

    @Option(help: "The language to translate into.")
    var lang: String

    @Option(help: "File format: po or xliff (XLIFF 1.2). Default: xliff when --output ends in .xlf or .xliff, else po.")
    var format: String?

    @Option(help: "Write to this file instead of stdout.")
    var output: String?

    func run() throws {
        let named = output.flatMap(TranslationFormat.named(by:)) ?? .po
        guard let chosen = format.map({ TranslationFormat(rawValue: $0) }) ?? named else {
            printError("--format: '\(format ?? "")' is not supported; use po or xliff")
            throw Exit.usage
        }
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let root = try courseDocument(at: loaded.path)
        let source = loaded.course.language
        let units = TranslationUnits.units(of: root, source: source, target: lang)
        if chosen == .xliff, let unit = XLIFFFile.unwritable(units) {
            printError("\(loaded.path): error: the text '\(unit.key)' holds a control character that XML cannot carry; remove it, or export with --format po")
            throw Exit.invalidData
        }
        let text = chosen.write(units, course: loaded.course.id, source: source, target: lang)
        try writeOutput(text, to: output)
    }
}

struct TranslateImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of a PO or XLIFF file back into a course; ids, scores and routes are never changed.",
        discussion: "The format is read from the file: XML is XLIFF 1.2, anything else PO. A malformed file, one in other languages than the course, or an entry whose key the course does not have refuses the import (exit 65, FILE:LINE named). An entry whose source text changed since the export is written and reported as a warning (stale). Without --output the course file is replaced."
    )

    @Argument(help: "The course file (JSON, or the text format for a name ending in .md).")
    var course: String

    @Argument(help: "The PO or XLIFF file with the translations.")
    var file: String

    @Option(help: "Write the translated course here instead of replacing COURSE.")
    var output: String?

    func run() throws {
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let root = try courseDocument(at: loaded.path)
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("\(file): cannot read the file")
            throw Exit.ioError
        }
        guard let text = String(data: data, encoding: .utf8) else {
            printError("\(file): the file is not UTF-8: save it as UTF-8")
            throw Exit.invalidData
        }
        let document: TranslationDocument
        do {
            document = try TranslationFormat.detected(in: text).read(text)
        } catch {
            printError("\(file):\(error.line): error: \(error.message)")
            throw Exit.invalidData
        }
        if let problem = TranslationImport.languageProblem(of: document, courseLanguage: loaded.course.language) {
            printError("\(file):1: error: \(problem)")
            throw Exit.invalidData
        }
        let result = TranslationImport.apply(document.entries, to: root, target: document.targetLanguage ?? "")
        for entry in result.unknown {
            printError("\(file):\(entry.line): error: the course has no text with key '\(entry.key)'")
        }
        guard result.unknown.isEmpty else { throw Exit.invalidData }
        for entry in result.stale {
            printError("\(file):\(entry.line): warning: the source text of '\(entry.key)' changed since the export; check the translation")
        }
        let destination = output ?? loaded.path
        try writeOutput(try courseText(result.root, asText: TextCourseFormat.isText(destination), file: destination), to: destination)
        printOutput("\(result.written) translations written to \(destination), \(result.stale.count) stale")
    }
}
