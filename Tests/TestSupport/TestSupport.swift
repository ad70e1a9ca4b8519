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
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(getpid())-\(UUID().uuidString.prefix(4))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// A fresh path below `root` (not created).
    public static func path(_ name: String) -> URL {
        root.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
    }
}
