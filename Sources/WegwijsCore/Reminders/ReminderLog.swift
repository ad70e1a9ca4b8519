import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The reminders sent from one records folder: `RECORDS/.reminders.log`, one line per message
/// sent, appended right after the server accepted it (docs/hr.md, The reminder log):
///
///     2026-12-02<TAB>2026-12-02T07:00:12Z<TAB>course<TAB>employee<TAB>kind<TAB>to<TAB>cc
///
/// The first field is the day the reminder was about (`--as-of`), which the `--every` rule
/// compares. The file is created with mode 0660 (so the group of a shared folder can run
/// `remind` too) and held under an exclusive lock (`flock`) from reading to the last line
/// written, so two runs at once (a cron job and a hand-started one) never send the same
/// reminder twice: the second waits, then reads what the first sent.
public final class ReminderLog {
    public static let fileName = ".reminders.log"
    public let path: String
    private let descriptor: Int32
    /// The last day each (course, employee, kind) was reminded.
    private var lastSent: [String: CalendarDay] = [:]

    /// Opens (creating) and locks the log of `records`; reads what it holds. Lines that cannot
    /// be read are counted in `unreadableLines`, never fatal.
    public private(set) var unreadableLines = 0

    /// `readOnly` (a dry run): opens an existing log with a shared lock and writes nothing.
    public init(records: String, readOnly: Bool = false) throws(FileProblem) {
        path = (records as NSString).appendingPathComponent(Self.fileName)
        let flags = readOnly ? O_RDONLY | O_CLOEXEC | O_NOFOLLOW : O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW
        let opened = open(path, flags, 0o660)
        guard opened >= 0 else {
            throw FileProblem(path: path, reason: "the reminder log cannot be opened (\(String(cString: strerror(errno))))")
        }
        descriptor = opened
        guard flock(descriptor, readOnly ? LOCK_SH : LOCK_EX) == 0 else {
            close(descriptor)
            throw FileProblem(path: path, reason: "the reminder log cannot be locked (\(String(cString: strerror(errno))))")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        _ = lseek(descriptor, 0, SEEK_SET)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 5, let day = CalendarDay(fields[0]), ReminderKind(rawValue: fields[4]) != nil else {
                unreadableLines += 1
                continue
            }
            let key = Self.key(course: fields[2], employee: fields[3], kind: fields[4])
            if let known = lastSent[key], known >= day { continue }
            lastSent[key] = day
        }
    }

    deinit { close(descriptor) }

    private static func key(course: String, employee: String, kind: String) -> String {
        "\(course)\t\(employee)\t\(kind)"
    }

    /// Whether the same reminder went out less than `every` days before `day` (or on a later day).
    public func sentRecently(_ reminder: Reminder, day: CalendarDay, every: Int) -> Bool {
        guard let last = lastSent[Self.key(course: reminder.course, employee: reminder.employeeID, kind: reminder.kind.rawValue)] else {
            return false
        }
        return day.number - last.number < every
    }

    /// Appends the line of a sent reminder (one write, so lines never interleave).
    public func append(_ reminder: Reminder, day: CalendarDay, sentAt: Date) throws(FileProblem) {
        let stamp = ISO8601DateFormatter().string(from: sentAt)
        // Employee ids, courses and addresses passed MailAddress checks or are record ids:
        // tabs and line breaks are replaced all the same, so a line is always one line.
        let fields = [day.description, stamp, reminder.course, reminder.employeeID, reminder.kind.rawValue, reminder.email, reminder.cc ?? ""]
            .map { String($0.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        let bytes = Array((fields.joined(separator: "\t") + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw FileProblem(path: path, reason: "the reminder log cannot be written (\(String(cString: strerror(errno))))")
        }
        lastSent[Self.key(course: reminder.course, employee: reminder.employeeID, kind: reminder.kind.rawValue)] = day
    }
}
