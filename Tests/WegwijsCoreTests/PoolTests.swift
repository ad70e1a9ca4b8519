import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

/// A course file with pools, written to a temp folder so tests can load it like a trainer's file.
private enum PoolCourse {
    /// `start`, then pool `a` (draw 2 of a1…a4), pool `b` (draw 1 of b1, b2), then `end-scenario`.
    static func json(pointsForA: Int = 2, wording: String = "Iets gebeurt.") -> String {
        func scenario(_ id: String, guideline: String, points: Int = 2) -> String {
            #"{"id": "\#(id)", "situation": "\#(wording)", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"\#(guideline)": \#(points)}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"\#(guideline)": 1}, "feedback": "Bijna."}]}"#
        }
        let scenarios = [scenario("start", guideline: "g1")]
            + ["a1", "a2", "a3", "a4"].map { scenario($0, guideline: "g1", points: pointsForA) }
            + ["b1", "b2"].map { scenario($0, guideline: "g2") }
            + [scenario("slot", guideline: "g2")]
        return """
        {"format": "wegwijs.course/1", "id": "pools", "version": "1", "language": "nl", "title": "Pools",
         "passing": {"overall": 50, "perGuideline": 25},
         "acknowledgement": "Ik heb het gelezen.",
         "pools": [{"id": "a", "draw": 2, "scenarios": ["a1", "a2", "a3", "a4"]}, {"id": "b", "draw": 1, "scenarios": ["b1", "b2"]}],
         "guidelines": [{"id": "g1", "title": "G1", "summary": "S1."}, {"id": "g2", "title": "G2", "summary": "S2."}],
         "scenarios": [\(scenarios.joined(separator: ",\n"))]}
        """
    }

    static func load(_ text: String, in folder: URL, name: String = "pools.json") throws -> LoadedCourse {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try CourseLoader.load(path: path)
    }
}

