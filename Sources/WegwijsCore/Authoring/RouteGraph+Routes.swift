import Foundation

extension RouteGraph {
    // MARK: Single slips

    /// The best answer in a scenario (`Scoring.bestAnswer`).
    func bestAnswer(_ node: Int) -> [Int] {
        Scoring.bestAnswer(course.scenarios[node], noCritical: course.passing.noCritical)
    }

    /// The answers that differ from the best in one way (see `QuestionKind.slipAnswers`).
    func slipAnswers(_ node: Int, best: [Int]) -> [[Int]] {
        course.scenarios[node].rules.slipAnswers(best: best, optionCount: course.scenarios[node].options.count)
    }

    /// A scenario's part of the pass rule for an answer: the assessed guidelines and
    /// `100·earned − threshold·possible` overall (index 0) and per guideline.
    func slack(_ node: Int, answer: [Int]) -> Slack {
        let rule = course.passing
        let scenario = course.scenarios[node]
        let options = answer.map { scenario.options[$0] }
        let earnedHere = course.guidelines.map { Scoring.earned(scenario, options, guideline: $0.id) }
        var margins = [100 * earnedHere.reduce(0, +) - rule.overall * possible[node].reduce(0, +)]
        margins += (0..<guidelineCount).map { 100 * earnedHere[$0] - rule.perGuideline * possible[node][$0] }
        return Slack(assessed: possible[node].map { $0 > 0 }, margins: margins)
    }

    private func joined(_ a: Slack, _ b: Slack) -> Slack {
        Slack(assessed: zip(a.assessed, b.assessed).map { $0 || $1 }, margins: zip(a.margins, b.margins).map(+))
    }

    /// Pool state and assessed guidelines: what a part of a route must agree on to be joined.
    struct SlipKey: Hashable {
        var state: PoolState
        var assessed: [Bool]
    }

    /// Every single slip (SPEC §3), over every route and draw. The best answers fix the route
    /// but for the draw, so a forward pass (start to a scenario) and a backward pass (a
    /// scenario to the end) keep, per pool state and set of assessed guidelines, the lowest
    /// margin of each part of the pass rule; a slip joins the two around its scenario.
    func singleSlips() -> [RouteAnalysis.SingleSlip] {
        let count = course.scenarios.count
        guard count > 0 else { return [] }
        let zero = Slack(assessed: [Bool](repeating: false, count: guidelineCount), margins: [Int](repeating: 0, count: guidelineCount + 1))
        let best = (0..<count).map(bestAnswer)
        let bestSlack = (0..<count).map { slack($0, answer: best[$0]) }
        func next(_ node: Int, answer: [Int]) -> Int? {
            let scenario = course.scenarios[node]
            return course.successor(of: node, choosing: answer.first.map { scenario.options[$0] })
        }
        func merge(_ table: inout [SlipKey: [Int]], _ key: SlipKey, _ margins: [Int]) {
            table[key] = table[key].map { zip($0, margins).map(min) } ?? margins
        }
        // Forward: routes from the start up to (not including) each scenario.
        var forward = [[SlipKey: [Int]]](repeating: [:], count: count)
        forward[0][SlipKey(state: emptyState, assessed: zero.assessed)] = zero.margins
        for node in order.reversed() {
            for (key, margins) in forward[node] {
                if let state = state(key.state, adding: node, shown: true), let target = next(node, answer: best[node]) {
                    let part = joined(Slack(assessed: key.assessed, margins: margins), bestSlack[node])
                    merge(&forward[target], SlipKey(state: state, assessed: part.assessed), part.margins)
                }
                if pool[node] != nil, let state = state(key.state, adding: node, shown: false), let target = skipNext[node] {
                    merge(&forward[target], SlipKey(state: state, assessed: key.assessed), margins)
                }
            }
        }
        // Backward: routes from each scenario (included) to the end.
        var backward = [[SlipKey: [Int]]](repeating: [:], count: count)
        let endTable = [SlipKey(state: emptyState, assessed: zero.assessed): zero.margins]
        for node in order {
            for (key, margins) in next(node, answer: best[node]).map({ backward[$0] }) ?? endTable {
                guard let state = state(key.state, adding: node, shown: true) else { continue }
                let part = joined(Slack(assessed: key.assessed, margins: margins), bestSlack[node])
                merge(&backward[node], SlipKey(state: state, assessed: part.assessed), part.margins)
            }
            if pool[node] != nil {
                for (key, margins) in skipNext[node].map({ backward[$0] }) ?? endTable {
                    guard let state = state(key.state, adding: node, shown: false) else { continue }
                    merge(&backward[node], SlipKey(state: state, assessed: key.assessed), margins)
                }
            }
        }
        func fits(_ a: PoolState, _ b: PoolState) -> Bool {
            poolSizes.indices.allSatisfy { pool in
                a.counts[2 * pool] + b.counts[2 * pool] <= poolSizes[pool].draw
                    && a.counts[2 * pool + 1] + b.counts[2 * pool + 1] <= poolSizes[pool].members - poolSizes[pool].draw
            }
        }
        var slips: [RouteAnalysis.SingleSlip] = []
        for node in 0..<count where !forward[node].isEmpty {
            let scenario = course.scenarios[node]
            for answer in slipAnswers(node, best: best[node]) {
                let options = answer.map { scenario.options[$0] }
                let critical = options.contains(where: \.isCritical)
                var reason: RouteAnalysis.SingleSlip.Reason?
                if critical, course.passing.noCritical {
                    reason = .critical
                } else {
                    let here = slack(node, answer: answer)
                    let after = next(node, answer: answer).map { backward[$0] } ?? endTable
                    search: for (key, margins) in forward[node] {
                        guard let middle = state(key.state, adding: node, shown: true) else { continue }
                        let before = joined(Slack(assessed: key.assessed, margins: margins), here)
                        for (rest, restMargins) in after where fits(middle, rest.state) {
                            let total = joined(before, Slack(assessed: rest.assessed, margins: restMargins))
                            if total.margins[0] < 0 {
                                reason = .overall
                                break search
                            }
                            if let g = (0..<guidelineCount).first(where: { total.assessed[$0] && total.margins[$0 + 1] < 0 }) {
                                reason = .guideline(course.guidelines[g].id)
                                break search
                            }
                        }
                    }
                }
                if let reason {
                    slips.append(.init(scenario: scenario.id, options: options.map(\.id), isCritical: critical, reason: reason))
                }
            }
        }
        return slips
    }

