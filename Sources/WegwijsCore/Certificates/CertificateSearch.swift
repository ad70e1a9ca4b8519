import Foundation

/// Finds the record a certificate is for in a records folder: the newest sound pass of a
/// learner on a course, or the record whose code a certificate bears.
public struct CertificateSearch: Sendable {
    public let issuer: CertificateIssuer
    public let records: String

    public init(issuer: CertificateIssuer, records: String) {
        self.issuer = issuer
        self.records = records
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The folder (or a file in it) cannot be read.
        case unreadable(FileProblem)
        /// Nothing to certify: no record, no pass, or only unsound ones (with why).
        case notFound(String)

        public var description: String {
            switch self {
            case .unreadable(let problem): problem.description
            case .notFound(let message): message
            }
        }
    }

    /// The newest sound pass of `learner` on `course` (`RECORDS/<course>/<learner>/`).
    public func newestPass(learner: String, course: String) throws(Failure) -> Certificate {
        guard LearnerID.isValid(learner), CourseID.isValid(course) else {
            throw .notFound("'\(ControlCharacters.escaped(String(learner.prefix(70))))' on '\(ControlCharacters.escaped(String(course.prefix(70))))': not a valid employee number and course id")
        }
        let folder = records + "/" + course + "/" + learner
        guard case .folder = RecordFiles.kind(of: folder) else {
            throw .notFound("\(folder): no records of learner '\(learner)' on course '\(course)'")
        }
        var refusals: [CertificateRefusal] = []
        var passes: [(finished: String, certificate: Certificate)] = []
        for path in try files(in: folder) {
            let bytes: [UInt8]
            do { bytes = try RecordFiles.contents(of: path) } catch { throw .unreadable(error) }
            do {
                let certificate = try issuer.issue(bytes: bytes, path: path, folders: .init(course: course, learner: learner, certain: true))
                let finished = (try? JSONParser.parse(bytes))?["finishedAt"]?.string ?? ""
                passes.append((finished, certificate))
            } catch {
                refusals.append(error)
            }
        }
        if let newest = passes.max(by: { $0.finished < $1.finished }) { return newest.certificate }
        let unsound = refusals.filter { !$0.reasons.contains { $0.hasPrefix("the attempt did not pass") } || $0.reasons.count > 1 }
        if let first = unsound.first {
            throw .notFound("learner '\(learner)' has no sound pass on course '\(course)': \(first.description)")
        }
        throw .notFound("learner '\(learner)' has not passed course '\(course)' (\(refusals.count) record\(refusals.count == 1 ? "" : "s"), none passed)")
    }

    /// The record whose code is `code`, as a certificate (or why it is not a sound pass).
    public func record(withCode code: String) throws(Failure) -> Certificate {
        for path in try files(in: records) {
            guard let bytes = try? RecordFiles.contents(of: path), let root = try? JSONParser.parse(bytes),
                  CertificateCode.code(forRecordJSON: root) == code else { continue }
            let parts = path.split(separator: "/").map(String.init)
            let folders = parts.count >= 3 ? RecordVerifier.Folders(course: parts[parts.count - 3], learner: parts[parts.count - 2], certain: false) : nil
            do {
                return try issuer.issue(bytes: bytes, path: path, folders: folders)
            } catch {
                throw .notFound("code \(code) is that of \(error.description)")
            }
        }
        throw .notFound("no record in \(records) has code \(code)")
    }

    func files(in folder: String) throws(Failure) -> [String] {
        var found: [String] = []
        do {
            try RecordFiles.walk(folder, found: { found.append($0) }, problem: { _ in })
        } catch {
            throw .unreadable(error)
        }
        return found.sorted()
    }
}
