import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// A course with refreshers: three guidelines, four situations each, one of each drawn per
/// attempt; a refresher of 2 every four months, a pass valid a year.
private enum RefresherCourse {
    static let groups = ["g1": ["s1", "s2", "s3", "s4"], "g2": ["t1", "t2", "t3", "t4"], "g3": ["u1", "u2", "u3", "u4"]]

    static func json(scenarios count: Int = 2, perGuideline: Int = 50) -> String {
        func scenario(_ id: String, guideline: String) -> String {
            #"{"id": "\#(id)", "situation": "Iets gebeurt.", "options": [{"id": "goed", "text": "Goed", "scores": {"\#(guideline)": 2}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"\#(guideline)": 1}, "feedback": "Bijna."}]}"#
        }
        let scenarios = groups.keys.sorted().flatMap { guideline in groups[guideline]!.map { scenario($0, guideline: guideline) } }
        let pools = groups.keys.sorted().map { guideline in
            #"{"id": "p\#(guideline)", "draw": 1, "scenarios": [\#(groups[guideline]!.map { "\"\($0)\"" }.joined(separator: ", "))]}"#
        }
        return """
        {"format": "wegwijs.course/1", "id": "opfris", "version": "1", "language": "nl", "title": "Opfris",
         "passing": {"overall": 60, "perGuideline": \(perGuideline)}, "validFor": "P1Y",
         "refresher": {"every": "P4M", "scenarios": \(count)},
         "pools": [\(pools.joined(separator: ", "))],
         "guidelines": [{"id": "g1", "title": "G1", "summary": "S1."}, {"id": "g2", "title": "G2", "summary": "S2."}, {"id": "g3", "title": "G3", "summary": "S3."}],
         "scenarios": [\(scenarios.joined(separator: ",\n"))]}
        """
    }

    static func guideline(of scenario: String) -> String? { groups.first { $0.value.contains(scenario) }?.key }
}

private func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
private func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

/// A records folder and course file of its own.
private final class Learner {
    let folder = TestFolders.path("wegwijs-refresher")
    let loaded: LoadedCourse
    var records: String { folder.appendingPathComponent("records").path }

    init(scenarios: Int = 2, perGuideline: Int = 50) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("opfris.json").path
        try Data(RefresherCourse.json(scenarios: scenarios, perGuideline: perGuideline).utf8).write(to: URL(fileURLWithPath: path))
        loaded = try CourseLoader.load(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Takes the course (or the refresher that is due) at `time`: the best answer, except
    /// `matig` in the situations of `weak`. Returns the session after the ended record is written.
    @discardableResult
    func take(at time: String, weak: Set<String> = []) throws -> AttemptSession {
        let session = AttemptSession(loaded: loaded, settings: SessionSettings(learnerID: "123", learnerName: nil, language: "nl",
                                                                              restart: false, store: RecordStore(root: records)),
                                     clock: { date(time) })
        _ = try session.open(waiting: {})
        try session.start()
        while let scenario = session.attempt.currentScenario {
            let guideline = RefresherCourse.guideline(of: scenario.id) ?? ""
            _ = try session.answer([weak.contains(guideline) ? "matig" : "goed"])
        }
        _ = try session.finish()
        session.close()
        return session
    }

    var ended: [CompletionRecord] { RecordStore(root: records).endedRecords(course: "opfris", learner: "123") }

    /// The path of the ended record of an attempt.
    func path(of attemptID: String) throws -> String {
        let folder = records + "/opfris/123"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return false }
            return (try? CompletionRecord.decode(data))?.attemptId == attemptID
        })
        return folder + "/" + name
    }
}

@Suite("refreshers: when they fall due, how they keep a pass valid, what they show")
struct RefresherTests {
    // MARK: - The schedule

    private static func schedule(passes: [String] = [], validFor: String? = "P1Y") -> RefresherSchedule {
        RefresherSchedule(every: ISODuration("P4M")!, validFor: validFor.flatMap(ISODuration.init), passedAt: day("2026-03-01"),
                          refresherPasses: passes.map(day))!
    }

