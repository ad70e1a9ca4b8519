/// The one rule for what lives in a records folder (SPEC §4):
/// `ROOT/<course-id>/<learner-id>/` holds `in-progress.json` for the attempt under way,
/// `<finishedAt>-<8 hex>.json` per ended attempt, and the record store's own hidden files: the
/// `.lock`, temp files of writes under way (`.<name>.<hex>.tmp`, the writability probe
/// `.write-test-<uuid>.tmp`), and a damaged in-progress file moved aside as
/// `in-progress.json.damaged-<time>`. The store names files only through this type, and the
/// readers (`report`, `verify`, the session's look at earlier attempts) decide what is a record
/// only through it.
public enum RecordsLayout {
    public static let inProgressName = "in-progress.json"
    static let lockName = ".lock"

    /// A record file: `*.json`, not hidden (which leaves out the lock, temp files and damaged
    /// files moved aside).
    public static func isRecordName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(".json")
    }

    /// A record of an ended or abandoned attempt (a record file that is not the one in progress).
    static func isEndedRecordName(_ name: String) -> Bool {
        isRecordName(name) && name != inProgressName
    }

    /// A temp file of the store's (a write under way, or left by a killed run).
    static func isTempName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    /// The temp file a write of `name` goes through.
    static func tempName(for name: String, hex: String) -> String { ".\(name).\(hex).tmp" }

    /// The writability probe's name.
    static func probeName(_ unique: String) -> String { ".write-test-\(unique).tmp" }

    /// Where a damaged in-progress file is moved.
    static func damagedName(stamp: String) -> String { "\(inProgressName).damaged-\(stamp)" }

    /// An ended attempt's file: `<finishedAt as 20261124T101500Z>-<8 hex>.json`.
    static func endedName(stamp: String, hex: String) -> String { "\(stamp)-\(hex).json" }
}
