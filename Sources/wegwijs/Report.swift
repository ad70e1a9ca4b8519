import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "HR overview of completion per learner and course.",
        discussion: """
        Statuses, in order of precedence: passed, refresher-due and refresher-overdue (a valid pass whose refresher is outstanding; only for a course with refreshers, which also adds the refresher_due column), expired, failed, in-progress, and with a roster not-started and overdue. With a roster, learners found only in the records get on_roster = no. --status and --department keep only those rows; --format html writes one self-contained page (--lang nl or en).

        Record files that cannot be used are listed on stderr and skipped. A record counts as a pass only when it agrees with itself (its percentages, guideline points and status follow from its points and the course's passing terms) and, with WEGWIJS_SIGNING_KEY_FILE set, its signature is valid; other records are listed on stderr as untrusted, counted as not passed, and counted per learner in the untrusted_records column. Re-scoring from the answers is what wegwijs verify does. See docs/hr.md.

        Exit codes: 0 report written, 64 usage error, 65 unusable roster or course, 74 a folder or file that cannot be read or written.
        """
    )

    enum Delimiter: String, ExpressibleByArgument, CaseIterable {
        case comma = ","
        case semicolon = ";"

        var character: Character { self == .semicolon ? ";" : "," }
    }

    @Argument(help: "The records folder (RECORDS_DIR/<course>/<learner>/*.json).")
    var records: String?

    @Flag(help: "Read the attempts from the configured LRS (xAPI statements) instead of a records folder.")
    var lrs = false

    @Option(help: "CSV of employees: employee_id/id/personeelsnummer, name/naam, email, department/afdeling, start_date/startdatum.")
    var roster: String?

    @Option(help: "Report only this course (bundled id or course file) and use its terms; repeatable.")
    var course: [String] = []

    @Option(name: .customLong("as-of"), help: "The day to report on, YYYY-MM-DD (UTC; default today).")
    var asOf: String?

    @Option(help: "Output format (default: from the --output extension, else table).")
    var format: TableFormat?

    @Option(help: "Keep only rows with these statuses (comma-separated or repeated): passed, refresher-due, refresher-overdue, expired, failed, in-progress, not-started, overdue, and expiring (passes that expire within 30 days).")
    var status: [String] = []

    @Option(help: "Keep only rows of these roster departments (comma-separated or repeated).")
    var department: [String] = []

    @Option(help: "Language of the HTML page, with its number and date conventions; nl also gives the CSV Dutch headers and status words, with ';' as its delimiter.")
    var lang: InterfaceLanguage = .en

    @Option(help: "CSV delimiter (default ',', with --lang nl ';'); ';' writes the spreadsheet form: a byte order mark, decimal commas, employee numbers kept as text.")
    var delimiter: Delimiter?

    @Option(help: "Write the report to this file (atomically; through a symbolic link to its target) instead of standard output.")
    var output: String?

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if lrs == (records != nil) { throw ValidationError(lrs ? "give either RECORDS_DIR or --lrs, not both" : "give the records folder (or --lrs)") }
        if let asOf, CalendarDay(asOf) == nil {
            throw ValidationError("--as-of '\(TextLayout.inline(asOf, limit: 20))' is not a date as YYYY-MM-DD")
        }
        _ = try statuses()
    }

    /// The word of `--status` that keeps passes expiring within 30 days (not a status of its own:
    /// such a pass is `passed`).
    static let expiring = "expiring"

    /// The statuses named with --status, and whether `expiring` was; a name that is neither is a usage error.
    private func statuses() throws -> (statuses: Set<ReportStatus>, expiring: Bool) {
        var chosen = Set<ReportStatus>()
        var expiring = false
        for name in Self.split(status) {
            if name.lowercased() == Self.expiring {
                expiring = true
                continue
            }
            guard let parsed = ReportStatus(rawValue: name.lowercased()) else {
                let known = ReportStatus.allCases.map(\.rawValue) + [Self.expiring]
                throw ValidationError("--status '\(TextLayout.inline(name, limit: 30))' is not a status\(Suggestion.hint(for: name.lowercased(), in: known)); use \(known.joined(separator: ", "))")
            }
            chosen.insert(parsed)
        }
        return (chosen, expiring)
    }

    /// Values of a repeatable option that may also be comma-separated, trimmed, empty ones dropped.
    private static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The departments named with --department, checked against the roster's; an unknown one
    /// is a usage error that lists the roster's departments.
    private func departments(in roster: Roster?) throws -> Set<String> {
        let named = Self.split(department)
        guard !named.isEmpty else { return [] }
        guard let roster, roster.hasDepartments else {
            printError("--department needs a roster with a department column (--roster FILE with department or afdeling)")
            throw Exit.usage
        }
        let known = roster.departments
        let lowered = Set(known.map { $0.lowercased() })
        for name in named where !lowered.contains(name.lowercased()) {
            printError(TextLayout.inline("--department '\(name)' is not a department on the roster (it has: \(known.joined(separator: ", ")))\(Suggestion.hint(for: name, in: known))", limit: 600))
            throw Exit.usage
        }
        return Set(named)
    }

    func run() throws {
        let catalog = bundledCourses()
        let given = try course.map { try loadCourse($0, catalog: catalog).course }
        let bundled = loadBundledCourses(catalog).map(\.course)
        var rules: [String: PassingRule] = [:]
        for known in bundled + given { rules[known.id] = known.passing }
        let trust = RecordTrust(passingRules: rules, signer: try SigningKey.configured(), now: Int64(Date().timeIntervalSince1970))
        let day = asOf.flatMap { CalendarDay($0) } ?? CalendarDay(secondsSince1970: Int64(Date().timeIntervalSince1970))

        var parsedRoster: Roster?
        if let roster {
            parsedRoster = try readRoster(roster)
            if asOf != nil, let read = parsedRoster {
                parsedRoster = rosterEmployed(read, on: day)
            }
        }
        let keptStatuses = try statuses()
        let keptDepartments = try departments(in: parsedRoster)

        let progress = ScanProgress()
        let line = ProgressLine()
        line.start { "Reading records: \(progress.files) files…" }
        var scan: RecordScan
        let source = records ?? "the LRS"
        do {
            scan = lrs ? RecordScan() : try RecordScanner.scan(root: source, courses: given.isEmpty ? nil : Set(given.map(\.id)),
                                                               asOf: asOf == nil ? nil : day, trust: trust, workers: 2, progress: progress)
            line.stop()
        } catch {
            line.stop()
            printError(TextLayout.inline(error.description, limit: 400))
            throw Exit.ioError
        }
        if lrs { scan = try scanLRS(courses: given.isEmpty ? nil : Set(given.map(\.id)), asOf: asOf == nil ? nil : day, trust: trust) }
        for problem in scan.problems {
            printError(TextLayout.inline("\(problem.path): skipped: \(problem.reason)", limit: 400))
        }
        for record in scan.untrusted {
            printError(TextLayout.inline("\(record.path): untrusted, counted as not passed: \(record.reason)", limit: 400))
        }
        if !scan.problems.isEmpty, lrs {
            printError("\(scan.problems.count) statement\(scan.problems.count == 1 ? "" : "s") from the LRS skipped")
        } else if !scan.problems.isEmpty {
            printError("\(scan.problems.count) of \(scan.files) record file\(scan.files == 1 ? "" : "s") skipped")
        }
        if !scan.untrusted.isEmpty {
            let future = scan.untrusted.filter { RecordTrust.isFutureDated($0.reason) }.count
            let dated = future == 0 ? "" : ", \(future) of them dated after the moment of the report"
            printError("\(scan.untrusted.count) untrusted record\(scan.untrusted.count == 1 ? "" : "s") counted as not passed\(dated) (wegwijs verify re-scores them from their answers)")
        }

        let courseIDs = given.isEmpty ? scan.recordedTerms.keys.sorted() : uniqued(given.map(\.id))
        let terms = HRReport.terms(for: courseIDs, given: given, bundled: { id in bundled.first { $0.id == id } },
                                   recorded: scan.recordedTerms)
        if courseIDs.isEmpty { printError("\(source): no completion records found; name a course with --course to report a roster against it") }
        if let parsedRoster, let roster { warnAboutRoster(parsedRoster, path: roster, scan: scan) }
        var report = HRReport.make(scan: scan, roster: parsedRoster, courses: terms, asOf: day)
            .filtered(statuses: keptStatuses.statuses, departments: keptDepartments, expiring: keptStatuses.expiring)
        report.suspectRecords = scan.untrusted
        if let parsedRoster {
            let notice = RosterNotice(parsedRoster, recordedLearners: scan.tallies.keys.map(\.learner))
            if !notice.isEmpty { report.rosterNotice = notice }
        }

        let chosen = TableFormat.chosen(format, output: output)
        let text: String
        switch chosen {
        case .csv:
            let character = delimiter?.character ?? (lang == .nl ? ";" : ",")
            text = ReportFormat.csv(report, style: .of(lang, delimiter: character))
        case .json: text = ReportFormat.json(report)
        case .html: text = ReportPage(language: lang).render(report)
        case .table:
            var terminal = display.terminal
            if output != nil { terminal.usesColour = false }
            text = ReportRenderer(layout: TextLayout(terminal: terminal)).table(report)
        }
        if let output {
            do {
                try OutputFile.write(Data(text.utf8), to: output)
            } catch {
                printError(error.description)
                throw Exit.ioError
            }
        } else {
            printOutput(text, terminator: "")
        }
    }

    private func uniqued(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
