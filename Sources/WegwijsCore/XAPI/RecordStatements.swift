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
    /// (ended attempts by time, `in-progress.json` last), as the one walker finds them
    /// (`RecordFolder`, `RecordFiles.walk`: hidden entries such as the outbox are skipped).
    /// Folders below `root` that cannot be read are passed over.
    /// Entries with a record's name that are no file to read (a named pipe, a device) are in
    /// `problems`, each with its path, for the command to list.
    public static func recordFiles(root: String) throws(FileProblem) -> (files: [String], problems: [FileProblem]) {
        var problems: [FileProblem] = []
        let files = try RecordFolder(root: root).orderedPlaces { problems.append($0) }
        return (files, problems.sorted { $0.path < $1.path })
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
        // The record format's rules have one home, the reader `report`, `stats` and `verify`
        // use: a file they refuse is not sent either, for the same reason.
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw FileProblem(path: path, reason: "not a completion record (not valid JSON: \(error.message))")
        }
        do {
            _ = try RecordFacts.read(root)
        } catch {
            throw FileProblem(path: path, reason: "invalid record: \(error.description)")
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
