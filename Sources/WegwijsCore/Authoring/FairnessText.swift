import Foundation

/// The wording of `validate`'s fairness messages: an unpassable course and single slips with
/// the changes that remove them.
enum FairnessText {
    private static func percent(_ value: Double) -> String { Percent.text(value) + " %" }

    /// "no route can pass: the best answers reach 95.5 % overall, below the pass mark of 100 %
    /// (at most 95 % can be reached)".
    static func unpassable(_ shortfalls: [RouteAnalysis.PassShortfall], rule: PassingRule) -> String {
        guard !shortfalls.isEmpty else {
            return "no route can pass: no answers reach the overall pass mark of \(rule.overall) % and \(rule.perGuideline) % on every assessed guideline on the same route; check the scores and the pass marks"
        }
        let parts = shortfalls.map { shortfall in
            let which = shortfall.guideline.map { "on guideline '\($0)'" } ?? "overall"
            return "the best answers reach \(percent(shortfall.best)) \(which), below the pass mark of \(shortfall.threshold) % (at most \(shortfall.reachable) % can be reached)"
        }
        return "no route can pass: " + parts.joined(separator: "; ")
    }

    /// A single slip that is not critical: what it breaks, where it loses points, and what
    /// removes it.
    static func slip(_ slip: RouteAnalysis.SingleSlip, in scenario: Scenario, rule: PassingRule,
                     losses: [(id: String, points: Int)], remedies: [SlipRemedy]) -> String {
        let answer = scenario.rules.describe(answer: slip.options) { "'\($0)'" }
        let what = slip.options.isEmpty ? "leaving out every option" : "answering \(answer)"
        let broken: String
        let thin: [String]
        switch slip.reason {
        case .guideline(let id):
            broken = "guideline '\(id)' falls below \(rule.perGuideline) %"
            thin = [id]
        case .overall, .critical:
            let lost = losses.map { "\($0.points) on '\($0.id)'" }
            broken = "the overall score falls below \(rule.overall) %" + (lost.isEmpty ? "" : "; the answer scores fewer points than the best one: \(lost.joined(separator: ", "))")
            thin = losses.map(\.id)
        }
        let changes = remedies.compactMap { remedy -> String? in
            switch remedy {
            case .score(let scenario, let option, let guideline, let from, let to) where from < 0 && to <= 0:
                return "lower the penalty of '\(scenario)/\(option)' on '\(guideline)' from \(from) to \(to)"
            case .score(let scenario, let option, let guideline, let from, let to):
                return "give '\(scenario)/\(option)' \(to) point\(to == 1 ? "" : "s") instead of \(from) on '\(guideline)'"
            case .draw(let pool, let from, let to):
                return "draw \(to) instead of \(from) from pool '\(pool)'"
            case .critical:
                return nil
            }
        }
        let critical = remedies.compactMap { remedy -> String? in
            guard case .critical(let scenario, let option) = remedy else { return nil }
            return "mark '\(scenario)/\(option)' critical if it is a serious breach"
        }
        let advice: String
        if changes.isEmpty {
            let more = thin.isEmpty ? "the guidelines" : thin.map { "'\($0)'" }.joined(separator: " and ")
            advice = "no change to one score or one pool's draw removes it: "
                + (["give \(more) more scenarios or points on every route"] + critical).joined(separator: ", or ")
        } else {
            advice = "to remove it: " + (changes + critical).joined(separator: ", or ")
        }
        return "single slip: \(what) in scenario '\(slip.scenario)' fails the course (\(broken)) with every other answer the best; \(advice)"
    }
}
