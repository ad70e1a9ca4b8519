import WegwijsCore

/// The words of `wegwijs paths`, in both interface languages side by side (as the message
/// tables of `validate` are), chosen with `--lang`, the setting or the locale.
enum PathsPhrases {
    static func routes(_ count: String, plural: Bool, scenarios: Int, shortest: Int, longest: Int, dash: String) -> LocalizedMessage {
        LocalizedMessage(en: "\(count) \(plural ? "routes" : "route") through \(scenarios) scenarios (\(shortest)\(dash)\(longest) scenarios long)",
                         nl: "\(count) \(plural ? "routes" : "route") door \(scenarios) scenario's (\(shortest)\(dash)\(longest) scenario's lang)")
    }

    static func pool(_ id: String, draw: Int, of members: Int) -> LocalizedMessage {
        LocalizedMessage(en: "\(id) \(draw) of \(members)", nl: "\(id) \(draw) van \(members)")
    }

    static func pools(_ list: String, draws: String) -> LocalizedMessage {
        LocalizedMessage(en: "pools: \(list); \(draws) different draws, all analysed",
                         nl: "pools: \(list); \(draws) verschillende trekkingen, alle geanalyseerd")
    }

    static func fewest(_ list: String, withDraws: Bool) -> LocalizedMessage {
        LocalizedMessage(en: "fewest scenarios assessing each guideline on any route\(withDraws ? " and draw" : ""): \(list)",
                         nl: "minste scenario's die een richtlijn beoordelen, op welke route\(withDraws ? " en trekking" : "") ook: \(list)")
    }

    static func rule(overall: Int, perGuideline: Int, noCritical: Bool, atLeast: String) -> LocalizedMessage {
        LocalizedMessage(
            en: "pass rule: overall \(atLeast) \(overall)%, every assessed guideline \(atLeast) \(perGuideline)%\(noCritical ? ", no critical option" : "")",
            nl: "slaagregel: totaal \(atLeast) \(overall)%, elke beoordeelde richtlijn \(atLeast) \(perGuideline)%\(noCritical ? ", geen ernstige overtreding" : "")")
    }

    static func overAll(best: String, worst: String) -> LocalizedMessage {
        LocalizedMessage(en: "over all routes: best \(best), worst \(worst)", nl: "over alle routes: best \(best), slechtst \(worst)")
    }

    static let tooMany = LocalizedMessage(
        en: "Too many routes to list one by one. The figures and findings cover every route and draw all the same: they are computed over the course's branching as a whole, not route by route. Use --limit N to list up to N routes.",
        nl: "Te veel routes om een voor een te tonen. De cijfers en bevindingen gaan toch over elke route en trekking: ze worden berekend over de vertakkingen van de cursus als geheel, niet per route. Met --limit N worden tot N routes getoond.")

    static let singleSlips = LocalizedMessage(en: "Single slips", nl: "Eén misstap")
    static let findings = LocalizedMessage(en: "Findings", nl: "Bevindingen")

    static let noSlips = LocalizedMessage(
        en: "  none: no single answer fails the course when every other answer is the best",
        nl: "  geen: geen enkel antwoord laat de cursus zakken als elk ander antwoord het beste is")

    static let criticalSlip = LocalizedMessage(en: "a critical option (a serious breach: the learner is told so)",
                                               nl: "een ernstige overtreding (de deelnemer krijgt dat te horen)")

    static func overallBelow(_ percent: Int) -> LocalizedMessage {
        LocalizedMessage(en: "the overall score falls below \(percent)%", nl: "de totaalscore zakt onder \(percent)%")
    }

    static func guidelineBelow(_ id: String, _ percent: Int) -> LocalizedMessage {
        LocalizedMessage(en: "guideline '\(id)' falls below \(percent)%", nl: "richtlijn '\(id)' zakt onder \(percent)%")
    }

    static let critical = LocalizedMessage(en: "  critical ", nl: "  ernstig ")

    static let slipsFollow = LocalizedMessage(
        en: "  No route can pass, so even the best answers fail: these slips follow from the pass rule (see Findings).",
        nl: "  Geen enkele route slaagt, dus zelfs de beste antwoorden zakken: deze misstappen volgen uit de slaagregel (zie Bevindingen).")

