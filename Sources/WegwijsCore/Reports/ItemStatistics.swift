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

/// Which attempts `stats` counts (`--attempts`).
public enum AttemptSelection: String, Sendable, Hashable, CaseIterable {
    /// Each learner's earliest ended attempt of the whole course, as Moodle's item analysis
    /// counts by default: a retake after feedback is not the same measurement.
    case first
    /// Every ended attempt of the whole course.
    case all
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
        /// Which attempts were counted.
        public var counted: AttemptSelection
        /// With `.first`: the ended attempts that were not a learner's first, not counted.
        public var laterAttempts: Int
    }

    /// One option of a scenario.
    public struct OptionFigures: Sendable, Hashable {
        public var id: String
        public var isCritical: Bool
        /// Whether it is the key: an option that earns the points (the kind's `keys`).
        public var isKey: Bool
        /// Attempts that chose it (a ranking: that placed it in its right place; see `measure`).
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
        /// What an option's `chosen` and `share` count, as the scenario's kind decides.
        public var measure: OptionMeasure
        /// Flags on the scenario itself (too-easy, too-hard, check-key).
        public var flags: [ItemFlag]
        /// The flags that apply to the scenario or its options but need it shown more often
        /// than it was (`minimumShown`), in `ItemFlag` order.
        public var tooFewFor: [ItemFlag]
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

    /// How often a scenario must be shown before `flag` can be raised on it or its options.
    public static func minimumShown(_ flag: ItemFlag) -> Int {
        switch flag {
        case .checkKey: checkKeyMinimum
        case .unusedOption: unusedOptionMinimum
        case .tooEasy, .tooHard, .criticalOften: 1
        }
    }

    /// The figures of a tally over `course` (a `.first` tally not yet `finished` is finished here).
    public init(tally unfinished: ItemTally, course: Course, since: CalendarDay? = nil) {
        let tally = unfinished.firstAttempts.isEmpty ? unfinished : unfinished.finished(since: since, table: ScoringTable(course))
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
            failedCritical: tally.failedCritical, counted: tally.selection, laterAttempts: tally.laterAttempts)
        scenarios = course.scenarios.enumerated().map { index, scenario in
            let sums = tally.scenarios[index]
            let facility = sums.shown == 0 ? nil : sums.sumFraction / Double(sums.shown) * 100
            let discrimination = sums.shown >= Self.discriminationMinimum ? Self.pearson(sums) : nil
            var flags: [ItemFlag] = []
            if let facility, facility >= 95 { flags.append(.tooEasy) }
            if let facility, facility <= 30 { flags.append(.tooHard) }
            if let discrimination, discrimination < 0, sums.shown >= Self.checkKeyMinimum { flags.append(.checkKey) }
            let keys = scenario.rules.keys(totals: scenario.options.map(KindRules.total))
            let options = scenario.options.enumerated().map { optionIndex, option in
                let chosen = sums.chosen[optionIndex]
                let share = sums.shown == 0 ? nil : Double(chosen) * 100 / Double(sums.shown)
                let optionFlags = share.map { scenario.rules.optionFlags(share: $0, shown: sums.shown, isCritical: option.isCritical) } ?? []
                return OptionFigures(id: option.id, isCritical: option.isCritical, isKey: keys.contains(optionIndex), chosen: chosen, share: share, flags: optionFlags)
            }
            // The flags that can apply here: unused-option only where options are chosen, critical-often where one is critical.
            let applicable = ItemFlag.allCases.filter { flag in
                switch flag {
                case .unusedOption: scenario.rules.optionMeasure == .chosen
                case .criticalOften: scenario.options.contains(where: \.isCritical)
                case .tooEasy, .tooHard, .checkKey: true
                }
            }
            return ScenarioFigures(id: scenario.id, shown: sums.shown, facility: facility, discrimination: discrimination,
                                   options: options, measure: scenario.rules.optionMeasure, flags: flags,
                                   tooFewFor: applicable.filter { sums.shown < Self.minimumShown($0) })
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
    public static func scan(root: String, course: StatisticsCourse, since: CalendarDay?, attempts selection: AttemptSelection = .first,
                            workers: Int = 2, progress: ScanProgress? = nil) throws(FileProblem) -> (statistics: ItemStatistics, tally: ItemTally) {
        try scan(source: RecordFolder(root: root), course: course, since: since, attempts: selection, workers: workers, progress: progress)
    }

    /// Reads every record of `source` with parallel workers and computes the figures.
    public static func scan<Source: RecordSource>(source: Source, course: StatisticsCourse, since: CalendarDay?,
                                                  attempts selection: AttemptSelection = .first, workers: Int = 2,
                                                  progress: ScanProgress? = nil) throws(FileProblem) -> (statistics: ItemStatistics, tally: ItemTally) {
        var (tally, walkProblems) = try RecordScanner.fold(
            source: source, workers: workers, progress: progress, initial: ItemTally(course: course.course, selection: selection),
            read: { tally, path in tally.read(path, from: source, course: course, since: since) }, merge: { $0.merge($1) })
        tally = tally.finished(since: since, table: course.table)
        tally.problems += walkProblems
        tally.problems.sort { $0.path < $1.path }
        return (ItemStatistics(tally: tally, course: course.course, since: since), tally)
    }
}
