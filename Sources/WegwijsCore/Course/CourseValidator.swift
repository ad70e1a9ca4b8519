/// The rules a decoded course must meet (SPEC §2) and the warnings that help trainers.
/// Every rule is checked and every problem reported, each naming the ids involved.
public enum CourseValidator {
    /// Situations longer than this many characters do not fit on one screen.
    public static let longTextLimit = 1_600

    /// The rules that can be judged on a course the decoder could only partly build: a rule
    /// that depends on a part with a gap is skipped rather than reported wrongly.
    /// A course no route can pass is a problem of severity `unpassable`.
    static func problems(in course: Course, gaps: CourseDecoder.Gaps, unpassable: Diagnostic.Severity) -> [CourseProblem] {
        var problems: [CourseProblem] = []
        checkIdentifiers(course, gaps: gaps, into: &problems)
        let dangling = checkReferences(course, gaps: gaps, into: &problems)
        checkScoring(course, gaps: gaps, into: &problems)
        if !gaps.contains(.scenarios) {
            checkPools(course, into: &problems)
        }
        if gaps.isDisjoint(with: [.scenarios, .options, .links]) {
            checkRefresher(course, into: &problems)
            if !dangling { checkShufflePools(course, into: &problems) }
        }
        if gaps.isDisjoint(with: [.scenarios, .options, .links]) {
            checkGraph(course, reachability: !dangling, into: &problems)
        }
        if !gaps.contains(.texts) {
            checkContent(course, into: &problems)
        }
        if gaps.isEmpty, !problems.contains(where: { $0.severity == .error }) {
            checkFairness(course, unpassable: unpassable, into: &problems)
        }
        return problems
    }

    /// The route analysis of a valid course: an error when no route can pass (the single
    /// slips that follow from it are counted, not listed: the best answers fail too); else a
    /// warning for each single slip that is not critical, with the changes that remove it,
    /// and for each guideline some draw leaves unassessed.
    private static func checkFairness(_ course: Course, unpassable: Diagnostic.Severity, into problems: inout [CourseProblem]) {
        let graph = RouteGraph(course: course)
        let search = SlipSearch(graph: graph)
        let slips = search.slips().filter { !$0.isCritical }
        if !search.bestAnswersPass, graph.passSearch().canPass == false {
            problems.append(CourseProblem(unpassable, at: "/passing",
                                          FairnessText.unpassable(graph.passShortfalls(), rule: course.passing) + FairnessText.slipsLeftOut(slips.count)))
            return
        }
        var finder = SlipRemedyFinder(search: search)
        for slip in slips {
            guard let index = course.indexOfScenario(slip.scenario) else { continue }
            let scenario = course.scenarios[index]
            let best = search.best[index]
            let option = slip.options.first { id in !best.contains { scenario.options[$0].id == id } } ?? slip.options.first ?? ""
            let at = scenario.options.firstIndex { $0.id == option }.map { "/scenarios/\(index)/options/\($0)" } ?? "/scenarios/\(index)"
            let answer = slip.options.compactMap { id in scenario.options.firstIndex { $0.id == id } }
            let losses = SlipRemedyFinder.losses(scenario, answer: answer, best: best, guidelines: course.guidelines)
            problems.append(CourseProblem(.warning, at: at, FairnessText.slip(slip, in: scenario, rule: course.passing, losses: losses,
                                                                                remedies: finder.remedies(for: slip))))
        }
        guard !course.pools.isEmpty else { return }
        for (index, guideline) in course.guidelines.enumerated() where graph.fewestAssessing(guideline: index) == 0 {
            problems.append(CourseProblem(.warning, at: "/pools", ValidatorMessages.guidelineUnassessed(guideline.id)))
        }
    }

    /// Warnings about a refresher that cannot work as declared: one that never falls due before
    /// a pass expires (so never renews it), or one larger than the situations it can show.
    private static func checkRefresher(_ course: Course, into problems: inout [CourseProblem]) {
        guard let rule = course.refresher else { return }
        if let validFor = course.validFor, let start = CalendarDay(year: 2001, month: 1, day: 1),
           start.adding(rule.every) >= start.adding(validFor) {
            problems.append(CourseProblem(.warning, at: "/refresher/every",
                                          ValidatorMessages.refresherNotShorter(every: "\(rule.every)", validFor: "\(validFor)")))
        }
        let available = RefresherSelection.candidates(in: course).count
        if available < rule.scenarios {
            problems.append(CourseProblem(.warning, at: "/refresher/scenarios",
                                          ValidatorMessages.refresherTooLarge(wanted: rule.scenarios, available: available)))
        }
    }

