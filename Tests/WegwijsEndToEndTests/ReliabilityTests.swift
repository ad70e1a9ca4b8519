import Foundation
import TestSupport
import Synchronization
import Testing
import WegwijsCore

/// The guarantees of the README's "What Wegwijs guarantees": nothing lost, nothing corrupt,
/// nothing crashes, under kills, concurrency, disk trouble, hostile input and signals.
@Suite("Reliability under faults and bad input", .serialized)
struct ReliabilityTests {
    let fixture = Wegwijs.fixture("branching.json")
    let uwv = Wegwijs.course("uwv-sociale-media.json")

    /// Every visible record file parses; ended attempts replay to the end of the course and
    /// match their recomputed score; in-progress files replay along the route.
    func checkRecords(under folder: URL, course: LoadedCourse) throws {
        var ended: [String: String] = [:]
        for file in Wegwijs.files(under: folder) {
            let path = folder.appendingPathComponent(file)
            #expect(file.hasSuffix(".json"), "only record files are visible: \(file)")
            let record = try CompletionRecord.decode(Data(contentsOf: path))
            let attempt = try Attempt(course: course.course, seed: record.seed, drawn: record.drawn, refresher: record.refresher?.scenarios,
                                      order: record.order, replaying: record.answers)
            switch record.status {
            case .passed, .failed:
                #expect(attempt.isFinished, "\(file) is an ended attempt with every answer")
                // SPEC §9: exactly one ended record per attempt, whatever moment a kill struck.
                #expect(ended.updateValue(file, forKey: record.attemptId) == nil, "\(file) repeats attempt \(record.attemptId)")
                let sheet = attempt.scoreSheet
                #expect(record.status == (sheet.passed ? .passed : .failed))
                #expect(record.score.earned == sheet.earned && record.score.possible == sheet.possible)
                #expect(!file.hasSuffix("in-progress.json"))
            case .inProgress:
                // It may hold every answer: the last answer is saved before the acknowledgement
                // is asked and the ended record written; a rerun then ends it (AttemptSession).
                #expect(file.hasSuffix("/in-progress.json"))
            case .abandoned:
                break
            }
        }
        for hidden in Wegwijs.files(under: folder, includingHidden: true) where !Wegwijs.files(under: folder).contains(hidden) {
            let name = (hidden as NSString).lastPathComponent
            // The lock, and temp files of writes cut short (including the writability probe).
            #expect(name == ".lock" || name.hasSuffix(".tmp"), "unexpected hidden file \(hidden)")
        }
    }

