import Foundation
import TestSupport
import Testing
import WegwijsCore

/// Refreshers from the built binary, the clock moved with `faketime`: a pass, then a run after
/// the refresher is due, recorded, reported and verified as a refresher.
@Suite("Refreshers from the built binary")
struct RefresherEndToEndTests {
    /// Two guidelines, three situations each in a pool of which an attempt draws one; option
    /// `a` is always best. A refresher of 2 every four months, a pass valid a year.
    static let course = """
    {"format": "wegwijs.course/1", "id": "opfris", "version": "1", "language": "nl", "title": "Opfris",
     "passing": {"overall": 60, "perGuideline": 50}, "validFor": "P1Y",
     "refresher": {"every": "P4M", "scenarios": 2},
     "pools": [{"id": "p1", "draw": 1, "scenarios": ["s1", "s2", "s3"]}, {"id": "p2", "draw": 1, "scenarios": ["t1", "t2", "t3"]}],
     "guidelines": [{"id": "g1", "title": "Eerste", "summary": "S1."}, {"id": "g2", "title": "Tweede", "summary": "S2."}],
     "scenarios": [\(["s1", "s2", "s3", "t1", "t2", "t3"].map { id in
        let guideline = id.hasPrefix("s") ? "g1" : "g2"
        return #"{"id": "\#(id)", "title": "Situatie \#(id)", "situation": "Iets gebeurt.", "options": [{"id": "goed", "text": "Goed", "scores": {"\#(guideline)": 2}}, {"id": "matig", "text": "Matig", "scores": {"\#(guideline)": 1}}]}"#
     }.joined(separator: ",\n"))]}
    """

    func setUp() throws -> (course: String, records: URL) {
        let folder = try Wegwijs.temporaryFolder("refresher")
        let path = folder.appendingPathComponent("opfris.json").path
        try Data(Self.course.utf8).write(to: URL(fileURLWithPath: path))
        return (path, folder.appendingPathComponent("records"))
    }

    func run(at time: String, course: String, records: URL, input: String) throws -> BoundedResult {
        try HostileFolderTests.runUnderFaketime(["-f", "@" + time], ["run", course, "--learner", "123", "--records", records.path, "--plain"],
                                                input: input)
    }

    func records(_ folder: URL) throws -> [(path: String, record: CompletionRecord)] {
        // In the order they were made (two runs within a second have names in no set order).
        try Wegwijs.files(under: folder).filter { $0.hasSuffix(".json") }.map { file in
            (folder.appendingPathComponent(file).path, try CompletionRecord.decode(Data(contentsOf: folder.appendingPathComponent(file))))
        }.sorted { $0.record.startedAt < $1.record.startedAt }
    }

