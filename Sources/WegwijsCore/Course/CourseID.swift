/// The one rule for the ids in a course file (course, guideline, scenario, option), SPEC §2:
/// `[a-z0-9][a-z0-9-]*`, at most 64 characters. A course id becomes a folder name in the
/// records folder, so the rule also keeps one course's records apart from another's.
public enum CourseID {
    /// The longest id allowed.
    public static let maximumLength = CourseLimits.idLength

    /// Whether `id` follows the rule.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "-"), id.utf8.count <= maximumLength else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The rule in words, for messages, in every interface language.
    public static var rule: LocalizedMessage { CourseMessages.idRule }

    /// The rule in English (`wegwijs new` still says it in English only).
    public static var ruleText: String { rule.en }
}
