import WegwijsCore

/// Renders `wegwijs paths`: the routes through a course, their best and worst percentages,
/// whether they can pass, and the findings a trainer should look at.
public struct RouteReportRenderer: Sendable {
    public var analysis: RouteAnalysis
    public var course: Course
    public var layout: TextLayout

    public init(analysis: RouteAnalysis, course: Course, terminal: TerminalInfo) {
        self.analysis = analysis
        self.course = course
        self.layout = TextLayout(terminal: terminal)
    }

    /// A symbol, or its plain ASCII stand-in with `--plain`.
    private func symbol(_ fancy: String, _ plain: String) -> String {
        layout.terminal.usesGraphics ? fancy : plain
    }

    private func percent(_ value: Double?) -> String {
        value.map { Percent.text($0) + "%" } ?? "n/a"
    }

    private func count(_ number: UInt64) -> String {
        number == .max ? "more than \(UInt64.max - 1)" : String(number)
    }

    /// The whole report after the course file's path (which the caller prints on a line of its
    /// own, never wrapped), ending in a newline.
    public func render() -> String {
        let routes = count(analysis.routeCount)
        let plural = analysis.routeCount == 1 ? "route" : "routes"
        var output = "\(routes) \(plural) through \(course.scenarios.count) scenarios"
        output += " (\(analysis.shortestRoute)\(symbol("–", "-"))\(analysis.longestRoute) scenarios long)\n"
        if !course.pools.isEmpty {
            let pools = course.pools.map { "\($0.id) \($0.draw) of \(Set($0.scenarios).count)" }.joined(separator: ", ")
            output += layout.wrap("pools: \(pools); \(count(analysis.drawCount)) different draws, all analysed")
        }
        let fewest = analysis.fewestAssessing.map { "\($0.id) \($0.scenarios)" }.joined(separator: ", ")
        output += layout.wrap("fewest scenarios assessing each guideline on any route\(course.pools.isEmpty ? "" : " and draw"): \(fewest)")
        let rule = course.passing
        output += "pass rule: overall \(symbol("≥", ">=")) \(rule.overall)%, every assessed guideline \(symbol("≥", ">=")) \(rule.perGuideline)%\(rule.noCritical ? ", no critical option" : "")\n"
        output += "over all routes: best \(percent(analysis.bestPercent)), worst \(percent(analysis.worstPercent))\n"
        if let listed = analysis.routes {
            for (index, route) in listed.enumerated() {
                output += "\n" + routeLine(route, number: index + 1)
            }
        } else {
            output += "\n" + layout.wrap("Too many routes to list one by one. The figures and findings cover every route and draw all the same: they are computed over the course's branching as a whole, not route by route. Use --limit N to list up to N routes.")
        }
        output += "\n" + layout.styled("Single slips", .bold) + "\n"
        output += slips()
        output += "\n" + layout.styled("Findings", .bold) + "\n"
        output += findings()
        return output
    }

    /// A slip's answer as its scenario's kind writes it (`a + c`, `the order b, a, c`).
    private func answer(_ slip: RouteAnalysis.SingleSlip) -> String {
        guard let scenario = course.scenario(slip.scenario) else { return slip.options.joined(separator: " + ") }
        return scenario.rules.describe(answer: slip.options) { $0 }
    }

    /// Every single slip: one answer that fails the course with every other answer the best.
    private func slips() -> String {
        guard !analysis.singleSlips.isEmpty else {
            return layout.wrap("  none: no single answer fails the course when every other answer is the best")
        }
        var output = ""
        for slip in analysis.singleSlips {
            let rule = switch slip.reason {
            case .critical: "a critical option (a serious breach: the learner is told so)"
            case .overall: "the overall score falls below \(course.passing.overall)%"
            case .guideline(let id): "guideline '\(id)' falls below \(course.passing.perGuideline)%"
            }
            let mark = slip.isCritical ? "  critical " : layout.styled(symbol("  ✗ ", "  x "), .red)
            output += layout.wrap("\(mark)\(slip.scenario): \(answer(slip)) \(symbol("→", "->")) \(rule)", indent: "      ")
        }
        let ordinary = analysis.singleSlips.filter { !$0.isCritical }.count
        if analysis.canPass == false {
            output += layout.wrap("  No route can pass, so even the best answers fail: these slips follow from the pass rule (see Findings).")
        } else if ordinary > 0 {
            output += layout.wrap("  \(ordinary) single slip\(ordinary == 1 ? " is" : "s are") not marked critical: one ordinary mistake fails a learner there without being told it is serious.")
        }
        return output
    }