    static func ordinarySlips(_ count: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "  \(count) single slip\(count == 1 ? " is" : "s are") not marked critical: one ordinary mistake fails a learner there without being told it is serious.",
            nl: "  \(count) \(count == 1 ? "misstap is" : "misstappen zijn") niet als ernstig gemarkeerd: één gewone fout laat een deelnemer daar zakken zonder dat die hoort dat het ernstig is.")
    }

    static func route(_ number: Int) -> LocalizedMessage {
        LocalizedMessage(en: "route \(number): ", nl: "route \(number): ")
    }

    static func scenarios(_ count: Int) -> LocalizedMessage {
        LocalizedMessage(en: "\(count) scenario\(count == 1 ? "" : "s")", nl: "\(count) \(count == 1 ? "scenario" : "scenario's")")
    }

    static func best(_ percent: String) -> LocalizedMessage { LocalizedMessage(en: "best \(percent)", nl: "best \(percent)") }
    static func worst(_ percent: String) -> LocalizedMessage { LocalizedMessage(en: "worst \(percent)", nl: "slechtst \(percent)") }
    static let alwaysPasses = LocalizedMessage(en: "passes whatever the answers", nl: "slaagt wat de antwoorden ook zijn")
    static let canPass = LocalizedMessage(en: "can pass", nl: "kan slagen")
    static let cannotPass = LocalizedMessage(en: "cannot pass", nl: "kan niet slagen")
    static let undecided = LocalizedMessage(en: "pass undecided (too many combinations)", nl: "slagen onbeslist (te veel combinaties)")

    static func notAssessed(_ list: String) -> LocalizedMessage {
        LocalizedMessage(en: "not assessed: \(list)", nl: "niet beoordeeld: \(list)")
    }

    static let allWell = LocalizedMessage(
        en: " every route can pass, none passes on wrong answers, every guideline is assessed on every route",
        nl: " elke route kan slagen, geen enkele slaagt met foute antwoorden, elke richtlijn wordt op elke route beoordeeld")

    static let noRouteCanPass = LocalizedMessage(en: "no route can pass: ", nl: "geen enkele route slaagt: ")

    static func routesCannotPass(_ list: String, count: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "  ! route\(count == 1 ? "" : "s") \(list) cannot pass whatever the answers (a learner who takes \(count == 1 ? "it" : "them") is bound to fail)",
            nl: "  ! \(count == 1 ? "route" : "routes") \(list) \(count == 1 ? "kan" : "kunnen") niet slagen, wat de antwoorden ook zijn (wie \(count == 1 ? "die route" : "zo'n route") neemt, zakt altijd)")
    }

    static func worstAnswersPass(routes list: String?, count: Int) -> LocalizedMessage {
        let en = list.map { "on route\(count == 1 ? "" : "s") \($0)" } ?? "on some route"
        let nl = list.map { "op \(count == 1 ? "route" : "routes") \($0)" } ?? "op een route"
        return LocalizedMessage(en: "\(en) even the worst answers pass: the course does not tell good from bad answers there",
                                nl: "\(nl) slagen zelfs de slechtste antwoorden: de cursus onderscheidt daar goede en slechte antwoorden niet")
    }

    static func notAssessedOn(_ id: String, routes: String, of total: String) -> LocalizedMessage {
        LocalizedMessage(en: "  ! guideline '\(id)' is not assessed on \(routes) of \(total) routes",
                         nl: "  ! richtlijn '\(id)' wordt op \(routes) van de \(total) routes niet beoordeeld")
    }

    static func onRoutes(_ routes: String?, of total: String, plural: Bool) -> LocalizedMessage {
        guard let routes else { return LocalizedMessage(en: "on some routes", nl: "op sommige routes") }
        return LocalizedMessage(en: "on \(routes) of \(total) route\(plural ? "s" : "")", nl: "op \(routes) van \(total) \(plural ? "routes" : "route")")
    }

    static func inDraws(_ draws: String?, of total: String, plural: Bool) -> LocalizedMessage {
        guard let draws else { return LocalizedMessage(en: " and in some draws", nl: " en in sommige trekkingen") }
        return LocalizedMessage(en: " and in \(draws) of \(total) draw\(plural ? "s" : "")", nl: " en in \(draws) van \(total) \(plural ? "trekkingen" : "trekking")")
    }

    static func slipsFail(_ onRoutes: LocalizedMessage, _ inDraws: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a single slip that is not critical fails a learner ", nl: "één misstap die niet als ernstig gemarkeerd is, laat een deelnemer zakken ")
            + onRoutes + inDraws + LocalizedMessage(en: " (see Single slips)", nl: " (zie Eén misstap)")
    }

    static let searchTooLarge = LocalizedMessage(
        en: "  ? the pass search was too large to decide completely (many guidelines and branches)",
        nl: "  ? de zoektocht naar een voldoende was te groot om helemaal te beslissen (veel richtlijnen en vertakkingen)")

    static let noAnswersMeetRule = LocalizedMessage(
        en: "no answers meet every part of the pass rule on the same route (check scores and thresholds)",
        nl: "geen antwoorden halen op dezelfde route elk deel van de slaagregel (controleer de punten en de slaaggrenzen)")

    static func shortfall(best: String, guideline: String?, threshold: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "the best answers reach \(best) \(guideline.map { "on guideline '\($0)'" } ?? "overall"), below the pass mark of \(threshold)%",
            nl: "de beste antwoorden halen \(best) \(guideline.map { "op richtlijn '\($0)'" } ?? "in totaal"), onder de slaaggrens van \(threshold)%")
    }

    static func more(_ count: Int) -> LocalizedMessage {
        LocalizedMessage(en: " and \(count) more", nl: " en nog \(count)")
    }

    static func moreThan(_ count: UInt64) -> LocalizedMessage {
        LocalizedMessage(en: "more than \(count)", nl: "meer dan \(count)")
    }

    static let notApplicable = LocalizedMessage(en: "n/a", nl: "n.v.t.")
}
