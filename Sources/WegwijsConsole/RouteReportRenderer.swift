import WegwijsCore

/// Renders `wegwijs paths`: the routes through a course, their best and worst percentages,
/// whether they can pass, and the findings a trainer should look at.
public struct RouteReportRenderer: Sendable {
    public var analysis: RouteAnalysis
    public var course: Course
    public var layout: TextLayout
    public var language: InterfaceLanguage

    public init(analysis: RouteAnalysis, course: Course, terminal: TerminalInfo, language: InterfaceLanguage = .en) {
        self.analysis = analysis
        self.course = course
        self.layout = TextLayout(terminal: terminal)
        self.language = language
    }

    private func say(_ words: LocalizedMessage) -> String { words.text(language) }

    /// A symbol, or its plain ASCII stand-in with `--plain`.
    private func symbol(_ fancy: String, _ plain: String) -> String {
        layout.terminal.usesGraphics ? fancy : plain
    }

    private func percent(_ value: Double?) -> String {
        value.map { Percent.text($0, separator: Phrases.of(language).numbers.decimalSeparator) + "%" } ?? say(PathsPhrases.notApplicable)
    }

    private func count(_ number: UInt64) -> String {
        number == .max ? say(PathsPhrases.moreThan(UInt64.max - 1)) : String(number)
    }

    /// The whole report after the course file's path (which the caller prints on a line of its
    /// own, never wrapped), ending in a newline.
    public func render() -> String {
        var output = say(PathsPhrases.routes(count(analysis.routeCount), plural: analysis.routeCount != 1, scenarios: course.scenarios.count,
                                             shortest: analysis.shortestRoute, longest: analysis.longestRoute, dash: symbol("–", "-"))) + "\n"
        if !course.pools.isEmpty {
            let pools = course.pools.map { say(PathsPhrases.pool($0.id, draw: $0.draw, of: Set($0.scenarios).count)) }.joined(separator: ", ")
            output += layout.wrap(say(PathsPhrases.pools(pools, draws: count(analysis.drawCount))))
        }
        let fewest = analysis.fewestAssessing.map { "\($0.id) \($0.scenarios)" }.joined(separator: ", ")
        output += layout.wrap(say(PathsPhrases.fewest(fewest, withDraws: !course.pools.isEmpty)))
        let rule = course.passing
        output += say(PathsPhrases.rule(overall: rule.overall, perGuideline: rule.perGuideline, noCritical: rule.noCritical,
                                        atLeast: symbol("≥", ">="))) + "\n"
        output += say(PathsPhrases.overAll(best: percent(analysis.bestPercent), worst: percent(analysis.worstPercent))) + "\n"
        if let listed = analysis.routes {
            for (index, route) in listed.enumerated() {
                output += "\n" + routeLine(route, number: index + 1)
            }
        } else {
            output += "\n" + layout.wrap(say(PathsPhrases.tooMany))
        }
        output += "\n" + layout.styled(say(PathsPhrases.singleSlips), .bold) + "\n"
        output += slips()
        output += "\n" + layout.styled(say(PathsPhrases.findings), .bold) + "\n"
        output += findings()
        return output
    }

    /// A slip's answer as its scenario's kind writes it (`a + c`, `the order b, a, c`).
    private func answer(_ slip: RouteAnalysis.SingleSlip) -> String {
        guard let scenario = course.scenario(slip.scenario) else { return slip.options.joined(separator: " + ") }
        return say(scenario.rules.wording(of: slip.options) { $0 })
    }

    /// Every single slip: one answer that fails the course with every other answer the best.
    private func slips() -> String {
        guard !analysis.singleSlips.isEmpty else {
            return layout.wrap(say(PathsPhrases.noSlips))
        }
        var output = ""
        for slip in analysis.singleSlips {
            let rule = switch slip.reason {
            case .critical: say(PathsPhrases.criticalSlip)
            case .overall: say(PathsPhrases.overallBelow(course.passing.overall))
            case .guideline(let id): say(PathsPhrases.guidelineBelow(id, course.passing.perGuideline))
            }
            let mark = slip.isCritical ? say(PathsPhrases.critical) : layout.styled(symbol("  ✗ ", "  x "), .red)
            output += layout.wrap("\(mark)\(slip.scenario): \(answer(slip)) \(symbol("→", "->")) \(rule)", indent: "      ")
        }
        let ordinary = analysis.singleSlips.filter { !$0.isCritical }.count
        if analysis.canPass == false {
            output += layout.wrap(say(PathsPhrases.slipsFollow))
        } else if ordinary > 0 {
            output += layout.wrap(say(PathsPhrases.ordinarySlips(ordinary)))
        }
        return output
    }

