import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The seed of a fuzz test: fixed by default, so every run checks the same cases;
/// `WEGWIJS_FUZZ_SEED=random` draws a fresh one and `WEGWIJS_FUZZ_SEED=<number>` repeats the one a
/// failure message names.
public enum FuzzSeed {
    public static func value(default fixed: UInt64) -> UInt64 {
        switch ProcessInfo.processInfo.environment["WEGWIJS_FUZZ_SEED"] {
        case "random"?: UInt64.random(in: 0...UInt64(UInt32.max))
        case let text?: UInt64(text) ?? fixed
        case nil: fixed
        }
    }
}

/// Temp folders of one test process, all below one folder that is removed when the process
/// ends, so a run leaves nothing behind in the system temp folder (even where a test forgot
/// its own clean-up or failed half-way).
public enum TestFolders {
    public static let root: URL = {
        removeLeftovers()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(getpid())-\(UUID().uuidString.prefix(4))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// Removes the root folders of earlier test processes that are gone: a run that trapped
    /// or was killed runs no `atexit`. Only `wegwijs-<pid>-<4 hex digits>` folders are taken,
    /// and only when no process has that pid (the runs of other checkouts at the same time stay).
    public static func removeLeftovers() {
        let temp = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temp.path) else { return }
        for name in names {
            let parts = name.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "wegwijs", let pid = Int32(parts[1]), pid > 0, pid != getpid(),
                  parts[2].count == 4, parts[2].allSatisfy(\.isHexDigit) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: temp.appendingPathComponent(name))
        }
    }

    /// A fresh path below `root` (not created).
    public static func path(_ name: String) -> URL {
        root.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
    }
}

extension Collection {
    /// The element at `index`, or nil when there is none: for `try #require(list[safe: 2])`,
    /// so one broken expectation fails its test instead of trapping the whole run.
    public subscript(safe index: Index) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
