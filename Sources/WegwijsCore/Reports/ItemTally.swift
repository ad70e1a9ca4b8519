/// Running sums over attempts, one per worker, merged at the end. Holds no record.
public struct ItemTally: Sendable {
    struct ScenarioSums: Sendable {
        var shown = 0
        var sumFraction = 0.0
        /// Pearson sums over attempts where the rest of the course was possible.
        var pairs = 0
        var sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
        var chosen: [Int]

        mutating func merge(_ other: ScenarioSums) {
            shown += other.shown
            sumFraction += other.sumFraction
            pairs += other.pairs
            sumX += other.sumX; sumY += other.sumY; sumXX += other.sumXX; sumYY += other.sumYY; sumXY += other.sumXY
            for index in chosen.indices { chosen[index] += other.chosen[index] }
        }
    }

    struct GuidelineSums: Sendable {
        var assessed = 0
        var sumPercent = 0.0
        var atOrAbove = 0
        var failedOn = 0
    }

    /// One ended attempt scored, ready to be folded in: per guideline points earned and
    /// possible, per answer its scenario, points earned and possible, and where its distinct
    /// options end in `answerOptions`.
    struct Scored: Sendable {
        var learner = ""
        var startedAt: Int64 = 0, finishedAt: Int64 = 0
        /// Where the record was read, to order attempts that started and ended together.
        var path = ""
        var earned: [Int], possible: [Int]
        var critical = false
        var answerScenario: [Int] = [], answerEarned: [Int] = [], answerPossible: [Int] = []
        var answerOptions: [Int] = [], answerOptionsEnd: [Int] = []

        /// Started earlier; on a tie finished earlier, then read from the first path.
        func isEarlier(than other: Scored) -> Bool {
            (startedAt, finishedAt, path) < (other.startedAt, other.finishedAt, other.path)
        }
    }

    /// Which attempts are counted.
    public let selection: AttemptSelection
    var attempts = 0
    var passed = 0
    var learners = Set<String>()
    var percents: [Double] = []
    var durations: [Int64] = []
    var failedOverall = 0
    var failedCritical = 0
    var scenarios: [ScenarioSums]
    var guidelines: [GuidelineSums]
    /// Ended attempts of this course made on another structure.
    public internal(set) var otherStructure = 0
    /// In-progress and abandoned attempts of this course, not counted.
    public internal(set) var unfinished = 0
    /// Ended attempts finished before `--since` (with `.first`: first attempts).
    public internal(set) var beforeSince = 0
    /// Ended refreshers of the course: not counted, their few situations are not the course.
    public internal(set) var refreshers = 0
    /// With `.first`: the ended attempts of the course that were not a learner's first, not counted.
    public internal(set) var laterAttempts = 0
    /// Files skipped, with why.
    public internal(set) var problems: [FileProblem] = []
    /// Record files read.
    public internal(set) var files = 0
    /// With `.first`: per learner the earliest ended attempt so far, folded in by `finished`.
    var firstAttempts: [String: Scored] = [:]
    /// With `.first`: the ended attempts of the course seen so far.
    var candidates = 0
    /// Reused for every attempt (a worker scores many).
    private var scratch: Scored
    /// Per scenario, the number of the attempt that last counted it as shown.
    private var shownIn: [Int]

    /// A tally of every ended attempt (`.all`) or of each learner's first (`.first`, complete
    /// after `finished(since:)`).
    public init(course: Course, selection: AttemptSelection = .all) {
        self.selection = selection
        scratch = Scored(earned: Array(repeating: 0, count: course.guidelines.count),
                         possible: Array(repeating: 0, count: course.guidelines.count))
        shownIn = Array(repeating: -1, count: course.scenarios.count)
        scenarios = course.scenarios.map { ScenarioSums(chosen: Array(repeating: 0, count: $0.options.count)) }
        guidelines = Array(repeating: GuidelineSums(), count: course.guidelines.count)
    }

