/// A located problem found in a course file. Checks produce diagnostics; commands print them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var file: String
    public var position: SourcePosition?
    /// What is wrong, in each interface language.
    public var wording: LocalizedMessage
    /// The JSON Pointer of the value involved (`/scenarios/3/options/1/next`), when known.
    public var pointer: String?

    public init(_ severity: Severity, file: String, position: SourcePosition?, message: LocalizedMessage, pointer: String? = nil) {
        self.severity = severity
        self.file = file
        self.position = position
        self.wording = message
        self.pointer = pointer
    }

    /// The message in English.
    public var message: String { wording.en }

    /// The note that ends a list cut at its limit: how many problems were left out.
    public static func notShown(_ count: Int, severity: Severity, file: String) -> Diagnostic {
        Diagnostic(severity, file: file, position: nil, message: DiagnosticMessages.notShown(count))
    }

    /// `FILE:LINE:COLUMN: error: message`, or `FILE: error: message` without a position, in English.
    public var description: String { description(in: .en) }

    /// `FILE:LINE:COLUMN: fout: …` in Dutch: the severity and the message in the language asked.
    public func description(in language: InterfaceLanguage) -> String {
        let location = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(location): \(DiagnosticMessages.severity(severity).text(language)): \(wording.text(language))"
    }
}

/// A problem found on a decoded course, located by JSON Pointer until the loader knows the file.
public struct CourseProblem: Sendable, Hashable {
    public var severity: Diagnostic.Severity
    /// Where in the document: `/scenarios/3/options/1/next`.
    public var pointer: String
    /// When set, the problem is with this key of the object at `pointer` (an unknown field).
    public var key: String?
    public var wording: LocalizedMessage

    public init(_ severity: Diagnostic.Severity, at pointer: String, key: String? = nil, _ message: LocalizedMessage) {
        self.severity = severity
        self.pointer = pointer
        self.key = key
        self.wording = message
    }

    /// The message in English.
    public var message: String { wording.en }
}

/// Finding the known name closest to a misspelt one, for "did you mean" hints.
public enum Suggestion {
    /// The candidate within a small edit distance of `name`, if any.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `" — did you mean 'x'?"` or an empty string, in English (for messages not about a file).
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        suggestion(for: name, in: candidates).en
    }

    /// `" — did you mean 'x'?"` / `" — bedoel je 'x'?"`, or nothing.
    public static func suggestion(for name: String, in candidates: some Sequence<String>) -> LocalizedMessage {
        closest(to: name, in: candidates).map {
            LocalizedMessage(en: " — did you mean '\($0)'?", nl: " — bedoel je '\($0)'?")
        } ?? .empty
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