private func temporaryFolder() throws -> URL {
    let folder = TestFolders.path("wegwijs-pools")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

private func session(_ loaded: LoadedCourse, records: URL, restart: Bool = false) -> AttemptSession {
    AttemptSession(loaded: loaded, settings: SessionSettings(learnerID: "123", learnerName: nil, language: "nl",
                                                             restart: restart, store: RecordStore(root: records.path)))
}

/// Answers the best option everywhere and ends the attempt.
private func finishBest(_ session: AttemptSession) throws -> String {
    while let scenario = session.attempt.currentScenario {
        _ = try session.answer([scenario.options[0].id])
    }
    return try session.finish()
}

@Suite("pools: draws, routes, records and resuming")
struct PoolTests {
    @Test("an attempt shows the members it drew, exactly `draw` of each pool, and the rest of the course")
    func drawShapesTheRoute() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PoolCourse.load(PoolCourse.json(), in: folder)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let drawn = Attempt.draw(loaded.course, seen: [], using: &generator)
            #expect(Attempt.drawProblem(drawn, in: loaded.course) == nil)
            var attempt = Attempt(course: loaded.course, drawn: drawn)
            var shown: [String] = []
            while let scenario = attempt.currentScenario {
                shown.append(scenario.id)
                try attempt.answer(["goed"], at: Date())
            }
            #expect(shown == ["start"] + drawn + ["slot"])
        }
    }

    @Test("the draw is seeded: the same seed gives the same members")
    func seededDraw() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try PoolCourse.load(PoolCourse.json(), in: folder).course
        var first = SplitMix64(seed: 42), second = SplitMix64(seed: 42)
        #expect(Attempt.draw(course, seen: [], using: &first) == Attempt.draw(course, seen: [], using: &second))
        // A golden value: a changed generator or shuffle fails here.
        var golden = SplitMix64(seed: 42)
        #expect(Attempt.draw(course, seen: [], using: &golden) == ["a1", "a3", "b2"])
    }

    @Test("three attempts in a row prefer scenarios the learner has not seen")
    func unseenFirst() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PoolCourse.load(PoolCourse.json(), in: folder)
        let records = folder.appendingPathComponent("records")
        var draws: [[String]] = []
        for _ in 0..<3 {
            let attempt = session(loaded, records: records)
            guard case .none = try attempt.open(waiting: {}) else { Issue.record("nothing should be saved"); return }
            try attempt.start()
            draws.append(attempt.attempt.drawn ?? [])
            _ = try finishBest(attempt)
        }
        let poolA = draws.map { $0.filter { $0.hasPrefix("a") } }
        let poolB = draws.map { $0.filter { $0.hasPrefix("b") } }
        // Pool a has 4 members, 2 a time: the second attempt gets the two not yet seen.
        #expect(Set(poolA[0]).isDisjoint(with: poolA[1]))
        #expect(Set(poolA[0] + poolA[1]).count == 4)
        // Pool b has 2 members, 1 a time: the second gets the other one.
        #expect(poolB[0] != poolB[1])
        // The third has seen everything: any draw, still exactly draw members.
        #expect(poolA[2].count == 2 && poolB[2].count == 1)
    }

    @Test("the record lists what was drawn; verify rejects a drawn set that does not match the route")
    func verifyChecksDrawn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PoolCourse.load(PoolCourse.json(), in: folder)
        let records = folder.appendingPathComponent("records")
        let attempt = session(loaded, records: records)
        _ = try attempt.open(waiting: {})
        try attempt.start()
        let path = try finishBest(attempt)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var verifier = RecordVerifier(courses: [loaded], signer: nil)
        #expect(verifier.check(bytes: bytes, path: path).isEmpty)

        var record = try CompletionRecord.decode(Data(bytes))
        let drawn = try #require(record.drawn)
        #expect(drawn.count == 3)
        let other = ["a1", "a2", "a3", "a4"].filter { !drawn.contains($0) }
        record.drawn = drawn.map { $0.hasPrefix("a") && $0 == drawn.first ? other[0] : $0 }
        record.attemptId = "other"
        var second = RecordVerifier(courses: [loaded], signer: nil)
        let problems = second.check(bytes: [UInt8](try record.encoded()), path: "changed.json")
        #expect(problems.contains { $0.kind == .offRoute })
        record.drawn = drawn + other.prefix(1)
        var third = RecordVerifier(courses: [loaded], signer: nil)
        #expect(third.check(bytes: [UInt8](try record.encoded()), path: "extra.json").contains { $0.kind == .offRoute })
    }

    @Test("a saved attempt resumes across a wording edit and is abandoned when scores change")
    func resumeAcrossWording() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("records")
        let original = try PoolCourse.load(PoolCourse.json(), in: folder)
        let first = session(original, records: records)
        _ = try first.open(waiting: {})
        try first.start()
        _ = try first.answer(["goed"])
        _ = try first.answer(["matig"])
        let attemptID = first.attemptID
        first.close()

        let reworded = try PoolCourse.load(PoolCourse.json(wording: "Iets anders gebeurt."), in: folder, name: "reworded.json")
        #expect(reworded.sha256 != original.sha256 && reworded.structure == original.structure)
        let second = session(reworded, records: records)
        guard case .resumable(let answered, _) = try second.open(waiting: {}) else {
            Issue.record("a wording edit must keep the attempt resumable"); return
        }
        #expect(answered == 2)
        #expect(try second.resume())
        #expect(second.attemptID == attemptID && second.attempt.answers.count == 2)
        _ = try second.suspend()
        second.close()

        let rescored = try PoolCourse.load(PoolCourse.json(pointsForA: 3), in: folder, name: "rescored.json")
        #expect(rescored.structure != original.structure)
        let third = session(rescored, records: records)
        guard case .unfit(.structureChanged) = try third.open(waiting: {}) else {
            Issue.record("a change of scores must abandon the attempt"); return
        }
        let kept = RecordStore(root: records.path).endedRecords(course: "pools", learner: "123")
        #expect(kept.contains { $0.attemptId == attemptID && $0.status == .abandoned })
    }

    @Test("a kill between writing the ended record and removing in-progress.json never gives a second ended record")
    func oneEndedRecord() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PoolCourse.load(PoolCourse.json(), in: folder)
        let records = folder.appendingPathComponent("records")
        let store = RecordStore(root: records.path)
        let attempt = session(loaded, records: records)
        _ = try attempt.open(waiting: {})
        try attempt.start()
        while let scenario = attempt.attempt.currentScenario { _ = try attempt.answer([scenario.options[0].id]) }
        // The exact window: the in-progress file (all answers) is still there next to the ended record.
        let inProgress = try Data(contentsOf: URL(fileURLWithPath: store.inProgressPath(course: "pools", learner: "123")))
        _ = try attempt.finish()
        attempt.close()
        try inProgress.write(to: URL(fileURLWithPath: store.inProgressPath(course: "pools", learner: "123")))

        let rerun = session(loaded, records: records)
        guard case .none = try rerun.open(waiting: {}) else { Issue.record("the finished attempt must not be offered again"); return }
        #expect(!FileManager.default.fileExists(atPath: store.inProgressPath(course: "pools", learner: "123")))
        #expect(store.endedRecords(course: "pools", learner: "123").count == 1)
    }

    @Test("the acknowledgement is recorded when confirmed, and its absence otherwise")
    func acknowledgement() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try PoolCourse.load(PoolCourse.json(), in: folder)
        #expect(loaded.course.acknowledgement?.resolved("nl", fallback: "nl") == "Ik heb het gelezen.")
        let records = folder.appendingPathComponent("records")
        let attempt = session(loaded, records: records)
        _ = try attempt.open(waiting: {})
        try attempt.start()
        while let scenario = attempt.attempt.currentScenario { _ = try attempt.answer([scenario.options[0].id]) }
        let moment = Date(timeIntervalSince1970: 1_800_000_000)
        let path = try attempt.finish(acknowledgedAt: moment)
        let record = try CompletionRecord.decode(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(record.acknowledgedAt == moment && record.status == .passed)
    }
}

