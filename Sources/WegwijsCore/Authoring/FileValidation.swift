import Foundation

/// The outcome of validating one course file, ready to print as text or JSON.
public struct FileValidation: Sendable, Codable, Equatable {
    /// One problem, flattened for JSON: editors and CI read `line`, `column` and `pointer`.
    public struct Problem: Sendable, Codable, Equatable {
        public var severity: Diagnostic.Severity
        public var line: Int?
        public var column: Int?
        public var pointer: String?
        public var message: String
    }

    public var file: String
    /// True when the file has no errors (after `--strict`, no warnings either).
    public var valid: Bool
    /// False when the file could not be read at all (exit 74 rather than 65).
    public var readable: Bool
    public var errors: Int
    public var warnings: Int
    public var scenarios: Int?
    public var guidelines: Int?
    public var problems: [Problem]

    /// Validates a file's bytes; with `strict`, every warning counts as an error. The messages
    /// and the summary are in `language`.
    public static func check(bytes: [UInt8], file: String, strict: Bool, language: InterfaceLanguage = .en) -> FileValidation {
        let (course, diagnostics) = CourseLoader.check(bytes: bytes, file: file)
        return FileValidation(file: file, diagnostics: diagnostics, course: course, readable: true, strict: strict, language: language)
    }

    /// Reads and validates a file.
    public static func check(path: String, strict: Bool, language: InterfaceLanguage = .en) -> FileValidation {
        do {
            let bytes = try CourseLoader.read(path: path)
            return check(bytes: bytes, file: path, strict: strict, language: language)
        } catch {
            return FileValidation(file: path, diagnostics: error.diagnostics, course: nil,
                                  readable: error.kind != .unreadable, strict: strict, language: language)
        }
    }

    init(file: String, diagnostics: [Diagnostic], course: Course?, readable: Bool, strict: Bool, language: InterfaceLanguage) {
        self.file = file
        self.language = language
        self.readable = readable
        self.diagnostics = diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if strict { diagnostic.severity = .error }
            return diagnostic
        }
        problems = self.diagnostics.map {
            Problem(severity: $0.severity, line: $0.position?.line, column: $0.position?.column,
                    pointer: $0.pointer, message: $0.wording.text(language))
        }
        errors = problems.filter { $0.severity == .error }.count
        warnings = problems.count - errors
        valid = course != nil && errors == 0
        scenarios = course?.scenarios.count
        guidelines = course?.guidelines.count
    }

    /// The located diagnostics, errors first (severities already raised by `--strict`).
    public private(set) var diagnostics: [Diagnostic] = []

    /// The language of the messages and the summary.
    public private(set) var language: InterfaceLanguage = .en

    private enum CodingKeys: String, CodingKey {
        case file, valid, readable, errors, warnings, scenarios, guidelines, problems
    }

    /// "ok (5 scenarios, 2 guidelines, 1 warning)" or "invalid (3 errors, 0 warnings)", in the
    /// language of the messages.
    public var summary: String {
        let words: LocalizedMessage
        if valid, let scenarios, let guidelines {
            words = ValidationMessages.valid(scenarios: scenarios, guidelines: guidelines, warnings: warnings)
        } else {
            words = ValidationMessages.invalid(readable: readable, errors: errors, warnings: warnings)
        }
        return "\(file): " + words.text(language)
    }
}
