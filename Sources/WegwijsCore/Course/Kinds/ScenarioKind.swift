/// The kinds of question a scenario can ask. This is the one dispatch on the kind: `PerKind`'s
/// subscript is the only `switch` over it, and everything a kind decides lives in its own type
/// (`SingleChoice`, `MultipleChoice`, `Ranking`, each a `QuestionKind`). A new kind is one new
/// case here, one new field in `PerKind`, one new type; the compiler then names every table
/// that needs an entry for it (the interface's phrases, the statistics' phrases).
public enum ScenarioKind: String, Sendable, Hashable, CaseIterable {
    case single
    case multiple
    case ranking

    /// Every rule of this kind.
    public var rules: any QuestionKind { Self.table[self] }

    /// Every kind's name for a message: `'single', 'multiple' or 'ranking'`.
    static var listed: LocalizedMessage { CourseMessages.kindList(allCases.map(\.rawValue)) }

    private static let table = PerKind<any QuestionKind>(single: SingleChoice(), multiple: MultipleChoice(), ranking: Ranking())
}

/// One value per question kind; a table that names every kind, so a kind cannot be forgotten.
public struct PerKind<Value: Sendable>: Sendable {
    public var single: Value
    public var multiple: Value
    public var ranking: Value

    public init(single: Value, multiple: Value, ranking: Value) {
        self.single = single
        self.multiple = multiple
        self.ranking = ranking
    }

    public subscript(kind: ScenarioKind) -> Value {
        switch kind {
        case .single: single
        case .multiple: multiple
        case .ranking: ranking
        }
    }
}

extension Scenario {
    /// The rules of this scenario's kind.
    public var rules: any QuestionKind { kind.rules }
}
