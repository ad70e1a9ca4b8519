import Foundation

/// The single-slip search of one course (SPEC §3 Fairness), kept so that another answer, or
/// other points for the options of one scenario, can be judged without searching the course
/// again.
///
/// The best answers fix the route but for the draw, so a forward pass (start to a scenario)
/// and a backward pass (a scenario to the end) keep, per pool state and set of assessed
/// guidelines, the lowest margin of each part of the pass rule; a slip joins the two around
/// its scenario.
struct SlipSearch {
    typealias Slack = RouteGraph.Slack

    /// Pool state and assessed guidelines: what a part of a route must agree on to be joined.
    struct Key: Hashable {
        var state: RouteGraph.PoolState
        var assessed: [Bool]
    }

    let graph: RouteGraph
    /// The best answer per scenario.
    let best: [[Int]]
    /// Routes from the start up to (not including) each scenario, with the best answers.
    private let forward: [[Key: [Int]]]
    /// Routes from each scenario (included) to the end, with the best answers.
    private let backward: [[Key: [Int]]]
    private let endTable: [Key: [Int]]

    init(graph: RouteGraph) {
        self.graph = graph
        let count = graph.course.scenarios.count
        let zero = Slack(assessed: [Bool](repeating: false, count: graph.guidelineCount),
                         margins: [Int](repeating: 0, count: graph.guidelineCount + 1))
        let best = (0..<count).map(graph.bestAnswer)
        let bestSlack = (0..<count).map { graph.slack($0, answer: best[$0]) }
        func merge(_ table: inout [Key: [Int]], _ key: Key, _ margins: [Int]) {
            table[key] = table[key].map { zip($0, margins).map(min) } ?? margins
        }
        var forward = [[Key: [Int]]](repeating: [:], count: count)
        if count > 0 { forward[0][Key(state: graph.emptyState, assessed: zero.assessed)] = zero.margins }
        for node in graph.order.reversed() {
            for (key, margins) in forward[node] {
                if let state = graph.state(key.state, adding: node, shown: true), let target = graph.next(node, answer: best[node]) {
                    let part = Self.joined(Slack(assessed: key.assessed, margins: margins), bestSlack[node])
                    merge(&forward[target], Key(state: state, assessed: part.assessed), part.margins)
                }
                if graph.pool[node] != nil, let state = graph.state(key.state, adding: node, shown: false), let target = graph.skipNext[node] {
                    merge(&forward[target], Key(state: state, assessed: key.assessed), margins)
                }
            }
        }
        var backward = [[Key: [Int]]](repeating: [:], count: count)
        let endTable = [Key(state: graph.emptyState, assessed: zero.assessed): zero.margins]
        for node in graph.order {
            for (key, margins) in graph.next(node, answer: best[node]).map({ backward[$0] }) ?? endTable {
                guard let state = graph.state(key.state, adding: node, shown: true) else { continue }
                let part = Self.joined(Slack(assessed: key.assessed, margins: margins), bestSlack[node])
                merge(&backward[node], Key(state: state, assessed: part.assessed), part.margins)
            }
            if graph.pool[node] != nil {
                for (key, margins) in graph.skipNext[node].map({ backward[$0] }) ?? endTable {
                    guard let state = graph.state(key.state, adding: node, shown: false) else { continue }
                    merge(&backward[node], Key(state: state, assessed: key.assessed), margins)
                }
            }
        }
        self.best = best
        self.forward = forward
        self.backward = backward
        self.endTable = endTable
    }

    private static func joined(_ a: Slack, _ b: Slack) -> Slack {
        Slack(assessed: zip(a.assessed, b.assessed).map { $0 || $1 }, margins: zip(a.margins, b.margins).map(+))
    }

    /// Whether the best answers pass on some route and draw: then the course can be passed,
    /// without the costlier search over every answer (`RouteGraph.passSearch`).
    var bestAnswersPass: Bool {
        guard let start = backward.first else { return false }
        return start.contains { key, margins in
            margins[0] >= 0 && (0..<graph.guidelineCount).allSatisfy { !key.assessed[$0] || margins[$0 + 1] >= 0 }
        }
    }

