/// What the report says about a roster beyond its rows: start dates as Dutch Excel writes
/// them, employees who had not started on the report's day, and employee numbers that match a
/// record only without their leading zeros.
extension Roster {
    /// A start date as `YYYY-MM-DD`, or as Dutch Excel writes one: `1-6-2026`, `01-06-2026`
    /// (day, month, year; `/` is read as `-` too). Nil for anything else.
    public static func startDate(_ text: String) -> CalendarDay? {
        if let iso = CalendarDay(text) { return iso }
        let parts = text.split(separator: text.contains("/") ? "/" : "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// How many rows have a start date column value that could not be read.
    public var unreadableStartDates: Int { problems.reduce(0) { $0 + ($1.isUnreadableDate ? 1 : 0) } }

    /// The roster without the employees whose start date is after `day` (they were not
    /// employed yet on the day reported on), and how many were left out.
    public func employed(on day: CalendarDay) -> (roster: Roster, leftOut: Int) {
        var kept = self
        kept.entries = entries.filter { entry in entry.startDate.map { $0 <= day } ?? true }
        return (kept, entries.count - kept.entries.count)
    }

    /// Roster employees with no records whose number matches a learner in the records only
    /// without leading zeros (`012345` and `12345`): likely one person, not two.
    public func likelyMatches(recordedLearners: some Sequence<String>) -> [(entry: Entry, learner: String)] {
        func stripped(_ id: String) -> String? {
            guard !id.isEmpty, id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let rest = id.drop { $0 == "0" }
            return rest.isEmpty ? "0" : String(rest)
        }
        let onRoster = Set(entries.map(\.employeeID))
        let recorded = Set(recordedLearners)
        var byStripped: [String: [String]] = [:]
        for learner in recorded where !onRoster.contains(learner) {
            if let key = stripped(learner) { byStripped[key, default: []].append(learner) }
        }
        return entries.compactMap { entry -> (Entry, String)? in
            guard !recorded.contains(entry.employeeID), let key = stripped(entry.employeeID),
                  let learner = byStripped[key]?.sorted().first else { return nil }
            return (entry, learner)
        }
    }
}

extension Roster.Problem {
    /// Whether the problem is a start date that could not be read.
    public var isUnreadableDate: Bool { message.hasPrefix("start date '") }
}

extension Roster {
    /// The largest roster read (a 20,000-employee export with 40 columns is about 12 MB).
    public static let maximumFileSize = 1 << 30
}

/// The roster's problems as the report shows them (HTML page, under the table): never silent.
public struct RosterNotice: Sendable, Hashable {
    /// Rows with a start date that could not be read, of those with a start date at all.
    public var unreadableDates: Int
    public var datedRows: Int
    /// Every row problem, by line.
    public var problems: [Roster.Problem]
    /// Roster employees with no records who match a learner in the records only without
    /// leading zeros (`012345` and `12345`), by roster line.
    public var likelyMatches: [LikelyMatch] = []

    /// A roster employee and the learner in the records who is likely the same person.
    public struct LikelyMatch: Sendable, Hashable {
        public var line: Int
        public var employeeID: String
        public var learner: String
    }

    /// The notice of a roster; with the learners in the records, also its likely matches.
    public init(_ roster: Roster, recordedLearners: some Sequence<String> = [String]()) {
        unreadableDates = roster.unreadableStartDates
        datedRows = roster.entries.filter { $0.startDate != nil }.count + unreadableDates
        problems = roster.problems
        likelyMatches = roster.likelyMatches(recordedLearners: recordedLearners).map {
            LikelyMatch(line: $0.entry.line, employeeID: $0.entry.employeeID, learner: $0.learner)
        }
    }

    /// Whether there is anything to say.
    public var isEmpty: Bool { problems.isEmpty && likelyMatches.isEmpty }

    /// Whether most start dates could not be read (the page then says so at the top).
    public var mostDatesUnreadable: Bool { unreadableDates * 2 > datedRows }
}
