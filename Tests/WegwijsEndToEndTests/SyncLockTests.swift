import Foundation
import Testing

/// `sync` never waits for ever: when another delivery holds the outbox (a run ending, a sync
/// from cron), it says so, waits at most `--wait` seconds, then gives up with exit 74.
@Suite("sync and a busy outbox")
struct SyncLockTests {
    @Test("sync waits at most --wait seconds for another delivery, then exits 74 naming the lock and sends nothing")
    func boundedWait() throws {
        let records = try Wegwijs.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: records) }
        let outbox = records.appendingPathComponent(".outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let fd = open(outbox.appendingPathComponent(".delivering").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)

        // The LRS address is never reached: the lock is asked for first.
        let environment = ["WEGWIJS_LRS_URL": "http://127.0.0.1:9/xAPI"]
        let result = try Wegwijs.run(["sync", "--records", records.path, "--wait", "1"], environment: environment)
        #expect(result.status == 74)
        #expect(result.stderr.contains("another delivery is sending this outbox's statements; waiting for it (at most 1 s)"))
        #expect(result.stderr.contains("another delivery still holds \(outbox.path)/.delivering after 1 s: nothing was sent"))

        // Once the other delivery ends, the same command goes ahead.
        flock(fd, LOCK_UN)
        let free = try Wegwijs.run(["sync", "--records", records.path, "--wait", "1"], environment: environment)
        #expect(free.status == 0, "\(free.stderr)")
        #expect(!free.stderr.contains("another delivery"))
    }

    @Test("--wait outside 0 to 3600 seconds is a usage error", arguments: ["-1", "3601"])
    func waitRange(_ value: String) throws {
        let result = try Wegwijs.run(["sync", "--records", "/nonexistent/wegwijs-records", "--wait=\(value)"],
                                     environment: ["WEGWIJS_LRS_URL": "http://127.0.0.1:9/xAPI"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--wait must be between 0 and 3600 seconds"))
    }
}