@Suite("pools: validation and the fairness analysis")
struct PoolAnalysisTests {
    @Test("invalid pools are rejected, located, naming the ids", arguments: [
        (#""scenarios": ["a1", "a2", "a3", "a4"]}, {"id": "b""#, #""scenarios": ["a1", "a2", "a3", "zz"]}, {"id": "b""#, "pool 'a' names unknown scenario 'zz'"),
        (#""scenarios": ["b1", "b2"]}"#, #""scenarios": ["b1", "b2", "a1"]}"#, "scenario 'a1' is in pool 'a' already"),
        (#""id": "a", "draw": 2"#, #""id": "a", "draw": 5"#, "pool 'a' draws 5 of its 4 scenario(s)"),
        (#""id": "b", "draw": 1"#, #""id": "a", "draw": 1"#, "pool id 'a' is used twice"),
    ])
    func invalidPools(original: String, replacement: String, message: String) throws {
        let text = PoolCourse.json().replacingOccurrences(of: original, with: replacement)
        #expect(text != PoolCourse.json())
        let (_, diagnostics) = CourseLoader.check(bytes: Array(text.utf8), file: "pools.json")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) && $0.position != nil }, "\(errors)")
    }

    @Test("a pool member that an option leads to is invalid: a consequence is always shown")
    func consequenceInPool() throws {
        let text = PoolCourse.json().replacingOccurrences(of: #"{"id": "goed", "text": "Goed", "scores": {"g1": 2}, "feedback": "Ja."}"#,
                                                          with: #"{"id": "goed", "text": "Goed", "scores": {"g1": 2}, "feedback": "Ja.", "next": "a3"}"#)
        let (_, diagnostics) = CourseLoader.check(bytes: Array(text.utf8), file: "pools.json")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("scenario 'a3' in pool 'a' is where option 'goed' of scenario 'start' leads") })
    }

