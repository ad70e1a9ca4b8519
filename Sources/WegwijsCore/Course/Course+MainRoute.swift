/// The main line of a course and its follow-ups: what lets an attempt show the situations of
/// its draw in another order than the file's (a retake's order, `shufflePools`) while every
/// branch still works.
///
/// The main line is the chain of scenarios from the first, each followed by its own successor
/// (no option chosen), with every pool member counted as shown. A follow-up is a scenario off
/// the main line that an option's `next` leads to: it shows what happened after that choice,
/// then the course goes back to where the main-line scenario would have gone on.
extension Course {
    /// The main line's scenario indexes, in order.
    public var mainLine: [Int] {
        var line: [Int] = []
        var seen = Set<Int>()
        var index: Int? = scenarios.isEmpty ? nil : 0
        while let current = index, seen.insert(current).inserted {
            line.append(current)
            index = successor(of: current, choosing: nil)
        }
        return line
    }

    /// Whether an attempt may show the main line's situations in any order: every pool member
    /// is on the main line, and every option that leaves it leads to follow-ups of that one
    /// scenario only, which come back to where its own `next` goes (or end where it ends).
    public var isReorderable: Bool { followUpParents != nil }

    /// Follow-up scenario index → the main-line scenario it belongs to; nil when the course's
    /// links do not allow reordering (see `isReorderable`).
    var followUpParents: [Int: Int]? {
        let line = mainLine
        let onLine = Set(line)
        guard pools.allSatisfy({ pool in pool.scenarios.allSatisfy { indexOfScenario($0).map(onLine.contains) ?? true } }) else { return nil }
        var parents: [Int: Int] = [:]
        for parent in line {
            let back = successor(of: parent, choosing: nil)
            var queue: [Int] = []
            let (choices, ends) = successors(of: parent)
            if ends, back != nil { return nil }  // an option that ends the course early
            for next in choices where next != back {
                guard !onLine.contains(next) else { return nil }  // a jump along the main line
                queue.append(next)
            }
            while let followUp = queue.popLast() {
                if let owner = parents[followUp] {
                    if owner != parent { return nil }  // one follow-up, two situations
                    continue
                }
                parents[followUp] = parent
                let (nexts, canEnd) = successors(of: followUp)
                if canEnd, back != nil { return nil }
                for next in nexts where next != back {
                    guard !onLine.contains(next) else { return nil }
                    queue.append(next)
                }
            }
        }
        return parents
    }

    /// The main-line scenarios an attempt with this draw shows, in main-line order: for a
    /// course without links, its route (`route(drawn:)`).
    public func mainRoute(drawn: Set<String>?) -> [String] {
        mainLine.filter { isShown($0, drawn: drawn) }.map { scenarios[$0].id }
    }

    /// `route` with its pools in a random order: the places of pool members are filled again,
    /// pool by pool in shuffled pool order (each pool's members in their own order); a
    /// scenario in no pool keeps its place. So no position tells which pool, and which
    /// guideline, a situation comes from.
    public func shufflingPools<G: RandomNumberGenerator>(of route: [String], using generator: inout G) -> [String] {
        var members: [Int: [String]] = [:]
        for id in route { if let pool = poolPosition(of: id) { members[pool, default: []].append(id) } }
        let order = Attempt.shuffled(members.keys.sorted(), using: &generator)
        var refill = order.flatMap { members[$0] ?? [] }.makeIterator()
        return route.map { id in poolPosition(of: id) == nil ? id : (refill.next() ?? id) }
    }
}
