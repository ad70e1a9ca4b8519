import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The only thing that writes completion records (SPEC §4).
///
/// Layout: `ROOT/<course-id>/<learner-id>/in-progress.json` for the attempt under way and
/// `<finishedAt>-<8 hex>.json` per ended attempt. Every write goes to a hidden temp file in the
/// same folder, is flushed with fsync and then renamed (or linked, for files that must never
/// replace another), so a reader sees the old file or the new one, never half of one.
public struct RecordStore: RecordWriter {
    public static let inProgressName = RecordsLayout.inProgressName

    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder holding one learner's attempts at one course.
    /// Ids are validated before they get here (`LearnerID`, `CourseID`); the fallback name
    /// keeps even an unchecked id from leaving the records folder.
    public func folder(course: String, learner: String) -> String {
        let safeLearner = LearnerID.isValid(learner) ? learner : "invalid-learner-id"
        let safeCourse = CourseID.isValid(course) ? course : "invalid-course-id"
        return "\(root)/\(safeCourse)/\(safeLearner)"
    }

    /// The learner's folder.
    public func place(course: String, learner: String) -> String {
        folder(course: course, learner: learner)
    }

    public func inProgressPath(course: String, learner: String) -> String {
        folder(course: course, learner: learner) + "/" + Self.inProgressName
    }

    public func inProgressFile(course: String, learner: String) -> String? {
        inProgressPath(course: course, learner: learner)
    }

    /// The language of the learner's attempt in progress, read without touching anything (a
    /// damaged file is left for the session to set aside); nil when there is none to read.
    public func languageInProgress(course: String, learner: String) -> String? {
        guard let bytes = try? RecordFiles.contents(of: inProgressPath(course: course, learner: learner)) else { return nil }
        return (try? CompletionRecord.decode(Data(bytes)))?.language
    }