    @Test("SIGKILL at 60 random moments never leaves a corrupt or partial record, and a rerun resumes")
    func killedRuns() throws {
        let records = try Wegwijs.temporaryFolder("kill")
        let course = try CourseLoader.load(path: uwv)
        let answers = String(repeating: "a\n", count: 60)
        let seed = FuzzSeed.value(default: 60)
        var random = SplitMix64(seed: seed)

        // How long a whole piped run takes here, so the kills land all over it.
        let start = Date()
        _ = try Wegwijs.run(["run", uwv, "--learner", "calibrate", "--records", records.path], input: answers)
        let duration = max(Date().timeIntervalSince(start), 0.02)

        for round in 0..<60 {
            let session = try PipedSession(["run", uwv, "--learner", "k\(round % 6)", "--records", records.path])
            session.send(answers)
            usleep(UInt32(Double(random.next() % 1000) / 1000 * duration * 1_000_000))
            kill(session.process.processIdentifier, SIGKILL)
            let status = session.exitStatus()
            #expect([0, 2, 128 + SIGKILL].contains(status), "round \(round) (seed \(seed)): exit \(status)\n\(session.stderr)")
        }
        try checkRecords(under: records, course: course)

        // A rerun for every learner finishes, resuming any attempt that was under way.
        for learner in 0..<6 {
            let inProgress = records.appendingPathComponent("uwv-sociale-media/k\(learner)/in-progress.json")
            let saved = try? CompletionRecord.decode(Data(contentsOf: inProgress))
            // A kill between writing the ended record and removing in-progress.json leaves both:
            // the rerun then only finishes the clean-up (one ended record per attempt, SPEC §9).
            func endedAttempts() throws -> [String] {
                try Wegwijs.files(under: records).filter { $0.contains("/k\(learner)/") && !$0.hasSuffix("in-progress.json") }.map {
                    try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent($0))).attemptId
                }
            }
            let endedBefore = try endedAttempts()
            let result = try Wegwijs.run(["run", uwv, "--learner", "k\(learner)", "--records", records.path], input: answers)
            #expect([0, 2].contains(result.status), "\(result.stderr)")
            if let saved, endedBefore.contains(saved.attemptId) {
                #expect(!result.stdout.contains("Je gaat verder"))
                #expect(try endedAttempts().filter { $0 == saved.attemptId }.count == 1)
            } else if let saved {
                #expect(result.stdout.contains("Je gaat verder waar je was gebleven (\(saved.answers.count) beantwoord)"))
                let ended = try Wegwijs.files(under: records).filter { $0.contains("/k\(learner)/") }.map {
                    try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent($0)))
                }
                #expect(ended.contains { $0.attemptId == saved.attemptId && $0.answers.prefix(saved.answers.count) == saved.answers[...] })
            }
        }
        try checkRecords(under: records, course: course)
    }

    @Test("50 learners plus 10 runs of one learner at once: every record present and valid")
    func concurrentRuns() throws {
        let records = try Wegwijs.temporaryFolder("concurrent")
        let course = try CourseLoader.load(path: fixture)
        let learners = (0..<50).map { "l\($0)" } + Array(repeating: "same", count: 10)
        let statuses = Mutex([Int32]())
        DispatchQueue.concurrentPerform(iterations: learners.count) { index in
            let result = try? Wegwijs.run(["run", fixture, "--learner", learners[index], "--records", records.path],
                                          input: "a\na c\na\n")
            statuses.withLock { $0.append(result?.status ?? -1) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 0, count: 60))
        let files = Wegwijs.files(under: records)
        #expect(files.count == 60)
        #expect(files.filter { $0.contains("/same/") }.count == 10, "one learner's attempts never overwrite each other")
        #expect(!files.contains { $0.hasSuffix("in-progress.json") })
        try checkRecords(under: records, course: course)
    }

    enum DiskFault: String, CaseIterable {
        case folderRemoved, folderReplacedByFile, recordPathBlocked, folderReadOnly
    }

    /// Makes a folder read-only for everyone: permission bits for a normal user, and for root
    /// (who ignores them) a read-only bind mount of the folder onto itself. Returns the undo.
    func makeReadOnly(_ folder: URL) throws -> () -> Void {
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            return { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        }
        func mount(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/mount")
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "mount \(arguments)")
        }
        try mount(["--bind", folder.path, folder.path])
        try mount(["-o", "remount,ro,bind", folder.path])
        return {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/umount")
            process.arguments = [folder.path]
            try? process.run()
            process.waitUntilExit()
        }
    }

    @Test("the records folder breaking mid-run gives a clear message and exit 74", arguments: DiskFault.allCases)
    func diskTrouble(fault: DiskFault) throws {
        let records = try Wegwijs.temporaryFolder("disk")
        let session = try PipedSession(["run", fixture, "--learner", "d1", "--records", records.path])
        try session.waitFor("Je antwoord (a-c): ")
        session.send("a")
        try session.waitFor("Situatie 2 van 3")
        try session.waitFor("Je antwoord (a-c): ", count: 2)
        let learnerFolder = records.appendingPathComponent("test-branching/d1")
        var undo: () -> Void = {}
        switch fault {
        case .folderRemoved:
            try FileManager.default.removeItem(at: records)
        case .folderReplacedByFile:
            try FileManager.default.removeItem(at: learnerFolder)
            try Data("not a folder".utf8).write(to: learnerFolder)
        case .recordPathBlocked:
            // A folder where the in-progress file goes: no write can replace it.
            let inProgress = learnerFolder.appendingPathComponent("in-progress.json")
            try FileManager.default.removeItem(at: inProgress)
            try FileManager.default.createDirectory(at: inProgress, withIntermediateDirectories: false)
        case .folderReadOnly:
            undo = try makeReadOnly(learnerFolder)
        }
        defer { undo() }
        session.send("a c")
        #expect(session.exitStatus() == 74)
        #expect(session.stderr.contains("Je antwoorden konden niet worden opgeslagen"), "\(session.stderr)")
        #expect(session.stderr.contains("Je laatste antwoord is niet bewaard"))
        #expect(!session.stdout.contains("Situatie 3 van 3"), "the learner is not asked on after a failed save")
        if fault == .folderReadOnly {
            undo()
            undo = {}
            let saved = try CompletionRecord.decode(Data(contentsOf: learnerFolder.appendingPathComponent("in-progress.json")))
            #expect(saved.answers.map(\.options) == [["goed"]], "the answers saved before are intact")
            #expect(try FileManager.default.contentsOfDirectory(atPath: learnerFolder.path).sorted() == [".lock", "in-progress.json"])
        }
        if fault == .recordPathBlocked {
            // Nothing half-written: only the lock and no stray temp file.
            let left = try FileManager.default.contentsOfDirectory(atPath: learnerFolder.path).sorted()
            #expect(left == [".lock", "in-progress.json"], "\(left)")
        }
    }

    @Test("SIGTERM and SIGHUP keep the answers given, like Ctrl-C", arguments: [SIGTERM, SIGHUP])
    func terminationSignals(signalNumber: Int32) throws {
        let records = try Wegwijs.temporaryFolder("signal")
        let session = try PipedSession(["run", fixture, "--learner", "s1", "--records", records.path])
        try session.waitFor("Je antwoord (a-c): ")
        session.send("b")
        try session.waitFor("Je antwoord (a-c): ", count: 2)
        kill(session.process.processIdentifier, signalNumber)
        #expect(session.exitStatus(closingInput: false) == 128 + signalNumber)
        let saved = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent("test-branching/s1/in-progress.json")))
        #expect(saved.answers.map(\.options) == [["half"]])
    }

    @Test("text from a course file cannot send escape sequences to the terminal")
    func terminalInjection() throws {
        let folder = try Wegwijs.temporaryFolder("inject")
        var text = try String(contentsOfFile: fixture, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Testcursus\"", with: "\"Test\\u001b]0;pwned\\u0007cursus\"")
            .replacingOccurrences(of: "Iemand vraagt iets op LinkedIn.", with: "Iemand\\u001b[2J vraagt\\u009b iets.")
            .replacingOccurrences(of: "\"Goed antwoord\"", with: "\"Goed\\r\\u001b[1A antwoord\"")
        let course = folder.appendingPathComponent("inject.json")
        try Data(text.utf8).write(to: course)
        let result = try Wegwijs.run(["run", course.path, "--learner", "1", "--records", folder.path], input: "a\n")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || $0 == "\r" })
        #expect(result.stdout.contains("Test\\x1B]0;pwned\\x07cursus"))
        #expect(result.stdout.contains("Iemand\\x1B[2J vraagt\\x9B iets."))
    }

    @Test("seeded fuzzing of answer lines: control characters, escapes, 1 MB lines, invalid UTF-8")
    func fuzzedInput() throws {
        let records = try Wegwijs.temporaryFolder("fuzz")
        let course = try CourseLoader.load(path: fixture)
        let seed = FuzzSeed.value(default: 40)
        var random = SplitMix64(seed: seed)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("b".utf8), Array("a c".utf8), Array("A,C".utf8), Array("stop".utf8), Array("?".utf8),
            Array("richtlijnen".utf8), [0x1B, 0x5B, 0x32, 0x4A], [0x00], [0x07], [0x0D], [0xFF, 0xFE], [0xC3], [0xE2, 0x82],
            Array("\u{202E}".utf8), Array(repeating: UInt8(ascii: "x"), count: 1_048_576), Array(" , ,".utf8), Array("zz".utf8),
        ]
        for round in 0..<40 {
            var input: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                for _ in 0..<Int(1 + random.next() % 3) { input += pieces[Int(random.next() % UInt64(pieces.count))] }
                input.append(0x0A)
            }
            let result = try Wegwijs.run(["run", fixture, "--learner", "f\(round % 4)", "--records", records.path], inputData: Data(input))
            #expect([0, 2, 3].contains(result.status), "round \(round), seed \(seed): exit \(result.status)\n\(result.stderr.prefix(500))")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x00 || $0.value == 0x07 },
                    "round \(round), seed \(seed): control characters reached the output")
        }
        try checkRecords(under: records, course: course)
    }
}
