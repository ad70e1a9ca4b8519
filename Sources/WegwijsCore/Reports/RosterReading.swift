import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A roster read as it arrives, in chunks of any size: the header row names the columns, then
/// each row becomes an `Entry` at once, and only the columns a report uses are kept. A
/// 20,000-row export with 40 columns takes the memory of its entries, not of the file.
public struct RosterReading {
    private var head: [UInt8] = []
    private var offset = 0
    private var reader: CSVRowReader?
    private var delimiter: Character = ","
    private var columns: [Roster.Column: Int]?
    private var entries: [Roster.Entry] = []
    private var firstLine: [String: Int] = [:]
    private var problems: [Roster.Problem] = []

    /// An empty reading, waiting for the first bytes.
    public init() {}

    /// Reads the next bytes of the file.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(Roster.Failure) {
        guard reader == nil else { return try read(bytes) }
        head += bytes
        try start(atEnd: false)
    }

    /// Ends the file and gives the roster.
    public mutating func finish() throws(Roster.Failure) -> Roster {
        if reader == nil { try start(atEnd: true) }
        guard var reader else { throw Roster.Failure(message: "the roster is empty; it needs a header row") }
        do {
            try reader.finish { row in try self.add(row) }
        } catch {
            throw Self.failure(error)
        }
        guard columns != nil else { throw Roster.Failure(message: "the roster is empty; it needs a header row") }
        problems += reader.unterminated.map { broken in
            Roster.Problem(line: broken.line, message: "a quoted field starting on this line is never closed (a missing \"); row skipped, reading goes on at the next line")
        }
        problems.sort { $0.line < $1.line }
        return Roster(entries: entries, problems: problems, delimiter: delimiter, hasDepartments: columns?[.department] != nil,
                      hasEmails: columns?[.email] != nil)
    }

    /// Waits for the whole first line (to find the delimiter), then reads what came so far.
    private mutating func start(atEnd: Bool) throws(Roster.Failure) {
        if head.count < CSV.byteOrderMark.count, CSV.byteOrderMark.starts(with: head), !atEnd { return }
        let body = head.starts(with: CSV.byteOrderMark) ? head.dropFirst(CSV.byteOrderMark.count) : head[...]
        guard let found = CSV.detectDelimiter(bytes: body, atEnd: atEnd) else { return }
        delimiter = found
        reader = CSVRowReader(delimiter: found, checksUTF8: true, offset: head.count - body.count)
        let waiting = Array(body)
        head = []
        try read(waiting)
    }

    private mutating func read(_ bytes: some Collection<UInt8>) throws(Roster.Failure) {
        guard var current = reader else { return }
        do {
            try current.feed(bytes) { row in try self.add(row) }
        } catch {
            throw Self.failure(error)
        }
        reader = current
    }

    private static func failure(_ error: any Error) -> Roster.Failure {
        if let bad = error as? CSVRowReader.NotUTF8 {
            return Roster.Failure(message: "the roster is not UTF-8 text (byte \(bad.offset + 1)); save it as \"CSV UTF-8\"")
        }
        return error as? Roster.Failure ?? Roster.Failure(message: "\(error)")
    }

    /// The header row, or one employee.
    private mutating func add(_ row: CSV.Row) throws(Roster.Failure) {
        guard let columns else { return try readHeader(row) }
        func value(_ column: Roster.Column) -> String {
            guard let index = columns[column], index < row.fields.count else { return "" }
            return row.fields[index].trimmingCharacters(in: .whitespaces)
        }
        let id = value(.employeeID)
        guard !id.isEmpty else {
            problems.append(Roster.Problem(line: row.line, message: "no employee id; row skipped"))
            return
        }
        if let first = firstLine[id] {
            problems.append(Roster.Problem(line: row.line, message: "employee id '\(id)' is already on line \(first); row skipped"))
            return
        }
        var startDate: CalendarDay?
        let dateText = value(.startDate)
        if !dateText.isEmpty {
            startDate = Roster.startDate(dateText)
            if startDate == nil {
                problems.append(Roster.Problem(line: row.line, message: "start date '\(dateText)' of '\(id)' is not a date as YYYY-MM-DD or D-M-YYYY; no due date for this employee"))
            }
        }
        firstLine[id] = row.line
        var entry = Roster.Entry(employeeID: id, name: value(.name), email: value(.email), department: value(.department),
                                 startDate: startDate, line: row.line)
        entry.language = value(.language)
        entry.managerEmail = value(.managerEmail)
        entries.append(entry)
    }

    private mutating func readHeader(_ header: CSV.Row) throws(Roster.Failure) {
        var found: [Roster.Column: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let normalized = Roster.normalizedHeader(name)
            guard let column = Roster.Column.allCases.first(where: { $0.headerNames.contains(normalized) }) else { continue }
            if found[column] == nil {
                found[column] = index
            } else {
                problems.append(Roster.Problem(line: header.line, message: "a second '\(column.rawValue)' column ('\(name)') is ignored"))
            }
        }
        guard found[.employeeID] != nil else {
            throw Roster.Failure(message: "line \(header.line): no employee id column; name one employee_id, id or personeelsnummer (found: \(header.fields.joined(separator: String(delimiter))))")
        }
        columns = found
    }
}

extension Roster {
    /// Reads the roster file at `path` in chunks of 64 KiB, whatever it is (a file, a link, a
    /// pipe such as `--roster <(…)`), up to `maximumFileSize` bytes. Throws `FileProblem` when
    /// it cannot be read, `Failure` when its content is no roster.
    public static func read(path: String) throws -> Roster {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileProblem(path: path, reason: "cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var reading = RosterReading()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var total = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                let reason = errno == EISDIR ? "is a folder, not a roster" : "cannot be read (\(String(cString: strerror(errno))))"
                throw FileProblem(path: path, reason: reason)
            }
            if count == 0 { break }
            total += count
            guard total <= maximumFileSize else {
                throw FileProblem(path: path, reason: "is larger than \(maximumFileSize / 1024 / 1024) MB; too large to read")
            }
            try reading.feed(chunk[..<count])
        }
        return try reading.finish()
    }
}
