import Foundation

extension RouteGraph {
    /// Draws are counted one by one up to this many.
    static let drawCountLimit: UInt64 = 256
    /// ... and while the draws times the scenarios stay below this.
    static let drawWorkLimit: UInt64 = 200_000

    /// Whether a single slip that is not critical fails a learner on this route: one answer
    /// other than the best on one scenario of the route, the best answer on every other one
    /// (each answer leading along the route), fails the attempt, while the best answers on
    /// the route do not (a route the best answers fail on is bound to fail: another finding).
    func failsOnSingleSlip(_ route: [(node: Int, edge: Edge)]) -> Bool {
        let best = route.map { bestAnswer($0.node) }
        let offRoute = route.indices.filter { step in !leads(best[step], along: route[step].edge) }
        guard offRoute.count <= 1 else { return false }
        func fails(_ answers: [[Int]]) -> Bool {
            let moment = Date(timeIntervalSince1970: 0)
            let attempt = zip(route, answers).map { part, options in
                Answer(scenario: course.scenarios[part.node].id, options: options.map { course.scenarios[part.node].options[$0].id }, at: moment)
            }
            return !Scoring.scoreSheet(for: course, answers: attempt).passed
        }
        if offRoute.isEmpty, fails(best) { return false }
        for step in offRoute.isEmpty ? Array(route.indices) : offRoute {
            let scenario = course.scenarios[route[step].node]
            for slip in slipAnswers(route[step].node, best: best[step]) where leads(slip, along: route[step].edge) {
                guard !slip.contains(where: { scenario.options[$0].isCritical }) else { continue }
                var answers = best
                answers[step] = slip
                if fails(answers) { return true }
            }
        }
        return false
    }

    /// Whether an answer takes this edge (an empty answer takes the scenario's own `next`).
    private func leads(_ answer: [Int], along edge: Edge) -> Bool {
        answer.first.map(edge.options.contains) ?? true
    }

    /// How many draws have a single slip that is not critical; nil when there are too many
    /// draws to search one by one.
    func drawsFailingOnSingleSlip() -> UInt64? {
        let draws = drawCount()
        guard !course.pools.isEmpty else { return singleSlips().contains { !$0.isCritical } ? 1 : 0 }
        guard draws <= Self.drawCountLimit,
              draws.multipliedReportingOverflow(by: UInt64(max(course.scenarios.count, 1))).partialValue <= Self.drawWorkLimit else { return nil }
        let members = course.pools.map { pool in
            var seen: Set<String> = []
            return pool.scenarios.filter { course.indexOfScenario($0) != nil && seen.insert($0).inserted }
        }
        var count: UInt64 = 0
        for drawn in Self.combinations(members: members, draws: poolSizes.map(\.draw)) {
            // One draw as pools that are always shown (the drawn) or never (the rest).
            var fixed = course
            fixed.pools = course.pools.indices.flatMap { index in
                [ScenarioPool(id: course.pools[index].id, draw: drawn[index].count, scenarios: drawn[index]),
                 ScenarioPool(id: course.pools[index].id, draw: 0, scenarios: members[index].filter { !drawn[index].contains($0) })]
            }
            if RouteGraph(course: fixed).singleSlips().contains(where: { !$0.isCritical }) { count += 1 }
        }
        return count
    }

    /// Every draw: per pool, the members drawn.
    private static func combinations(members: [[String]], draws: [Int]) -> [[[String]]] {
        func choose(_ items: [String], _ k: Int) -> [[String]] {
            guard k > 0 else { return [[]] }
            guard items.count >= k else { return [] }
            let first = items[0], rest = Array(items.dropFirst())
            return choose(rest, k - 1).map { [first] + $0 } + choose(rest, k)
        }
        return zip(members, draws).reduce([[]]) { partial, pool in
            let chosen = choose(pool.0, pool.1)
            return partial.flatMap { prefix in chosen.map { prefix + [$0] } }
        }
    }
}
