import Foundation

/// The report's columns and their text, shared by the CSV, JSON and table renderings.
public enum ReportColumns {
    /// The SPEC §5 columns, in order.
    public static let standard = ["employee_id", "name", "department", "course", "status", "best_percent", "attempts",
                                  "last_activity", "passed_at", "expires_at", "due_date"]
    /// Always added after the standard columns: the day the acknowledgement was confirmed.
    public static let acknowledgedAt = "acknowledged_at"
    /// Added when the roster has an e-mail column.
    public static let email = "email"
    /// Added when a course covered declares a refresher (`ReportRow.refresherDue`).
    public static let refresherDue = "refresher_due"
    /// Added when some record was not believed (`ReportRow.untrustedRecords`).
    public static let untrustedRecords = "untrusted_records"
    /// Added last when the report has a roster: `yes` or `no`.
    public static let onRoster = "on_roster"

    /// The column names of a report.
    public static func names(for report: HRReport) -> [String] {
        standard + [acknowledgedAt] + (report.hasEmails ? [email] : []) + (report.hasRefreshers ? [refresherDue] : [])
            + (report.hasUntrustedColumn ? [untrustedRecords] : []) + (report.hasRoster ? [onRoster] : [])
    }

    /// A row's values as text, one per column of `names(for:)`; empty where there is no value.
    public static func values(of row: ReportRow, in report: HRReport) -> [String] {
        var values = [row.employeeID, row.name, row.department, row.course, row.status.rawValue,
                      row.bestPercent.map(percentText) ?? "", String(row.attempts),
                      row.lastActivity?.description ?? "", row.passedAt?.description ?? "",
                      row.expiresAt?.description ?? "", row.dueDate?.description ?? "",
                      row.acknowledgedAt?.description ?? ""]
        if report.hasEmails { values.append(row.email) }
        if report.hasRefreshers { values.append(row.refresherDue?.description ?? "") }
        if report.hasUntrustedColumn { values.append(String(row.untrustedRecords)) }
        if report.hasRoster { values.append(row.onRoster == false ? "no" : "yes") }
        return values
    }

    /// Indexes of the columns that hold text from files (roster, records) rather than values
    /// the report computed.
    public static func textColumns(for report: HRReport) -> Set<Int> {
        report.hasEmails ? [0, 1, 2, 3, standard.count + 1] : [0, 1, 2, 3]
    }

    /// One decimal, with a point whatever the locale.
    public static func percentText(_ percent: Double) -> String {
        Percent.text(percent)
    }
}

/// How a report's CSV is written. The standard form (`,`) is for tools: the column names and
/// status words of the report, decimal points. The spreadsheet form (`;`, Dutch Excel and
/// LibreOffice in a decimal-comma locale) starts with a byte order mark, writes percentages with
/// a decimal comma and employee numbers that start with a digit as `="012345"`, a formula
/// whose value is that text: Excel and LibreOffice both keep it as text, with its leading zeros.
public struct CSVStyle: Sendable {
    public var delimiter: Character
    /// Byte order mark, decimal comma, employee numbers kept as text.
    public var spreadsheet: Bool
    /// A column's header from its name (`employee_id`).
    public var header: @Sendable (String) -> String
    public var status: @Sendable (ReportStatus) -> String
    public var yes: String
    public var no: String

    public init(delimiter: Character, spreadsheet: Bool, header: @escaping @Sendable (String) -> String,
                status: @escaping @Sendable (ReportStatus) -> String, yes: String, no: String) {
        self.delimiter = delimiter
        self.spreadsheet = spreadsheet
        self.header = header
        self.status = status
        self.yes = yes
        self.no = no
    }

    /// The report's own column names and words; the spreadsheet form with `;`.
    public static func standard(delimiter: Character) -> CSVStyle {
        CSVStyle(delimiter: delimiter, spreadsheet: delimiter == ";", header: { $0 }, status: { $0.rawValue }, yes: "yes", no: "no")
    }

