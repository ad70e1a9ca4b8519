import Foundation

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
            var grouped: [Edge] = []
            for decider in scenario.rules.deciding(scenario) {
                let options = decider.flatMap { option in scenario.options.firstIndex { $0.id == option.id } }.map { [$0] }
                    ?? Array(scenario.options.indices)
                let next = course.successor(of: index, choosing: decider)
                if let position = grouped.firstIndex(where: { $0.next == next }) {
                    grouped[position].options += options
                } else {
                    grouped.append(Edge(options: options, next: next))
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
        course.guidelines.map { option.score(for: $0.id) }
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
        return course.scenarios[node].rules.range(of: totals)
    }

    /// Fewest points per guideline the options of an edge can earn, each guideline on its own.
    func worstPerGuideline(_ node: Int, _ edge: Edge) -> [Int] {
        let vectors = edge.options.map { earned(course.scenarios[node].options[$0]) }
        return (0..<guidelineCount).map { g in course.scenarios[node].rules.range(of: vectors.map { $0[g] }).worst }
    }

    /// Whether an edge lets the learner choose a critical option.
    func offersCritical(_ node: Int, _ edge: Edge) -> Bool {
        edge.options.contains { course.scenarios[node].options[$0].isCritical }
    }

    /// The choices on an edge that no other choice beats on every guideline (the kind decides:
    /// `QuestionKind.bestChoices`), leaving out critical options when the pass rule forbids
    /// them. Empty when every option is critical.
    func bestChoices(_ node: Int, _ edge: Edge) -> [Choice] {
        let scenario = course.scenarios[node]
        let usable = edge.options.filter { !(course.passing.noCritical && scenario.options[$0].isCritical) }
        return scenario.rules.bestChoices(usable: usable, points: { earned(scenario.options[$0]) }, guidelineCount: guidelineCount)
            .map { Choice(options: $0.options, earned: $0.earned) }
    }

}
