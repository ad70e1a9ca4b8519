/// What item statistics need from one record file, read straight from the parsed JSON.
public struct AttemptFacts: Sendable {
    public var learnerID: String
    public var courseID: String
    /// SHA-256 of the course file the attempt was made on.
    public var sha256: String
    /// SHA-256 of the course's structure (SPEC §4 `course.structure`), when the record has one.
    public var structure: String?
    public var status: CompletionRecord.Status
    /// Seconds since 1970.
    public var startedAt: Int64
    public var finishedAt: Int64?
    /// The record's `answers` array as parsed: scenario and option ids are looked up in the
    /// course straight from it, without copying them out per record.
    public var answers: JSONNode?

    /// The facts of a parsed record file; throws for foreign JSON and records missing a field.
    public static func extract(from root: JSONNode) throws(RecordFacts.Problem) -> AttemptFacts {
        typealias Problem = RecordFacts.Problem
        guard let members = root.members else {
            throw Problem(reason: "not a completion record (the JSON is \(root.value.kindName), not an object)")
        }
        var format: String?, learner: JSONNode?, course: JSONNode?, status: String?
        var startedAt: String?, finishedAt: String?, answers: JSONNode?
        for member in members {
            switch member.key {
            case "format": format = member.node.string
            case "learner": learner = member.node
            case "course": course = member.node
            case "status": status = member.node.string
            case "startedAt": startedAt = member.node.string
            case "finishedAt": finishedAt = member.node.string
            case "answers": answers = member.node
            default: break
            }
        }
        guard format == CompletionRecord.format else {
            let found = format.map { "'\(String($0.prefix(40)))'" } ?? "missing"
            throw Problem(reason: "not a completion record (format is \(found), not '\(CompletionRecord.format)')")
        }
        guard let learnerID = learner?["id"]?.string, LearnerID.isValid(learnerID) else {
            throw Problem(reason: "learner.id is missing or not a valid employee number")
        }
        guard let courseID = course?["id"]?.string, !courseID.isEmpty else { throw Problem(reason: "course.id is missing or not a string") }
        guard let statusText = status, let parsedStatus = CompletionRecord.Status(rawValue: statusText) else {
            throw Problem(reason: "status is missing or not one of passed, failed, in-progress, abandoned")
        }
        guard let startedText = startedAt, let started = Timestamp.secondsSince1970(startedText) else {
            throw Problem(reason: "startedAt is missing or not a UTC timestamp")
        }
        var finished: Int64?
        if let finishedAt {
            guard let seconds = Timestamp.secondsSince1970(finishedAt) else { throw Problem(reason: "finishedAt is not a UTC timestamp") }
            finished = seconds
        }
        if let answers, answers.elements == nil { throw Problem(reason: "answers is not an array") }
        return AttemptFacts(learnerID: learnerID, courseID: courseID, sha256: course?["sha256"]?.string ?? "",
                            structure: course?["structure"]?.string, status: parsedStatus, startedAt: started,
                            finishedAt: finished, answers: answers)
    }
}

/// A quality flag on a scenario or option (SPEC §8).
public enum ItemFlag: String, Sendable, Hashable, CaseIterable {
    /// Facility ≥ 95 %.
    case tooEasy = "too-easy"
    /// Facility ≤ 30 %.
    case tooHard = "too-hard"
    /// Discrimination below 0 with at least 30 attempts: strong learners do worse here.
    case checkKey = "check-key"
    /// An option chosen by under 2 % of at least 50 attempts.
    case unusedOption = "unused-option"
    /// A critical option chosen by 10 % or more.
    case criticalOften = "critical-often"
}

/// The course an analysis is for, with what identifies the records that count.
public struct StatisticsCourse: Sendable {
    public var course: Course
    /// SHA-256 of the course file's bytes.
    public var sha256: String
    /// SHA-256 of the course's structure, when known. A record that states a structure counts
    /// when it equals this; a record without one (or a course without one) counts when its
    /// `sha256` equals the course file's.
    public var structure: String?
    /// The course's points, in arrays, for scoring many attempts fast.
    public let table: ScoringTable

    public init(course: Course, sha256: String, structure: String? = nil) {
        self.course = course
        self.sha256 = sha256
        self.structure = structure
        table = ScoringTable(course)
    }

