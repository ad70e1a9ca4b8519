import Foundation

/// Every route through a course's branching, with the best and worst percentage a learner can
/// reach on it and whether a pass is possible (`wegwijs paths`).
///
/// A route is the sequence of scenarios a learner is shown. Routes are listed one by one up to
/// a limit; the course-wide figures and flags come from dynamic programming over the scenario
/// graph, so a course with 2^30 routes is analysed as fast as one with 30. All points come from
/// `Scoring.possible` and `Scoring.earned`, and a listed route's pass is confirmed by
/// `Scoring.scoreSheet`: one scoring rule.
public struct RouteAnalysis: Sendable {
    /// One scenario on a route, with the options that keep the learner on it.
    public struct Step: Sendable, Hashable {
        public var scenario: String
        /// The options that lead on along this route; empty when every option does.
        public var via: [String]
    }

    /// One route and what can be scored on it.
    public struct Route: Sendable {
        public var steps: [Step]
        /// Points possible on this route (all guidelines).
        public var possible: Int
        /// Most and fewest points a learner can earn on it.
        public var bestEarned: Int
        public var worstEarned: Int
        /// `Scoring.percent` of the best and worst earned points.
        public var bestPercent: Double? { Scoring.percent(earned: bestEarned, possible: possible) }
        public var worstPercent: Double? { Scoring.percent(earned: worstEarned, possible: possible) }
        /// True or false; nil when the search was too large to decide.
        public var canPass: Bool?
        /// Answers that pass on this route, when there are some.
        public var passingAnswers: [Answer]?
        /// Every answer on this route passes, even the worst.
        public var alwaysPasses: Bool
        /// Guidelines no scenario on this route can score.
        public var unassessed: [String]
    }

    /// Something a trainer should look at.
    public enum Finding: Sendable, Hashable {
        /// No route and no answers pass the course.
        case noRouteCanPass
        /// On some route even the worst answers pass: the course does not tell good from bad.
        case worstAnswersPass(routes: [Int])
        /// A guideline is not assessed on some routes (`routes` counts them).
        case guidelineNotAssessed(id: String, routes: UInt64, of: UInt64)
        /// Some listed routes cannot pass whatever the learner answers.
        case routesCannotPass(routes: [Int])
        /// The pass search was too large to decide (many guidelines and branches).
        case undecided
    }

    /// One answer that, with the best answer everywhere else on the same route and draw, makes
    /// the attempt fail (SPEC §3 Fairness).
    public struct SingleSlip: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            case critical
            case overall
            case guideline(String)
        }
        public var scenario: String
        /// The answer: one option, or for a multiple-answer scenario the set chosen.
        public var options: [String]
        /// The answer includes a critical option (so the learner is told it is serious).
        public var isCritical: Bool
        /// The first part of the pass rule it breaks.
        public var reason: Reason
    }

    /// How many different draws the pools allow (1 without pools), saturating at `UInt64.max`.
    public var drawCount: UInt64
    /// Every single slip, in course order.
    public var singleSlips: [SingleSlip]
    /// Per guideline (course order), the fewest scenarios that assess it on any route of any draw.
    public var fewestAssessing: [(id: String, scenarios: Int)]

    /// The number of routes, saturating at `UInt64.max`.
    public var routeCount: UInt64
    /// The routes, in depth-first order of the options; nil when there are more than the limit.
    public var routes: [Route]?
    /// Fewest and most scenarios on a route.
    public var shortestRoute: Int
    public var longestRoute: Int
    /// Highest and lowest percentage reachable over all routes.
    public var bestPercent: Double?
    public var worstPercent: Double?
    /// Whether any route and answers pass; nil when undecided.
    public var canPass: Bool?
    /// Whether on some route even the worst answers pass; nil when undecided.
    public var worstCanPass: Bool?
    /// Per guideline (course order), how many routes do not assess it.
    public var unassessedRoutes: [(id: String, routes: UInt64)]
    public var findings: [Finding]

    /// Vector searches keep at most this many candidates per scenario.
    static let frontierLimit = 4_096

    /// Analyses a valid course (no loops). Routes are listed when there are at most `listLimit`.
    public init(course: Course, listLimit: Int = 100) {
        let graph = RouteGraph(course: course)
        drawCount = graph.drawCount()
        singleSlips = graph.singleSlips()
        fewestAssessing = course.guidelines.indices.map { (course.guidelines[$0].id, graph.fewestAssessing(guideline: $0)) }
        routeCount = graph.routeCount()
        (shortestRoute, longestRoute) = graph.routeLengths()
        (bestPercent, worstPercent) = graph.percentRange()
        let passSearch = graph.passSearch()
        canPass = passSearch.canPass
        worstCanPass = passSearch.worstCanPass
        unassessedRoutes = course.guidelines.indices.map { (course.guidelines[$0].id, graph.unassessedRouteCount(guideline: $0)) }

        var findings: [Finding] = []
        if routeCount <= UInt64(max(listLimit, 0)) {
            let listed = graph.enumerateRoutes().map { graph.evaluate($0) }
            routes = listed
            let cannot = listed.indices.filter { listed[$0].canPass == false }.map { $0 + 1 }
            let always = listed.indices.filter { listed[$0].alwaysPasses }.map { $0 + 1 }
            if canPass == false { findings.append(.noRouteCanPass) } else if !cannot.isEmpty { findings.append(.routesCannotPass(routes: cannot)) }
            if !always.isEmpty { findings.append(.worstAnswersPass(routes: always)) }
        } else {
            routes = nil
            if canPass == false { findings.append(.noRouteCanPass) }
            if worstCanPass == true { findings.append(.worstAnswersPass(routes: [])) }
        }
        for (id, count) in unassessedRoutes where count > 0 {
            findings.append(.guidelineNotAssessed(id: id, routes: count, of: routeCount))
        }
        if canPass == nil || worstCanPass == nil { findings.append(.undecided) }
        self.findings = findings
    }
}

