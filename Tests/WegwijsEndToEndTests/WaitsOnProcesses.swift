import Foundation
import Testing

/// Swift Testing runs tests on the cooperative thread pool, which has one thread per core: two
/// here. A test that mostly waits (on the binary, a server, a browser) holds one of them while
/// it waits, and the other tests queue behind it. Suites with this trait run each test on a
/// thread of its own (a task executor preference: the test's task-locals, and so its issues,
/// stay with it), so their waiting leaves the pool to the tests that compute.
struct WaitsOnProcessesTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // The suite's own scope needs nothing; each test (or test case) gets the threads.
        guard !test.isSuite else { return try await function() }
        try await withTaskExecutorPreference(ThreadPerJob.executor) { try await function() }
    }
}

extension Trait where Self == WaitsOnProcessesTrait {
    /// The suite's tests mostly wait on processes: run them off the cooperative pool.
    static var waitsOnProcesses: Self { Self() }
}

/// Runs each job on a new thread: for tests that block, never for the program.
final class ThreadPerJob: TaskExecutor {
    static let executor = ThreadPerJob()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let thread = Thread { job.runSynchronously(on: executor) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
