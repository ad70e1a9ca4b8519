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
        for entry in entries {
            guard let place = places[entry.key], let text = TranslationUnits.node(at: place.steps, in: root) else {
                result.unknown.append(entry)
                continue
            }
            if TranslationUnits.text(text, in: source, source: source) != entry.source { result.stale.append(entry) }
            guard !entry.target.isEmpty else { continue }
            result.root = TranslationUnits.setting(entry.target, language: target, source: source, at: place.steps[...], in: result.root)
            result.written += 1
        }
        return result
    }
}
