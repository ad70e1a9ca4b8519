/// What an import found: the course with the translations written in, the entries whose key
/// the course does not have (these refuse the import) and those whose source changed since the
/// export (stale: written anyway, reported as warnings).
public struct TranslationImportResult: Sendable {
    public var root: JSONNode
    public var unknown: [TranslationEntry]
    public var stale: [TranslationEntry]
    public var written: Int
}

public enum TranslationImport {
    /// Writes every non-empty translation of `entries` as the `target` text at its key.
    public static func apply(_ entries: [TranslationEntry], to root: JSONNode, target: String) -> TranslationImportResult {
        let source = TranslationUnits.sourceLanguage(of: root) ?? ""
        let places = Dictionary(TranslationUnits.places(in: root).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var result = TranslationImportResult(root: root, unknown: [], stale: [], written: 0)
        let languages = TranslationUnits.languages(of: root).filter { $0 != target }
        for entry in entries {
            guard let place = places[entry.key], let texts = TranslationUnits.texts(at: place.steps, in: root, source: source) else {
                result.unknown.append(entry)
                continue
            }
            if texts[source] != entry.source { result.stale.append(entry) }
            guard !entry.target.isEmpty else { continue }
            let plainLanguages = place.plainMeansEveryLanguage ? languages : [source]
            result.root = TranslationUnits.setting(entry.target, language: target, plainLanguages: plainLanguages,
                                                   at: place.steps[...], in: result.root)
            result.written += 1
        }
        return result
    }
}

extension TranslationImport {
    /// Why a translation file's languages do not fit the course (nil when they do): it must name
    /// a target language other than the course's own, and a source language, when it names one,
    /// must be the course's.
    public static func languageProblem(of document: TranslationDocument, courseLanguage: String) -> String? {
        if let source = document.sourceLanguage, source != courseLanguage {
            return "the file translates from '\(source)', but the course is written in '\(courseLanguage)': it belongs to another course or was exported the wrong way round"
        }
        guard let target = document.targetLanguage, !target.isEmpty, target != courseLanguage else {
            return "the file names no target language other than the course's own ('\(courseLanguage)'): PO needs \"Language: en\\n\" in its header, XLIFF target-language=\"en\" on <file>"
        }
        return nil
    }
}