/// The scenario graph: for every scenario, the groups of options that lead to the same next
/// scenario (or to the end). A valid course's graph has no cycles.
struct RouteGraph {
    struct Edge {
        /// Options that lead along this edge (all of them for a multiple-answer scenario).
        var options: [Int]
        var next: Int?
    }

    /// A set of chosen options and the points they earn per guideline.
    struct Choice {
        var options: [Int]
        var earned: [Int]
    }

    let course: Course
    let edges: [[Edge]]
    /// `Scoring.possible` per scenario and guideline.
    let possible: [[Int]]
    /// Reverse topological order: every scenario after the ones it leads to.
    let order: [Int]
    /// Per scenario: the position of its pool, or nil when it is always shown.
    let pool: [Int?]
    /// Per pool member: where the route goes when the draw skipped it (nil: the end).
    let skipNext: [Int?]
    /// Per pool: (members, draw).
    let poolSizes: [(members: Int, draw: Int)]

    init(course: Course) {
        self.course = course
        var edges: [[Edge]] = []
        for index in course.scenarios.indices {
            let scenario = course.scenarios[index]
            if !scenario.kind.optionsLeadOn {
                edges.append([Edge(options: Array(scenario.options.indices), next: course.successor(of: index, choosing: nil))])
                continue
            }
            var grouped: [Edge] = []
            for (optionIndex, option) in scenario.options.enumerated() {
                let next = course.successor(of: index, choosing: option)
                if let position = grouped.firstIndex(where: { $0.next == next }) {
                    grouped[position].options.append(optionIndex)
                } else {
                    grouped.append(Edge(options: [optionIndex], next: next))
                }
            }
            edges.append(grouped)
        }
        self.edges = edges
        possible = course.scenarios.map { scenario in course.guidelines.map { Scoring.possible(scenario, guideline: $0.id) } }
        pool = course.scenarios.map { course.poolPosition(of: $0.id) }
        skipNext = course.scenarios.indices.map { course.successor(of: $0, choosing: nil) }
        poolSizes = course.pools.map { pool in
            let members = Set(pool.scenarios).filter { course.indexOfScenario($0) != nil }.count
            return (members, min(pool.draw, members))
        }
        // Depth-first post-order from the first scenario, without recursion; a pool member
        // also leads where the route goes when it is skipped.
        var visited = [Bool](repeating: false, count: course.scenarios.count)
        var order: [Int] = []
        let pool = self.pool
        let skipNext = self.skipNext
        func successors(_ node: Int) -> [Int?] {
            edges[node].map(\.next) + (pool[node] != nil ? [skipNext[node]] : [])
        }
        if !course.scenarios.isEmpty {
            var stack: [(node: Int, edge: Int)] = [(0, 0)]
            visited[0] = true
            while let top = stack.last {
                let next = successors(top.node)
                if top.edge < next.count {
                    stack[stack.count - 1].edge += 1
                    if let next = next[top.edge], !visited[next] {
                        visited[next] = true
                        stack.append((next, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        self.order = order
    }

    var guidelineCount: Int { course.guidelines.count }

    func earned(_ option: Scenario.Option) -> [Int] {
        course.guidelines.map { Scoring.earned([option], guideline: $0.id) }
    }

    // MARK: Counting

    /// How many members of each pool a route has shown and skipped so far: two counts per pool.
    /// A route is possible for some draw only while no pool shows more than its `draw` or
    /// skips more than its other members.
    struct PoolState: Hashable {
        var counts: [Int]
    }

    var emptyState: PoolState { PoolState(counts: [Int](repeating: 0, count: 2 * poolSizes.count)) }

    /// The state with `node` shown (or skipped) added; nil when no draw allows it.
    func state(_ state: PoolState, adding node: Int, shown: Bool) -> PoolState? {
        guard let position = pool[node] else { return state }
        var next = state
        let slot = 2 * position + (shown ? 0 : 1)
        next.counts[slot] += 1
        let limit = shown ? poolSizes[position].draw : poolSizes[position].members - poolSizes[position].draw
        return next.counts[slot] <= limit ? next : nil
    }

    /// A fold over the graph in reverse topological order: `end` is the value after the last
    /// scenario, `combine` joins a shown scenario's edges and their successors' values, `merge`
    /// joins the values of different routes that reach a scenario with the same pool state.
    /// A pool member may also be skipped: its route then goes on with the successor's value.
    /// Only routes that some draw allows are folded.
    func fold<Value>(end: Value, merge: (Value, Value) -> Value,
                     _ combine: (_ scenario: Int, _ edges: [(edge: Edge, after: Value)]) -> Value) -> Value? {
        var values = [[PoolState: Value]](repeating: [:], count: course.scenarios.count)
        let endValues = [emptyState: end]
        for node in order {
            var result: [PoolState: Value] = [:]
            func add(_ key: PoolState, _ value: Value) {
                result[key] = result[key].map { merge($0, value) } ?? value
            }
            var parts: [PoolState: [(edge: Edge, after: Value)]] = [:]
            var keys: [PoolState] = []
            for edge in edges[node] {
                for (key, value) in edge.next.map({ values[$0] }) ?? endValues {
                    if parts[key] == nil { keys.append(key) }
                    parts[key, default: []].append((edge, value))
                }
            }
            for key in keys {
                guard let shifted = state(key, adding: node, shown: true), let joined = parts[key] else { continue }
                add(shifted, combine(node, joined))
            }
            if pool[node] != nil {
                for (key, value) in skipNext[node].map({ values[$0] }) ?? endValues {
                    guard let shifted = state(key, adding: node, shown: false) else { continue }
                    add(shifted, value)
                }
            }
            values[node] = result
        }
        guard let start = values.first else { return nil }
        return start.values.reduce(nil as Value?) { total, value in total.map { merge($0, value) } ?? value }
    }

    /// The number of draws: the product over pools of (members choose draw), saturating.
    func drawCount() -> UInt64 {
        poolSizes.reduce(UInt64(1)) { total, size in
            var ways: UInt64 = 1
            for step in 0..<size.draw {
                let (product, overflow) = ways.multipliedReportingOverflow(by: UInt64(size.members - step))
                if overflow { return .max }
                ways = product / UInt64(step + 1)
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: ways)
            return overflow ? .max : product
        }
    }

    private static func saturatingSum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    func routeCount() -> UInt64 {
        fold(end: UInt64(1), merge: Self.saturatingSum) { _, parts in
            parts.reduce(UInt64(0)) { Self.saturatingSum($0, $1.after) }
        } ?? 0
    }

    func unassessedRouteCount(guideline: Int) -> UInt64 {
        fold(end: UInt64(1), merge: Self.saturatingSum) { node, parts in
            guard possible[node][guideline] == 0 else { return 0 }
            return parts.reduce(UInt64(0)) { Self.saturatingSum($0, $1.after) }
        } ?? 0
    }

    /// Fewest scenarios that assess a guideline on any route of any draw.
    func fewestAssessing(guideline: Int) -> Int {
        fold(end: 0, merge: min) { node, parts in
            (possible[node][guideline] > 0 ? 1 : 0) + (parts.map(\.after).min() ?? 0)
        } ?? 0
    }

    func routeLengths() -> (Int, Int) {
        fold(end: (0, 0), merge: { (min($0.0, $1.0), max($0.1, $1.1)) }) { _, parts in
            (1 + (parts.map(\.after.0).min() ?? 0), 1 + (parts.map(\.after.1).max() ?? 0))
        } ?? (0, 0)
    }

    // MARK: Choices within one scenario

    /// Most and fewest total points the options of an edge can earn (for a multiple-answer
    /// scenario: over every non-empty set of options).
    func totalRange(_ node: Int, _ edge: Edge) -> (best: Int, worst: Int) {
        let totals = edge.options.map { earned(course.scenarios[node].options[$0]).reduce(0, +) }
        return course.scenarios[node].kind.range(of: totals)
    }

    /// Fewest points per guideline the options of an edge can earn, each guideline on its own.
    func worstPerGuideline(_ node: Int, _ edge: Edge) -> [Int] {
        let vectors = edge.options.map { earned(course.scenarios[node].options[$0]) }
        return (0..<guidelineCount).map { g in course.scenarios[node].kind.range(of: vectors.map { $0[g] }).worst }
    }

    /// Whether an edge lets the learner choose a critical option.
    func offersCritical(_ node: Int, _ edge: Edge) -> Bool {
        edge.options.contains { course.scenarios[node].options[$0].isCritical }
    }

    /// The choices on an edge that no other choice beats on every guideline, leaving out
    /// critical options when the pass rule forbids them. Empty when every option is critical.
    func bestChoices(_ node: Int, _ edge: Edge) -> [Choice] {
        let scenario = course.scenarios[node]
        let usable = edge.options.filter { !(course.passing.noCritical && scenario.options[$0].isCritical) }
        if !scenario.kind.allowsMany {
            return Pareto.prune(usable.map { Choice(options: [$0], earned: earned(scenario.options[$0])) }, by: \.earned)
        }
        // Subset sums, pruned as they grow; the empty set is kept apart (an answer needs one option).
        let zero = Choice(options: [], earned: [Int](repeating: 0, count: guidelineCount))
        var nonEmpty: [Choice] = []
        for option in usable {
            let points = earned(scenario.options[option])
            let extended = ([zero] + nonEmpty).map { choice in
                Choice(options: choice.options + [option], earned: zip(choice.earned, points).map(+))
            }
            nonEmpty = Pareto.prune(nonEmpty + extended, by: \.earned, limit: RouteAnalysis.frontierLimit)
        }
        return nonEmpty
    }

    // MARK: Course-wide searches

    func percentRange() -> (best: Double?, worst: Double?) {
        // (earned, possible) pairs that could give the highest or lowest ratio on some route.
        let best = fold(end: [(0, 0)], merge: { Pareto.pruneRatio($0 + $1, highest: true) }) { node, parts in
            let possibleHere = possible[node].reduce(0, +)
            let pairs = parts.flatMap { part in part.after.map { ($0.0 + totalRange(node, part.edge).best, $0.1 + possibleHere) } }
            return Pareto.pruneRatio(pairs, highest: true)
        } ?? []
        let worst = fold(end: [(0, 0)], merge: { Pareto.pruneRatio($0 + $1, highest: false) }) { node, parts in
            let possibleHere = possible[node].reduce(0, +)
            let pairs = parts.flatMap { part in part.after.map { ($0.0 + totalRange(node, part.edge).worst, $0.1 + possibleHere) } }
            return Pareto.pruneRatio(pairs, highest: false)
        } ?? []
        let bestPercent = best.compactMap { Scoring.percent(earned: $0.0, possible: $0.1) }.max()
        let worstPercent = worst.compactMap { Scoring.percent(earned: $0.0, possible: $0.1) }.min()
        return (bestPercent, worstPercent)
    }

    /// A route suffix summarised for the pass rule: `100·earned − threshold·possible` overall
    /// (index 0) and per guideline, with the guidelines assessed so far.
    struct Slack: Hashable {
        var assessed: [Bool]
        var margins: [Int]
    }

    /// Whether some route and answers pass, and whether on some route every answer passes.
    func passSearch() -> (canPass: Bool?, worstCanPass: Bool?) {
        let rule = course.passing
        let end = [Slack(assessed: [Bool](repeating: false, count: guidelineCount), margins: [Int](repeating: 0, count: guidelineCount + 1))]
        var exact = true
        func step(_ node: Int, earnedPerGuideline: [Int], earnedTotal: Int, after: Slack) -> Slack {
            var slack = after
            let possibleHere = possible[node]
            slack.margins[0] += 100 * earnedTotal - rule.overall * possibleHere.reduce(0, +)
            for g in 0..<guidelineCount {
                slack.margins[g + 1] += 100 * earnedPerGuideline[g] - rule.perGuideline * possibleHere[g]
                if possibleHere[g] > 0 { slack.assessed[g] = true }
            }
            return slack
        }
        func prune(_ slacks: [Slack]) -> [Slack] {
            var byMask: [[Bool]: [Slack]] = [:]
            for slack in slacks { byMask[slack.assessed, default: []].append(slack) }
            var kept: [Slack] = []
            for group in byMask.values {
                let pruned = Pareto.prune(group, by: \.margins, limit: RouteAnalysis.frontierLimit)
                if pruned.count >= RouteAnalysis.frontierLimit { exact = false }
                kept += pruned
            }
            return kept
        }
        func passes(_ slack: Slack) -> Bool {
            slack.margins[0] >= 0 && (0..<guidelineCount).allSatisfy { !slack.assessed[$0] || slack.margins[$0 + 1] >= 0 }
        }
        let best = fold(end: end, merge: { prune($0 + $1) }) { node, parts in
            prune(parts.flatMap { part in
                bestChoices(node, part.edge).flatMap { choice in
                    part.after.map { step(node, earnedPerGuideline: choice.earned, earnedTotal: choice.earned.reduce(0, +), after: $0) }
                }
            })
        } ?? []
        let bestExact = exact
        exact = true
        let worst = fold(end: end, merge: { prune($0 + $1) }) { node, parts in
            prune(parts.flatMap { part -> [Slack] in
                if rule.noCritical, offersCritical(node, part.edge) { return [] }
                let perGuideline = worstPerGuideline(node, part.edge)
                let total = totalRange(node, part.edge).worst
                return part.after.map { step(node, earnedPerGuideline: perGuideline, earnedTotal: total, after: $0) }
            })
        } ?? []
        let canPass: Bool? = best.contains(where: passes) ? true : (bestExact ? false : nil)
        let worstCanPass: Bool? = worst.contains(where: passes) ? true : (exact ? false : nil)
        return (canPass, worstCanPass)
    }

    // MARK: Single slips

    /// The best answer in a scenario: for one answer, the option with the highest total (not a
    /// critical one when the pass rule forbids them; the first on a tie); for several, every
    /// option with a positive total.
    func bestAnswer(_ node: Int) -> [Int] {
        Scoring.bestAnswer(course.scenarios[node], noCritical: course.passing.noCritical)
    }

    /// The answers that differ from the best in one way (see `ScenarioKind.slipAnswers`).
    func slipAnswers(_ node: Int, best: [Int]) -> [[Int]] {
        course.scenarios[node].kind.slipAnswers(best: best, optionCount: course.scenarios[node].options.count)
    }

    /// A scenario's part of the pass rule for an answer: the assessed guidelines and
    /// `100·earned − threshold·possible` overall (index 0) and per guideline.
    func slack(_ node: Int, answer: [Int]) -> Slack {
        let rule = course.passing
        let options = answer.map { course.scenarios[node].options[$0] }
        let earnedHere = course.guidelines.map { Scoring.earned(options, guideline: $0.id) }
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

/// Keeping only the undominated vectors of a set.
enum Pareto {
    /// The items whose vector no other item's vector matches or beats in every component
    /// (duplicates keep one), at most `limit` of them, largest sums first.
    static func prune<Item>(_ items: [Item], by key: (Item) -> [Int], limit: Int = .max) -> [Item] {
        let sorted = items.map { item in
            let vector = key(item)
            return (item: item, vector: vector, sum: vector.reduce(0, +))
        }.sorted { $0.sum > $1.sum }
        var kept: [(item: Item, vector: [Int], sum: Int)] = []
        for candidate in sorted {
            let dominated = kept.contains { other in zip(other.vector, candidate.vector).allSatisfy { $0 >= $1 } }
            if !dominated {
                kept.append(candidate)
                if kept.count >= limit { break }
            }
        }
        return kept.map(\.item)
    }

    /// (earned, possible) pairs that may give the highest (or lowest) ratio: a pair is dropped
    /// when another earns at least as much (as little) with at most (at least) as much possible.
    static func pruneRatio(_ pairs: [(Int, Int)], highest: Bool) -> [(Int, Int)] {
        let oriented = pairs.map { highest ? ($0.0, -$0.1) : (-$0.0, $0.1) }
        return prune(oriented.map { [$0.0, $0.1] }, by: { $0 }).map { highest ? ($0[0], -$0[1]) : (-$0[0], $0[1]) }
    }
}