    /// Reads, parses and folds in one file, or notes why it was skipped.
    public mutating func read(_ path: String, from source: some RecordSource, course: StatisticsCourse, since: CalendarDay?) {
        files += 1
        do {
            // Every answer counts, but no answer's (or event's) time: those are checked, not built.
            let (_, root) = try RecordFiles.parsed(source.bytes(at: path), path: path, leavingUnbuilt: "at")
            do {
                let facts = try AttemptFacts.extract(from: root)
                if let reason = add(facts, course: course, since: since, path: path) { problems.append(FileProblem(path: path, reason: reason)) }
            } catch {
                problems.append(FileProblem(path: path, reason: error.reason))
            }
        } catch {
            problems.append(error)
        }
    }

    /// Folds in one attempt when it is an ended attempt of this course's structure finished on
    /// or after `since`; with `.first`, keeps it when it is the learner's earliest so far (the
    /// first attempt is chosen before `since` applies: a retake is never a first attempt).
    /// Returns why a matching record could not be used, if it could not.
    @discardableResult
    public mutating func add(_ facts: AttemptFacts, course subject: StatisticsCourse, since: CalendarDay?, path: String = "") -> String? {
        guard facts.courseID == subject.course.id else { return nil }
        guard facts.status == .passed || facts.status == .failed, let finishedAt = facts.finishedAt else {
            unfinished += 1
            return nil
        }
        if facts.isRefresher {
            refreshers += 1
            return nil
        }
        guard subject.matches(facts) else {
            otherStructure += 1
            return nil
        }
        if selection == .all, let since, CalendarDay(secondsSince1970: finishedAt) < since {
            beforeSince += 1
            return nil
        }
        let table = subject.table
        for guideline in 0..<table.guidelineCount {
            scratch.earned[guideline] = 0
            scratch.possible[guideline] = 0
        }
        scratch.answerScenario.removeAll(keepingCapacity: true)
        scratch.answerEarned.removeAll(keepingCapacity: true)
        scratch.answerPossible.removeAll(keepingCapacity: true)
        scratch.answerOptions.removeAll(keepingCapacity: true)
        scratch.answerOptionsEnd.removeAll(keepingCapacity: true)
        var critical = false
        for answer in facts.answers?.elements ?? [] {
            var scenarioID: String?, options: [JSONNode]?
            for member in answer.members ?? [] {
                if member.key == "scenario" { scenarioID = member.node.string } else if member.key == "options" { options = member.node.elements }
            }
            guard let scenarioID, let options else { return "an answer has no scenario or options; skipped" }
            guard let index = table.scenarioIndex[scenarioID] else {
                return "answers scenario '\(String(scenarioID.prefix(64)))', which the course does not have; skipped"
            }
            let start = scratch.answerOptions.count
            var scenarioEarned = 0
            for (position, node) in options.enumerated() {
                guard let id = node.string, let option = table.optionIndex[index][id] else {
                    return "chooses option '\(String((node.string ?? "?").prefix(64)))', which scenario '\(scenarioID)' does not have; skipped"
                }
                critical = critical || table.critical[index][option]
                // Per option, `stats` counts the answers in which it earns its points: chosen, or in a ranking placed right.
                guard table.rules[index].earns(option: option, at: position) else { continue }
                let points = table.points[index][option]
                for guideline in 0..<table.guidelineCount { scratch.earned[guideline] += points[guideline] }
                scenarioEarned += table.pointsTotal[index][option]
                if !scratch.answerOptions[start...].contains(option) { scratch.answerOptions.append(option) }
            }
            for guideline in 0..<table.guidelineCount { scratch.possible[guideline] += table.possible[index][guideline] }
            scratch.answerScenario.append(index)
            scratch.answerEarned.append(scenarioEarned)
            scratch.answerPossible.append(table.possibleTotal[index])
            scratch.answerOptionsEnd.append(scratch.answerOptions.count)
        }
        scratch.critical = critical
        scratch.learner = facts.learnerID
        scratch.startedAt = facts.startedAt
        scratch.finishedAt = finishedAt
        scratch.path = path
        switch selection {
        case .all:
            fold(scratch, table: table)
        case .first:
            candidates += 1
            if let kept = firstAttempts[facts.learnerID], !scratch.isEarlier(than: kept) { return nil }
            firstAttempts[facts.learnerID] = scratch
        }
        return nil
    }

