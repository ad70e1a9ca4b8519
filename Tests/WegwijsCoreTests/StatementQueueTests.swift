import Foundation
import Synchronization
import TestSupport
import Testing
@testable import WegwijsCore

/// The statement queue in-process, against an outbox and a delivery in memory.
@Suite("Statement queue")
struct StatementQueueTests {
    static let profile = XAPIProfile(actorHomepage: "urn:wegwijs:learner", activityBase: "urn:wegwijs:course:", platform: "wegwijs test")

    /// The records of one attempt as the session saves them: after each answer, then ended.
    static func records() throws -> (loaded: LoadedCourse, saves: [CompletionRecord]) {
        let loaded = try CourseLoader.load(path: TestCourses.fixture("branching.json"))
        let store = MemoryRecords()
        let saves = Mutex<[CompletionRecord]>([])
        var settings = SessionSettings(learnerID: "7", learnerName: nil, language: "nl", restart: false, store: store)
        settings.onRecordSaved = { record in saves.withLock { $0.append(record) } }
        let session = AttemptSession(loaded: loaded, settings: settings)
        _ = try session.open(waiting: {})
        try session.start()
        _ = try session.answer(["goed"])
        _ = try session.answer(["m1", "m3"])
        _ = try session.answer(["weiger"])
        _ = try session.finish()
        return (loaded, saves.withLock { $0 })
    }

    @Test("the newest record of an attempt decides its statements; each batch of writes nudges the delivery")
    func newestRecordCounts() throws {
        let (loaded, saves) = try Self.records()
        #expect(saves.count == 5)
        let outbox = MemoryOutbox()
        let delivery = MemoryDelivery()
        let queue = StatementQueue(outbox: outbox, delivery: delivery, course: loaded.course, profile: Self.profile)
        for record in saves { queue.add(record) }
        queue.flush()
        let last = try #require(saves.last)
        let expected = XAPIStatements.make(for: last, course: loaded.course, profile: Self.profile)
        #expect(outbox.pendingAttempts() == [last.attemptId])
        #expect(outbox.pending(attemptID: last.attemptId).map(\.json) == expected.map(\.json))
        #expect(delivery.nudgeCount >= 1)
        // Two attempts keep their order and their own statements.
        let (_, other) = try Self.records()
        queue.add(try #require(other.last))
        queue.flush()
        #expect(outbox.pendingAttempts() == [last.attemptId, try #require(other.last).attemptId])
    }

    @Test("writes run through the guard the console gives (signals held off)")
    func writesAreGuarded() throws {
        let (loaded, saves) = try Self.records()
        let guarded = Mutex(0)
        let queue = StatementQueue(outbox: MemoryOutbox(), delivery: MemoryDelivery(), course: loaded.course, profile: Self.profile,
                                   guardWrite: { body in guarded.withLock { $0 += 1 }; body() })
        queue.add(try #require(saves.last))
        queue.flush()
        #expect(guarded.withLock { $0 } == 1)
    }

    @Test("at the end: nothing waiting, no hand-over; waiting, a hand-over; the count is told only when the LRS seems away",
          arguments: [false, true])
    func finish(unavailable: Bool) throws {
        let (loaded, saves) = try Self.records()
        let outbox = MemoryOutbox()
        let queue = StatementQueue(outbox: outbox, delivery: MemoryDelivery(unavailable: unavailable), course: loaded.course,
                                   profile: Self.profile)
        var handedOver = 0
        #expect(queue.finish(handOff: { handedOver += 1 }) == nil)
        #expect(handedOver == 0)

        let last = try #require(saves.last)
        queue.add(last)
        let told = queue.finish(handOff: { handedOver += 1 })
        #expect(handedOver == 1)
        let count = XAPIStatements.make(for: last, course: loaded.course, profile: Self.profile).count
        #expect(told == (unavailable ? count : nil))

        // Statements of other runs' attempts are not this run's to count.
        outbox.deliverAll()
        let fresh = StatementQueue(outbox: outbox, delivery: MemoryDelivery(unavailable: true), course: loaded.course, profile: Self.profile)
        try outbox.enqueue(attemptID: "another-run", statements: XAPIStatements.make(for: last, course: loaded.course, profile: Self.profile))
        #expect(fresh.finish(handOff: { handedOver += 1 }) == nil)
        #expect(handedOver == 2)
    }

    @Test("an outbox that cannot be written leaves the learner undisturbed")
    func failingOutbox() throws {
        let (loaded, saves) = try Self.records()
        let outbox = MemoryOutbox()
        outbox.failWrites("read-only")
        let delivery = MemoryDelivery()
        let queue = StatementQueue(outbox: outbox, delivery: delivery, course: loaded.course, profile: Self.profile)
        queue.add(try #require(saves.last))
        queue.flush()
        #expect(outbox.pendingAttempts().isEmpty)
        #expect(delivery.nudgeCount == 1)
    }
}
