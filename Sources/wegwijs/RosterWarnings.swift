import Foundation
import WegwijsConsole
import WegwijsCore

/// With `--as-of` a past day: the roster without the employees who started after that day
/// (they were not employed yet), said on stderr. On today or a later day, employees who start
/// later stay on the report as not started: they are the coming hires.
func rosterEmployed(_ roster: Roster, on day: CalendarDay) -> Roster {
    guard day < CalendarDay(secondsSince1970: Int64(Date().timeIntervalSince1970)) else { return roster }
    let (kept, leftOut) = roster.employed(on: day)
    if leftOut > 0 {
        printError("\(leftOut) employee\(leftOut == 1 ? "" : "s") on the roster start\(leftOut == 1 ? "s" : "") after \(day) and \(leftOut == 1 ? "is" : "are") left out")
    }
    return kept
}

/// What stderr says about a roster besides its row problems: how many start dates could not
/// be read (loudly when most could not), and employee numbers that match a learner in the
/// records only without their leading zeros.
func warnAboutRoster(_ roster: Roster, path: String, scan: RecordScan) {
    let unreadable = roster.unreadableStartDates
    if unreadable > 0 {
        let dated = roster.entries.filter { $0.startDate != nil }.count + unreadable
        let most = unreadable * 2 > dated
        printError(TextLayout.inline("\(path): \(unreadable) of \(dated) start dates cannot be read\(most ? ": MOST start dates cannot be read, so overdue and due dates are missing for most employees" : ""); write them as YYYY-MM-DD or D-M-YYYY", limit: 400))
    }
    for (entry, learner) in roster.likelyMatches(recordedLearners: scan.tallies.keys.map(\.learner)) {
        printError(TextLayout.inline("\(path):\(entry.line): employee '\(entry.employeeID)' has no records, but '\(learner)' in the records is not on the roster: likely the same person without leading zeros (Excel drops them unless the column is text)", limit: 400))
    }
}

/// Reads and parses a staff roster named on the command line (`report`, `remind`); each row
/// problem is printed with its line, and an unreadable (74) or unusable (65) file ends the command.
func readRoster(_ path: String) throws -> Roster {
    do {
        let roster = try Roster.read(path: path)
        for problem in roster.problems {
            printError(TextLayout.inline("\(path):\(problem.line): \(problem.message)", limit: 300))
        }
        return roster
    } catch let problem as FileProblem {
        printError(problem.description)
        throw Exit.ioError
    } catch {
        printError(TextLayout.inline("\(path): \(error)", limit: 300))
        throw Exit.invalidData
    }
}