    @Test("paths analyses every draw: 12 draws, routes of 5 scenarios, no single slip on a fair course")
    func analysis() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analysis = RouteAnalysis(course: try PoolCourse.load(PoolCourse.json(), in: folder).course)
        #expect(analysis.drawCount == 12)
        #expect(analysis.shortestRoute == 5 && analysis.longestRoute == 5)
        // No option branches, so each draw is one route (options that lead on alike are one way).
        #expect(analysis.routeCount == 12)
        #expect(analysis.singleSlips.isEmpty)
        #expect(analysis.fewestAssessing.map(\.scenarios) == [3, 2])
    }

    @Test("a single slip is found in the draw where it bites, and validate warns about it")
    func singleSlip() throws {
        // Guideline g2 is scored by b1/b2 (2 points each) and 'slot'; a draw always holds one b.
        // With perGuideline 80, 'matig' (1 of 2) in 'slot' fails g2: 3 of 4 = 75 %.
        let text = PoolCourse.json().replacingOccurrences(of: #""perGuideline": 25"#, with: #""perGuideline": 80"#)
        let (course, diagnostics) = CourseLoader.check(bytes: Array(text.utf8), file: "pools.json")
        let analysis = RouteAnalysis(course: try #require(course))
        let slips = analysis.singleSlips.map { "\($0.scenario)/\($0.options.joined())" }
        #expect(slips.contains("slot/matig") && slips.contains("b1/matig") && slips.contains("b2/matig"))
        #expect(analysis.singleSlips.allSatisfy { $0.reason == .guideline("g2") && !$0.isCritical })
        #expect(diagnostics.filter { $0.message.contains("single slip") }.count == analysis.singleSlips.count)
    }

    @Test("a draw that leaves a guideline unassessed is a warning")
    func unassessedDraw() throws {
        // Only b1 scores g2 when 'slot' scores g1: a draw of b2 leaves g2 unassessed.
        let text = PoolCourse.json()
            .replacingOccurrences(of: #"{"id": "b2", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g2": 2}"#,
                                  with: #"{"id": "b2", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g1": 2}"#)
            .replacingOccurrences(of: #"{"id": "b2", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g1": 2}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"g2": 1}"#,
                                  with: #"{"id": "b2", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g1": 2}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"g1": 1}"#)
            .replacingOccurrences(of: #"{"id": "slot", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g2": 2}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"g2": 1}"#,
                                  with: #"{"id": "slot", "situation": "Iets gebeurt.", "explanation": "Uitleg.", "options": [{"id": "goed", "text": "Goed", "scores": {"g1": 2}, "feedback": "Ja."}, {"id": "matig", "text": "Matig", "scores": {"g1": 1}"#)
        let (course, diagnostics) = CourseLoader.check(bytes: Array(text.utf8), file: "pools.json")
        #expect(RouteAnalysis(course: try #require(course)).fewestAssessing.first { $0.id == "g2" }?.scenarios == 0)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("some draws leave guideline 'g2' unassessed") })
    }

    @Test("paths stays fast on a 40-scenario course with five pools: every draw is analysed")
    func fivePools() {
        // Five pools of 8 drawing 3 (56^5 ≈ 5.5e8 draws): the analysis works per pool state, not per draw.
        var scenarios: [Scenario] = []
        var pools: [ScenarioPool] = []
        for pool in 0..<5 {
            var members: [String] = []
            for member in 0..<8 {
                let id = "p\(pool)-s\(member)"
                members.append(id)
                scenarios.append(Scenario(id: id, situation: TestCourses.text(id), options: [
                    TestCourses.option("goed", ["g1": 2, "g2": member % 2]),
                    TestCourses.option("matig", ["g1": 1]),
                    TestCourses.option("fout", ["g2": -1]),
                ]))
            }
            pools.append(ScenarioPool(id: "pool-\(pool)", draw: 3, scenarios: members))
        }
        var course = TestCourses.course(scenarios)
        course.pools = pools
        let analysis = RouteAnalysis(course: course)
        #expect(analysis.drawCount == 550_731_776)
        #expect(analysis.shortestRoute == 15 && analysis.longestRoute == 15)
        #expect(analysis.fewestAssessing.map(\.scenarios) == [15, 0])
        // g2 can be unassessed (all even members drawn), so the draw warning must fire.
        #expect(analysis.unassessedRoutes.first { $0.id == "g2" }.map { $0.routes > 0 } == true)
    }
}
