import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "E-mail a reminder to each roster employee who is overdue, due soon, whose pass expires soon or who has a refresher due.",
        discussion: """
        One message per employee and course, in the employee's language (the roster's language/taal column, else the course's): overdue, not passed yet and due within --within days, a pass that expires within --within days, or a refresher that is due. Employees overdue by more than --escalate-after days get their manager (the roster's manager_email column) in Cc. RECORDS/.reminders.log lists every message sent; the same reminder is not sent again within --every days, whoever runs the command. Roster rows whose name or address holds a control character, or whose address is not plain, are refused.

        Mail goes over SMTP (STARTTLS when the server offers it; required with credentials, from the file named by smtp.credentialsFile or WEGWIJS_SMTP_CREDENTIALS_FILE); the server's certificate is checked by the machine's authorities, or by those in smtp.caFile (WEGWIJS_SMTP_CA_FILE). See docs/hr.md.

        Exit codes: 0 all reminders sent (or listed with --dry-run), 64 usage error, 65 unusable roster or course, or roster rows refused (the others are sent), 74 a file that cannot be read or written, or the mail server cannot be used (what was sent is in the log).
        """
    )

    @Argument(help: "The records folder (RECORDS_DIR/<course>/<learner>/*.json).")
    var records: String

    @Option(help: "CSV of employees: employee_id, name, email, start_date, and optionally language/taal and manager_email.")
    var roster: String

    @Option(help: "The mail server: HOST[:PORT] (port 25, STARTTLS when offered) or smtps://HOST[:PORT].")
    var smtp: String?

    @Option(help: "The sender's address.")
    var from: String?

    @Option(help: "Remind only for this course (bundled id or course file) and use its terms; repeatable.")
    var course: [String] = []

    @Option(name: .customLong("as-of"), help: "The day to remind as of, YYYY-MM-DD (UTC; default today).")
    var asOf: String?

    @Option(help: "Days ahead for 'due soon' and 'expires soon'.")
    var within: Int = 14

    @Option(help: "Days before the same reminder is sent again.")
    var every: Int = 7

    @Option(name: .customLong("escalate-after"), help: "Days overdue after which the manager is in Cc.")
    var escalateAfter: Int = 14

    @Option(help: "How to take the course, as the message shows it; {course} and {id} are filled in.")
    var how: String = "wegwijs run {course} --learner {id}"

    @Flag(name: .customLong("dry-run"), help: "List the reminders that would be sent; send nothing and write no log.")
    var dryRun = false

    func validate() throws {
        if let asOf, CalendarDay(asOf) == nil {
            throw ValidationError("--as-of '\(TextLayout.inline(asOf, limit: 20))' is not a date as YYYY-MM-DD")
        }
        guard (0...3650).contains(within) else { throw ValidationError("--within must be between 0 and 3650 days") }
        guard (1...3650).contains(every) else { throw ValidationError("--every must be between 1 and 3650 days") }
        guard (0...3650).contains(escalateAfter) else { throw ValidationError("--escalate-after must be between 0 and 3650 days") }
        if ControlCharacters.contains(in: how) { throw ValidationError("--how holds a control character") }
        if !dryRun {
            guard smtp != nil else { throw ValidationError("give the mail server with --smtp HOST[:PORT] (or use --dry-run)") }
            guard let from else { throw ValidationError("give the sender's address with --from (or use --dry-run)") }
            guard MailAddress.isPlain(from) else {
                throw ValidationError("--from '\(TextLayout.inline(from, limit: 100))' is not a plain address like hr@example.org")
            }
        }
    }

    func run() throws {
        let catalog = bundledCourses()
        let given = try course.map { try loadCourse($0, catalog: catalog).course }
        let bundled = loadBundledCourses(catalog).map(\.course)
        let known = given + bundled
        var rules: [String: PassingRule] = [:]
        for course in bundled + given { rules[course.id] = course.passing }
        let trust = RecordTrust(passingRules: rules, signer: try SigningKey.configured(), now: Int64(Date().timeIntervalSince1970))
        let day = asOf.flatMap { CalendarDay($0) } ?? CalendarDay(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let parsedRoster = rosterEmployed(try readRoster(roster), on: day)

        var server: SMTPServer?
        if !dryRun, let smtp {
            do {
                let settings = try loadSettings()
                server = try SMTPServer.make(smtp, credentialsFile: settings[.smtpCredentialsFile].flatMap { $0.isEmpty ? nil : $0 },
                                             authorityFile: settings[.smtpAuthorityFile].flatMap { $0.isEmpty ? nil : $0 })
            } catch let problem as FileProblem {
                printError(problem.description)
                throw problem.path == "--smtp" ? Exit.usage : Exit.ioError
            }
        }

        let scan: RecordScan
        do {
            scan = try RecordScanner.scan(root: records, courses: given.isEmpty ? nil : Set(given.map(\.id)),
                                          asOf: asOf == nil ? nil : day, trust: trust, workers: 2, progress: ScanProgress())
        } catch {
            printError(TextLayout.inline(error.description, limit: 400))
            throw Exit.ioError
        }
        if !scan.problems.isEmpty { printError("\(scan.problems.count) of \(scan.files) record files skipped (wegwijs report lists them)") }
        let courseIDs = given.isEmpty ? scan.recordedTerms.keys.sorted() : given.map(\.id)
        guard !courseIDs.isEmpty else {
            printError("\(records): no completion records found; name a course with --course to remind a roster of it")
            throw Exit.invalidData
        }
        let terms = HRReport.terms(for: courseIDs, given: given, bundled: { id in bundled.first { $0.id == id } }, recorded: scan.recordedTerms)
        warnAboutRoster(parsedRoster, path: roster, scan: scan)
        let report = HRReport.make(scan: scan, roster: parsedRoster, courses: terms, asOf: day)
        let course = { (id: String) in known.first { $0.id == id } }
        let plan = ReminderPlan.make(report: report, roster: parsedRoster, within: within, escalateAfter: escalateAfter,
                                     courseLanguage: { id in course(id)?.language == "nl" ? "nl" : "en" })
        for refused in plan.refused {
            printError(TextLayout.inline("\(roster):\(refused.line): employee '\(refused.employeeID)': \(refused.reason)", limit: 400))
        }

        let log: ReminderLog?
        do {
            log = dryRun && !FileManager.default.fileExists(atPath: (records as NSString).appendingPathComponent(ReminderLog.fileName))
                ? nil : try ReminderLog(records: records, readOnly: dryRun)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
        if let log, log.unreadableLines > 0 {
            printError("\(log.path): \(log.unreadableLines) line\(log.unreadableLines == 1 ? "" : "s") cannot be read and are ignored")
        }
        let due = plan.reminders.filter { log?.sentRecently($0, day: day, every: every) != true }
        let recent = plan.reminders.count - due.count

        var sent = 0
        var failed = 0
        let sender = server.map { SMTPSender(server: $0) }
        for reminder in due {
            let title = course(reminder.course)?.title.resolved(reminder.language, fallback: course(reminder.course)?.language ?? "en") ?? reminder.course
            let howTo = how.replacingOccurrences(of: "{course}", with: reminder.course).replacingOccurrences(of: "{id}", with: reminder.employeeID)
            guard let sender, let from, let log else {
                printOutput("would send \(reminder.kind.rawValue) to \(reminder.email)\(reminder.cc.map { " cc \($0)" } ?? "") "
                            + "(\(reminder.employeeID), \(reminder.course), \(reminder.deadline), \(reminder.language))")
                continue
            }
            let mail = ReminderMail(reminder, title: title, howTo: howTo)
            let message = MailMessage(from: from, to: (reminder.email, reminder.name), cc: reminder.cc, subject: mail.subject,
                                      text: mail.text, html: mail.html, date: Date(), token: UUID().uuidString.lowercased())
            do {
                try sender.send(message)
            } catch {
                printError(TextLayout.inline("\(reminder.employeeID) (\(reminder.email)): \(error.message)", limit: 400))
                if error.fatal {
                    printError("\(sent) reminder\(sent == 1 ? "" : "s") sent before the mail server stopped; \(due.count - sent - failed) not sent (run again to send them)")
                    throw Exit.ioError
                }
                failed += 1
                continue
            }
            sent += 1
            do {
                try log.append(reminder, day: day, sentAt: Date())
            } catch {
                printError("\(error.description); stopped after \(sent) reminders so that none is sent twice")
                throw Exit.ioError
            }
        }
        var summary = dryRun ? "\(due.count) reminder\(due.count == 1 ? "" : "s") would be sent" : "\(sent) reminder\(sent == 1 ? "" : "s") sent"
        if recent > 0 { summary += ", \(recent) already sent within the last \(every) day\(every == 1 ? "" : "s")" }
        if !plan.withoutAddress.isEmpty { summary += ", \(plan.withoutAddress.count) without an e-mail address" }
        if !plan.refused.isEmpty { summary += ", \(plan.refused.count) roster row\(plan.refused.count == 1 ? "" : "s") refused" }
        if failed > 0 { summary += ", \(failed) refused by the mail server" }
        printOutput(summary)
        if failed > 0 { throw Exit.ioError }
        if !plan.refused.isEmpty { throw Exit.invalidData }
    }
}
