import Foundation

/// Validation results of several files, as `wegwijs validate --format json` prints them.
public struct ValidationReport: Sendable, Codable, Equatable {
    public var valid: Bool
    public var strict: Bool
    public var files: [FileValidation]

    public init(files: [FileValidation], strict: Bool) {
        self.files = files
        self.strict = strict
        valid = files.allSatisfy(\.valid)
    }

    /// Pretty-printed JSON with sorted keys, stable for golden tests and diffs.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return JSONWriter.escapingControlCharacters(String(decoding: data, as: UTF8.self))
    }
}
