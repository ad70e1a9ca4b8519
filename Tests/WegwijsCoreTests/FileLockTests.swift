import Foundation
import Testing
import TestSupport
@testable import WegwijsCore
#if canImport(Glibc)
import Glibc
#endif

/// The one lock helper (`FileLock`): a learner's lock and the outbox's locks.
@Suite("FileLock: waiting for a lock", .serialized)
struct FileLockTests {
    /// What the waiting thread saw, shared with the test.
    final class Waiter: @unchecked Sendable {
        let lock = NSLock()
        var thread: pthread_t?
        var returned = false
        var taken: FileLock?
        var failure: FileProblem?
    }

    @Test("a signal while waiting does not end the wait (EINTR is retried): the lock is taken only once it is free")
    func signalWhileWaiting() throws {
        let path = TestFolders.path("wegwijs-filelock").path + ".lock"
        defer { unlink(path) }
        var held: FileLock? = try FileLock.take(path, wait: false)
        #expect(held != nil)
        // A handler that does nothing, and no SA_RESTART: a blocked flock returns EINTR.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGUSR2, &action, &previous)
        defer { sigaction(SIGUSR2, &previous, nil) }

        let waiter = Waiter()
        let thread = Thread {
            // The thread may have been started with signals blocked; this one must arrive.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGUSR2)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            waiter.lock.withLock { waiter.thread = pthread_self() }
            do {
                let lock = try FileLock.take(path, wait: true)
                waiter.lock.withLock { waiter.taken = lock; waiter.returned = true }
            } catch {
                waiter.lock.withLock { waiter.failure = error as? FileProblem; waiter.returned = true }
            }
        }
        thread.start()
        var target: pthread_t?
        for _ in 0..<200 where target == nil {
            usleep(10_000)
            target = waiter.lock.withLock { waiter.thread }
        }
        let waiting = try #require(target)
        usleep(100_000)
        for _ in 0..<5 {
            pthread_kill(waiting, SIGUSR2)
            usleep(50_000)
        }
        #expect(!waiter.lock.withLock { waiter.returned }, "the wait ended while the lock was still held")
        held = nil  // release: the waiter takes it now
        for _ in 0..<300 where !waiter.lock.withLock({ waiter.returned }) { usleep(10_000) }
        #expect(waiter.lock.withLock { waiter.returned && waiter.taken != nil && waiter.failure == nil })
        #expect(held == nil)
    }
}
