import Foundation
import WegwijsConsole
import WegwijsCore

/// The language the program's messages about files come in: `--lang` where the command has it,
/// else the language setting, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
func messageLanguage(_ explicit: InterfaceLanguage? = nil,
                     environment: [String: String] = ProcessInfo.processInfo.environment) -> InterfaceLanguage {
    explicit ?? quietSettings()?[.language].flatMap(InterfaceLanguage.init(rawValue:))
        ?? LanguageChoice.locale(environment) ?? .en
}

/// Prints a located problem to stderr in `language`; in a terminal, the line it is on follows
/// with a caret under the column, so a trainer sees the place without counting.
func printDiagnostic(_ diagnostic: Diagnostic, in language: InterfaceLanguage) {
    printError(TextLayout.inline(diagnostic.description(in: language), limit: 2_000))
    guard isatty(STDERR_FILENO) == 1, let position = diagnostic.position,
          let line = SourceLines.line(position.line, of: diagnostic.file) else { return }
    // The part of the line around the column that fits the terminal, cut with "…" at either end.
    let characters = Array(TextLayout.inline(line, limit: 2_000))
    let column = min(max(position.column - 1, 0), characters.count)
    let room = max(20, max(TerminalInfo.measuredWidth(of: STDERR_FILENO), TerminalInfo.minimumWidth) - 6)
    var start = 0
    if characters.count > room { start = min(max(0, column - room / 2), characters.count - room) }
    let end = min(characters.count, start + room)
    let lead = start > 0 ? "…" : ""
    let shown = lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    let caretPad = String(repeating: " ", count: column - start + lead.count)
    StandardStreams.writeError("  \(shown)\n  \(caretPad)^\n")
}

/// The lines of course files, read once per file for the carets.
enum SourceLines {
    nonisolated(unsafe) private static var cache: [String: [Substring]] = [:]

    static func line(_ number: Int, of file: String) -> String? {
        if cache[file] == nil {
            guard let data = FileManager.default.contents(atPath: file), data.count <= CourseLoader.maximumFileSize else { return nil }
            cache[file] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[file], lines.indices.contains(number - 1) else { return nil }
        return String(lines[number - 1].trimmingSuffix { $0 == "\r" })
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
