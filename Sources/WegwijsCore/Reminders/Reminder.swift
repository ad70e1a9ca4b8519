/// Why an employee gets a reminder (docs/hr.md, Reminders).
public enum ReminderKind: String, Sendable, Hashable, CaseIterable {
    /// Not passed, and the due date has gone by.
    case overdue
    /// Not passed yet (not started, in progress or failed) and due within the window.
    case dueSoon = "due-soon"
    /// Passed, and the pass expires within the window.
    case expiring
    /// Passed, and a refresher of the course is due (or overdue): taking the course now runs it.
    case refresher
}

/// One e-mail to send: to one employee about one course.
public struct Reminder: Sendable, Hashable {
    public var kind: ReminderKind
    public var employeeID: String
    public var name: String
    public var email: String
    /// The manager's address when the reminder escalates (overdue longer than the threshold).
    public var cc: String?
    public var course: String
    /// The due date (overdue, due soon), the last valid day of the pass (expiring) or the day
    /// the refresher fell due (refresher).
    public var deadline: CalendarDay
    /// Days late (overdue, refresher) or days left (due soon, expiring), counted from the
    /// reminder's day.
    public var days: Int
    /// `nl` or `en`: the roster's language column, else the course's language.
    public var language: String
}

/// A roster row that gets no reminder because it cannot be used safely.
public struct RefusedRow: Sendable, Hashable {
    public var line: Int
    public var employeeID: String
    public var reason: String
}

/// Who gets which reminder on one day, from the report's rows of that day.
public struct ReminderPlan: Sendable {
    public var reminders: [Reminder] = []
    public var refused: [RefusedRow] = []
    /// Roster employees who need a reminder but have no e-mail address.
    public var withoutAddress: [String] = []

    /// `within`: days ahead for due-soon and expiring; `escalateAfter`: days overdue after
    /// which the manager is in Cc. `languages` maps a course id to its language.
    public static func make(report: HRReport, roster: Roster, within: Int, escalateAfter: Int,
                            courseLanguage: (String) -> String) -> ReminderPlan {
        var plan = ReminderPlan()
        let entries = Dictionary(roster.entries.map { ($0.employeeID, $0) }, uniquingKeysWith: { first, _ in first })
        var refusedIDs = Set<String>()
        let asOf = report.asOf
        for row in report.rows where row.onRoster == true {
            guard let entry = entries[row.employeeID] else { continue }
            var kind: ReminderKind?
            var deadline: CalendarDay?
            switch row.status {
            case .overdue:
                kind = .overdue
                deadline = row.dueDate
            case .notStarted, .inProgress, .failed:
                if let due = row.dueDate, due >= asOf, due <= asOf.adding(days: within) {
                    kind = .dueSoon
                    deadline = due
                }
            case .passed, .refresherDue, .refresherOverdue:
                if let expires = row.expiresAt, expires >= asOf, expires <= asOf.adding(days: within) {
                    kind = .expiring
                    deadline = expires
                } else if row.status.isRefresherStatus, let due = row.refresherDue {
                    // Running the course runs the refresher, and passing it keeps the pass valid;
                    // a pass about to expire is said as expiring (the same run renews it).
                    kind = .refresher
                    deadline = due
                }
            case .expired:
                break
            }
            guard let kind, let deadline else { continue }
            if let reason = MailAddress.unusable(entry) {
                if refusedIDs.insert(entry.employeeID).inserted {
                    plan.refused.append(RefusedRow(line: entry.line, employeeID: entry.employeeID, reason: reason))
                }
                continue
            }
            guard !entry.email.isEmpty else {
                plan.withoutAddress.append(entry.employeeID)
                continue
            }
            let days = kind == .overdue || kind == .refresher ? asOf.number - deadline.number : deadline.number - asOf.number
            let cc = kind == .overdue && days > escalateAfter && !entry.managerEmail.isEmpty ? entry.managerEmail : nil
            let language = ["nl", "en"].contains(entry.language.lowercased()) ? entry.language.lowercased() : courseLanguage(row.course)
            plan.reminders.append(Reminder(kind: kind, employeeID: entry.employeeID, name: entry.name, email: entry.email,
                                           cc: cc, course: row.course, deadline: deadline, days: days, language: language))
        }
        return plan
    }
}

/// Addresses and names that may go into a mail header.
public enum MailAddress {
    /// Whether `text` is a plain address `local@domain`: printable ASCII without spaces,
    /// quotes, brackets, commas or semicolons, one `@`, a dot in the domain.
    public static func isPlain(_ text: String) -> Bool {
        let forbidden = Set("<>()[],;:\"\\ ".unicodeScalars)
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }) else {
            return false
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return true
    }

    /// Why a roster row cannot be mailed safely, or nil: a control character (CR, LF, tab,
    /// others) in the name, address or manager address, or an address that is not plain.
    public static func unusable(_ entry: Roster.Entry) -> String? {
        for (field, value) in [("name", entry.name), ("e-mail address", entry.email), ("manager e-mail address", entry.managerEmail)] {
            if let bad = value.unicodeScalars.first(where: { ControlCharacters.isControl($0) || $0 == "\t" }) {
                return "the \(field) holds a control character (\(ControlCharacters.escape(bad))); no reminder is sent"
            }
        }
        if !entry.email.isEmpty, !isPlain(entry.email) {
            return "the e-mail address '\(entry.email.prefix(100))' is not a plain address like name@example.org; no reminder is sent"
        }
        if !entry.managerEmail.isEmpty, !isPlain(entry.managerEmail) {
            return "the manager e-mail address '\(entry.managerEmail.prefix(100))' is not a plain address like name@example.org; no reminder is sent"
        }
        return nil
    }
}
