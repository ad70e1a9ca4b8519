import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The end of a run hands the statements still waiting to a `wegwijs sync --background`
/// process of their own, so the learner's prompt comes back at once while the attempt's last
/// statements (completed, passed or failed) still reach the LRS without anybody running `sync`.
///
/// The process is detached: a session of its own (no terminal, so closing the window does not
/// stop it), standard streams on /dev/null (it never writes into the learner's terminal or a
/// caller's pipe), default signal handling, no inherited descriptors. It gives up quietly
/// within a bounded time (see `Sync.backgroundLockWait` and `Sync.backgroundTimeout`);
/// whatever it could not deliver stays in the outbox for the next run or `sync`.
enum DeliveryHandOff {
    /// glibc's POSIX_SPAWN_SETSID (since 2.26), which Swift's Glibc module does not import
    /// (it is declared for _GNU_SOURCE only); the value is part of glibc's ABI.
    private static let setSessionID: Int32 = 0x80

    /// glibc's posix_spawn_file_actions_addclosefrom_np (since 2.34), looked up at run time for
    /// the same reason; nil on an older C library.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Starts the process; false when it could not be started (the statements then wait).
    @discardableResult
    static func start(records: String) -> Bool {
        let executable = ownExecutable()
        let arguments = [executable, "sync", "--background", "--records", records]

        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { return false }
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var handled = sigset_t()
        sigemptyset(&handled)
        // An ignored signal would stay ignored across exec: whatever the run does with these
        // (today it catches them, which exec resets anyway), the delivery starts with defaults.
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&handled, signalNumber) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &handled)
        let flags = setSessionID | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        guard posix_spawnattr_setflags(&attributes, Int16(flags)) == 0 else { return false }

        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return false }
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Every descriptor of ours is opened close-on-exec; this also closes any a library left.
        if let closeFrom { _ = closeFrom(&actions, 3) }

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, executable, &actions, &attributes, &argv, environ) == 0
    }
}