    private func routeLine(_ route: RouteAnalysis.Route, number: Int) -> String {
        let path = route.steps.map { step in
            step.via.isEmpty ? step.scenario : "\(step.scenario) [\(step.via.joined(separator: ", "))]"
        }.joined(separator: symbol(" → ", " -> "))
        var output = layout.wrap(path, indent: "    ", firstIndent: "route \(number): ")
        var facts = ["\(route.steps.count) scenario\(route.steps.count == 1 ? "" : "s")",
                     "best \(percent(route.bestPercent))", "worst \(percent(route.worstPercent))"]
        switch route.canPass {
        case true?: facts.append(route.alwaysPasses ? layout.styled("passes whatever the answers", .yellow) : layout.styled("can pass", .green))
        case false?: facts.append(layout.styled("cannot pass", .red))
        case nil: facts.append("pass undecided (too many combinations)")
        }
        if !route.unassessed.isEmpty { facts.append("not assessed: " + route.unassessed.joined(separator: ", ")) }
        output += "    " + facts.joined(separator: symbol(" · ", " - ")) + "\n"
        return output
    }

    private func findings() -> String {
        guard !analysis.findings.isEmpty else {
            return layout.styled(symbol("  ✓", "  ok"), .green) + " every route can pass, none passes on wrong answers, every guideline is assessed on every route\n"
        }
        var output = ""
        for finding in analysis.findings {
            let line: String
            switch finding {
            case .noRouteCanPass:
                line = layout.styled(symbol("  ✗ ", "  x "), .red) + "no route can pass: " + shortfalls()
            case .routesCannotPass(let routes):
                line = "  ! " + "route\(routes.count == 1 ? "" : "s") \(list(routes)) cannot pass whatever the answers (a learner who takes \(routes.count == 1 ? "it" : "them") is bound to fail)"
            case .worstAnswersPass(let routes):
                let which = routes.isEmpty ? "on some route" : "on route\(routes.count == 1 ? "" : "s") \(list(routes))"
                line = layout.styled(symbol("  ✗ ", "  x "), .red) + "\(which) even the worst answers pass: the course does not tell good from bad answers there"
            case .guidelineNotAssessed(let id, let routes, let total):
                line = "  ! guideline '\(id)' is not assessed on \(count(routes)) of \(count(total)) routes"
            case .singleSlipsFail(let routes, let draws):
                let onRoutes = routes.map { "on \(count($0)) of \(count(analysis.routeCount)) route\(analysis.routeCount == 1 ? "" : "s")" } ?? "on some routes"
                let inDraws = course.pools.isEmpty ? "" : draws.map { " and in \(count($0)) of \(count(analysis.drawCount)) draw\(analysis.drawCount == 1 ? "" : "s")" } ?? " and in some draws"
                line = layout.styled(symbol("  ✗ ", "  x "), .red) + "a single slip that is not critical fails a learner \(onRoutes)\(inDraws) (see Single slips)"
            case .undecided:
                line = "  ? the pass search was too large to decide completely (many guidelines and branches)"
            }
            output += layout.wrap(line, indent: "    ")
        }
        return output
    }

    /// The parts of the pass rule even the best answers miss, with the best they reach.
    private func shortfalls() -> String {
        guard !analysis.shortfalls.isEmpty else {
            return "no answers meet every part of the pass rule on the same route (check scores and thresholds)"
        }
        return analysis.shortfalls.map { shortfall in
            let which = shortfall.guideline.map { "on guideline '\($0)'" } ?? "overall"
            return "the best answers reach \(percent(shortfall.best)) \(which), below the pass mark of \(shortfall.threshold)%"
        }.joined(separator: "; ")
    }

    private func list(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(20).map(String.init).joined(separator: ", ")
        return numbers.count > 20 ? shown + " and \(numbers.count - 20) more" : shown
    }
}