    /// Warnings about `shufflePools` where it cannot work: no pools to shuffle, or links that
    /// only the course's own order can follow.
    private static func checkShufflePools(_ course: Course, into problems: inout [CourseProblem]) {
        guard course.shufflePools else { return }
        if course.pools.isEmpty {
            problems.append(CourseProblem(.warning, at: "/shufflePools", ValidatorMessages.shuffleWithoutPools))
        } else if !course.isReorderable {
            problems.append(CourseProblem(.warning, at: "/shufflePools", ValidatorMessages.shuffleFixedOrder))
        }
    }

    private static func checkIdentifiers(_ course: Course, gaps: CourseDecoder.Gaps, into problems: inout [CourseProblem]) {
        var seenGuidelines: [String: Int] = [:]
        for (index, guideline) in course.guidelines.enumerated() {
            if let first = seenGuidelines[guideline.id] {
                problems.append(CourseProblem(.error, at: "/guidelines/\(index)/id",
                                              ValidatorMessages.guidelineUsedTwice(guideline.id, first: first + 1)))
            } else {
                seenGuidelines[guideline.id] = index
            }
        }
        var seenScenarios: [String: Int] = [:]
        for (index, scenario) in course.scenarios.enumerated() {
            if let first = seenScenarios[scenario.id] {
                problems.append(CourseProblem(.error, at: "/scenarios/\(index)/id",
                                              ValidatorMessages.scenarioUsedTwice(scenario.id, first: first + 1)))
            } else {
                seenScenarios[scenario.id] = index
            }
            if scenario.id == "end" {
                problems.append(CourseProblem(.error, at: "/scenarios/\(index)/id", ValidatorMessages.endIsReserved))
            }
            var seenOptions: Set<String> = []
            for (optionIndex, option) in scenario.options.enumerated() where !seenOptions.insert(option.id).inserted {
                problems.append(CourseProblem(.error, at: "/scenarios/\(index)/options/\(optionIndex)/id",
                                              ValidatorMessages.optionUsedTwice(option.id, in: scenario.id)))
            }
            if !gaps.contains(.options), scenario.options.count < 2 || scenario.options.count > 26 {
                problems.append(CourseProblem(.error, at: "/scenarios/\(index)/options",
                                              ValidatorMessages.optionCount(scenario.options.count, in: scenario.id)))
            }
        }
    }

    /// Reports unknown guidelines and scenarios; true when some `next` names an unknown scenario.
    @discardableResult
    private static func checkReferences(_ course: Course, gaps: CourseDecoder.Gaps, into problems: inout [CourseProblem]) -> Bool {
        let guidelineIDs = course.guidelines.map(\.id)
        let known = Set(guidelineIDs)
        // A "did you mean" never suggests an id that breaks the id rule itself.
        let suggestedGuidelines = guidelineIDs.filter(CourseID.isValid)
        let scenarioIDs = course.scenarios.map(\.id).filter(CourseID.isValid)
        var dangling = false
        func checkLink(_ link: ScenarioLink?, at pointer: String, owner: LocalizedMessage) {
            guard case .scenario(let target)? = link, course.indexOfScenario(target) == nil else { return }
            dangling = true
            guard !gaps.contains(.scenarios) else { return }
            problems.append(CourseProblem(.error, at: pointer,
                                          ValidatorMessages.unknownNext(owner, target: target, hint: Suggestion.suggestion(for: target, in: scenarioIDs))))
        }
        for (index, scenario) in course.scenarios.enumerated() {
            let base = "/scenarios/\(index)"
            checkLink(scenario.next, at: base + "/next", owner: ValidatorMessages.scenario(scenario.id))
            for (optionIndex, option) in scenario.options.enumerated() {
                let optionBase = "\(base)/options/\(optionIndex)"
                let owner = ValidatorMessages.option(option.id, of: scenario.id)
                for guideline in option.scores.keys.sorted() where !known.contains(guideline) && !gaps.contains(.guidelines) {
                    problems.append(CourseProblem(.error, at: optionBase + "/scores", key: guideline,
                                                  ValidatorMessages.unknownGuideline(owner, guideline: guideline,
                                                                                     hint: guidelineHint(for: guideline, in: suggestedGuidelines))))
                }
                checkLink(option.next, at: optionBase + "/next", owner: owner)
            }
            for problem in scenario.rules.problems(in: scenario) {
                problems.append(CourseProblem(.error, at: base + problem.path, problem.wording))
            }
        }
        return dangling
    }

