import Foundation

/// The wording of `validate`'s fairness messages, in both languages: an unpassable course and
/// single slips with the changes that remove them.
enum FairnessText {
    /// "95.5 %" in English, "95,5 %" in Dutch.
    private static func percent(_ value: Double) -> LocalizedMessage {
        LocalizedMessage(en: Percent.text(value) + " %", nl: Percent.text(value, separator: ",") + " %")
    }

    private static let or = LocalizedMessage(en: ", or ", nl: ", of ")

    /// "no route can pass: the best answers reach 95.5 % overall, below the pass mark of 100 %
    /// (at most 95 % can be reached)".
    static func unpassable(_ shortfalls: [RouteAnalysis.PassShortfall], rule: PassingRule) -> LocalizedMessage {
        guard !shortfalls.isEmpty else {
            return LocalizedMessage(
                en: "no route can pass: no answers reach the overall pass mark of \(rule.overall) % and \(rule.perGuideline) % on every assessed guideline on the same route; check the scores and the pass marks",
                nl: "geen enkele route slaagt: geen antwoorden halen op dezelfde route zowel de slaaggrens van \(rule.overall) % in totaal als \(rule.perGuideline) % op elke beoordeelde richtlijn; controleer de punten en de slaaggrenzen")
        }
        let parts = shortfalls.map { shortfall in
            let which = shortfall.guideline.map { LocalizedMessage(en: "on guideline '\($0)'", nl: "op richtlijn '\($0)'") }
                ?? LocalizedMessage(en: "overall", nl: "in totaal")
            return LocalizedMessage(en: "the best answers reach ", nl: "de beste antwoorden halen ") + percent(shortfall.best)
                + .verbatim(" ") + which
                + LocalizedMessage(en: ", below the pass mark of \(shortfall.threshold) % (at most \(shortfall.reachable) % can be reached)",
                                   nl: ", onder de slaaggrens van \(shortfall.threshold) % (hoogstens \(shortfall.reachable) % is haalbaar)")
        }
        return LocalizedMessage(en: "no route can pass: ", nl: "geen enkele route slaagt: ") + .joined(parts, separator: .verbatim("; "))
    }

    /// After the unpassable error: the single slips that follow from it are counted, not listed.
    static func slipsLeftOut(_ count: Int) -> LocalizedMessage {
        guard count > 0 else { return .empty }
        return LocalizedMessage(
            en: "; the \(count) single-slip warning\(count == 1 ? "" : "s") that follow from it \(count == 1 ? "is" : "are") left out",
            nl: "; \(count == 1 ? "de waarschuwing" : "de \(count) waarschuwingen") over één misstap die daaruit \(count == 1 ? "volgt, is" : "volgen, zijn") weggelaten")
    }

    /// A single slip that is not critical: what it breaks, where it loses points, and what
    /// removes it.
    static func slip(_ slip: RouteAnalysis.SingleSlip, in scenario: Scenario, rule: PassingRule,
                     losses: [(id: String, points: Int)], remedies: [SlipRemedy]) -> LocalizedMessage {
        let answer = scenario.rules.wording(of: slip.options) { "'\($0)'" }
        let what = slip.options.isEmpty
            ? LocalizedMessage(en: "leaving out every option", nl: "geen enkel antwoord kiezen")
            : LocalizedMessage(en: "answering ", nl: "het antwoord ") + answer
        let broken: LocalizedMessage
        let thin: [String]
        switch slip.reason {
        case .guideline(let id):
            broken = LocalizedMessage(en: "guideline '\(id)' falls below \(rule.perGuideline) %",
                                      nl: "richtlijn '\(id)' zakt onder \(rule.perGuideline) %")
            thin = [id]
        case .overall, .critical:
            let lost = losses.map { "\($0.points) on '\($0.id)'" }
            let verloren = losses.map { "\($0.points) op '\($0.id)'" }
            broken = LocalizedMessage(
                en: "the overall score falls below \(rule.overall) %" + (lost.isEmpty ? "" : "; the answer scores fewer points than the best one: \(lost.joined(separator: ", "))"),
                nl: "de totaalscore zakt onder \(rule.overall) %" + (verloren.isEmpty ? "" : "; het antwoord levert minder punten op dan het beste: \(verloren.joined(separator: ", "))"))
            thin = losses.map(\.id)
        }
        let changes = remedies.compactMap { remedy -> LocalizedMessage? in
            switch remedy {
            case .score(let scenario, let option, let guideline, let from, let to) where from < 0 && to <= 0:
                return LocalizedMessage(en: "lower the penalty of '\(scenario)/\(option)' on '\(guideline)' from \(from) to \(to)",
                                        nl: "verlaag de aftrek van '\(scenario)/\(option)' op '\(guideline)' van \(from) naar \(to)")
            case .score(let scenario, let option, let guideline, let from, let to):
                return LocalizedMessage(en: "give '\(scenario)/\(option)' \(to) point\(to == 1 ? "" : "s") instead of \(from) on '\(guideline)'",
                                        nl: "geef '\(scenario)/\(option)' \(to) \(to == 1 ? "punt" : "punten") in plaats van \(from) op '\(guideline)'")
            case .draw(let pool, let from, let to):
                return LocalizedMessage(en: "draw \(to) instead of \(from) from pool '\(pool)'",
                                        nl: "trek \(to) in plaats van \(from) uit pool '\(pool)'")
            case .critical:
                return nil
            }
        }
        let critical = remedies.compactMap { remedy -> LocalizedMessage? in
            guard case .critical(let scenario, let option) = remedy else { return nil }
            return LocalizedMessage(en: "mark '\(scenario)/\(option)' critical if it is a serious breach",
                                    nl: "markeer '\(scenario)/\(option)' als ernstig (critical) als het een ernstige overtreding is")
        }
        let advice: LocalizedMessage
        if changes.isEmpty {
            let quoted = thin.map { "'\($0)'" }
            let more = thin.isEmpty
                ? LocalizedMessage(en: "the guidelines", nl: "de richtlijnen")
                : LocalizedMessage(en: quoted.joined(separator: " and "), nl: quoted.joined(separator: " en "))
            let give = LocalizedMessage(en: "give ", nl: "geef ") + more
                + LocalizedMessage(en: " more scenarios or points on every route", nl: " meer scenario's of punten op elke route")
            advice = LocalizedMessage(en: "no change to one score or one pool's draw removes it: ",
                                      nl: "geen wijziging van één score of van de trekking van één pool lost dit op: ")
                + .joined([give] + critical, separator: or)
        } else {
            advice = LocalizedMessage(en: "to remove it: ", nl: "zo los je het op: ") + .joined(changes + critical, separator: or)
        }
        return LocalizedMessage(en: "single slip: \(what.en) in scenario '\(slip.scenario)' fails the course (\(broken.en)) with every other answer the best; \(advice.en)",
                                nl: "één misstap: \(what.nl) in scenario '\(slip.scenario)' laat de cursus zakken (\(broken.nl)), ook als elk ander antwoord het beste is; \(advice.nl)")
    }
}
