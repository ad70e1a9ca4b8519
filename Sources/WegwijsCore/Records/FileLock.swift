#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An exclusive `flock` on a lock file, held until the value is dropped or the process ends,
/// however it ends. The one place that opens a lock file and retries `flock` after a signal
/// (`EINTR`): the record store's learner lock and the outbox's locks all go through it.
public final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock on `path` (created when missing). With `wait == false` returns nil at
    /// once when another holder has it; with `wait == true` blocks until it is free.
    /// `readOnlyFallback`: a lock file made by another account of a shared folder can still be
    /// locked when opened read-only.
    public static func take(_ path: String, wait: Bool, readOnlyFallback: Bool = false) throws(FileProblem) -> FileLock? {
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        if fd < 0, readOnlyFallback { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw FileProblem(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))", kind: .notLockable)
        }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            close(fd)
            if failure == EWOULDBLOCK { return nil }
            throw FileProblem(path: path, reason: "cannot lock (\(String(cString: strerror(failure))))", kind: .notLockable)
        }
        return FileLock(descriptor: fd)
    }

    /// Takes the lock, waiting for it.
    public static func waiting(_ path: String, readOnlyFallback: Bool = false) throws(FileProblem) -> FileLock {
        // With `wait: true`, `take` returns a lock or throws.
        guard let lock = try take(path, wait: true, readOnlyFallback: readOnlyFallback) else {
            throw FileProblem(path: path, reason: "cannot lock", kind: .notLockable)
        }
        return lock
    }
}
