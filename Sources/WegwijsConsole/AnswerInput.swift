import Foundation

/// What a line typed at the answer prompt means.
public enum AnswerInput: Equatable, Sendable {
    /// Option positions as shown (0 = a).
    case choose([Int])
    case help
    case guidelines
    case stop
    case empty
    /// More than one letter where one is asked for.
    case tooMany
    /// A letter beyond the last option.
    case noSuchOption(Character)
    case notUnderstood

    /// The words accepted besides letters; Tab completes them.
    public static let helpWords: Set = ["?", "help", "hulp"]
    public static let guidelineWords: Set = ["richtlijnen", "guidelines"]
    public static let stopWords: Set = ["stop", "quit"]

    /// Reads one line for a scenario with `optionCount` options.
    public static func parse(_ line: String, optionCount: Int, allowsMany: Bool) -> AnswerInput {
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty { return .empty }
        if helpWords.contains(text) { return .help }
        if guidelineWords.contains(text) { return .guidelines }
        if stopWords.contains(text) { return .stop }

        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," })
        var positions: [Int] = []
        for token in tokens {
            guard token.count == 1, let letter = token.first, let ascii = letter.asciiValue,
                  letter >= "a", letter <= "z" else { return .notUnderstood }
            let position = Int(ascii - UInt8(ascii: "a"))
            guard position < optionCount else { return .noSuchOption(letter) }
            if !positions.contains(position) { positions.append(position) }
        }
        if positions.isEmpty { return .notUnderstood }
        if !allowsMany, positions.count > 1 { return .tooMany }
        return .choose(positions)
    }

    /// The letter shown for an option position.
    public static func letter(_ position: Int) -> Character {
        Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(min(max(position, 0), 25))))
    }
}
