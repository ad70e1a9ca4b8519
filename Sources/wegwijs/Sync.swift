import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deliver the xAPI statements waiting in the outbox to the configured LRS.",
        discussion: """
        Statements wait in RECORDS/.outbox until the LRS has them. A statement the LRS refuses is \
        kept aside (RECORDS/.outbox/rejected) with the LRS's message and not sent again.

        Files in the outbox that are not its own (links, named pipes, other names, lines that are \
        not statements with a UUID id) are never sent: they are listed, counted by --status and \
        moved to RECORDS/.outbox/unusable with the reason.

        Exit codes: 0 outbox empty, 64 no LRS configured, 65 the LRS rejected statements (kept \
        aside) or outbox files were set aside, 74 the LRS cannot be reached (statements stay in \
        the outbox), another delivery held the outbox longer than --wait, or a file cannot be \
        read or written.
        """
    )

    @Option(help: "The records folder whose outbox to deliver (default: the records setting).")
    var records: String?

    @Flag(help: "Only print how many statements wait and how old the oldest is; deliver nothing.")
    var status = false

    @Flag(help: "First queue the statements of every record in the folder that the LRS does not have yet (records made before an LRS was configured, or a run killed between saving and queueing).")
    var rescan = false

    @Option(help: "With --rescan: a course file the records were made on (bundled courses are found by id); repeatable.")
    var course: [String] = []

    @Option(help: "Statements per request (a batch the LRS refuses as too large, 413, is split like any refused batch).")
    var batchSize: Int = 2000

    @Option(name: .customLong("wait"), help: ArgumentHelp("Seconds to wait when another delivery (a run ending, another sync) holds the outbox; then give up with exit 74 (0 to 3600).", valueName: "seconds"))
    var lockWait: Int = 120

    /// How `run` hands over the statements still waiting when it ends (`DeliveryHandOff`):
    /// silent, bounded in time, and never in anybody's way.
    @Flag(help: .hidden)
    var background = false

    /// In the background: how long to wait for another delivery to finish first, and how long
    /// the LRS may take to answer a request.
    static let backgroundLockWait: TimeInterval = 30
    static let backgroundTimeout: TimeInterval = 10
    /// In the background: after this long no new batch is sent (one request under way may still
    /// take up to four times `backgroundTimeout`).
    static let backgroundDeliveryTime: TimeInterval = 20

    func validate() throws {
        guard (1...5000).contains(batchSize) else { throw ValidationError("--batch-size must be between 1 and 5000") }
        if !course.isEmpty, !rescan { throw ValidationError("--course is only used with --rescan") }
        if background, status || rescan { throw ValidationError("--background delivers only") }
        guard (0...3600).contains(lockWait) else { throw ValidationError("--wait must be between 0 and 3600 seconds") }
    }

    func run() throws {
        var flags: [Setting: (value: String, flag: String)] = [:]
        if let records { flags[.records] = (records, "--records") }
        let settings = try loadSettings(flags: flags)
        let outbox = Outbox(records: settings.records)
        if status {
            printStatus(outbox, lrsConfigured: settings[.lrsURL].map { !$0.isEmpty } ?? false)
            return
        }
        if background {
            deliverInBackground(settings: settings, outbox: outbox)
            return
        }
        guard let endpoint = try lrsEndpoint(settings) else {
            printError("no LRS configured: set wegwijs.lrs.url in a settings file or WEGWIJS_LRS_URL (see wegwijs config)")
            throw Exit.usage
        }
        var problems = 0
        if rescan { problems = try queueRecords(settings: settings, outbox: outbox) }

        let delivery = Delivery(outbox: outbox, client: LRSClient(endpoint: endpoint, timeout: 30), batchSize: batchSize)
        let total = outbox.status().pending
        let progress = SyncProgress()
        let line = ProgressLine()
        let report: Delivery.Report
        let held: Outbox.DeliveryLock?
        do throws(FileProblem) {
            held = try waitForDeliveryLock(outbox)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
        guard let lock = held else {
            printError("another delivery still holds \(outbox.folder)/.delivering after \(lockWait) s: nothing was sent; run sync again later (or give --wait more seconds)")
            throw Exit.ioError
        }
        line.start { "Delivering statements: \(progress.done) of \(total)…" }
        do throws(FileProblem) {
            report = try delivery.deliverAll { progress.done = $0.delivered + $0.rejected }
            withExtendedLifetime(lock) {}
            line.stop()
        } catch {
            line.stop()
            printError(error.description)
            throw Exit.ioError
        }
        for problem in report.setAside {
            printError(TextLayout.inline("\(problem.path): not delivered: \(problem.reason)", limit: 400))
        }
        for rejection in outbox.rejections().suffix(report.rejected) {
            printError(TextLayout.inline("statement \(rejection.statementID): rejected by the LRS (HTTP \(rejection.status)): \(rejection.message)", limit: 400))
        }
        let left = outbox.status()
        printOutput("\(report.delivered) statement\(report.delivered == 1 ? "" : "s") delivered to \(endpoint.url.absoluteString)")
        if let unavailable = report.unavailable {
            printError(TextLayout.inline(unavailable, limit: 400))
            printError("\(left.pending) statement\(left.pending == 1 ? "" : "s") wait for delivery in \(outbox.folder)")
            throw Exit.ioError
        }
        if report.rejected > 0 {
            printError("\(report.rejected) statement\(report.rejected == 1 ? "" : "s") rejected by the LRS, kept in \(outbox.folder)/rejected")
            throw Exit.invalidData
        }
        if left.rejected > 0 {
            printError("\(left.rejected) statement\(left.rejected == 1 ? "" : "s") rejected earlier are kept in \(outbox.folder)/rejected")
        }
        if !report.setAside.isEmpty {
            printError("\(report.setAside.count) file\(report.setAside.count == 1 ? "" : "s") or line\(report.setAside.count == 1 ? "" : "s") in \(outbox.folder)/pending cannot be delivered (see \(outbox.folder)/unusable)")
        }
        if problems > 0 || !report.setAside.isEmpty { throw Exit.invalidData }
    }

    /// The outbox's delivery lock, waiting at most `lockWait` seconds for another delivery to
    /// end (saying so once); nil when it did not.
    private func waitForDeliveryLock(_ outbox: Outbox) throws(FileProblem) -> Outbox.DeliveryLock? {
        if let lock = try outbox.deliveryLock(wait: false) { return lock }
        printError("another delivery is sending this outbox's statements; waiting for it (at most \(lockWait) s)…")
        let deadline = Date().addingTimeInterval(TimeInterval(lockWait))
        while Date() < deadline {
            usleep(100_000)
            if let lock = try outbox.deliveryLock(wait: false) { return lock }
        }
        return nil
    }

    /// Delivers what waits, quietly; gives up when another delivery holds the outbox for too
    /// long or the LRS does not answer. Whatever is left waits for the next run or sync.
    private func deliverInBackground(settings: Settings, outbox: Outbox) {
        guard let endpoint = try? lrsEndpoint(settings), !outbox.pendingAttempts().isEmpty else { return }
        let deadline = Date().addingTimeInterval(Self.backgroundLockWait)
        var lock: Outbox.DeliveryLock?
        while lock == nil {
            do {
                lock = try outbox.deliveryLock(wait: false)
            } catch {
                return
            }
            if lock == nil {
                guard Date() < deadline else { return }
                usleep(100_000)
            }
        }
        let client = LRSClient(endpoint: endpoint, timeout: Self.backgroundTimeout)
        let stopAt = Date().addingTimeInterval(Self.backgroundDeliveryTime)
        _ = try? Delivery(outbox: outbox, client: client, batchSize: batchSize, deadline: stopAt).deliverAll()
        withExtendedLifetime(lock) {}
    }

    private func printStatus(_ outbox: Outbox, lrsConfigured: Bool) {
        let state = outbox.fullStatus()
        for problem in state.unusable {
            printError(TextLayout.inline("\(problem.path): cannot be delivered: \(problem.reason)", limit: 400))
        }
        var text = lrsConfigured ? "" : "lrs: not configured\n"
        text += "pending: \(state.pending)\n"
        if let oldest = state.oldest {
            let age = max(0, Int64(Date().timeIntervalSince1970) - oldest)
            text += "oldest: \(XAPIStatements.timestampText(oldest))\noldest_age_seconds: \(age)\n"
        }
        text += "rejected: \(state.rejected)\n"
        text += "unusable: \(state.unusable.count)\n"
        printOutput(text, terminator: "")
        if !lrsConfigured {
            printError("no LRS configured: these statements are not delivered until wegwijs.lrs.url (or WEGWIJS_LRS_URL) is set")
        }
    }

    /// Queues the statements of every record; returns how many records could not be used.
    private func queueRecords(settings: Settings, outbox: Outbox) throws -> Int {
        let catalog = bundledCourses()
        var courses = try course.map { try loadCourse($0, catalog: catalog) }
        courses += catalog.courseFiles().compactMap { try? CourseLoader.load(path: $0) }
        let source = RecordStatements(courses: courses, profile: xapiProfile(settings))
        let files: [String]
        let walkProblems: [FileProblem]
        do {
            (files, walkProblems) = try RecordStatements.recordFiles(root: settings.records)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
        for problem in walkProblems { printError(TextLayout.inline("\(problem.description); skipped", limit: 400)) }
        var problems = walkProblems.count
        for file in files {
            do {
                let made = try source.statements(ofFile: file)
                try outbox.enqueue(attemptID: made.record.attemptId, statements: made.statements)
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                problems += 1
            }
        }
        return problems
    }
}

/// The running count for the progress line.
private final class SyncProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var done: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