    private func routeLine(_ route: RouteAnalysis.Route, number: Int) -> String {
        let path = route.steps.map { step in
            step.via.isEmpty ? step.scenario : "\(step.scenario) [\(step.via.joined(separator: ", "))]"
        }.joined(separator: symbol(" → ", " -> "))
        var output = layout.wrap(path, indent: "    ", firstIndent: say(PathsPhrases.route(number)))
        var facts = [say(PathsPhrases.scenarios(route.steps.count)),
                     say(PathsPhrases.best(percent(route.bestPercent))), say(PathsPhrases.worst(percent(route.worstPercent)))]
        switch route.canPass {
        case true?: facts.append(route.alwaysPasses ? layout.styled(say(PathsPhrases.alwaysPasses), .yellow) : layout.styled(say(PathsPhrases.canPass), .green))
        case false?: facts.append(layout.styled(say(PathsPhrases.cannotPass), .red))
        case nil: facts.append(say(PathsPhrases.undecided))
        }
        if !route.unassessed.isEmpty { facts.append(say(PathsPhrases.notAssessed(route.unassessed.joined(separator: ", ")))) }
        output += "    " + facts.joined(separator: symbol(" · ", " - ")) + "\n"
        return output
    }

    private func findings() -> String {
        guard !analysis.findings.isEmpty else {
            return layout.styled(symbol("  ✓", "  ok"), .green) + say(PathsPhrases.allWell) + "\n"
        }
        var output = ""
        for finding in analysis.findings {
            let line: String
            switch finding {
            case .noRouteCanPass:
                line = layout.styled(symbol("  ✗ ", "  x "), .red) + say(PathsPhrases.noRouteCanPass) + shortfalls()
            case .routesCannotPass(let routes):
                line = say(PathsPhrases.routesCannotPass(list(routes), count: routes.count))
            case .worstAnswersPass(let routes):
                line = layout.styled(symbol("  ✗ ", "  x "), .red)
                    + say(PathsPhrases.worstAnswersPass(routes: routes.isEmpty ? nil : list(routes), count: routes.count))
            case .guidelineNotAssessed(let id, let routes, let total):
                line = say(PathsPhrases.notAssessedOn(id, routes: count(routes), of: count(total)))
            case .singleSlipsFail(let routes, let draws):
                let onRoutes = PathsPhrases.onRoutes(routes.map(count), of: count(analysis.routeCount), plural: analysis.routeCount != 1)
                let inDraws = course.pools.isEmpty ? LocalizedMessage.empty
                    : PathsPhrases.inDraws(draws.map(count), of: count(analysis.drawCount), plural: analysis.drawCount != 1)
                line = layout.styled(symbol("  ✗ ", "  x "), .red) + say(PathsPhrases.slipsFail(onRoutes, inDraws))
            case .undecided:
                line = say(PathsPhrases.searchTooLarge)
            }
            output += layout.wrap(line, indent: "    ")
        }
        return output
    }

    /// The parts of the pass rule even the best answers miss, with the best they reach.
    private func shortfalls() -> String {
        guard !analysis.shortfalls.isEmpty else {
            return say(PathsPhrases.noAnswersMeetRule)
        }
        return analysis.shortfalls.map { shortfall in
            say(PathsPhrases.shortfall(best: percent(shortfall.best), guideline: shortfall.guideline, threshold: shortfall.threshold))
        }.joined(separator: "; ")
    }

    private func list(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(20).map(String.init).joined(separator: ", ")
        return numbers.count > 20 ? shown + say(PathsPhrases.more(numbers.count - 20)) : shown
    }
}