    // MARK: Single routes

    /// Every route that some draw allows, as a list of (shown scenario, edge) pairs, depth-first;
    /// at a pool member the route that shows it comes before the one that skips it.
    func enumerateRoutes() -> [[(node: Int, edge: Edge)]] {
        guard !course.scenarios.isEmpty else { return [] }
        /// One step of the search: a scenario, the next choice to try (its edges, then the skip
        /// for a pool member), the pool state and the shown scenarios before it.
        struct Frame {
            var node: Int
            var choice: Int
            var state: PoolState
            var shown: [(node: Int, edge: Edge)]
        }
        var routes: [[(node: Int, edge: Edge)]] = []
        var path = [Frame(node: 0, choice: 0, state: emptyState, shown: [])]
        while let top = path.last {
            let choices = edges[top.node].count + (pool[top.node] != nil ? 1 : 0)
            if top.choice >= choices {
                path.removeLast()
                continue
            }
            path[path.count - 1].choice += 1
            let isSkip = top.choice == edges[top.node].count
            guard let state = state(top.state, adding: top.node, shown: !isSkip) else { continue }
            let next = isSkip ? skipNext[top.node] : edges[top.node][top.choice].next
            let shown = isSkip ? top.shown : top.shown + [(top.node, edges[top.node][top.choice])]
            if let next {
                path.append(Frame(node: next, choice: 0, state: state, shown: shown))
            } else {
                routes.append(shown)
            }
        }
        return routes
    }

    func evaluate(_ route: [(node: Int, edge: Edge)]) -> RouteAnalysis.Route {
        let rule = course.passing
        let steps = route.map { part in
            RouteAnalysis.Step(scenario: course.scenarios[part.node].id,
                               via: edges[part.node].count > 1 ? part.edge.options.map { course.scenarios[part.node].options[$0].id } : [])
        }
        let possibleTotal = route.reduce(0) { $0 + possible[$1.node].reduce(0, +) }
        let ranges = route.map { totalRange($0.node, $0.edge) }
        let possiblePerGuideline = (0..<guidelineCount).map { g in route.reduce(0) { $0 + possible[$1.node][g] } }
        let unassessed = course.guidelines.indices.filter { possiblePerGuideline[$0] == 0 }.map { course.guidelines[$0].id }

        // Every answer passes when each part of the rule holds for its own worst case.
        let worstParts = route.map { worstPerGuideline($0.node, $0.edge) }
        let worstGuidelines = (0..<guidelineCount).map { g in worstParts.reduce(0) { $0 + $1[g] } }
        let worstTotal = ranges.reduce(0) { $0 + $1.worst }
        let alwaysPasses = !(rule.noCritical && route.contains { offersCritical($0.node, $0.edge) })
            && 100 * worstTotal >= rule.overall * possibleTotal
            && (0..<guidelineCount).allSatisfy { possiblePerGuideline[$0] == 0 || 100 * worstGuidelines[$0] >= rule.perGuideline * possiblePerGuideline[$0] }

        // A pass, if any: the undominated combinations of choices, each confirmed by Scoring.
        var candidates = [Choice(options: [], earned: [Int](repeating: 0, count: guidelineCount))]
        var answers: [[[Int]]] = [[]]
        var exact = true
        for part in route {
            let choices = bestChoices(part.node, part.edge)
            var combined: [(choice: Choice, answers: [[Int]])] = []
            for (candidate, chosen) in zip(candidates, answers) {
                for choice in choices {
                    combined.append((Choice(options: [], earned: zip(candidate.earned, choice.earned).map(+)), chosen + [choice.options]))
                }
            }
            let pruned = Pareto.prune(combined, by: \.choice.earned, limit: RouteAnalysis.frontierLimit)
            if pruned.count >= RouteAnalysis.frontierLimit { exact = false }
            candidates = pruned.map(\.choice)
            answers = pruned.map(\.answers)
        }
        var passing: [Answer]?
        let moment = Date(timeIntervalSince1970: 0)
        for chosen in answers {
            let attempt = zip(route, chosen).map { part, options in
                Answer(scenario: course.scenarios[part.node].id, options: options.map { course.scenarios[part.node].options[$0].id }, at: moment)
            }
            if Scoring.scoreSheet(for: course, answers: attempt).passed {
                passing = attempt
                break
            }
        }
        return RouteAnalysis.Route(steps: steps, possible: possibleTotal, bestEarned: ranges.reduce(0) { $0 + $1.best },
                                   worstEarned: worstTotal, canPass: passing != nil ? true : (exact ? false : nil),
                                   passingAnswers: passing, alwaysPasses: alwaysPasses, unassessed: unassessed)
    }
}