    /// Creates the learner's folder and proves it is writable, before any question is asked.
    /// The course and learner folders are never symbolic links (a link could lead the records
    /// anywhere) and never group- or world-writable, whatever the umask (SPEC §9); a records
    /// tree that another account can write to is refused (SPEC §10, `PrivateFiles`).
    public func prepare(course: String, learner: String) throws(FileProblem) {
        let path = folder(course: course, learner: learner)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Self.folderMode])
        } catch {
            throw FileProblem(path: root, reason: "cannot create the records folder (\(Self.reason(from: error)))", kind: .notWritable)
        }
        try PrivateFiles.checkNoOtherWriter(root, following: true)
        let courseFolder = (path as NSString).deletingLastPathComponent
        try Self.makeFolder(courseFolder)
        try Self.makeFolder(path)
        Self.removeStaleTempFiles(in: path)
        let probe = path + "/" + RecordsLayout.probeName(UUID().uuidString)
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FileProblem(path: path, reason: "the records folder is not writable (\(String(cString: strerror(errno))))", kind: .notWritable)
        }
        close(fd)
        unlink(probe)
    }

    /// Holds a learner's folder for one session, so two runs for the same learner (two
    /// terminals, or a script) take turns instead of writing over each other's in-progress file.
    /// The lock is released when the value is dropped or the process ends, however it ends.
    public typealias LearnerLock = FileLock

    /// Takes the learner's lock. With `wait == false` returns nil at once when another session
    /// holds it; with `wait == true` blocks until it is free.
    public func lock(course: String, learner: String, wait: Bool) throws(FileProblem) -> (any RecordLock)? {
        try FileLock.take(folder(course: course, learner: learner) + "/" + RecordsLayout.lockName, wait: wait)
    }

    /// Folders the store creates: never writable by group or others, readable by the group
    /// only (on a server: HR's group, `docs/server.md`).
    static let folderMode: Int = 0o750

    /// Creates one folder below the root, or checks the one that is there: a real folder, not a
    /// symbolic link, and not one another account can write to (refused: `PrivateFiles`).
    static func makeFolder(_ path: String) throws(FileProblem) {
        if mkdir(path, mode_t(folderMode)) != 0, errno != EEXIST {
            throw FileProblem(path: path, reason: "cannot create the records folder (\(String(cString: strerror(errno))))", kind: .notWritable)
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw FileProblem(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw FileProblem(path: path, reason: "is a symbolic link; records are never written through a link below the records folder", kind: .symbolicLink)
        case S_IFDIR:
            try PrivateFiles.checkNoOtherWriter(path, following: false)
        default:
            throw FileProblem(path: path, reason: "cannot create the records folder (a file of that name is in the way)", kind: .notWritable)
        }
    }

    /// Temp files older than this were left by a run that was killed mid-write.
    static let staleTempFileAge: TimeInterval = 600

    /// Removes hidden `.tmp` files that a killed run left behind. Recent ones may belong to a
    /// write under way in another process and stay.
    static func removeStaleTempFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let cutoff = Date().addingTimeInterval(-staleTempFileAge)
        for name in names where RecordsLayout.isTempName(name) {
            let path = folder + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               modified < cutoff {
                unlink(path)
            }
        }
    }

    /// The saved attempt in progress, if any. A file that cannot be read as a record is moved
    /// aside (never deleted) and reported through `damaged`.
    public func inProgress(course: String, learner: String) throws(FileProblem) -> InProgressLookup {
        let path = inProgressPath(course: course, learner: learner)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        // The safe reader: a link or a named pipe in place of the progress file is refused, never
        // followed or waited on.
        let data = Data(try RecordFiles.contents(of: path))
        do {
            return .found(try CompletionRecord.decode(data))
        } catch {
            let aside = folder(course: course, learner: learner) + "/" + RecordsLayout.damagedName(stamp: Self.fileTimestamp(Date()))
            guard rename(path, aside) == 0 else {
                throw FileProblem(path: path, reason: "is damaged and cannot be moved aside (\(String(cString: strerror(errno))))")
            }
            return .damaged(movedTo: aside)
        }
    }

    /// The learner's ended and abandoned attempts at a course, as far as they can be read
    /// (files that are not records are passed over: they are `report`'s and `verify`'s concern).
    public func endedRecords(course: String, learner: String) -> [CompletionRecord] {
        var files: [String] = []
        try? RecordFiles.walk(folder(course: course, learner: learner), descending: false, found: { path in
            if RecordsLayout.isEndedRecordName((path as NSString).lastPathComponent) { files.append(path) }
        }, problem: { _ in })
        // Regular files of a sane size only (the walker's and the reader's rules): a link to a
        // device must not hang the session.
        return files.sorted().compactMap { file in
            guard let bytes = try? RecordFiles.contents(of: file) else { return nil }
            return try? CompletionRecord.decode(Data(bytes))
        }
    }

    /// Removes the in-progress file of an attempt whose ended record is already written (a run
    /// killed between the two steps of `saveEnded`).
    public func removeInProgress(course: String, learner: String) throws(FileProblem) {
        let path = inProgressPath(course: course, learner: learner)
        if unlink(path) != 0 && errno != ENOENT {
            throw FileProblem(path: path, reason: "cannot be removed (\(String(cString: strerror(errno))))")
        }
        Self.syncDirectory(folder(course: course, learner: learner))
    }

    /// What `inProgress` found.
    public typealias InProgressLookup = WegwijsCore.InProgressLookup

    /// Rewrites the in-progress file atomically.
    public func saveInProgress(_ record: CompletionRecord) throws(FileProblem) {
        let path = inProgressPath(course: record.course.id, learner: record.learner.id)
        try Self.writeAtomically(try Self.encode(record, path: path), to: path, replacing: true)
    }

    /// Writes an ended (or abandoned) attempt under a new name that never replaces another
    /// file, then removes the in-progress file. Returns the new file's path.
    @discardableResult
    public func saveEnded(_ record: CompletionRecord) throws(FileProblem) -> String {
        let folder = folder(course: record.course.id, learner: record.learner.id)
        let stamp = Self.fileTimestamp(record.finishedAt ?? Date())
        let data = try Self.encode(record, path: folder)
        for _ in 0..<100 {
            let path = folder + "/" + RecordsLayout.endedName(stamp: stamp, hex: Self.randomHex())
            do {
                try Self.writeAtomically(data, to: path, replacing: false)
            } catch let error where error.reason == Self.existsReason {
                continue
            }
            let inProgress = inProgressPath(course: record.course.id, learner: record.learner.id)
            if unlink(inProgress) != 0 && errno != ENOENT {
                throw FileProblem(path: inProgress, reason: "cannot be removed (\(String(cString: strerror(errno))))")
            }
            Self.syncDirectory(folder)
            return path
        }
        throw FileProblem(path: folder, reason: "no free file name for the record")
    }

    private static func encode(_ record: CompletionRecord, path: String) throws(FileProblem) -> Data {
        do {
            return try record.encoded()
        } catch {
            throw FileProblem(path: path, reason: "cannot encode the record (\(error))")
        }
    }

    private static let existsReason = "exists"

    /// Temp file in the same folder, fsync, then rename (replacing) or link (never replacing).
    /// `syncingFolder: false` leaves the folder's own fsync to the file system (the xAPI outbox,
    /// which records can rebuild, saves that time on the learner's path).
    static func writeAtomically(_ data: Data, to path: String, replacing: Bool, mode: mode_t = 0o640,
                                syncingFolder: Bool = true) throws(FileProblem) {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = folder + "/" + RecordsLayout.tempName(for: (path as NSString).lastPathComponent, hex: randomHex())
        func failure(_ what: String) -> FileProblem {
            let reason = "\(what) (\(String(cString: strerror(errno))))"
            unlink(temp)
            return FileProblem(path: path, reason: reason, kind: .notWritable)
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileProblem(path: path, reason: "cannot be written (\(String(cString: strerror(errno))))", kind: .notWritable) }
        // Not group- or world-writable, whatever the umask.
        fchmod(fd, mode & 0o755)
        let written = data.withUnsafeBytes { FileDescriptorWrite.all($0, to: fd) } == 0
        guard written else { close(fd); throw failure("cannot be written") }
        guard fsync(fd) == 0 else { close(fd); throw failure("cannot be flushed to disk") }
        guard close(fd) == 0 else { throw failure("cannot be closed") }
        if replacing {
            guard rename(temp, path) == 0 else { throw failure("cannot be put in place") }
        } else {
            guard link(temp, path) == 0 else {
                if errno == EEXIST {
                    unlink(temp)
                    throw FileProblem(path: path, reason: existsReason)
                }
                throw failure("cannot be put in place")
            }
            unlink(temp)
        }
        if syncingFolder { syncDirectory(folder) }
    }

    private static func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func randomHex() -> String {
        String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }

    /// `20261124T101500Z`
    public static func fileTimestamp(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private static func reason(from error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
