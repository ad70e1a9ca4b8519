import Foundation
import WegwijsCore

/// What a line typed at the answer prompt means.
public enum AnswerInput: Equatable, Sendable {
    /// Option positions as shown (0 = a), in the order that counts.
    case choose([Int])
    case help
    case guidelines
    /// Show the policy the course teaches.
    case policy
    case stop
    case empty
    /// More than one letter where one is asked for.
    case tooMany
    /// A ranking: a letter typed twice.
    case repeated(Character)
    /// A ranking: letters left out.
    case missing([Character])
    /// A letter beyond the last option.
    case noSuchOption(Character)
    case notUnderstood

    /// Reads one line for a scenario with `optionCount` options of a kind (`rules`), with the
    /// words of the learner's language.
    public static func parse(_ line: String, optionCount: Int, rules: any QuestionKind, words: TypedWords) -> AnswerInput {
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty { return .empty }
        if words.help.contains(text) { return .help }
        if words.guidelines.contains(text) { return .guidelines }
        if words.policy.contains(text) { return .policy }
        if words.stop.contains(text) { return .stop }

        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," })
        var positions: [Int] = []
        for token in tokens {
            guard token.count == 1, let letter = token.first, let ascii = letter.asciiValue,
                  letter >= "a", letter <= "z" else { return .notUnderstood }
            let position = Int(ascii - UInt8(ascii: "a"))
            guard position < optionCount else { return .noSuchOption(letter) }
            positions.append(position)
        }
        if positions.isEmpty { return .notUnderstood }
        switch rules.check(positions, optionCount: optionCount) {
        case .answer(let chosen): return .choose(chosen)
        case .onlyOne: return .tooMany
        case .repeated(let position): return .repeated(letter(position))
        case .incomplete(let missing): return .missing(missing.map(letter))
        }
    }

    /// The letter shown for an option position.
    public static func letter(_ position: Int) -> Character {
        Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(min(max(position, 0), 25))))
    }
}
