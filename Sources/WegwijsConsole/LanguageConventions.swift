import WegwijsCore

/// What one question kind says to the learner and the trainer, in one language.
public struct KindPhrases: Sendable {
    /// Under the options: how to answer (`last` is the last letter).
    public let hint: @Sendable (_ last: Character) -> String
    /// Its line in the prompt's help: what to type, and what it does.
    public let helpLine: @Sendable (_ last: Character) -> (keys: String, effect: String)
    /// Its name in `preview`'s heading of a scenario.
    public let previewName: String
}

/// How a language writes numbers and days: the one home of these conventions, read by the
/// learner's phrases and by `NumberStyle` for reports and statistics.
public struct NumberConventions: Sendable {
    public enum DayOrder: Sendable {
        /// `25-11-2026`
        case dayMonthYear
        /// `2026-11-25` (ISO 8601)
        case yearMonthDay
    }
    public let decimalSeparator: Character
    /// Between groups of three digits: `20.000` or `20,000`.
    public let groupingSeparator: Character
    /// After a percentage: `85,4 %` or `85.4%`.
    public let percentSuffix: String
    public let dayOrder: DayOrder
    /// The unit of hours in a duration: `1 u 02 min` or `1 h 02 min`.
    public let hourUnit: String
}

/// The words a learner types, in one language. A table may list another language's words
/// too (the Dutch one takes `yes` and `quit`: many learners type them out of habit).
public struct TypedWords: Sendable {
    /// At the answer prompt: show how it works.
    public let help: Set<String>
    /// At the answer prompt: show the guidelines again.
    public let guidelines: Set<String>
    /// At any question or pause: show the policy the course teaches.
    public let policy: Set<String>
    /// At any question or pause: save and leave.
    public let stop: Set<String>
    /// Replies to a yes/no question.
    public let yes: Set<String>
    public let no: Set<String>

    public init(help: Set<String>, guidelines: Set<String>, policy: Set<String>, stop: Set<String>, yes: Set<String>, no: Set<String>) {
        self.help = help
        self.guidelines = guidelines
        self.policy = policy
        self.stop = stop
        self.yes = yes
        self.no = no
    }
}
