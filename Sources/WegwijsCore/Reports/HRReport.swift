/// Where a learner stands on a course on the report's day (SPEC §5), in order of precedence.
public enum ReportStatus: String, Sendable, Hashable, CaseIterable {
    /// A pass still within the course's `validFor` (renewed by refreshers, see `RefresherSchedule`).
    case passed
    /// A valid pass whose refresher has fallen due and is not yet passed.
    case refresherDue = "refresher-due"
    /// A valid pass whose refresher was missed for a whole period: a later one fell due too.
    case refresherOverdue = "refresher-overdue"
    /// Passed once, but the last pass is older than `validFor`.
    case expired
    /// Finished attempts, none passed.
    case failed
    /// Started, nothing finished.
    case inProgress = "in-progress"
    /// On the roster, no attempt.
    case notStarted = "not-started"
    /// Never passed, and the due date (roster start date + `dueWithinDays`) has gone by.
    case overdue

    /// Whether the learner holds a valid pass: `passed` and the refresher statuses.
    public var holdsValidPass: Bool { self == .passed || self == .refresherDue || self == .refresherOverdue }

    /// The refresher statuses, shown only in reports of a course that declares a refresher.
    public var isRefresherStatus: Bool { self == .refresherDue || self == .refresherOverdue }
}

/// The terms a report judges a course by.
public struct CourseTerms: Sendable, Hashable {
    public var id: String
    public var validFor: ISODuration?
    public var dueWithinDays: Int?
    /// The course's title, when the course itself is known (records state only its id).
    public var title: LocalizedText?
    /// The course's own language: the title's fallback.
    public var language = ""
    /// The course's `refresher.every`, when it declares a refresher.
    public var refresherEvery: ISODuration?

    public init(id: String, validFor: ISODuration? = nil, dueWithinDays: Int? = nil, refresherEvery: ISODuration? = nil) {
        self.id = id
        self.validFor = validFor
        self.dueWithinDays = dueWithinDays
        self.refresherEvery = refresherEvery
    }

    /// The terms of a loaded course.
    public init(_ course: Course) {
        self.init(id: course.id, validFor: course.validFor, dueWithinDays: course.dueWithinDays, refresherEvery: course.refresher?.every)
        title = course.title
        language = course.language
    }

