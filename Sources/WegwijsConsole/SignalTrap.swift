import CReadline
import Dispatch
import Foundation
import Synchronization

/// Ctrl-C, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\) without losing answers or leaving the terminal broken.
///
/// Answers are saved as they are given, so a signal has nothing left to save: it waits until
/// no record is being written (`whileSaving`), restores the terminal from readline's raw mode,
/// says what was kept, and exits 130 (SIGINT), 143 (SIGTERM), 129 (SIGHUP) or 131 (SIGQUIT).
public enum SignalTrap {
    private static let saving = Mutex<Void>(())
    private static let message = Mutex<String>("")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Starts handling the signals; `farewell` is printed when one arrives. Installing again
    /// only changes the farewell.
    public static func install(farewell: String) {
        message.withLock { $0 = farewell }
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { leave(after: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Updates the text printed on a signal (the interface language may be chosen later).
    public static func setFarewell(_ text: String) {
        message.withLock { $0 = text }
    }

    /// Runs `body` (a record write) so that a signal waits for it to finish.
    public static func whileSaving<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try saving.withLock { _ throws(E) -> T in try body() }
    }

    private static func leave(after signalNumber: Int32) {
        saving.withLock { _ in
            rl_free_line_state()
            rl_cleanup_after_signal()
            let farewell = message.withLock { $0 }
            if signalNumber != SIGHUP {
                print("\n" + farewell)
                wegwijs_flush_stdout()
            }
            exit(128 + signalNumber)
        }
    }
}
