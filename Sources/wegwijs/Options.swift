import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// `--plain`, for every command that draws on the terminal.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Plain text: no colour, box drawing, bars or symbols (screen readers, logs). NO_COLOR and TERM=dumb also switch colour off.")
    var plain = false

    /// The terminal as this command may use it.
    var terminal: TerminalInfo { TerminalInfo.current(plain: plain) }
}

/// `--lang nl|en`: help lists the languages and parsing refuses others.
extension InterfaceLanguage: ExpressibleByArgument {}

/// `stats --attempts first|all`.
extension AttemptSelection: ExpressibleByArgument {}

/// The formats of `report` and `stats`: `--format`, else the `--output` file's extension.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, html

    /// The chosen format, or the one the output file's name suggests (`.csv`, `.json`,
    /// `.html`/`.htm`), else a table.
    static func chosen(_ format: TableFormat?, output: String?) -> TableFormat {
        if let format { return format }
        guard let lowered = output?.lowercased() else { return .table }
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") { return .html }
        return .table
    }
}

/// `--lang`, for the commands that show course text.
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of the course text and interface (default: the language setting, else the locale's (LC_ALL, LC_MESSAGES, LANG), else asked in a terminal, else the course's language).")
    var lang: InterfaceLanguage?

    /// The language to show the course in: `--lang`, else the language setting, else the
    /// locale's, where the course can be taken in it; else `ask` chooses among the languages
    /// the course is complete in (a terminal run, when there are several); else the course's
    /// own. A usage error (64) when the course does not offer `--lang`; when some text lacks
    /// it, every missing text is printed, located, and the command ends with 65 before
    /// anything is shown.
    func language(for loaded: LoadedCourse, environment: [String: String] = ProcessInfo.processInfo.environment,
                  inProgress: String? = nil,
                  ask: ((_ offered: [InterfaceLanguage], _ fallback: InterfaceLanguage) throws -> InterfaceLanguage)? = nil) throws -> String {
        let course = loaded.course
        // The setting and the locale apply where the course can be taken in them; --lang must be offered.
        let complete = course.completeLanguages
        let preferred = quietSettings()?[.language].flatMap { complete.contains($0) ? $0 : nil }
        let local = LanguageChoice.locale(environment).flatMap { complete.contains($0.rawValue) ? $0.rawValue : nil }
        // An attempt in progress continues in its language rather than asking again.
        let resumed = inProgress.flatMap { complete.contains($0) ? $0 : nil }
        var chosen = lang?.rawValue ?? preferred ?? local ?? resumed
        let offered = complete.compactMap(InterfaceLanguage.init(rawValue:))
        if chosen == nil, let ask, offered.count > 1, let fallback = InterfaceLanguage(rawValue: course.language) {
            chosen = try ask(offered, fallback).rawValue
        }
        let language = chosen ?? course.language
        guard course.languages.contains(language) else {
            throw ValidationError("course '\(course.id)' is not available in '\(TextLayout.inline(language, limit: 20))' (it offers \(TextLayout.inline(course.languages.joined(separator: ", "), limit: 80)))")
        }
        if let missing = loaded.missingTexts[language], !missing.isEmpty {
            // Said in the language asked for, where the interface speaks it.
            let words = messageLanguage(InterfaceLanguage(rawValue: language))
            missing.forEach { printDiagnostic($0, in: words) }
            printError(TextLayout.sanitized("\(loaded.path): " + MissingTexts.refusal(
                course: course.id, language: language, count: missing.count, complete: course.completeLanguages).text(words)))
            throw Exit.invalidData
        }
        return language
    }
}

/// `--records`, for the commands that write completion records.
struct RecordsOptions: ParsableArguments {
    @Option(help: "Where completion records go (default: the records setting, see wegwijs config; else ./records).")
    var records: String?

    /// The flag as a setting, for `loadSettings`.
    var flags: [Setting: (value: String, flag: String)] {
        records.map { [.records: ($0, "--records")] } ?? [:]
    }

    /// The records folder in force: the flag, else the records setting (`WEGWIJS_RECORDS`, a
    /// settings file), else `./records`.
    var folder: String {
        records ?? quietSettings()?.records
            ?? ProcessInfo.processInfo.environment["WEGWIJS_RECORDS"].flatMap { $0.isEmpty ? nil : $0 } ?? "records"
    }
}

/// The signing key setting (`WEGWIJS_SIGNING_KEY_FILE`, `wegwijs.signingKeyFile`), read in one
/// place for every command.
enum SigningKey {
    /// The signer, or nil when no key is configured; an unreadable or short key file is
    /// reported and ends the command with 74, a broken settings file with 65.
    static func configured() throws -> RecordSigner? {
        guard let keyFile = try loadSettings()[.signingKeyFile], !keyFile.isEmpty else { return nil }
        do {
            return try RecordSigner(keyFile: keyFile)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
    }
}
