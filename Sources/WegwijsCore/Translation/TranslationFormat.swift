/// What a translation file says, whatever its format: the languages its header names and its
/// entries. The rules for applying it (unknown keys, stale sources, languages) are the same for
/// every format: see `TranslationImport`.
public struct TranslationDocument: Sendable, Equatable {
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var entries: [TranslationEntry]
}

/// The file formats `wegwijs translate` writes and reads. Only the serialisation differs.
public enum TranslationFormat: String, Sendable, CaseIterable {
    case po
    case xliff

    /// The format a file name asks for (`.xlf`, `.xliff`; `.po`, `.pot`), if any.
    public static func named(by path: String) -> TranslationFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") { return .xliff }
        if lower.hasSuffix(".po") || lower.hasSuffix(".pot") { return .po }
        return nil
    }

    /// The format of a file's content: XML (it starts with `<`) is XLIFF, anything else PO.
    public static func detected(in text: String) -> TranslationFormat {
        let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        return start.first == "<" ? .xliff : .po
    }

    public func write(_ units: [TranslationUnit], course: String, source: String, target: String) -> String {
        switch self {
        case .po: POFile.write(units, course: course, source: source, target: target)
        case .xliff: XLIFFFile.write(units, course: course, source: source, target: target)
        }
    }

    public func read(_ text: String) throws(TranslationFileError) -> TranslationDocument {
        switch self {
        case .po:
            TranslationDocument(sourceLanguage: POFile.header("X-Wegwijs-Source-Language", of: text),
                                targetLanguage: POFile.header("Language", of: text),
                                entries: try POFile.read(text))
        case .xliff:
            try XLIFFFile.read(text)
        }
    }
}
