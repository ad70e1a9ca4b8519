/// The storage seam (see docs/architecture.md): what the core needs from wherever records
/// live, as two small protocols. `RecordStore` (a records folder) is the first implementation
/// of the writer and `RecordFolder` of the reader; tests swap in-memory ones.

/// A held lock on one learner's records; released when the value is dropped.
public typealias RecordLock = AnyObject & Sendable

/// What `inProgress` found.
public enum InProgressLookup: Sendable {
    case none
    case found(CompletionRecord)
    case damaged(movedTo: String)
}

/// What an attempt session needs to keep one learner's records at one course (SPEC §4, §9):
/// a place prepared and locked before the first question, the attempt in progress, and the
/// ended attempts, each written once and never replaced.
public protocol RecordWriter: Sendable {
    /// Where a learner's records at a course are kept, in words for a message (a folder path).
    func place(course: String, learner: String) -> String
    /// The file that holds the learner's attempt in progress, for the stop message; nil where
    /// there is no file a learner could be pointed to (a store in memory).
    func inProgressFile(course: String, learner: String) -> String?
    /// Makes the place ready and proves it can be written, before any question is asked.
    func prepare(course: String, learner: String) throws(FileProblem)
    /// Takes the learner's lock: nil at once when another session holds it and `wait` is
    /// false; with `wait` true, blocks until it is free.
    func lock(course: String, learner: String, wait: Bool) throws(FileProblem) -> (any RecordLock)?
    /// The saved attempt in progress, if any; a damaged one is kept aside and reported.
    func inProgress(course: String, learner: String) throws(FileProblem) -> InProgressLookup
    /// The learner's ended and abandoned attempts, as far as they can be read.
    func endedRecords(course: String, learner: String) -> [CompletionRecord]
    /// Removes the attempt in progress (its ended record is written already).
    func removeInProgress(course: String, learner: String) throws(FileProblem)
    /// Replaces the attempt in progress, atomically.
    func saveInProgress(_ record: CompletionRecord) throws(FileProblem)
    /// Writes an ended (or abandoned) attempt as a new record that never replaces another,
    /// then removes the attempt in progress. Returns where it was written.
    @discardableResult
    func saveEnded(_ record: CompletionRecord) throws(FileProblem) -> String
}

/// Where `report`, `stats`, `verify`, `export` and `sync --rescan` read records from: the
/// bytes of each record with the place they came from. Nothing here knows the record format;
/// `RecordFacts` reads it.
public protocol RecordSource: Sendable {
    /// The source in words for a message (a folder path).
    var name: String { get }
    /// Calls `found` with the place of every record, in no particular order, and `problem` for
    /// every part that cannot be read. Throws when the source itself cannot be read.
    func places(found: (String) -> Void, problem: (FileProblem) -> Void) throws(FileProblem)
    /// The bytes of the record at `place`.
    func bytes(at place: String) throws(FileProblem) -> [UInt8]
}

extension RecordSource {
    /// Every record's place in a stable order: by course, learner, then name (ended attempts
    /// by time, the attempt in progress last), for outputs that must not change from one run
    /// to the next (`export`, `sync --rescan`). Problems of the walk are passed to `problem`.
    public func orderedPlaces(problem: (FileProblem) -> Void = { _ in }) throws(FileProblem) -> [String] {
        var found: [(folder: [Substring], name: Substring, place: String)] = []
        try places(found: { place in
            var parts = place.split(separator: "/", omittingEmptySubsequences: false)
            let name = parts.removeLast()
            found.append((parts, name, place))
        }, problem: problem)
        found.sort { left, right in
            if left.folder != right.folder {
                return left.folder.lexicographicallyPrecedes(right.folder) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            }
            let leftLast = left.name == RecordsLayout.inProgressName, rightLast = right.name == RecordsLayout.inProgressName
            if leftLast != rightLast { return rightLast }
            return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
        }
        return found.map(\.place)
    }
}

/// A records folder read as a `RecordSource`: every record file below it (`RecordFiles.walk`,
/// the one walker), read with `RecordFiles.contents`.
public struct RecordFolder: RecordSource {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var name: String { root }

    public func places(found: (String) -> Void, problem: (FileProblem) -> Void) throws(FileProblem) {
        try RecordFiles.walk(root, found: found, problem: problem)
    }

    /// `place` is a path the walk gave (the root's path, a slash, and the rest).
    public func bytes(at place: String) throws(FileProblem) -> [UInt8] {
        try RecordFiles.contents(of: place)
    }
}