    /// Whether a record was made on this course's structure.
    public func matches(_ facts: AttemptFacts) -> Bool {
        guard facts.courseID == course.id else { return false }
        if let recorded = facts.structure, let structure { return recorded == structure }
        return facts.sha256 == sha256
    }
}

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
    /// Ended attempts finished before `--since`.
    public internal(set) var beforeSince = 0
    /// Files skipped, with why.
    public internal(set) var problems: [FileProblem] = []
    /// Record files read.
    public internal(set) var files = 0
    /// Reused for every attempt (a worker scores many): per answer its scenario, points earned
    /// and possible, and where its distinct options end in `answerOptions`.
    private var answerScenario: [Int] = [], answerEarned: [Int] = [], answerPossible: [Int] = []
    private var answerOptions: [Int] = [], answerOptionsEnd: [Int] = []
    private var earned: [Int], possible: [Int]
    /// Per scenario, the number of the attempt that last counted it as shown.
    private var shownIn: [Int]

    public init(course: Course) {
        earned = Array(repeating: 0, count: course.guidelines.count)
        possible = earned
        shownIn = Array(repeating: -1, count: course.scenarios.count)
        scenarios = course.scenarios.map { ScenarioSums(chosen: Array(repeating: 0, count: $0.options.count)) }
        guidelines = Array(repeating: GuidelineSums(), count: course.guidelines.count)
    }

    /// Reads, parses and folds in one file, or notes why it was skipped.
    public mutating func read(_ path: String, course: StatisticsCourse, since: CalendarDay?) {
        files += 1
        do {
            let (_, root) = try RecordFiles.parsed(path)
            do {
                let facts = try AttemptFacts.extract(from: root)
                if let reason = add(facts, course: course, since: since) { problems.append(FileProblem(path: path, reason: reason)) }
            } catch {
                problems.append(FileProblem(path: path, reason: error.reason))
            }
        } catch {
            problems.append(error)
        }
    }

    /// Folds in one attempt when it is an ended attempt of this course's structure finished on
    /// or after `since`. Returns why a matching record could not be used, if it could not.
    @discardableResult
    public mutating func add(_ facts: AttemptFacts, course subject: StatisticsCourse, since: CalendarDay?) -> String? {
        guard facts.courseID == subject.course.id else { return nil }
        guard facts.status == .passed || facts.status == .failed, let finishedAt = facts.finishedAt else {
            unfinished += 1
            return nil
        }
        guard subject.matches(facts) else {
            otherStructure += 1
            return nil
        }
        if let since, CalendarDay(secondsSince1970: finishedAt) < since {
            beforeSince += 1
            return nil
        }
        let table = subject.table
        for guideline in 0..<table.guidelineCount {
            earned[guideline] = 0
            possible[guideline] = 0
        }
        answerScenario.removeAll(keepingCapacity: true)
        answerEarned.removeAll(keepingCapacity: true)
        answerPossible.removeAll(keepingCapacity: true)
        answerOptions.removeAll(keepingCapacity: true)
        answerOptionsEnd.removeAll(keepingCapacity: true)
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
            let start = answerOptions.count
            var scenarioEarned = 0
            for node in options {
                guard let id = node.string, let option = table.optionIndex[index][id] else {
                    return "chooses option '\(String((node.string ?? "?").prefix(64)))', which scenario '\(scenarioID)' does not have; skipped"
                }
                let points = table.points[index][option]
                for guideline in 0..<table.guidelineCount { earned[guideline] += points[guideline] }
                scenarioEarned += table.pointsTotal[index][option]
                critical = critical || table.critical[index][option]
                if !answerOptions[start...].contains(option) { answerOptions.append(option) }
            }
            for guideline in 0..<table.guidelineCount { possible[guideline] += table.possible[index][guideline] }
            answerScenario.append(index)
            answerEarned.append(scenarioEarned)
            answerPossible.append(table.possibleTotal[index])
            answerOptionsEnd.append(answerOptions.count)
        }
        let verdict = table.verdict(earned: earned, possible: possible, critical: critical)
        let totalEarned = earned.reduce(0, +), totalPossible = possible.reduce(0, +)
        attempts += 1
        if verdict.passed { passed += 1 }
        learners.insert(facts.learnerID)
        percents.append((Self.fraction(totalEarned, totalPossible) ?? 0) * 100)
        durations.append(max(0, finishedAt - facts.startedAt))
        if verdict.overallBelow { failedOverall += 1 }
        if verdict.critical { failedCritical += 1 }
        for guideline in 0..<table.guidelineCount where possible[guideline] > 0 {
            if verdict.guidelinesBelow[guideline] { guidelines[guideline].failedOn += 1 }
            guidelines[guideline].assessed += 1
            guidelines[guideline].sumPercent += (Self.fraction(earned[guideline], possible[guideline]) ?? 0) * 100
            if !verdict.guidelinesBelow[guideline] { guidelines[guideline].atOrAbove += 1 }
        }
        for number in answerScenario.indices where shownIn[answerScenario[number]] != attempts {
            let index = answerScenario[number]
            shownIn[index] = attempts
            let fraction = Self.fraction(answerEarned[number], answerPossible[number]) ?? 0
            scenarios[index].shown += 1
            scenarios[index].sumFraction += fraction
            for option in answerOptions[(number == 0 ? 0 : answerOptionsEnd[number - 1])..<answerOptionsEnd[number]] {
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
        return nil
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
        problems += other.problems
        files += other.files
    }
}