    /// " — did you mean 'x'?" for a near miss, else the list of the course's guideline ids.
    private static func guidelineHint(for name: String, in ids: [String]) -> LocalizedMessage {
        let hint = Suggestion.suggestion(for: name, in: ids)
        guard hint == .empty, !ids.isEmpty else { return hint }
        return ValidatorMessages.knownGuidelines(Array(ids.prefix(12)), more: max(0, ids.count - 12))
    }

    private static func checkScoring(_ course: Course, gaps: CourseDecoder.Gaps, into problems: inout [CourseProblem]) {
        guard gaps.isDisjoint(with: [.options, .scores]) else { return }
        var positiveScenarios: [String: Set<String>] = [:]
        for (index, scenario) in course.scenarios.enumerated() {
            var hasPositive = false
            for option in scenario.options {
                for (guideline, points) in option.scores where points > 0 {
                    hasPositive = true
                    positiveScenarios[guideline, default: []].insert(scenario.id)
                }
            }
            if !hasPositive, !scenario.options.isEmpty {
                problems.append(CourseProblem(.error, at: "/scenarios/\(index)",
                                              ValidatorMessages.noPositiveScore(scenario.id)))
            }
        }
        guard !gaps.contains(.scenarios) else { return }
        for (index, guideline) in course.guidelines.enumerated() {
            let scenarios = positiveScenarios[guideline.id] ?? []
            if scenarios.isEmpty {
                problems.append(CourseProblem(.error, at: "/guidelines/\(index)",
                                              ValidatorMessages.guidelineNeverScored(guideline.id)))
            } else if scenarios.count == 1, course.scenarios.count > 1 {
                problems.append(CourseProblem(.warning, at: "/guidelines/\(index)",
                                              ValidatorMessages.guidelineScoredOnce(guideline.id, in: scenarios.first ?? "")))
            }
        }
    }

    /// Pool rules (SPEC §2): known members, each in one pool, never the target of an option's
    /// `next` (a consequence is always shown), and a draw between 1 and the number of members.
    private static func checkPools(_ course: Course, into problems: inout [CourseProblem]) {
        let scenarioIDs = course.scenarios.map(\.id).filter(CourseID.isValid)
        var targets: [String: LocalizedMessage] = [:]
        for scenario in course.scenarios {
            for option in scenario.options {
                if case .scenario(let target)? = option.next, targets[target] == nil {
                    targets[target] = ValidatorMessages.option(option.id, of: scenario.id)
                }
            }
        }
        var owner: [String: String] = [:]
        var poolIDs: Set<String> = []
        for (index, pool) in course.pools.enumerated() {
            let base = "/pools/\(index)"
            if !poolIDs.insert(pool.id).inserted {
                problems.append(CourseProblem(.error, at: base + "/id", ValidatorMessages.poolUsedTwice(pool.id)))
            }
            for (position, member) in pool.scenarios.enumerated() {
                let at = "\(base)/scenarios/\(position)"
                if course.indexOfScenario(member) == nil {
                    problems.append(CourseProblem(.error, at: at,
                                                  ValidatorMessages.poolUnknownScenario(pool.id, member: member,
                                                                                        hint: Suggestion.suggestion(for: member, in: scenarioIDs))))
                    continue
                }
                if let first = owner[member] {
                    problems.append(CourseProblem(.error, at: at,
                                                  ValidatorMessages.inTwoPools(member, first: first)))
                    continue
                }
                owner[member] = pool.id
                if let source = targets[member] {
                    problems.append(CourseProblem(.error, at: at,
                                                  ValidatorMessages.consequenceInPool(member, pool: pool.id, source: source)))
                }
            }
            let members = Set(pool.scenarios).count
            if pool.draw < 1 || pool.draw > members {
                problems.append(CourseProblem(.error, at: base + "/draw",
                                              ValidatorMessages.poolDraw(pool.id, draws: pool.draw, members: members)))
            }
        }
    }