    /// Whether some route and draw reach the scenario with the best answers before it.
    func isReached(_ node: Int) -> Bool { !forward[node].isEmpty }

    /// Every single slip, in course order.
    func slips() -> [RouteAnalysis.SingleSlip] {
        let course = graph.course
        var slips: [RouteAnalysis.SingleSlip] = []
        for node in course.scenarios.indices where isReached(node) {
            let scenario = course.scenarios[node]
            for answer in graph.slipAnswers(node, best: best[node]) {
                let options = answer.map { scenario.options[$0] }
                let critical = options.contains(where: \.isCritical)
                let reason: RouteAnalysis.SingleSlip.Reason? = critical && course.passing.noCritical
                    ? .critical : failure(node, answer: answer, in: scenario)
                if let reason {
                    slips.append(.init(scenario: scenario.id, options: options.map(\.id), isCritical: critical, reason: reason))
                }
            }
        }
        return slips
    }

    /// The first part of the pass rule an answer at `node` breaks on some route and draw, with
    /// the best answer everywhere else; nil when it passes on all of them. `scenario` is the
    /// scenario at `node` as answered: the course's own, or one with other points for options
    /// other than the best, as long as what it can score (`possible`) is unchanged.
    func failure(_ node: Int, answer: [Int], in scenario: Scenario) -> RouteAnalysis.SingleSlip.Reason? {
        let course = graph.course
        let here = graph.slack(node, answer: answer, in: scenario)
        let after = graph.next(node, answer: answer).map { backward[$0] } ?? endTable
        for (key, margins) in forward[node] {
            guard let middle = graph.state(key.state, adding: node, shown: true) else { continue }
            let before = Self.joined(Slack(assessed: key.assessed, margins: margins), here)
            for (rest, restMargins) in after where fits(middle, rest.state) {
                let total = Self.joined(before, Slack(assessed: rest.assessed, margins: restMargins))
                if total.margins[0] < 0 { return .overall }
                if let g = (0..<graph.guidelineCount).first(where: { total.assessed[$0] && total.margins[$0 + 1] < 0 }) {
                    return .guideline(course.guidelines[g].id)
                }
            }
        }
        return nil
    }

    /// Whether a route part before and one after a scenario can belong to the same draw.
    private func fits(_ a: RouteGraph.PoolState, _ b: RouteGraph.PoolState) -> Bool {
        graph.poolSizes.indices.allSatisfy { pool in
            a.counts[2 * pool] + b.counts[2 * pool] <= graph.poolSizes[pool].draw
                && a.counts[2 * pool + 1] + b.counts[2 * pool + 1] <= graph.poolSizes[pool].members - graph.poolSizes[pool].draw
        }
    }
}

extension RouteGraph {
    /// Where an answer leads (nil: the end).
    func next(_ node: Int, answer: [Int]) -> Int? {
        let scenario = course.scenarios[node]
        return course.successor(of: node, choosing: answer.first.map { scenario.options[$0] })
    }

    /// A scenario's part of the pass rule for an answer: the assessed guidelines and
    /// `100·earned − threshold·possible` overall (index 0) and per guideline. `scenario` is
    /// the one at `node`, or a copy with other points (see `SlipSearch.failure`).
    func slack(_ node: Int, answer: [Int], in scenario: Scenario? = nil) -> Slack {
        let rule = course.passing
        let scenario = scenario ?? course.scenarios[node]
        let options = answer.map { scenario.options[$0] }
        let earnedHere = course.guidelines.map { Scoring.earned(scenario, options, guideline: $0.id) }
        var margins = [100 * earnedHere.reduce(0, +) - rule.overall * possible[node].reduce(0, +)]
        margins += (0..<guidelineCount).map { 100 * earnedHere[$0] - rule.perGuideline * possible[node][$0] }
        return Slack(assessed: possible[node].map { $0 > 0 }, margins: margins)
    }

    /// Every single slip (SPEC §3), over every route and draw.
    func singleSlips() -> [RouteAnalysis.SingleSlip] {
        SlipSearch(graph: self).slips()
    }
}