/// Item analysis of a course (SPEC §8): how the course, each scenario, each option and each
/// guideline did over the ended attempts, with the flags that tell a trainer where to look.
/// Measures are as Moodle's quiz statistics define them, per scenario and guideline.
public struct ItemStatistics: Sendable {
    /// Whole-course figures.
    public struct CourseFigures: Sendable {
        public var attempts: Int
        public var learners: Int
        /// Share of attempts passed, 0–100; nil without attempts.
        public var passRate: Double?
        public var meanPercent: Double?
        public var medianPercent: Double?
        /// Median of finishedAt − startedAt, in seconds.
        public var medianDuration: Double?
        public var failedOverall: Int
        /// Guideline id and how many attempts failed on it, in course order.
        public var failedGuideline: [(id: String, count: Int)]
        public var failedCritical: Int

    }

    /// One option of a scenario.
    public struct OptionFigures: Sendable, Hashable {
        public var id: String
        public var isCritical: Bool
        /// Attempts that chose it.
        public var chosen: Int
        /// Share of the attempts that showed the scenario, 0–100; nil when it was never shown.
        public var share: Double?
        public var flags: [ItemFlag]
    }

    /// One scenario.
    public struct ScenarioFigures: Sendable, Hashable {
        public var id: String
        /// Attempts that showed it.
        public var shown: Int
        /// Mean fraction of the scenario's points earned, 0–100; nil when never shown.
        public var facility: Double?
        /// Pearson correlation of the scenario's fraction with the attempt's percentage over
        /// the rest of the course; nil below 10 attempts or when either does not vary.
        public var discrimination: Double?
        public var options: [OptionFigures]
        /// Flags on the scenario itself (too-easy, too-hard, check-key).
        public var flags: [ItemFlag]
    }

    /// One guideline.
    public struct GuidelineFigures: Sendable, Hashable {
        public var id: String
        /// Attempts in which the guideline was assessed.
        public var assessed: Int
        public var meanPercent: Double?
        /// Share of assessed attempts at or above the course's `perGuideline`, 0–100.
        public var atOrAbove: Double?
    }

    /// A flag and where it points.
    public struct FlagEntry: Sendable, Hashable {
        public var flag: ItemFlag
        public var scenario: String
        public var option: String?
    }

    /// The course analysed, as its file names it.
    public var courseID: String
    public var courseVersion: String
    /// The course's per-guideline threshold, in whole percent.
    public var perGuideline: Int
    /// Only attempts finished on or after this day were counted.
    public var since: CalendarDay?
    /// Whole-course figures.
    public var course: CourseFigures
    /// Per scenario, in course order.
    public var scenarios: [ScenarioFigures]
    /// Per guideline, in course order.
    public var guidelines: [GuidelineFigures]
    /// Every flag, in course order.
    public var flags: [FlagEntry] {
        scenarios.flatMap { scenario in
            scenario.flags.map { FlagEntry(flag: $0, scenario: scenario.id, option: nil) }
                + scenario.options.flatMap { option in option.flags.map { FlagEntry(flag: $0, scenario: scenario.id, option: option.id) } }
        }
    }

