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
        /// A single slip that is not critical fails a learner: on `routes` of the routes and in
        /// `draws` of the draws (nil: too many to count one by one).
        case singleSlipsFail(routes: UInt64?, draws: UInt64?)
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

    /// A part of the pass rule that even the best answers cannot meet (when no route can pass).
    public struct PassShortfall: Sendable, Hashable {
        /// The guideline whose threshold is missed; nil for the overall score.
        public var guideline: String?
        /// The best percentage the best answers reach on it, over every route and draw.
        public var best: Double
        /// The threshold it stays below (`overall` or `perGuideline`).
        public var threshold: Int
        /// The highest whole threshold the best answers do reach.
        public var reachable: Int
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
    /// When no route can pass, the parts of the pass rule the best answers miss; empty when
    /// each part can be met alone but not all of them on one route.
    public var shortfalls: [PassShortfall]

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
        var slipRoutes: UInt64?
        let hasOrdinarySlips = singleSlips.contains { !$0.isCritical }
        if routeCount <= UInt64(max(listLimit, 0)) {
            let enumerated = graph.enumerateRoutes()
            let listed = enumerated.map { graph.evaluate($0) }
            if hasOrdinarySlips { slipRoutes = UInt64(enumerated.filter(graph.failsOnSingleSlip).count) }
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
        if canPass != false, hasOrdinarySlips {
            findings.append(.singleSlipsFail(routes: slipRoutes, draws: graph.drawsFailingOnSingleSlip()))
        }
        if canPass == nil || worstCanPass == nil { findings.append(.undecided) }
        self.findings = findings
        shortfalls = canPass == false ? graph.passShortfalls() : []
    }
}