    @Test("--full-course while a refresher is due: the whole course, no refresher mark, a new pass and a new certificate")
    func fullCourseWhileDue() throws {
        let (course, folder) = try setUp()
        let pass = try run(at: "2026-03-01 10:00:00", course: course, records: folder, input: "a\na\n")
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        let full = try HostileFolderTests.runUnderFaketime(
            ["-f", "@2026-07-02 10:00:00"], ["run", course, "--learner", "123", "--records", folder.path, "--plain", "--full-course"],
            input: "a\na\n")
        #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
        #expect(!full.stdout.contains("Opfrisser") && full.stdout.contains("Situatie 1 van 2") && full.stdout.contains("certificaat"),
                "\(full.stdout)")
        let ended = try records(folder)
        try #require(ended.count == 2)
        #expect(ended[1].record.refresher == nil && ended[1].record.status == .passed && ended[1].record.drawn?.count == 2)
        // The new pass is valid a year from July, and its first refresher falls due four months on.
        let report = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2026-07-03", "--format", "csv"])
        #expect(report.stdout.contains("123,,,opfris,passed,100.0,2,2026-07-02,2026-07-02,2027-07-02,,,2026-11-02\r\n"), "\(report.stdout)")
        // Without the flag the same moment would have run the refresher.
        let (course2, folder2) = try setUp()
        _ = try run(at: "2026-03-01 10:00:00", course: course2, records: folder2, input: "a\na\n")
        let refresher = try run(at: "2026-07-02 10:00:00", course: course2, records: folder2, input: "a\na\n")
        #expect(refresher.stdout.contains("Opfrisser"))
    }

    @Test("pass, then a due refresher: 2 unseen situations, recorded and reported as a refresher, verified, tampering found")
    func passThenRefresher() throws {
        let (course, folder) = try setUp()
        let pass = try run(at: "2026-03-01 10:00:00", course: course, records: folder, input: "a\na\n")
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(pass.stdout.contains("Situatie 1 van 2") && !pass.stdout.contains("Opfrisser") && pass.stdout.contains("certificaat"))

        let refresher = try run(at: "2026-07-02 10:00:00", course: course, records: folder, input: "a\na\n")
        #expect(refresher.status == 0, "\(refresher.stdout)\(refresher.stderr)")
        #expect(refresher.stdout.contains("Opfrisser"))
        let screen = refresher.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("sinds 01-07-2026 is het tijd voor een opfrisser. Dit is geen hele cursus maar 2 korte situaties"),
                "\(refresher.stdout)")
        #expect(refresher.stdout.contains("Geslaagd voor de opfrisser!"))
        #expect(screen.contains("Je resultaat is geldig tot en met 01-03-2027."), "\(refresher.stdout)")
        #expect(!refresher.stdout.contains("Controlecode") && !refresher.stdout.contains("certificaat"), "no certificate for a refresher")

        let ended = try records(folder)
        try #require(ended.count == 2)
        let first = ended[0].record, second = ended[1].record
        #expect(first.refresher == nil)
        let mark = try #require(second.refresher)
        #expect(mark.due == "2026-07-01" && mark.earlierAttempts == [first.attemptId])
        #expect(second.answers.map(\.scenario) == mark.scenarios && mark.scenarios.count == 2)
        #expect(Set(mark.scenarios).isDisjoint(with: first.answers.map(\.scenario)), "only unseen situations")
        #expect(second.drawn == nil && second.status == .passed)

        // The report: the pass holds, the next refresher falls due on 1 November, then it is due.
        let july = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2026-07-02", "--format", "csv"])
        #expect(july.status == 0, "\(july.stderr)")
        #expect(july.stdout.hasPrefix("employee_id,name,department,course,status,best_percent,attempts,last_activity,passed_at,expires_at,due_date,acknowledged_at,refresher_due\r\n"))
        #expect(july.stdout.contains("123,,,opfris,passed,100.0,2,2026-07-02,2026-03-01,2027-03-01,,,2026-11-01\r\n"), "\(july.stdout)")
        let due = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2026-11-02", "--format", "json", "--status", "refresher-due"])
        #expect(due.stdout.contains(#""status": "refresher-due""#) && due.stdout.contains(#""refresher_due": "2026-11-01""#), "\(due.stdout)")
        // Still due when the next falls due on 1 March 2027 (the last day of the pass): overdue.
        let stillDue = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2027-02-28", "--status", "refresher-due"])
        #expect(stillDue.stdout.contains("refresher-due 1"), "\(stillDue.stdout)")
        let overdue = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2027-03-01", "--status", "refresher-overdue"])
        #expect(overdue.stdout.contains("refresher-overdue 1") && overdue.stdout.contains("2026-11-01"), "\(overdue.stdout)")
        let none = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2026-07-02", "--status", "refresher-due"])
        #expect(none.stdout.contains("refresher-due 0") && !none.stdout.contains("123 "), "\(none.stdout)")
        // The records state the period: without the course file the report knows the refreshers too.
        let fromRecords = try Wegwijs.run(["report", folder.path, "--as-of", "2026-11-02", "--format", "csv"])
        #expect(fromRecords.stdout == "employee_id,name,department,course,status,best_percent,attempts,last_activity,passed_at,expires_at,due_date,acknowledged_at,refresher_due\r\n"
                + "123,,,opfris,refresher-due,100.0,2,2026-07-02,2026-03-01,2027-03-01,,,2026-11-01\r\n", "\(fromRecords.stdout)\(fromRecords.stderr)")
        #expect(first.course.refresherEvery == "P4M" && second.course.refresherEvery == "P4M")
        let page = try Wegwijs.run(["report", folder.path, "--course", course, "--as-of", "2026-11-02", "--format", "html", "--lang", "en"])
        #expect(page.stdout.contains(#"data-status="refresher-due" data-count="1""#) && page.stdout.contains("Refresher due"), "html")
        #expect(page.stdout.contains(#"id="p-refresher-due""#))

        // verify replays the choice; the same situations in another order are not what the seed chose.
        let verified = try Wegwijs.run(["verify", folder.path, "--course", course])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        var tampered = second
        tampered.refresher?.scenarios.reverse()
        tampered.answers.reverse()
        try tampered.encoded().write(to: URL(fileURLWithPath: ended[1].path))
        let caught = try Wegwijs.run(["verify", folder.path, "--course", course])
        #expect(caught.status == 65)
        #expect(caught.stderr.contains("refresher.scenarios are \(mark.scenarios.reversed().joined(separator: ", ")), but its seed and the earlier attempts choose \(mark.scenarios.joined(separator: ", "))"),
                "\(caught.stderr)")

        // A refresher period edited in a record (to push the next refresher back) is caught too.
        var stretched = first
        stretched.course.refresherEvery = "P12M"
        try stretched.encoded().write(to: URL(fileURLWithPath: ended[0].path))
        let period = try Wegwijs.run(["verify", ended[0].path, "--course", course])
        #expect(period.status == 65)
        #expect(period.stderr.contains("differs from the course file: version 1, validFor P1Y, dueWithinDays none, refresherEvery P12M in the record, version 1, validFor P1Y, dueWithinDays none, refresherEvery P4M in the course"),
                "\(period.stdout)\(period.stderr)")
        // A record made before records stated the period is not held to it.
        stretched.course.refresherEvery = nil
        try stretched.encoded().write(to: URL(fileURLWithPath: ended[0].path))
        let older = try Wegwijs.run(["verify", ended[0].path, "--course", course])
        #expect(older.status == 0, "\(older.stdout)\(older.stderr)")
    }

    @Test("before the due day the whole course runs; after the pass expired too")
    func notDue() throws {
        let (course, folder) = try setUp()
        #expect(try run(at: "2026-03-01 10:00:00", course: course, records: folder, input: "a\na\n").status == 0)
        let early = try run(at: "2026-06-30 10:00:00", course: course, records: folder, input: "b\nb\n")
        #expect(early.status == 2 && !early.stdout.contains("Opfrisser"), "\(early.stdout)")
        // A failed refresher stays due, with a next step; the next run is a refresher again.
        let failed = try run(at: "2026-07-02 10:00:00", course: course, records: folder, input: "b\nb\n")
        #expect(failed.status == 2 && failed.stdout.contains("De opfrisser blijft openstaan."), "\(failed.stdout)")
        let again = try run(at: "2026-07-03 10:00:00", course: course, records: folder, input: "a\na\n")
        #expect(again.status == 0 && again.stdout.contains("Geslaagd voor de opfrisser!"), "\(again.stdout)")
        let expired = try run(at: "2027-03-05 10:00:00", course: course, records: folder, input: "a\na\n")
        #expect(expired.status == 0 && !expired.stdout.contains("Opfrisser") && expired.stdout.contains("Situatie 1 van 2"), "\(expired.stdout)")
    }

    @Test("the UWV course: a pass, and four months later a refresher of 4 situations the learner has not seen")
    func bundledCourse() throws {
        let folder = try Wegwijs.temporaryFolder("refresher-uwv")
        let course = Wegwijs.packageRoot.appendingPathComponent("courses/uwv-sociale-media.json").path
        let script = Wegwijs.packageRoot.appendingPathComponent("packaging/answer-best.py").path
        func take(at time: String) throws -> BoundedResult {
            try HostileFolderTests.runUnderFaketime(["-f", "@" + time], ["python3", script, course, "--", Wegwijs.executable.path, "run",
                                                                        "--learner", "7", "--records", folder.path], input: nil)
        }
        let pass = try take(at: "2026-03-01 10:00:00")
        #expect(pass.status == 0, "\(pass.stdout.suffix(400))\(pass.stderr)")
        let refresher = try take(at: "2026-07-01 10:00:00")
        #expect(refresher.status == 0, "\(refresher.stdout.suffix(400))\(refresher.stderr)")
        #expect(refresher.stdout.replacingOccurrences(of: "\n", with: " ").contains("not the whole course but 4 short situations"))
        let ended = try records(folder)
        try #require(ended.count == 2)
        let mark = try #require(ended[1].record.refresher)
        #expect(mark.scenarios.count == 4 && ended[1].record.answers.count == 4)
        #expect(Set(mark.scenarios).isDisjoint(with: ended[0].record.answers.map(\.scenario)))
        let verified = try Wegwijs.run(["verify", folder.path])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test("a fail, then a retake: the fail screen says what next, and the retake starts with the guideline that failed")
    func retake() throws {
        let (course, folder) = try setUp()
        // A stricter pass rule: 50 % on the second guideline fails it.
        let strict = Self.course.replacingOccurrences(of: #""perGuideline": 50"#, with: #""perGuideline": 60"#)
        try Data(strict.utf8).write(to: URL(fileURLWithPath: course))
        let failed = try Wegwijs.run(["run", course, "--learner", "5", "--records", folder.path, "--plain"], input: "a\nb\n")
        #expect(failed.status == 2, "\(failed.stdout)")
        let screen = failed.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("Lees nog eens na: Tweede   S2."), "\(failed.stdout)")
        #expect(screen.contains("Je kunt de cursus meteen opnieuw doen: start dezelfde opdracht nog een keer (bijvoorbeeld 'wegwijs')."))
        let retake = try Wegwijs.run(["run", course, "--learner", "5", "--records", folder.path, "--plain"], input: "a\na\n")
        #expect(retake.status == 0, "\(retake.stdout)")
        let shown = retake.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(shown.contains("Je vorige poging haalde het niet. Daarom begin je nu met situaties die je nog niet zag over: 'Tweede'."), "\(retake.stdout)")
        let first = try #require(retake.stdout.components(separatedBy: "Situatie 1 van 2\n").dropFirst().first)
        #expect(first.hasPrefix("Situatie t"), "\(first.prefix(40))")
        // Both runs may start within one second: tell them apart by their outcome.
        let ended = try records(folder).map(\.record)
        let failedRecord = try #require(ended.first { $0.status == .failed })
        let retakeRecord = try #require(ended.first { $0.status == .passed })
        #expect(ended.count == 2 && failedRecord.order == nil)
        #expect(retakeRecord.order?.first == retakeRecord.answers.first?.scenario && retakeRecord.answers.first?.scenario.hasPrefix("t") == true)
        #expect(!Set(failedRecord.answers.map(\.scenario)).contains(retakeRecord.answers[0].scenario))
        let verified = try Wegwijs.run(["verify", folder.path, "--course", course])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }
}
