import ArgumentParser
import WegwijsConsole
import WegwijsCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check course files and print every problem found, located.",
        discussion: """
        Problems are printed to stderr as FILE:LINE:COLUMN: error|warning: message (in Dutch: fout|waarschuwing), followed by one summary line per file on stdout. With --format json, one JSON report goes to stdout instead (fields: valid, strict, files[].file/valid/readable/errors/warnings/problems[], each problem with severity, line, column, pointer, message).

        Exit 0 when every file is valid, 65 when one is not, 74 when one cannot be read.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Course files (or bundled course ids).")
    var courses: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Language of the messages (default: the language setting, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English).")
    var lang: InterfaceLanguage?

    func run() throws {
        let catalog = bundledCourses()
        let language = messageLanguage(lang)
        let results = courses.map { FileValidation.check(path: catalog.resolve($0), strict: strict, language: language) }
        switch format {
        case .json:
            printOutput(ValidationReport(files: results, strict: strict).json())
        case .text:
            for result in results {
                result.diagnostics.forEach { printDiagnostic($0, in: language) }
                printOutput(TextLayout.sanitized(result.summary))
            }
        }
        if results.contains(where: { !$0.readable }) { throw Exit.ioError }
        if results.contains(where: { !$0.valid }) { throw Exit.invalidData }
    }
}
