import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Item statistics for trainers: how each scenario, option and guideline did.",
        discussion: """
        Reads the ended attempts (passed, failed) of the course whose structure matches the course file (records without a structure: the same sha256) and re-scores them from their answers. Reports the course's figures; per scenario how often it was shown, its facility, its discrimination and the share of each option; per guideline the mean and the share at or above the threshold; and the flags too-easy, too-hard, check-key, unused-option and critical-often. The key (the option that earns the points; multiple answers: every option with points; ranking: the first in the right order) is marked ✓ (* with --plain), "key": true in JSON. A scenario shown fewer times than a flag needs (check-key 30, unused-option 50) says so. By default each learner's first attempt of the whole course is counted, as Moodle's item analysis does; --attempts all counts every ended attempt. Refreshers are never counted. See docs/trainers.md.

        Exit codes: 0 written, 64 usage error, 65 invalid course, 74 a folder or file that cannot be read or written.
        """
    )

    @Argument(help: "The records folder (RECORDS_DIR/<course>/<learner>/*.json).")
    var records: String

    @Option(help: "The course (bundled id or course file) the attempts were made on.")
    var course: String

    @Option(help: "Only attempts finished on or after this day, YYYY-MM-DD (UTC).")
    var since: String?

    @Option(help: "Which attempts to count: first (each learner's earliest ended attempt of the whole course; --since then keeps the first attempts finished on or after its day) or all (every ended attempt). Refreshers never count.")
    var attempts: AttemptSelection = .first

    @Option(help: "table, csv, json or html (default: from the --output extension, else table).")
    var format: TableFormat?

    @Option(help: "Language of the table and the HTML page.")
    var lang: InterfaceLanguage = .en

    @Option(help: "Write to this file (atomically; through a symbolic link to its target) instead of standard output.")
    var output: String?

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let since, CalendarDay(since) == nil {
            throw ValidationError("--since '\(TextLayout.inline(since, limit: 20))' is not a date as YYYY-MM-DD")
        }
    }

    func run() throws {
        let loaded = try loadCourse(course, catalog: bundledCourses())
        let subject = StatisticsCourse(course: loaded.course, sha256: loaded.sha256, structure: loaded.structure)
        let progress = ScanProgress()
        let line = ProgressLine()
        line.start { "Reading records: \(progress.files) files…" }
        let result: (statistics: ItemStatistics, tally: ItemTally)
        do {
            result = try ItemStatistics.scan(root: records, course: subject, since: since.flatMap { CalendarDay($0) },
                                             attempts: attempts, workers: 2, progress: progress)
            line.stop()
        } catch {
            line.stop()
            printError(TextLayout.inline(error.description, limit: 400))
            throw Exit.ioError
        }
        let tally = result.tally
        for problem in tally.problems {
            printError(TextLayout.inline("\(problem.path): skipped: \(problem.reason)", limit: 400))
        }
        if tally.refreshers > 0 {
            printError("\(tally.refreshers) refresher\(tally.refreshers == 1 ? "" : "s") of \(TextLayout.inline(loaded.course.id)) not counted (a few situations, not the course)")
        }
        if tally.otherStructure > 0 {
            printError("\(tally.otherStructure) ended attempt\(tally.otherStructure == 1 ? "" : "s") of \(TextLayout.inline(loaded.course.id)) made on another version of the course (other scenarios or scores) not counted")
        }

        let chosen = TableFormat.chosen(format, output: output)
        let text: String
        switch chosen {
        case .csv: text = StatisticsFormat.csv(result.statistics)
        case .json: text = StatisticsFormat.json(result.statistics)
        case .html: text = StatsPage(language: lang).render(result.statistics, course: loaded.course)
        case .table:
            var terminal = display.terminal
            if output != nil { terminal.usesColour = false }
            text = StatsRenderer(layout: TextLayout(terminal: terminal), language: lang).table(result.statistics, course: loaded.course)
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
}