    /// The title in `language` (else the course's own), or nil when the course is known only by id.
    public func title(in language: String) -> String? {
        title.map { $0.resolved(language, fallback: self.language) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// One learner and course in the report.
public struct ReportRow: Sendable, Hashable {
    public var employeeID: String
    public var name: String
    public var department: String
    public var course: String
    public var status: ReportStatus
    public var bestPercent: Double?
    public var attempts: Int
    public var lastActivity: CalendarDay?
    public var passedAt: CalendarDay?
    public var expiresAt: CalendarDay?
    public var dueDate: CalendarDay?
    /// Nil without a roster; false for a learner found only in the records.
    public var onRoster: Bool?
    /// From the roster's `email` column; empty when there is none.
    public var email: String = ""
    /// The day the latest passed attempt with one confirmed the course's acknowledgement.
    public var acknowledgedAt: CalendarDay? = nil
    /// With a valid pass of a course with refreshers: the day the outstanding refresher fell due
    /// (the first one missed), else the day the next one falls due.
    public var refresherDue: CalendarDay? = nil
    /// How many of the learner's records of the course cannot be believed (counted as attempts,
    /// never as passes; listed with why in `HRReport.suspectRecords`).
    public var untrustedRecords = 0
}

/// Learners per status within one department and course.
public struct DepartmentSummary: Sendable, Hashable {
    public var course: String
    /// Empty for learners with no department on the roster; nil for learners not on it.
    public var department: String?
    public var learners: Int
    public var passed: Int
    public var overdue: Int
    /// Learners per status.
    public var counts: [ReportStatus: Int] = [:]

    /// Share of learners with a valid pass, 0–100.
    public var percentPassed: Double { learners == 0 ? 0 : Double(passed) * 100 / Double(learners) }
}

/// The HR overview: one row per learner and course, as of one day.
public struct HRReport: Sendable {
    public var asOf: CalendarDay
    public var rows: [ReportRow]
    public var hasRoster: Bool
    /// Per course and department, when the roster has departments; else empty.
    public var departments: [DepartmentSummary]
    /// Whether the roster has an `email` column (the report then has an `email` column).
    public var hasEmails: Bool = false
    /// The ids of the courses covered, in report order.
    public var courses: [String] = []
    /// The terms (and titles) of the courses covered, in report order.
    public var courseTerms: [CourseTerms] = []
    /// Records that could not be believed and were counted as not passed (SPEC §5 Trust), by
    /// path: among them records dated after the moment of the report.
    public var suspectRecords: [FileProblem] = []
    /// The roster's row problems (unreadable start dates, skipped rows), when it has any.
    public var rosterNotice: RosterNotice? = nil
    /// Whether a course covered declares a refresher: the report then has a `refresher_due`
    /// column and the refresher statuses.
    public var hasRefreshers = false

    /// The statuses this report can give, in order of precedence.
    public var statuses: [ReportStatus] { ReportStatus.allCases.filter { hasRefreshers || !$0.isRefresherStatus } }

    /// Records that could not be believed and were counted as not passed.
    public var untrusted: Int { suspectRecords.count }

    /// Whether the rows carry an `untrusted_records` column: when any record was not believed,
    /// so a spreadsheet or tool sees which learners it concerns, not only stderr.
    public var hasUntrustedColumn: Bool { !suspectRecords.isEmpty }

    /// How many of the suspect records are dated after the moment of the report.
    public var futureDated: Int { suspectRecords.reduce(0) { $0 + (RecordTrust.isFutureDated($1.reason) ? 1 : 0) } }

    /// How many rows have a status.
    public func count(of status: ReportStatus) -> Int { rows.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }

    /// Builds the report. `courses` are the courses covered, in order; with a roster, every
    /// roster learner gets a row for each of them, and learners found only in the records are
    /// added with `onRoster == false`.
    public static func make(scan: RecordScan, roster: Roster?, courses: [CourseTerms], asOf: CalendarDay) -> HRReport {
        var rows: [ReportRow] = []
        var rosterIDs = Set<String>()
        let learnersByCourse = Dictionary(grouping: scan.tallies.keys, by: \.course)
        for terms in courses {
            if let roster {
                for entry in roster.entries {
                    rosterIDs.insert(entry.employeeID)
                    let tally = scan.tallies[LearnerCourse(course: terms.id, learner: entry.employeeID)]
                    var added = row(employeeID: entry.employeeID, name: entry.name.isEmpty ? tally?.name ?? "" : entry.name,
                                    department: entry.department, terms: terms, tally: tally, startDate: entry.startDate,
                                    onRoster: true, asOf: asOf)
                    added.email = entry.email
                    rows.append(added)
                }
            }
            for key in learnersByCourse[terms.id] ?? [] where !rosterIDs.contains(key.learner) {
                guard let tally = scan.tallies[key] else { continue }
                rows.append(row(employeeID: key.learner, name: tally.name ?? "", department: "", terms: terms, tally: tally,
                                startDate: nil, onRoster: roster == nil ? nil : false, asOf: asOf))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: courses.enumerated().map { ($0.element.id, $0.offset) })
        rows = EmployeeOrder.sorted(rows, first: { order[$0.course] ?? 0 })
        let courseIDs = courses.map(\.id)
        let departments = roster?.hasDepartments == true ? departmentSummaries(rows: rows, courses: courseIDs) : []
        var report = HRReport(asOf: asOf, rows: rows, hasRoster: roster != nil, departments: departments,
                              hasEmails: roster?.hasEmails ?? false, courses: courseIDs, courseTerms: courses)
        report.hasRefreshers = courses.contains { $0.refresherEvery != nil }
        return report
    }

    /// Per course, one summary per department of `rows`: named departments A–Z, then "no
    /// department", then "not on the roster".
    static func departmentSummaries(rows: [ReportRow], courses: [String]) -> [DepartmentSummary] {
        var departments: [DepartmentSummary] = []
        for course in courses {
            var byDepartment: [String?: DepartmentSummary] = [:]
            for row in rows where row.course == course {
                let key: String? = row.onRoster == false ? nil : row.department
                var summary = byDepartment[key] ?? DepartmentSummary(course: course, department: key, learners: 0, passed: 0, overdue: 0)
                summary.learners += 1
                if row.status.holdsValidPass { summary.passed += 1 }
                if row.status == .overdue { summary.overdue += 1 }
                summary.counts[row.status, default: 0] += 1
                byDepartment[key] = summary
            }
            departments += byDepartment.values.sorted { a, b in
                switch (a.department, b.department) {
                case (nil, _): return false
                case (_, nil): return true
                case (let left?, let right?):
                    if left.isEmpty != right.isEmpty { return !left.isEmpty }
                    return left.lowercased() < right.lowercased()
                }
            }
        }
        return departments
    }

    /// The report with only the rows whose status and department are among those given (an
    /// empty set keeps every status or department); counts and department summaries follow.
    /// With `expiring`, passes that expire within `expiringWindow` days are kept too (whatever
    /// `statuses` holds). Departments are compared without regard to case.
    public func filtered(statuses: Set<ReportStatus>, departments: Set<String>, expiring: Bool = false) -> HRReport {
        guard !statuses.isEmpty || !departments.isEmpty || expiring else { return self }
        let wanted = Set(departments.map { $0.lowercased() })
        var report = self
        let anyStatus = statuses.isEmpty && !expiring
        report.rows = rows.filter { row in
            (anyStatus || statuses.contains(row.status) || (expiring && isExpiring(row, withinDays: Self.expiringWindow)))
                && (wanted.isEmpty || (row.onRoster != false && wanted.contains(row.department.lowercased())))
        }
        if !self.departments.isEmpty { report.departments = Self.departmentSummaries(rows: report.rows, courses: courses) }
        return report
    }

    /// The department summaries of one course; when the roster has no departments, one
    /// summary of all the course's learners (department empty).
    public func summaries(for course: String) -> [DepartmentSummary] {
        if !departments.isEmpty { return departments.filter { $0.course == course } }
        var summary = DepartmentSummary(course: course, department: "", learners: 0, passed: 0, overdue: 0)
        for row in rows where row.course == course {
            summary.learners += 1
            summary.counts[row.status, default: 0] += 1
        }
        summary.passed = ReportStatus.allCases.filter(\.holdsValidPass).reduce(0) { $0 + (summary.counts[$1] ?? 0) }
        summary.overdue = summary.counts[.overdue] ?? 0
        return [summary]
    }

    /// Learners who are overdue, the longest overdue first.
    public var overdue: [ReportRow] {
        EmployeeOrder.sorted(rows.filter { $0.status == .overdue }, first: { $0.dueDate?.number ?? .max })
    }

    /// How many days ahead a pass counts as expiring (the page's list, `--status expiring`).
    public static let expiringWindow = 30

    /// Whether a row is a pass still valid on the report's day that expires within `days` days after it.
    public func isExpiring(_ row: ReportRow, withinDays days: Int) -> Bool {
        guard row.status.holdsValidPass, let expires = row.expiresAt else { return false }
        return expires >= asOf && expires <= asOf.adding(days: days)
    }

    /// Passes still valid on the report's day that expire within `days` days after it, soonest first.
    public func expiring(withinDays days: Int) -> [ReportRow] {
        EmployeeOrder.sorted(rows.filter { isExpiring($0, withinDays: days) }, first: { $0.expiresAt?.number ?? 0 })
    }

    /// Passes that have expired, the longest expired first.
    public var expired: [ReportRow] {
        EmployeeOrder.sorted(rows.filter { $0.status == .expired }, first: { $0.expiresAt?.number ?? .max })
    }


    static func row(employeeID: String, name: String, department: String, terms: CourseTerms, tally: AttemptTally?,
                    startDate: CalendarDay?, onRoster: Bool?, asOf: CalendarDay) -> ReportRow {
        let judgement = judge(tally: tally, terms: terms, startDate: startDate, asOf: asOf)
        var row = ReportRow(employeeID: employeeID, name: name, department: department, course: terms.id,
                            status: judgement.status, bestPercent: tally?.bestPercent, attempts: tally?.attempts ?? 0,
                            lastActivity: tally?.lastActivity.map { CalendarDay(secondsSince1970: $0) },
                            passedAt: judgement.passedAt, expiresAt: judgement.expiresAt, dueDate: judgement.dueDate,
                            onRoster: onRoster, acknowledgedAt: tally?.lastAcknowledgement.map { CalendarDay(secondsSince1970: $0) })
        row.refresherDue = judgement.refresherDue
        row.untrustedRecords = tally?.untrusted ?? 0
        return row
    }

    /// A learner's refresher schedule under a course's terms; nil without a full-course pass
    /// or when the course declares no refresher.
    static func schedule(tally: AttemptTally?, terms: CourseTerms) -> RefresherSchedule? {
        guard let every = terms.refresherEvery, let lastPass = tally?.lastPass else { return nil }
        return RefresherSchedule(every: every, validFor: terms.validFor, passedAt: CalendarDay(secondsSince1970: lastPass),
                                 refresherPasses: (tally?.refresherPasses ?? []).map { CalendarDay(secondsSince1970: $0) })
    }

    /// The status rule of SPEC §5, on whole days in UTC. A day named in the report is still a
    /// good day: a pass is `passed` up to and including `expires_at` (it is "older than
    /// validFor" only from the next day), and a learner is `overdue` only from the day after
    /// `due_date`.
    /// With refreshers, `expiresAt` counts renewals, and a valid pass is `refresher-due` or
    /// `refresher-overdue` while a refresher is outstanding (`RefresherSchedule`).
    public static func judge(tally: AttemptTally?, terms: CourseTerms, startDate: CalendarDay?, asOf: CalendarDay)
        -> (status: ReportStatus, passedAt: CalendarDay?, expiresAt: CalendarDay?, dueDate: CalendarDay?, refresherDue: CalendarDay?) {
        let dueDate: CalendarDay? = if let startDate, let days = terms.dueWithinDays { startDate.adding(days: days) } else { nil }
        if let lastPass = tally?.lastPass {
            let passedAt = CalendarDay(secondsSince1970: lastPass)
            let schedule = schedule(tally: tally, terms: terms)
            let expiresAt = schedule.map(\.expiresAt) ?? terms.validFor.map { passedAt.adding($0) }
            if let expiresAt, asOf > expiresAt {
                return (.expired, passedAt, expiresAt, dueDate, nil)
            }
            switch schedule?.state(on: asOf) {
            case .outstanding(let since, _, let missed)?:
                return (missed > 0 ? .refresherOverdue : .refresherDue, passedAt, expiresAt, dueDate, since)
            case .upToDate(let next)?:
                return (.passed, passedAt, expiresAt, dueDate, next)
            case .expired?, nil:
                return (.passed, passedAt, expiresAt, dueDate, nil)
            }
        }
        var status: ReportStatus = .notStarted
        if let tally {
            if tally.finished > 0 { status = .failed } else if tally.attempts > 0 { status = .inProgress }
        }
        if let dueDate, asOf > dueDate { status = .overdue }
        return (status, nil, nil, dueDate, nil)
    }

    /// The terms for each course covered: a course given on the command line, else the bundled
    /// course of that id, else what the newest record of the course states.
    public static func terms(for courseIDs: [String], given: [Course], bundled: (String) -> Course?,
                             recorded: [String: RecordedTerms]) -> [CourseTerms] {
        courseIDs.map { id in
            if let course = given.first(where: { $0.id == id }) ?? bundled(id) { return CourseTerms(course) }
            let stated = recorded[id]
            return CourseTerms(id: id, validFor: stated?.validFor, dueWithinDays: stated?.dueWithinDays,
                               refresherEvery: stated?.refresherEvery)
        }
    }
}

/// Employee numbers in the order people expect: numbers by value, `900` before `1000`.
enum EmployeeOrder {
    /// What the order needs of one employee number, worked out once.
    struct Key {
        let text: String
        /// For a number of digits only: how many leading zeros it has; nil for any other.
        let zeros: Int?
        /// Its value, for a number of digits only that fits (up to 19 digits besides the zeros).
        let value: UInt64?

        init(_ text: String) {
            self.text = text
            let digitsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let zeros = digitsOnly ? text.utf8.prefix { $0 == 0x30 }.count : nil
            self.zeros = zeros
            value = zeros.flatMap { text.utf8.count - $0 <= 19 ? UInt64(text.utf8.dropFirst($0).reduce(0) { $0 * 10 + UInt64($1 - 0x30) }) : nil }
        }
    }

    static func precedes(_ a: String, _ b: String) -> Bool { precedes(Key(a), Key(b)) }

    /// `rows` by `rank` (a course's place, a day's number), then by employee number. The keys
    /// are worked out once per row, not at every comparison (20,000 rows take 300,000 of them),
    /// and the rows, large values, are sorted by index so that each moves once.
    static func sorted(_ rows: [ReportRow], first rank: (ReportRow) -> Int) -> [ReportRow] {
        let ranks = rows.map(rank), keys = rows.map { Key($0.employeeID) }
        return rows.indices.sorted { a, b in
            ranks[a] != ranks[b] ? ranks[a] < ranks[b] : precedes(keys[a], keys[b])
        }.map { rows[$0] }
    }

    static func precedes(_ a: Key, _ b: Key) -> Bool {
        if let left = a.value, let right = b.value, left != right { return left < right }
        switch (a.zeros, b.zeros) {
        case (let aZeros?, let bZeros?):
            // Digits only: bytes are characters, and comparing bytes is comparing numbers of one length.
            let left = a.text.utf8.dropFirst(aZeros), right = b.text.utf8.dropFirst(bZeros)
            if left.count != right.count { return left.count < right.count }
            if !left.elementsEqual(right) { return left.lexicographicallyPrecedes(right) }
        case (.some, nil):
            // Numbers before other numbers-with-letters, so that the order is one order
            // (compared as text, `12a` would come before `9` but after `100`).
            return true
        case (nil, .some):
            return false
        case (nil, nil):
            break
        }
        return a.text < b.text
    }
}