    /// Minimum attempts for a discrimination, and for the flags that need a sample (SPEC §8).
    public static let discriminationMinimum = 10
    public static let checkKeyMinimum = 30
    public static let unusedOptionMinimum = 50

    /// The figures of a tally over `course`.
    public init(tally: ItemTally, course: Course, since: CalendarDay? = nil) {
        courseID = course.id
        courseVersion = course.version
        perGuideline = course.passing.perGuideline
        self.since = since
        let attempts = tally.attempts
        self.course = CourseFigures(
            attempts: attempts, learners: tally.learners.count,
            passRate: attempts == 0 ? nil : Double(tally.passed) * 100 / Double(attempts),
            meanPercent: attempts == 0 ? nil : tally.percents.reduce(0, +) / Double(attempts),
            medianPercent: Self.median(tally.percents),
            medianDuration: Self.median(tally.durations.map(Double.init)),
            failedOverall: tally.failedOverall,
            failedGuideline: course.guidelines.enumerated().map { ($0.element.id, tally.guidelines[$0.offset].failedOn) },
            failedCritical: tally.failedCritical)
        scenarios = course.scenarios.enumerated().map { index, scenario in
            let sums = tally.scenarios[index]
            let facility = sums.shown == 0 ? nil : sums.sumFraction / Double(sums.shown) * 100
            let discrimination = sums.shown >= Self.discriminationMinimum ? Self.pearson(sums) : nil
            var flags: [ItemFlag] = []
            if let facility, facility >= 95 { flags.append(.tooEasy) }
            if let facility, facility <= 30 { flags.append(.tooHard) }
            if let discrimination, discrimination < 0, sums.shown >= Self.checkKeyMinimum { flags.append(.checkKey) }
            let options = scenario.options.enumerated().map { optionIndex, option in
                let chosen = sums.chosen[optionIndex]
                let share = sums.shown == 0 ? nil : Double(chosen) * 100 / Double(sums.shown)
                var optionFlags: [ItemFlag] = []
                if let share, share < 2, sums.shown >= Self.unusedOptionMinimum { optionFlags.append(.unusedOption) }
                if let share, option.isCritical, share >= 10 { optionFlags.append(.criticalOften) }
                return OptionFigures(id: option.id, isCritical: option.isCritical, chosen: chosen, share: share, flags: optionFlags)
            }
            return ScenarioFigures(id: scenario.id, shown: sums.shown, facility: facility, discrimination: discrimination,
                                   options: options, flags: flags)
        }
        guidelines = course.guidelines.enumerated().map { index, guideline in
            let sums = tally.guidelines[index]
            return GuidelineFigures(id: guideline.id, assessed: sums.assessed,
                                    meanPercent: sums.assessed == 0 ? nil : sums.sumPercent / Double(sums.assessed),
                                    atOrAbove: sums.assessed == 0 ? nil : Double(sums.atOrAbove) * 100 / Double(sums.assessed))
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func pearson(_ sums: ItemTally.ScenarioSums) -> Double? {
        let n = Double(sums.pairs)
        guard sums.pairs >= 2 else { return nil }
        let covariance = n * sums.sumXY - sums.sumX * sums.sumY
        let varianceX = n * sums.sumXX - sums.sumX * sums.sumX
        let varianceY = n * sums.sumYY - sums.sumY * sums.sumY
        // A measure that does not vary (everyone equally right) has no correlation.
        guard varianceX > 1e-9 * n * n, varianceY > 1e-9 * n * n else { return nil }
        return covariance / (varianceX.squareRoot() * varianceY.squareRoot())
    }

    /// Reads every record below `root` with parallel workers and computes the figures.
    /// Throws only when `root` cannot be read; unusable files are in the tally's problems.
    public static func scan(root: String, course: StatisticsCourse, since: CalendarDay?, workers: Int = 2,
                            progress: ScanProgress? = nil) throws(FileProblem) -> (statistics: ItemStatistics, tally: ItemTally) {
        var (tally, walkProblems) = try RecordScanner.fold(
            root: root, workers: workers, progress: progress, initial: ItemTally(course: course.course),
            read: { tally, path in tally.read(path, course: course, since: since) }, merge: { $0.merge($1) })
        tally.problems += walkProblems
        tally.problems.sort { $0.path < $1.path }
        return (ItemStatistics(tally: tally, course: course.course, since: since), tally)
    }
}
