import Foundation

/// The learner's choice in one scenario, by option ids (never letters, so a record re-scores
/// identically whatever the shuffle).
public struct Answer: Sendable, Hashable, Codable {
    public var scenario: String
    public var options: [String]
    public var at: Date

    public init(scenario: String, options: [String], at: Date) {
        self.scenario = scenario
        self.options = options
        self.at = at
    }
}