    /// Unreachable scenarios (skipped when a `next` is dangling: the scenario it was meant to
    /// name would be reported too) and loops.
    private static func checkGraph(_ course: Course, reachability: Bool, into problems: inout [CourseProblem]) {
        let count = course.scenarios.count
        guard count > 0 else { return }
        // Where a scenario can lead: its options, and for a pool member where a skip goes.
        func successors(_ index: Int) -> [Int] {
            var next = course.successors(of: index).next
            if course.poolPosition(of: course.scenarios[index].id) != nil,
               let skip = course.successor(of: index, choosing: nil), !next.contains(skip) {
                next.append(skip)
            }
            return next
        }
        // Reachability from the first scenario.
        var reached = [Bool](repeating: false, count: count)
        var stack = [0]
        reached[0] = true
        while let index = stack.popLast() {
            for next in successors(index) where !reached[next] {
                reached[next] = true
                stack.append(next)
            }
        }
        for index in 0..<count where !reached[index] && reachability {
            problems.append(CourseProblem(.error, at: "/scenarios/\(index)",
                                          ValidatorMessages.unreachable(course.scenarios[index].id, first: course.scenarios[0].id)))
        }
        // Loops: an iterative depth-first search; a grey successor closes a cycle.
        enum Colour { case white, grey, black }
        var colour = [Colour](repeating: .white, count: count)
        var reportedLoops: Set<Int> = []
        for start in 0..<count where colour[start] == .white {
            var path: [(index: Int, successors: [Int], next: Int)] = [(start, successors(start), 0)]
            colour[start] = .grey
            while !path.isEmpty {
                let top = path.count - 1
                if path[top].next < path[top].successors.count {
                    let successor = path[top].successors[path[top].next]
                    path[top].next += 1
                    switch colour[successor] {
                    case .white:
                        colour[successor] = .grey
                        path.append((successor, successors(successor), 0))
                    case .grey:
                        guard reportedLoops.insert(successor).inserted,
                              let loopStart = path.firstIndex(where: { $0.index == successor }) else { break }
                        let loop = path[loopStart...].map { course.scenarios[$0.index].id } + [course.scenarios[successor].id]
                        let from = path[top].index
                        problems.append(CourseProblem(.error, at: "/scenarios/\(from)",
                                                      ValidatorMessages.loop(loop)))
                    case .black:
                        break
                    }
                } else {
                    colour[path[top].index] = .black
                    path.removeLast()
                }
            }
        }
    }

    private static func checkContent(_ course: Course, into problems: inout [CourseProblem]) {
        func checkLength(_ text: LocalizedText?, at pointer: String, what: LocalizedMessage) {
            guard let text else { return }
            for code in text.translations.keys.sorted() {
                // A text has no more characters than UTF-8 bytes: count characters only when it may be long.
                guard let value = text.translations[code], value.utf8.count > longTextLimit else { continue }
                let length = value.count
                if length > longTextLimit {
                    problems.append(CourseProblem(.warning, at: pointer,
                                                  ValidatorMessages.tooLong(what, length: length, language: code, limit: longTextLimit)))
                }
            }
        }
        checkLength(course.introduction, at: "/introduction", what: ValidatorMessages.introduction)
        checkLength(course.closing, at: "/closing", what: ValidatorMessages.closing)
        for (index, guideline) in course.guidelines.enumerated() {
            checkLength(guideline.summary, at: "/guidelines/\(index)/summary", what: ValidatorMessages.guidelineSummary(guideline.id))
        }
        for (index, scenario) in course.scenarios.enumerated() {
            let base = "/scenarios/\(index)"
            if scenario.explanation == nil {
                problems.append(CourseProblem(.warning, at: base, ValidatorMessages.noExplanation(scenario.id)))
            }
            checkLength(scenario.situation, at: base + "/situation", what: ValidatorMessages.situation(scenario.id))
            checkLength(scenario.explanation, at: base + "/explanation", what: ValidatorMessages.explanation(scenario.id))
            for (optionIndex, option) in scenario.options.enumerated() {
                let optionBase = "\(base)/options/\(optionIndex)"
                if option.feedback == nil {
                    problems.append(CourseProblem(.warning, at: optionBase,
                                                  ValidatorMessages.noFeedback(option.id, of: scenario.id)))
                }
                checkLength(option.text, at: optionBase + "/text", what: ValidatorMessages.optionText(option.id, of: scenario.id))
                checkLength(option.feedback, at: optionBase + "/feedback",
                            what: ValidatorMessages.optionFeedback(option.id, of: scenario.id))
            }
        }
    }
}
