import Foundation

/// A change to a course that removes one single slip, found by making it and searching the
/// changed course again: never a guess.
public enum SlipRemedy: Sendable, Hashable {
    /// Another score for an option on a guideline: a smaller penalty, or partial points.
    case score(scenario: String, option: String, guideline: String, from: Int, to: Int)
    /// Drawing more scenarios from a pool.
    case draw(pool: String, from: Int, to: Int)
    /// Marking the option critical: failing on it is then intended (the learner is told so).
    case critical(scenario: String, option: String)
}

/// Finds, for the single slips of a course, changes that remove them. The work is bounded, so
/// a large course is not much slower to validate: a few scores per option and guideline, each
/// judged on the search already made (other points for an option that is not the best leave
/// every route the best answers take unchanged), and a few pool draws, each a new search of
/// the whole course shared by every slip.
struct SlipRemedyFinder {
    /// A slip as the course names it.
    struct SlipID: Hashable {
        var scenario: String
        var options: [String]
    }

    /// At most this many remedies are offered per slip, the critical mark apart.
    static let remediesPerSlip = 2
    /// Scores tried per option and guideline.
    static let scoresPerGuideline = 3
    /// Score changes tried over the whole course.
    static let scoreTryBudget = 5_000
    /// Whole-course searches for pool draws: their scenarios together at most this many.
    static let drawSearchBudget = 10_000
    /// Whole-course searches at most, however small the course.
    static let drawSearchLimit = 8

    let search: SlipSearch
    private var scoreTries = 0
    /// Pool changes in course order, each with the ordinary slips left after it (nil until searched).
    private var draws: [(remedy: SlipRemedy, course: Course, slipsLeft: Set<SlipID>?)]
    private var drawSearches = 0

    init(search: SlipSearch) {
        self.search = search
        let course = search.graph.course
        draws = course.pools.indices.compactMap { index in
            let pool = course.pools[index]
            let members = search.graph.poolSizes[index].members
            guard pool.draw < members else { return nil }
            var changed = course
            changed.pools[index].draw = pool.draw + 1
            return (SlipRemedy.draw(pool: pool.id, from: pool.draw, to: pool.draw + 1), changed, nil)
        }
    }

    /// Checked changes that remove the slip (scores first, then draws, then the critical mark).
    mutating func remedies(for slip: RouteAnalysis.SingleSlip) -> [SlipRemedy] {
        let graph = search.graph
        guard let node = graph.course.indexOfScenario(slip.scenario) else { return [] }
        let scenario = graph.course.scenarios[node]
        let answer = slip.options.compactMap { id in scenario.options.firstIndex { $0.id == id } }
        let best = search.best[node]
        let wrong = answer.filter { !best.contains($0) }
        var found = scoreRemedies(node, answer: answer, wrong: wrong, reason: slip.reason)
        if found.count < Self.remediesPerSlip {
            found += drawRemedies(for: SlipID(scenario: slip.scenario, options: slip.options), limit: Self.remediesPerSlip - found.count)
        }
        for option in wrong {
            var marked = scenario
            marked.options[option].isCritical = true
            if marked.rules.problems(in: marked).isEmpty {
                found.append(.critical(scenario: scenario.id, option: scenario.options[option].id))
            }
        }
        return found
    }

    /// The guidelines where a slip loses points against the best answer, most lost first.
    static func losses(_ scenario: Scenario, answer: [Int], best: [Int], guidelines: [Guideline]) -> [(id: String, points: Int)] {
        let chosen = answer.map { scenario.options[$0] }
        let right = best.map { scenario.options[$0] }
        let lost = guidelines.map { guideline in
            (id: guideline.id, points: Scoring.earned(scenario, right, guideline: guideline.id) - Scoring.earned(scenario, chosen, guideline: guideline.id))
        }
        return lost.filter { $0.points > 0 }.sorted { $0.points > $1.points }
    }

    private mutating func scoreRemedies(_ node: Int, answer: [Int], wrong: [Int], reason: RouteAnalysis.SingleSlip.Reason) -> [SlipRemedy] {
        let graph = search.graph
        let course = graph.course
        let scenario = course.scenarios[node]
        let guidelines: [String] = switch reason {
        case .guideline(let id): [id]
        case .overall, .critical: Self.losses(scenario, answer: answer, best: search.best[node], guidelines: course.guidelines).map(\.id)
        }
        var found: [SlipRemedy] = []
        for option in wrong {
            for guideline in guidelines {
                let current = scenario.options[option].score(for: guideline)
                for score in Self.candidates(from: current) {
                    guard scoreTries < Self.scoreTryBudget else { return found }
                    scoreTries += 1
                    var changed = scenario
                    changed.options[option].scores[guideline] = score
                    if keepsBest(changed, at: node), staysBelowBest(changed.options[option], at: node),
                       search.failure(node, answer: answer, in: changed) == nil {
                        found.append(.score(scenario: scenario.id, option: scenario.options[option].id, guideline: guideline, from: current, to: score))
                        if found.count >= Self.remediesPerSlip { return found }
                        break
                    }
                }
            }
        }
        return found
    }

    /// The scores to try instead of `current`, smallest change first: a penalty towards 0
    /// (a few steps, then 0), then a point; without a penalty, one point more and up.
    static func candidates(from current: Int) -> [Int] {
        let tried: [Int]
        if current < 0 {
            let steps = Array(current + 1...0)
            tried = (steps.count > scoresPerGuideline ? Array(steps.prefix(scoresPerGuideline - 1)) + [0] : steps) + [1]
        } else {
            tried = Array(current + 1...current + scoresPerGuideline)
        }
        return tried.filter { CourseLimits.score.contains($0) }
    }

    /// Whether a changed scenario keeps the best answer and what it can score: then the
    /// search already made still holds for every route.
    private func keepsBest(_ changed: Scenario, at node: Int) -> Bool {
        let graph = search.graph
        return Scoring.bestAnswer(changed, noCritical: graph.course.passing.noCritical) == search.best[node]
            && graph.course.guidelines.indices.allSatisfy { Scoring.possible(changed, guideline: graph.course.guidelines[$0].id) == graph.possible[node][$0] }
    }

    /// Whether a changed option still earns fewer points in all than every option of the best
    /// answer: partial points, not a second right answer.
    private func staysBelowBest(_ option: Scenario.Option, at node: Int) -> Bool {
        let scenario = search.graph.course.scenarios[node]
        let total = option.scores.values.reduce(0, +)
        return search.best[node].allSatisfy { total < scenario.options[$0].scores.values.reduce(0, +) }
    }

    private mutating func drawRemedies(for slip: SlipID, limit: Int) -> [SlipRemedy] {
        var found: [SlipRemedy] = []
        let scenarios = max(search.graph.course.scenarios.count, 1)
        for index in draws.indices where found.count < limit {
            if draws[index].slipsLeft == nil {
                guard drawSearches < Self.drawSearchLimit, (drawSearches + 1) * scenarios <= Self.drawSearchBudget else { break }
                drawSearches += 1
                let slips = SlipSearch(graph: RouteGraph(course: draws[index].course)).slips()
                draws[index].slipsLeft = Set(slips.filter { !$0.isCritical }.map { SlipID(scenario: $0.scenario, options: $0.options) })
            }
            if let left = draws[index].slipsLeft, !left.contains(slip) {
                found.append(draws[index].remedy)
            }
        }
        return found
    }
}