    /// An employee number as a spreadsheet keeps it: one that starts with a digit (which a
    /// spreadsheet would read as a number or a date, dropping leading zeros) as `="…"`. Only
    /// numbers of letters, digits, `.`, `_` and `-` are wrapped; others are left as they are.
    public static func keptAsText(_ employeeID: String) -> String {
        guard let first = employeeID.utf8.first, first >= 0x30, first <= 0x39,
              employeeID.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2D
              }) else { return employeeID }
        return "=\"" + employeeID + "\""
    }
}

/// The report as CSV (RFC 4180, UTF-8) and JSON.
public enum ReportFormat {
    /// CSV with a header row in the standard form for `delimiter` (see `CSVStyle`).
    public static func csv(_ report: HRReport, delimiter: Character = ",") -> String {
        csv(report, style: .standard(delimiter: delimiter))
    }

    /// CSV with a header row. In the spreadsheet form the text starts with a byte order mark,
    /// which is how Excel knows it is UTF-8. Text that a spreadsheet would run as a formula
    /// (starting with `=`, `+`, `-`, `@`) gets a leading `'`, and control characters are shown
    /// escaped (`\x1B`): names come from records that learners write.
    public static func csv(_ report: HRReport, style: CSVStyle) -> String {
        let delimiter = style.delimiter
        var text = style.spreadsheet ? "\u{FEFF}" : ""
        text += CSV.line(ReportColumns.names(for: report).map(style.header), delimiter: delimiter)
        let textColumns = ReportColumns.textColumns(for: report)
        let statusColumn = 4, percentColumn = 5, onRosterColumn = ReportColumns.names(for: report).count - 1
        for row in report.rows {
            var values = ReportColumns.values(of: row, in: report).enumerated().map { index, value in
                textColumns.contains(index) ? neutralized(ControlCharacters.escaped(value)) : value
            }
            values[statusColumn] = style.status(row.status)
            if report.hasRoster { values[onRosterColumn] = row.onRoster == false ? style.no : style.yes }
            if style.spreadsheet {
                values[0] = CSVStyle.keptAsText(values[0])
                values[percentColumn] = values[percentColumn].replacingOccurrences(of: ".", with: ",")
            }
            text += CSV.line(values, delimiter: delimiter)
        }
        return text
    }

    /// Text a spreadsheet shows as text, never evaluates.
    public static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    /// A JSON array of objects with the CSV's column names as keys; empty values are `null`,
    /// `best_percent`, `attempts` and `untrusted_records` are numbers, `on_roster` a boolean. `--status` keys and
    /// counts can be checked against it.
    public static func json(_ report: HRReport) -> String {
        var text = "["
        for (index, row) in report.rows.enumerated() {
            text += index == 0 ? "\n  {" : ",\n  {"
            var members: [(String, String)] = [
                ("employee_id", JSONWriter.quoted(row.employeeID)),
                ("name", JSONWriter.quoted(row.name)),
                ("department", row.department.isEmpty && row.onRoster != true ? "null" : JSONWriter.quoted(row.department)),
                ("course", JSONWriter.quoted(row.course)),
                ("status", JSONWriter.quoted(row.status.rawValue)),
                ("best_percent", row.bestPercent.map(ReportColumns.percentText) ?? "null"),
                ("attempts", String(row.attempts)),
                ("last_activity", row.lastActivity.map { JSONWriter.quoted($0.description) } ?? "null"),
                ("passed_at", row.passedAt.map { JSONWriter.quoted($0.description) } ?? "null"),
                ("expires_at", row.expiresAt.map { JSONWriter.quoted($0.description) } ?? "null"),
                ("due_date", row.dueDate.map { JSONWriter.quoted($0.description) } ?? "null"),
                ("acknowledged_at", row.acknowledgedAt.map { JSONWriter.quoted($0.description) } ?? "null"),
            ]
            if report.hasEmails { members.append(("email", row.email.isEmpty ? "null" : JSONWriter.quoted(row.email))) }
            if report.hasRefreshers { members.append(("refresher_due", row.refresherDue.map { JSONWriter.quoted($0.description) } ?? "null")) }
            if report.hasUntrustedColumn { members.append(("untrusted_records", String(row.untrustedRecords))) }
            if let onRoster = row.onRoster { members.append(("on_roster", onRoster ? "true" : "false")) }
            text += members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        text += report.rows.isEmpty ? "]\n" : "\n]\n"
        return text
    }
}
