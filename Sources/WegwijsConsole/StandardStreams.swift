import Foundation
import WegwijsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Standard output and standard error, written with `write(2)` so that no output condition is
/// silent or a trap (SPEC §9): output that cannot be written (a full disk, a closed stream)
/// ends the process with 74 and, where standard error can take one, a message; a reader that
/// went away (a broken pipe, `| head`) ends it quietly with 141.
public enum StandardStreams {
    /// The exit status after a broken pipe (128 + SIGPIPE), as a shell reports one.
    public static let brokenPipeStatus: Int32 = 141
    /// The exit status for output that cannot be written.
    public static let ioErrorStatus: Int32 = 74

    /// Standard streams that were closed when the program started (`>&-`, `2>&-`).
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Call first thing. Makes a broken pipe an error the program handles (`EPIPE`) instead of
    /// a signal, so it behaves the same whether or not the caller ignored SIGPIPE (as systemd
    /// does). A standard stream that is closed gets `/dev/null` in its place, so that no file
    /// the program opens later (a record, the lock) can take its number and receive messages;
    /// writing to it still fails as writing to a closed stream does.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            if descriptor != STDIN_FILENO { closedAtStart.insert(descriptor) }
        }
    }

    /// Writes `text` to standard output, or ends the process as described above.
    public static func writeOutput(_ text: String) {
        let failure = writeAll(text, to: STDOUT_FILENO)
        guard failure != 0 else { return }
        if failure == EPIPE { exit(brokenPipeStatus) }
        _ = writeAll("wegwijs: standard output cannot be written (\(String(cString: strerror(failure))))\n", to: STDERR_FILENO)
        exit(ioErrorStatus)
    }

    /// Writes `text` to standard error; if even that fails, ends the process (74, or 141 for a
    /// broken pipe) since nothing can be told any more.
    public static func writeError(_ text: String) {
        let failure = writeAll(text, to: STDERR_FILENO)
        guard failure != 0 else { return }
        exit(failure == EPIPE ? brokenPipeStatus : ioErrorStatus)
    }

    /// Writes all of `text`; returns 0 or the `errno` of the failure.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        if closedAtStart.contains(descriptor) { return EBADF }
        var text = text
        return text.withUTF8 { buffer in FileDescriptorWrite.all(UnsafeRawBufferPointer(buffer), to: descriptor) }
    }
}
