import Foundation

extension RouteGraph {
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

}

extension RouteGraph {
    /// (earned, possible) pairs of the best answers that could give the highest percentage on
    /// some route: overall (`guideline` nil) or on one guideline, on routes that assess it.
    /// Critical options are left out when the pass rule forbids them.
    func bestPairs(guideline: Int?) -> [(Int, Int)] {
        func points(_ earned: [Int]) -> Int { guideline.map { earned[$0] } ?? earned.reduce(0, +) }
        let pairs = fold(end: [(0, 0)], merge: { Pareto.pruneRatio($0 + $1, highest: true) }) { node, parts in
            let possibleHere = guideline.map { possible[node][$0] } ?? possible[node].reduce(0, +)
            let pairs = parts.flatMap { part -> [(Int, Int)] in
                guard let best = bestChoices(node, part.edge).map({ points($0.earned) }).max() else { return [] }
                return part.after.map { ($0.0 + best, $0.1 + possibleHere) }
            }
            return Pareto.pruneRatio(pairs, highest: true)
        } ?? []
        return pairs.filter { $0.1 > 0 }
    }

    /// The parts of the pass rule that even the best answers cannot meet on their own, each
    /// with the best percentage they reach; a guideline counts only when every route assesses
    /// it. Empty when each part can be met alone, but not all of them on one route.
    func passShortfalls() -> [RouteAnalysis.PassShortfall] {
        let rule = course.passing
        func best(_ pairs: [(Int, Int)]) -> Double { pairs.compactMap { Scoring.percent(earned: $0.0, possible: $0.1) }.max() ?? 0 }
        func reaches(_ pairs: [(Int, Int)], _ threshold: Int) -> Bool { pairs.contains { 100 * $0.0 >= threshold * $0.1 } }
        func reachable(_ pairs: [(Int, Int)]) -> Int { max(0, pairs.map { 100 * $0.0 / $0.1 }.max() ?? 0) }
        var shortfalls: [RouteAnalysis.PassShortfall] = []
        let overall = bestPairs(guideline: nil)
        if !reaches(overall, rule.overall) {
            shortfalls.append(.init(guideline: nil, best: best(overall), threshold: rule.overall, reachable: reachable(overall)))
        }
        for (index, guideline) in course.guidelines.enumerated() where fewestAssessing(guideline: index) > 0 {
            let pairs = bestPairs(guideline: index)
            if !reaches(pairs, rule.perGuideline) {
                shortfalls.append(.init(guideline: guideline.id, best: best(pairs), threshold: rule.perGuideline, reachable: reachable(pairs)))
            }
        }
        return shortfalls
    }
}
