import Foundation
import Testing
@testable import WegwijsCore

/// `stats --attempts first` in the tally: each learner's earliest ended attempt, whichever
/// worker read it and in whatever order.
@Suite("stats: each learner's first attempt")
struct FirstAttemptTests {
    let loaded: LoadedCourse
    let subject: StatisticsCourse

    init() throws {
        loaded = try CourseLoader.load(path: TestCourses.fixture("stats/course.json"))
        subject = StatisticsCourse(course: loaded.course, sha256: loaded.sha256, structure: loaded.structure)
    }

    /// An ended attempt of learner `learner` on day `day` of March 2026 answering `easy` with `option`.
    func facts(_ learner: String, day: Int, option: String) throws -> AttemptFacts {
        let text = """
        {"format": "wegwijs.record/1", "attemptId": "\(learner)-\(day)", "learner": {"id": "\(learner)"}, "language": "en",
         "course": {"id": "stats-test", "version": "1.0.0", "sha256": "\(loaded.sha256)", "structure": "\(loaded.structure)"},
         "startedAt": "2026-03-0\(day)T09:00:00Z", "finishedAt": "2026-03-0\(day)T09:05:00Z", "status": "passed",
         "score": {"earned": 0, "possible": 0, "percent": null}, "guidelines": [], "criticalChosen": [],
         "answers": [{"scenario": "easy", "options": ["\(option)"], "at": "2026-03-0\(day)T09:01:00Z"}]}
        """
        return try AttemptFacts.extract(from: try JSONParser.parse(Array(text.utf8)))
    }

    /// Per option of `easy`, how often it was chosen.
    func chosen(_ tally: ItemTally, since: CalendarDay? = nil) -> [String: Int] {
        let statistics = ItemStatistics(tally: tally.finished(since: since, table: subject.table), course: subject.course, since: since)
        return Dictionary(uniqueKeysWithValues: statistics.scenarios[0].options.map { ($0.id, $0.chosen) })
    }

    @Test("the earliest attempt wins in one tally, read in either order, and across two merged either way")
    func earliestWins() throws {
        let retake = try facts("1", day: 5, option: "refuse"), first = try facts("1", day: 1, option: "share")
        let expected = ["refuse": 0, "share": 1, "shrug": 0]
        for order in [[retake, first], [first, retake]] {
            var tally = ItemTally(course: subject.course, selection: .first)
            for attempt in order { tally.add(attempt, course: subject, since: nil) }
            #expect(chosen(tally) == expected)
            let done = tally.finished(since: nil, table: subject.table)
            #expect(done.laterAttempts == 1 && done.attempts == 1)
            #expect(done.finished(since: nil, table: subject.table).attempts == 1, "finishing twice counts once")
        }
        var early = ItemTally(course: subject.course, selection: .first), late = early
        early.add(first, course: subject, since: nil)
        late.add(retake, course: subject, since: nil)
        var one = early, other = late
        one.merge(late)
        other.merge(early)
        #expect(chosen(one) == expected && chosen(other) == expected)
        #expect(one.finished(since: nil, table: subject.table).laterAttempts == 1)
        let direct = ItemStatistics(tally: one, course: subject.course)
        #expect(direct.course.attempts == 1 && direct.course.laterAttempts == 1, "the figures finish a tally that was not")
    }

    @Test("with --since the first attempt is chosen first: a retake after the day is still a retake; .all counts it")
    func sinceAfterFirst() throws {
        var first = ItemTally(course: subject.course, selection: .first), all = ItemTally(course: subject.course, selection: .all)
        let day = CalendarDay("2026-03-03")
        for attempt in [try facts("1", day: 1, option: "share"), try facts("1", day: 5, option: "refuse"), try facts("2", day: 4, option: "shrug")] {
            first.add(attempt, course: subject, since: day)
            all.add(attempt, course: subject, since: day)
        }
        #expect(chosen(first, since: day) == ["refuse": 0, "share": 0, "shrug": 1])
        #expect(chosen(all, since: day) == ["refuse": 1, "share": 0, "shrug": 1])
    }
}
