import Foundation

/// The statements of every record in a records folder (`export --format xapi`, `sync --rescan`).
public struct RecordStatements: Sendable {
    /// Courses by id; where one id has several versions, the one whose file matches the
    /// record's `sha256` is used.
    public let courses: [String: [LoadedCourse]]
    public let profile: XAPIProfile

    public init(courses: [LoadedCourse], profile: XAPIProfile) {
        self.courses = Dictionary(grouping: courses, by: \.course.id)
        self.profile = profile
    }

    /// A record file that gave no statements, and why.
    public typealias Problem = FileProblem

    /// The record files below `root` in a stable order: course, learner, then file name
    /// (ended attempts by time, `in-progress.json` last). Hidden entries (the outbox) are skipped.
    public static func recordFiles(root: String) throws(FileProblem) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileProblem(path: root, reason: "no such records folder")
        }
        func visible(_ folder: String) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        var files: [String] = []
        for course in visible(root) {
            let coursePath = root + "/" + course
            guard manager.fileExists(atPath: coursePath, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for learner in visible(coursePath) {
                let learnerPath = coursePath + "/" + learner
                guard manager.fileExists(atPath: learnerPath, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                let names = visible(learnerPath).filter { $0.hasSuffix(".json") }
                let ended = names.filter { $0 != RecordStore.inProgressName }
                files += ended.map { learnerPath + "/" + $0 }
                if names.contains(RecordStore.inProgressName) { files.append(learnerPath + "/" + RecordStore.inProgressName) }
            }
        }
        return files
    }

    /// The course a record was made on, if it is known here.
    public func course(for record: CompletionRecord) -> Course? {
        guard let candidates = courses[record.course.id] else { return nil }
        return (candidates.first { $0.sha256 == record.course.sha256 } ?? candidates.first)?.course
    }

    /// Reads one record file and makes its statements.
    public func statements(ofFile path: String) throws(FileProblem) -> (record: CompletionRecord, statements: [XAPIStatement]) {
        let bytes: [UInt8]
        do {
            bytes = try RecordFiles.contents(of: path)
        } catch {
            throw error
        }
        let record: CompletionRecord
        do {
            record = try CompletionRecord.decode(Data(bytes))
        } catch {
            throw FileProblem(path: path, reason: "not a completion record (\(error))")
        }
        guard let course = course(for: record) else {
            throw FileProblem(path: path, reason: "course '\(record.course.id)' is not known here: name its file with --course")
        }
        return (record, XAPIStatements.make(for: record, course: course, profile: profile))
    }
}
