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
