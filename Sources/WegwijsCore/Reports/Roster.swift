import Foundation

/// The employees HR expects to take courses, read from a CSV export (SPEC §5).
public struct Roster: Sendable {
    /// One employee on the roster.
    public struct Entry: Sendable, Hashable {
        public var employeeID: String
        public var name: String
        public var email: String
        public var department: String
        /// Nil when the roster has no start date for this employee (or a bad one).
        public var startDate: CalendarDay?
        /// The line the employee's row starts on.
        public var line: Int
        /// From the `language` column (`nl`, `en`); empty when there is none.
        public var language: String = ""
        /// From the `manager_email` column; empty when there is none.
        public var managerEmail: String = ""

        public init(employeeID: String, name: String = "", email: String = "", department: String = "",
                    startDate: CalendarDay? = nil, line: Int = 0) {
            self.employeeID = employeeID
            self.name = name
            self.email = email
            self.department = department
            self.startDate = startDate
            self.line = line
        }
    }

    /// A row that was skipped or only partly used, with its line number.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// A roster that cannot be used at all.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The roster's columns; the first name in each list is the English one.
    public enum Column: String, Sendable, CaseIterable {
        case employeeID = "employee_id"
        case name
        case email
        case department
        case startDate = "start_date"
        case language
        case managerEmail = "manager_email"

        /// Header names accepted for the column, compared case-insensitively after trimming
        /// and with spaces and hyphens read as `_`.
        public var headerNames: [String] {
            switch self {
            case .employeeID: ["employee_id", "id", "personeelsnummer", "employee_number", "employee_no"]
            case .name: ["name", "naam"]
            case .email: ["email", "e_mail", "emailadres", "e_mailadres"]
            case .department: ["department", "afdeling"]
            case .startDate: ["start_date", "startdatum", "datum_in_dienst"]
            case .language: ["language", "taal"]
            case .managerEmail: ["manager_email", "e_mail_leidinggevende", "email_leidinggevende", "leidinggevende_e_mail", "leidinggevende_email"]
            }
        }
    }

    /// Employees in roster order, each id once.
    public var entries: [Entry]
    /// Rows skipped or partly used.
    public var problems: [Problem]
    /// The delimiter found in the header.
    public var delimiter: Character
    /// Whether the roster has a department column (the report then adds a summary per department).
    public var hasDepartments: Bool
    /// Whether the roster has an e-mail column (the report then adds an `email` column).
    public var hasEmails: Bool = false

    /// The departments named on the roster, each once, in roster order.
    public var departments: [String] {
        var seen = Set<String>()
        return entries.compactMap { entry in
            entry.department.isEmpty || !seen.insert(entry.department.lowercased()).inserted ? nil : entry.department
        }
    }

    /// Reads roster text: a header row, then one employee per row. Rows without an id are
    /// skipped, a bad start date is left out; both are reported with their line number.
    /// Throws when there is no header or no employee id column.
    public static func parse(_ text: String) throws(Failure) -> Roster {
        try parse(bytes: Array(text.utf8))
    }

    /// Bytes of a roster file: UTF-8, with or without a byte order mark. Throws for other
    /// encodings rather than guessing.
    public static func parse(bytes: some Collection<UInt8>) throws(Failure) -> Roster {
        var reading = RosterReading()
        try reading.feed(bytes)
        return try reading.finish()
    }

    static func normalizedHeader(_ name: String) -> String {
        String(name.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
