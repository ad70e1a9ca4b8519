import Foundation

/// What a certificate says: the facts of one sound pass, in the record's language. Made only
/// by `CertificateIssuer`, which refuses a record that is not a sound pass.
public struct Certificate: Sendable, Hashable {
    /// The record's language: the certificate is in the language the learner took the course in.
    public var language: String
    public var learnerID: String
    public var learnerName: String?
    public var courseID: String
    public var courseTitle: String
    public var courseVersion: String
    public var passedOn: CalendarDay
    /// The last day the pass counts (the day of the pass plus the course's `validFor`, as the
    /// report counts it); nil when the course's pass does not expire.
    public var validUntil: CalendarDay?
    /// The course's acknowledgement text, when the course has one.
    public var acknowledgement: String?
    /// The day the learner confirmed it; nil when they did not.
    public var acknowledgedOn: CalendarDay?
    public var code: String
    /// The record file it was made from.
    public var recordPath: String
}

/// Why no certificate is made for a record.
public struct CertificateRefusal: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reasons: [String]
    public var description: String {
        "\(path): no certificate: " + reasons.joined(separator: "; ")
    }
}

/// Makes certificates from records, only for sound passes: a record that passed, checks out
/// with `RecordVerifier` (re-scored against its course, signature when a key is configured),
/// and is not dated in the future.
public struct CertificateIssuer: Sendable {
    public let courses: [LoadedCourse]
    public let fallback: [LoadedCourse]
    public let signer: RecordSigner?
    /// The time of reading, in seconds since 1970: later records are refused.
    public let now: Int64

    public init(courses: [LoadedCourse], fallback: [LoadedCourse], signer: RecordSigner?, now: Int64) {
        self.courses = courses
        self.fallback = fallback
        self.signer = signer
        self.now = now
    }

    /// The certificate of one record file's bytes. `folders` as for `RecordVerifier.check`.
    public func issue(bytes: [UInt8], path: String, folders: RecordVerifier.Folders? = nil) throws(CertificateRefusal) -> Certificate {
        var verifier = RecordVerifier(courses: courses, fallback: fallback, signer: signer)
        var reasons = verifier.check(bytes: bytes, path: path, folders: folders).map { problem in
            problem.position.map { "line \($0.line): \(problem.message)" } ?? problem.message
        }
        guard let root = try? JSONParser.parse(bytes), let record = try? CompletionRecord.decode(Data(bytes)) else {
            throw CertificateRefusal(path: path, reasons: reasons.isEmpty ? ["not a completion record"] : reasons)
        }
        if let future = RecordTrust.futureTime(in: root, now: now) { reasons.append(future) }
        if record.status != .passed { reasons.insert("the attempt did not pass (status '\(record.status.rawValue)')", at: 0) }
        // A certificate is for the full course; a refresher keeps that pass valid (docs/hr.md).
        else if record.refresher != nil { reasons.insert("the attempt did not pass the full course: it is a refresher, and the certificate is that of the full-course pass", at: 0) }
        guard reasons.isEmpty, let finishedAt = record.finishedAt, let loaded = course(of: record) else {
            throw CertificateRefusal(path: path, reasons: reasons.isEmpty ? ["the record's course cannot be found"] : reasons)
        }
        let course = loaded.course
        let passedOn = CalendarDay(secondsSince1970: Int64(finishedAt.timeIntervalSince1970.rounded(.down)))
        return Certificate(
            language: record.language,
            learnerID: record.learner.id,
            learnerName: record.learner.name,
            courseID: record.course.id,
            courseTitle: course.title.resolved(record.language, fallback: course.language),
            courseVersion: record.course.version,
            passedOn: passedOn,
            validUntil: course.validFor.map { passedOn.adding($0) },
            acknowledgement: course.acknowledgement?.resolved(record.language, fallback: course.language),
            acknowledgedOn: record.acknowledgedAt.map { CalendarDay(secondsSince1970: Int64($0.timeIntervalSince1970.rounded(.down))) },
            code: CertificateCode.code(forRecordJSON: root),
            recordPath: path)
    }

    /// The course file the verifier checked the record against: the exact file, else one that
    /// differs only in wording.
    func course(of record: CompletionRecord) -> LoadedCourse? {
        var candidates = courses.filter { $0.course.id == record.course.id }
        if candidates.isEmpty { candidates = fallback.filter { $0.course.id == record.course.id } }
        return candidates.first { $0.sha256 == record.course.sha256 }
            ?? candidates.first { record.course.structure != nil && $0.structure == record.course.structure }
    }
}
