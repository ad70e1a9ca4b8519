/// When refreshers fall due after a pass, and how long the pass stays valid with them: the one
/// rule the runner (run a refresher instead of the course?) and `report` (`refresher_due`,
/// `refresher-due`, `refresher-overdue`, `expires_at`) both use. Whole days in UTC.
///
/// - The k-th refresher falls due on the day of the last full-course pass plus k × `every`.
/// - A refresher passed on or after a due day satisfies that due day and every earlier one.
/// - Passing a refresher between the last due day before the pass expires and the expiry day
///   (both included) renews the pass for another `validFor`, counted from the old expiry day;
///   so a learner who keeps up never retakes the full course. Without that refresher the pass
///   expires as it would without refreshers.
/// - Once the pass has expired no refresher is due: the full course is taken again.
public struct RefresherSchedule: Sendable, Hashable {
    public var every: ISODuration
    public var validFor: ISODuration?
    /// The day of the last full-course pass.
    public var passedAt: CalendarDay
    /// The days refreshers were passed on after that pass.
    public var refresherPasses: [CalendarDay]

    /// Nil when `every` is no period at all (a course file with `P0D` is refused, but records
    /// may state anything).
    public init?(every: ISODuration, validFor: ISODuration?, passedAt: CalendarDay, refresherPasses: [CalendarDay]) {
        guard !every.isZero else { return nil }
        self.every = every
        self.validFor = validFor.flatMap { $0.isZero ? nil : $0 }
        self.passedAt = passedAt
        self.refresherPasses = refresherPasses.filter { $0 >= passedAt }.sorted()
    }

    /// The day the k-th refresher falls due (k ≥ 1).
    public func dueDay(_ number: Int) -> CalendarDay { passedAt.adding(every.times(number)) }

    /// The last day the pass is valid, renewals included; nil when the course sets no `validFor`.
    public var expiresAt: CalendarDay? {
        guard let validFor else { return nil }
        var periods = 1
        var due = 0
        // Bounded: a renewal needs a refresher passed, and each pass renews at most once.
        while periods <= refresherPasses.count + 1 {
            let expiry = passedAt.adding(validFor.times(periods))
            while dueDay(due + 1) < expiry { due += 1 }
            guard due > 0 else { return expiry }
            let start = dueDay(due)
            guard refresherPasses.contains(where: { $0 >= start && $0 <= expiry }) else { return expiry }
            periods += 1
        }
        return passedAt.adding(validFor.times(periods))
    }

    /// Where the learner stands on refreshers on a day.
    public enum State: Sendable, Hashable {
        /// The pass has expired: no refresher, the full course.
        case expired
        /// Nothing outstanding; the next refresher falls due on this day (nil: not before expiry).
        case upToDate(next: CalendarDay?)
        /// A refresher is outstanding: `since` is the first due day not yet satisfied, `latest`
        /// the last one reached (what a refresher taken now satisfies). `missedPeriods` counts
        /// the due days reached since `since` beyond the first: from one on, it is overdue.
        case outstanding(since: CalendarDay, latest: CalendarDay, missedPeriods: Int)
    }

    /// The learner's refresher state at the end of `day`.
    public func state(on day: CalendarDay) -> State {
        let expiry = expiresAt
        if let expiry, day > expiry { return .expired }
        var reached = 0
        while dueDay(reached + 1) <= day { reached += 1 }
        var satisfied = 0
        if let lastPass = refresherPasses.last {
            while satisfied < reached, dueDay(satisfied + 1) <= lastPass { satisfied += 1 }
        }
        guard satisfied < reached else {
            let next = dueDay(reached + 1)
            return .upToDate(next: expiry.map { next <= $0 } ?? true ? next : nil)
        }
        return .outstanding(since: dueDay(satisfied + 1), latest: dueDay(reached), missedPeriods: reached - satisfied - 1)
    }
}

extension RefresherSchedule {
    /// The schedule for a learner from their ended records of a course, under the course's
    /// terms; nil when the course declares no refresher or the learner has no full-course pass.
    public init?(course: Course, records: [CompletionRecord]) {
        guard let rule = course.refresher else { return nil }
        let passes = records.filter { $0.status == .passed }
        func day(_ record: CompletionRecord) -> CalendarDay? {
            record.finishedAt.map { CalendarDay(secondsSince1970: Int64($0.timeIntervalSince1970.rounded(.down))) }
        }
        guard let last = passes.filter({ $0.refresher == nil }).compactMap(day).max() else { return nil }
        self.init(every: rule.every, validFor: course.validFor, passedAt: last,
                  refresherPasses: passes.filter { $0.refresher != nil }.compactMap(day))
    }
}