    /// With `.first`: folds in each learner's first attempt when it finished on or after
    /// `since`, in learner order (the same sums whatever order the workers read in). Idempotent.
    public func finished(since: CalendarDay?, table: ScoringTable) -> ItemTally {
        var tally = self
        guard selection == .first, !firstAttempts.isEmpty else { return tally }
        tally.laterAttempts += candidates - firstAttempts.count
        tally.candidates = 0
        tally.firstAttempts = [:]
        for learner in firstAttempts.keys.sorted() {
            let attempt = firstAttempts[learner]!
            if let since, CalendarDay(secondsSince1970: attempt.finishedAt) < since {
                tally.beforeSince += 1
                continue
            }
            tally.fold(attempt, table: table)
        }
        return tally
    }

    /// Adds one scored attempt to the sums.
    private mutating func fold(_ attempt: Scored, table: ScoringTable) {
        let earned = attempt.earned, possible = attempt.possible
        let verdict = table.verdict(earned: earned, possible: possible, critical: attempt.critical)
        let totalEarned = earned.reduce(0, +), totalPossible = possible.reduce(0, +)
        attempts += 1
        if verdict.passed { passed += 1 }
        learners.insert(attempt.learner)
        percents.append((Self.fraction(totalEarned, totalPossible) ?? 0) * 100)
        durations.append(max(0, attempt.finishedAt - attempt.startedAt))
        if verdict.overallBelow { failedOverall += 1 }
        if verdict.critical { failedCritical += 1 }
        for guideline in 0..<table.guidelineCount where possible[guideline] > 0 {
            if verdict.guidelinesBelow[guideline] { guidelines[guideline].failedOn += 1 }
            guidelines[guideline].assessed += 1
            guidelines[guideline].sumPercent += (Self.fraction(earned[guideline], possible[guideline]) ?? 0) * 100
            if !verdict.guidelinesBelow[guideline] { guidelines[guideline].atOrAbove += 1 }
        }
        let answerScenario = attempt.answerScenario, answerEarned = attempt.answerEarned, answerPossible = attempt.answerPossible
        for number in answerScenario.indices where shownIn[answerScenario[number]] != attempts {
            let index = answerScenario[number]
            shownIn[index] = attempts
            let fraction = Self.fraction(answerEarned[number], answerPossible[number]) ?? 0
            scenarios[index].shown += 1
            scenarios[index].sumFraction += fraction
            for option in attempt.answerOptions[(number == 0 ? 0 : attempt.answerOptionsEnd[number - 1])..<attempt.answerOptionsEnd[number]] {
                scenarios[index].chosen[option] += 1
            }
            if let rest = Self.fraction(totalEarned - answerEarned[number], totalPossible - answerPossible[number]) {
                let y = rest * 100
                scenarios[index].pairs += 1
                scenarios[index].sumX += fraction
                scenarios[index].sumY += y
                scenarios[index].sumXX += fraction * fraction
                scenarios[index].sumYY += y * y
                scenarios[index].sumXY += fraction * y
            }
        }
    }

    /// `clamp(earned / possible, 0, 1)`, or nil when nothing was possible.
    static func fraction(_ earned: Int, _ possible: Int) -> Double? {
        guard possible > 0 else { return nil }
        return min(max(Double(earned) / Double(possible), 0), 1)
    }

    /// Combines the tallies two workers made of different records.
    public mutating func merge(_ other: ItemTally) {
        attempts += other.attempts
        passed += other.passed
        learners.formUnion(other.learners)
        percents += other.percents
        durations += other.durations
        failedOverall += other.failedOverall
        failedCritical += other.failedCritical
        for index in scenarios.indices { scenarios[index].merge(other.scenarios[index]) }
        for index in guidelines.indices {
            guidelines[index].assessed += other.guidelines[index].assessed
            guidelines[index].sumPercent += other.guidelines[index].sumPercent
            guidelines[index].atOrAbove += other.guidelines[index].atOrAbove
            guidelines[index].failedOn += other.guidelines[index].failedOn
        }
        otherStructure += other.otherStructure
        unfinished += other.unfinished
        beforeSince += other.beforeSince
        refreshers += other.refreshers
        laterAttempts += other.laterAttempts
        candidates += other.candidates
        for (learner, attempt) in other.firstAttempts {
            if let kept = firstAttempts[learner], !attempt.isEarlier(than: kept) { continue }
            firstAttempts[learner] = attempt
        }
        problems += other.problems
        files += other.files
    }
}