    @Test("refreshers fall due every period after the pass, counted from the pass each time")
    func dueDays() {
        let schedule = Self.schedule()
        #expect(schedule.dueDay(1) == day("2026-07-01"))
        #expect(schedule.dueDay(2) == day("2026-11-01"))
        #expect(schedule.dueDay(3) == day("2027-03-01"))
        #expect(RefresherSchedule(every: ISODuration("P1M")!, validFor: nil, passedAt: day("2026-01-31"), refresherPasses: [])!.dueDay(2)
            == day("2026-03-31"))
        #expect(RefresherSchedule(every: ISODuration(days: 0), validFor: nil, passedAt: day("2026-01-31"), refresherPasses: []) == nil)
    }

    @Test("the due rule: nothing before the due day, due on it, satisfied by a pass on or after it, overdue a period later")
    func dueRule() {
        let none = Self.schedule()
        #expect(none.state(on: day("2026-06-30")) == .upToDate(next: day("2026-07-01")))
        #expect(none.state(on: day("2026-07-01")) == .outstanding(since: day("2026-07-01"), latest: day("2026-07-01"), missedPeriods: 0))
        #expect(none.state(on: day("2026-11-01")) == .outstanding(since: day("2026-07-01"), latest: day("2026-11-01"), missedPeriods: 1))
        let kept = Self.schedule(passes: ["2026-07-20"])
        #expect(kept.state(on: day("2026-08-01")) == .upToDate(next: day("2026-11-01")))
        #expect(kept.state(on: day("2026-11-01")) == .outstanding(since: day("2026-11-01"), latest: day("2026-11-01"), missedPeriods: 0))
        // A late refresher catches up on the missed due day too.
        #expect(Self.schedule(passes: ["2026-11-05"]).state(on: day("2026-11-06")) == .upToDate(next: day("2027-03-01")))
        // An expired pass has no refresher: the whole course again.
        #expect(none.state(on: day("2027-03-02")) == .expired)
    }

    @Test("the validity rule: the refresher of the last period before expiry renews the pass; any other leaves expiry as it is")
    func validityRule() {
        #expect(Self.schedule().expiresAt == day("2027-03-01"))
        #expect(Self.schedule(passes: ["2026-07-02"]).expiresAt == day("2027-03-01"))
        #expect(Self.schedule(passes: ["2026-10-31"]).expiresAt == day("2027-03-01"))
        #expect(Self.schedule(passes: ["2026-11-01"]).expiresAt == day("2028-03-01"))
        #expect(Self.schedule(passes: ["2027-03-01"]).expiresAt == day("2028-03-01"))
        #expect(Self.schedule(passes: ["2027-03-02"]).expiresAt == day("2027-03-01"))
        // Keeping up renews year after year; the renewing refresher of the second year is the one of 2027-11-01.
        #expect(Self.schedule(passes: ["2026-07-02", "2026-11-02", "2027-03-03", "2027-07-01", "2027-11-01"]).expiresAt == day("2029-03-01"))
        #expect(Self.schedule(passes: ["2026-11-02", "2027-10-31"]).expiresAt == day("2028-03-01"))
        #expect(Self.schedule(validFor: nil).expiresAt == nil)
        // After a renewal the pass is valid, and the next refresher is due on schedule.
        #expect(Self.schedule(passes: ["2026-11-02"]).state(on: day("2027-03-05"))
            == .outstanding(since: day("2027-03-01"), latest: day("2027-03-01"), missedPeriods: 0))
    }

    // MARK: - The choice of situations

    @Test("a follow-up reached only through an option, and a situation that scores nothing, are no candidates")
    func candidates() {
        let course = TestCourses.course([
            Scenario(id: "a", situation: TestCourses.text("a"), options: [
                TestCourses.option("x", ["g1": 1], next: .scenario("follow")), TestCourses.option("y", ["g1": 0], next: .scenario("b")),
            ], next: .scenario("b")),
            Scenario(id: "follow", situation: TestCourses.text("f"), options: [TestCourses.option("x", ["g2": 1])], next: .scenario("info")),
            Scenario(id: "info", situation: TestCourses.text("i"), options: [TestCourses.option("x", [:])]),
            Scenario(id: "b", situation: TestCourses.text("b"), options: [TestCourses.option("x", ["g2": 1])]),
        ])
        #expect(RefresherSelection.candidates(in: course).map(\.id) == ["a", "b"])
        // A scenario an option leads to that is also where the course goes by default is on everyone's route.
        var onRoute = course
        onRoute.scenarios[0].next = .scenario("follow")
        #expect(RefresherSelection.candidates(in: onRoute).map(\.id) == ["a", "follow", "b"])
    }

    @Test("a refresher shows only situations not seen before, first from the guideline where points were lost, the same for the same seed")
    func unseenAndWeakestFirst() throws {
        let learner = try Learner()
        try learner.take(at: "2026-03-01T10:00:00Z", weak: ["g2"])
        let earlier = learner.ended
        let seen = Set(earlier.flatMap { $0.answers.map(\.scenario) })
        #expect(RefresherSelection.weakGuidelines(in: learner.loaded.course, earlier: earlier) == ["g2"])
        var others: Set<String> = []
        for seed in UInt64(0)..<40 {
            let chosen = RefresherSelection.choose(course: learner.loaded.course, count: 2, earlier: earlier, seed: seed)
            #expect(chosen.count == 2)
            #expect(seen.isDisjoint(with: chosen), "seed \(seed): \(chosen)")
            #expect(chosen.filter { RefresherCourse.guideline(of: $0) == "g2" }.count == 1, "seed \(seed): \(chosen)")
            others.formUnion(chosen.compactMap(RefresherCourse.guideline).filter { $0 != "g2" })
            #expect(chosen == RefresherSelection.choose(course: learner.loaded.course, count: 2, earlier: earlier, seed: seed))
        }
        #expect(others == ["g1", "g3"], "the other slot goes round the other guidelines")
        // With more points lost, the weak guideline takes half the situations (rounded up).
        let four = RefresherSelection.choose(course: learner.loaded.course, count: 4, earlier: earlier, seed: 3)
        #expect(four.filter { RefresherCourse.guideline(of: $0) == "g2" }.count >= 2, "\(four)")
    }

    @Test("when the unseen situations run out, the least recently seen come next")
    func leastRecentlySeen() throws {
        let learner = try Learner()
        try learner.take(at: "2026-03-01T10:00:00Z")
        try learner.take(at: "2026-03-02T10:00:00Z")
        try learner.take(at: "2026-03-03T10:00:00Z")
        let earlier = learner.ended.sorted { $0.startedAt < $1.startedAt }
        let seen = Set(earlier.flatMap { $0.answers.map(\.scenario) })
        let unseen = RefresherSelection.candidates(in: learner.loaded.course).map(\.id).filter { !seen.contains($0) }
        let oldest = Set(earlier[0].answers.map(\.scenario))
        for seed in UInt64(0)..<10 {
            let chosen = RefresherSelection.choose(course: learner.loaded.course, count: unseen.count + 2, earlier: earlier, seed: seed)
            #expect(Set(unseen).isSubset(of: chosen))
            let fallback = Set(chosen).subtracting(unseen)
            #expect(fallback.count == 2 && fallback.isSubset(of: oldest), "seed \(seed): \(fallback) of \(oldest)")
        }
    }

    // MARK: - The run, its record and verify

    @Test("after a pass, the course runs in full until the refresher is due, then the refresher, recorded as one")
    func runsWhenDue() throws {
        let learner = try Learner()
        let pass = try learner.take(at: "2026-03-01T10:00:00Z")
        #expect(pass.refresher == nil)
        // A failed full attempt in between keeps the pass (and its schedule).
        let early = try learner.take(at: "2026-06-30T10:00:00Z", weak: ["g1", "g2", "g3"])
        #expect(early.refresher == nil && early.attempt.answers.count == 3 && early.endedRecord?.status == .failed)
        let seen = Set(learner.ended.flatMap { $0.answers.map(\.scenario) })
        let refresher = try learner.take(at: "2026-07-01T09:00:00Z")
        let mark = try #require(refresher.refresher)
        #expect(mark.due == "2026-07-01")
        #expect(mark.scenarios.count == 2 && refresher.attempt.answers.map(\.scenario) == mark.scenarios)
        #expect(seen.isDisjoint(with: mark.scenarios))
        let record = try #require(refresher.endedRecord)
        #expect(record.refresher == mark && record.drawn == nil && record.status == .passed)
        #expect(Set(mark.earlierAttempts) == Set([pass.attemptID, early.attemptID]))
        // The refresher of this period is passed: the next run is the full course again.
        #expect(try learner.take(at: "2026-07-02T09:00:00Z").refresher == nil)
        // Its facts say it is a refresher; it is not a new full-course pass.
        let bytes = try RecordFiles.contents(of: try learner.path(of: record.attemptId))
        #expect(try RecordFacts.extract(from: JSONParser.parse(bytes)).isRefresher)
        var tally = AttemptTally()
        for ended in learner.ended {
            tally.add(try RecordFacts.extract(from: JSONParser.parse(Array(try ended.encoded()))), asOf: nil)
        }
        #expect(tally.lastPass == Int64(date("2026-07-02T09:00:00Z").timeIntervalSince1970))
        #expect(tally.refresherPasses == [Int64(date("2026-07-01T09:00:00Z").timeIntervalSince1970)])
    }

    @Test("verify replays a refresher's choice and finds a tampered one")
    func verifyReplays() throws {
        let learner = try Learner()
        try learner.take(at: "2026-03-01T10:00:00Z", weak: ["g3"])
        let refresher = try learner.take(at: "2026-07-03T09:00:00Z")
        let path = try learner.path(of: refresher.attemptID)
        func problems(_ bytes: [UInt8]) -> [VerifyProblem] {
            var verifier = RecordVerifier(courses: [learner.loaded], signer: nil)
            return verifier.check(bytes: bytes, path: path)
        }
        let sound = try RecordFiles.contents(of: path)
        #expect(problems(sound).isEmpty, "\(problems(sound))")

        // The same situations in another order, answers and all: scores and route still fit,
        // but the seed does not choose this order.
        var swapped = try CompletionRecord.decode(Data(sound))
        swapped.refresher?.scenarios.reverse()
        swapped.answers.reverse()
        let found = problems(Array(try swapped.encoded()))
        #expect(found.map(\.kind) == [.refresher], "\(found)")
        #expect(found.first?.message.contains("its seed and the earlier attempts choose") == true)

        // Leaving out an earlier attempt is found too.
        var shortened = try CompletionRecord.decode(Data(sound))
        shortened.refresher?.earlierAttempts = []
        #expect(problems(Array(try shortened.encoded())).contains { $0.kind == .refresher && $0.message.contains("leaves it out") })

        // A refresher that was not due: the same record dated before the due day.
        var early = try CompletionRecord.decode(Data(sound))
        early.startedAt = date("2026-06-01T09:00:00Z")
        #expect(problems(Array(try early.encoded())).contains { $0.kind == .refresher && $0.message.contains("no refresher was due") })
    }

    @Test("the record format's reader refuses a broken refresher block", arguments: [
        (#"{"due": "1 juli", "seed": 1, "scenarios": ["s1"], "earlierAttempts": []}"#, "refresher.due"),
        (#"{"due": "2026-07-01", "seed": -1, "scenarios": ["s1"], "earlierAttempts": []}"#, "refresher.seed"),
        (#"{"due": "2026-07-01", "seed": 1, "scenarios": [], "earlierAttempts": []}"#, "names no situations"),
        (#"{"due": "2026-07-01", "seed": 1, "scenarios": ["s1"]}"#, "refresher.earlierAttempts"),
        (#""ja""#, "refresher is not an object"),
    ])
    func brokenBlock(_ block: String, _ message: String) throws {
        let learner = try Learner()
        let session = try learner.take(at: "2026-03-01T10:00:00Z")
        var text = String(decoding: try RecordFiles.contents(of: try learner.path(of: session.attemptID)), as: UTF8.self)
        text = text.replacingOccurrences(of: #""format" :"#, with: #""refresher": \#(block), "format" :"#)
        #expect(text.contains("refresher"))
        let root = try JSONParser.parse(Array(text.utf8))
        do {
            _ = try RecordFacts.read(root)
            Issue.record("a broken refresher block was read")
        } catch {
            #expect(error.reason.contains(message), "\(error.reason)")
        }
    }

    // MARK: - The report

    @Test("report: refresher-due, refresher-overdue and refresher_due from the same rule, renewals in expires_at")
    func reportStatuses() {
        let terms = CourseTerms(id: "c", validFor: ISODuration("P1Y"), refresherEvery: ISODuration("P4M"))
        var tally = AttemptTally()
        tally.add(RecordFacts(learnerID: "1", courseID: "c", status: .passed, startedAt: Int64(date("2026-03-01T09:00:00Z").timeIntervalSince1970),
                              finishedAt: Int64(date("2026-03-01T10:00:00Z").timeIntervalSince1970)), asOf: nil)
        func judged(_ asOf: String, _ tally: AttemptTally) -> (ReportStatus, String?, String?) {
            let result = HRReport.judge(tally: tally, terms: terms, startDate: nil, asOf: day(asOf))
            return (result.status, result.refresherDue?.description, result.expiresAt?.description)
        }
        #expect(judged("2026-06-30", tally) == (.passed, "2026-07-01", "2027-03-01"))
        #expect(judged("2026-07-01", tally) == (.refresherDue, "2026-07-01", "2027-03-01"))
        #expect(judged("2026-11-01", tally) == (.refresherOverdue, "2026-07-01", "2027-03-01"))
        #expect(judged("2027-03-02", tally) == (.expired, nil, "2027-03-01"))
        var refreshed = tally
        var facts = RecordFacts(learnerID: "1", courseID: "c", status: .passed, percent: 50, startedAt: Int64(date("2026-11-02T09:00:00Z").timeIntervalSince1970),
                                finishedAt: Int64(date("2026-11-02T10:00:00Z").timeIntervalSince1970))
        facts.isRefresher = true
        refreshed.add(facts, asOf: nil)
        #expect(refreshed.bestPercent == nil, "a refresher's percentage is not the course's")
        #expect(judged("2026-12-01", refreshed) == (.passed, "2027-03-01", "2028-03-01"))
        #expect(judged("2027-03-02", refreshed) == (.refresherDue, "2027-03-01", "2028-03-01"))
        // Without refreshers in the course, none of this shows.
        let plain = HRReport.judge(tally: tally, terms: CourseTerms(id: "c", validFor: ISODuration("P1Y")), startDate: nil, asOf: day("2026-11-01"))
        #expect(plain.status == .passed && plain.refresherDue == nil)
    }

    // MARK: - A retake that works on what went wrong

    @Test("after a failed attempt the retake starts with unseen situations of the failed guideline, recorded as its order, checked by verify")
    func retakeStartsWithWhatFailed() throws {
        let learner = try Learner(perGuideline: 60)
        let failed = try learner.take(at: "2026-03-01T10:00:00Z", weak: ["g2"])
        #expect(failed.endedRecord?.status == .failed && failed.attempt.order == nil)
        #expect(RetakeOrder.failedGuidelines(in: learner.loaded.course, earlier: learner.ended) == ["g2"])
        let seen = Set(learner.ended.flatMap { $0.answers.map(\.scenario) })

        let retake = try learner.take(at: "2026-03-01T11:00:00Z")
        let order = try #require(retake.attempt.order)
        #expect(retake.retakeGuidelines == ["g2"])
        #expect(RefresherCourse.guideline(of: order[0]) == "g2" && !seen.contains(order[0]), "\(order)")
        #expect(order.dropFirst().compactMap(RefresherCourse.guideline) == ["g1", "g3"], "the rest in the course's order")
        #expect(retake.attempt.answers.map(\.scenario) == order && retake.endedRecord?.order == order)
        #expect(retake.endedRecord?.status == .passed)

        // verify accepts the order, and refuses one that is not the situations the draw shows.
        let path = try learner.path(of: retake.attemptID)
        var verifier = RecordVerifier(courses: [learner.loaded], signer: nil)
        let sound = try RecordFiles.contents(of: path)
        #expect(verifier.check(bytes: sound, path: path).isEmpty)
        var tampered = try CompletionRecord.decode(Data(sound))
        tampered.order = Array(order.dropLast()) + ["s4"]
        var again = RecordVerifier(courses: [learner.loaded], signer: nil)
        let found = again.check(bytes: Array(try tampered.encoded()), path: path)
        #expect(found.contains { $0.kind == .offRoute && $0.message.contains("does not hold exactly the situations the draw shows") }, "\(found)")

        // After a pass, the course's own order again.
        #expect(try learner.take(at: "2026-03-01T12:00:00Z").attempt.order == nil)
    }

    @Test("a course whose links fix its order keeps its route on a retake; follow-ups do not fix it")
    func retakeKeepsLinks() {
        var course = TestCourses.course([
            Scenario(id: "a", situation: TestCourses.text("a"), options: [TestCourses.option("x", ["g1": 1], next: .scenario("c")),
                                                                       TestCourses.option("y", ["g1": 0])]),
            Scenario(id: "b", situation: TestCourses.text("b"), options: [TestCourses.option("x", ["g2": 1])]),
            Scenario(id: "c", situation: TestCourses.text("c"), options: [TestCourses.option("x", ["g1": 1])]),
        ])
        let sheet = Scoring.scoreSheet(for: course, answers: [])
        #expect(!course.isLinear)
        let attempt = Attempt(course: course)
        var record = CompletionRecord(attempt: attempt, attemptID: "x", learner: .init(id: "1", name: nil),
                                      course: CompletionRecord.CourseReference(LoadedCourse(course: course, sha256: "", structure: "", path: "t", warnings: [])),
                                      language: "nl", startedAt: Date(), finishedAt: Date())
        record.status = .failed
        record.guidelines = sheet.guidelines.map { score in
            CompletionRecord.GuidelineResult(GuidelineScore(id: score.id, earned: score.id == "g1" ? 1 : 0, possible: 1))
        }
        // Option x jumps from a over b to c along the main route: only the course's order works.
        #expect(!course.isReorderable)
        #expect(RetakeOrder.order(course: course, drawn: nil, earlier: [record]) == nil)
        course.scenarios[0].options[0].next = nil
        #expect(RetakeOrder.order(course: course, drawn: nil, earlier: [record]) == ["b", "a", "c"])
    }

    @Test("stats leaves refreshers out and counts them")
    func statsLeavesRefreshersOut() throws {
        let learner = try Learner()
        try learner.take(at: "2026-03-01T10:00:00Z")
        try learner.take(at: "2026-07-01T10:00:00Z")
        let subject = StatisticsCourse(course: learner.loaded.course, sha256: learner.loaded.sha256, structure: learner.loaded.structure)
        var tally = ItemTally(course: learner.loaded.course)
        for record in learner.ended {
            tally.add(try AttemptFacts.extract(from: JSONParser.parse(Array(try record.encoded()))), course: subject, since: nil)
        }
        #expect(learner.ended.contains { $0.refresher != nil })
        #expect(tally.attempts == 1 && tally.refreshers == 1)
    }
}
