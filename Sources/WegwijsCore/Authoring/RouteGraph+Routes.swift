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
