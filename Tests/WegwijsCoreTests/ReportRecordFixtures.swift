import Foundation
import TestSupport
@testable import WegwijsCore

/// Completion records made in code on the branching fixture course, as the runner makes them.
enum RecordFixtures {
    /// Answers that pass the branching course.
    static let passing = [["goed"], ["m1", "m3"], ["weiger"]]
    /// Answers that fail it through the `gevolg` branch, with a critical option.
    static let failing = [["fout"], ["herstel"], ["m1"], ["deel"]]

    static func course() throws -> LoadedCourse {
        try CourseLoader.load(path: TestCourses.fixture("branching.json"))
    }

    static let start = Date(timeIntervalSince1970: 1_764_000_000)

    /// A record of answering `answers` in order; finished when they reach the end.
    static func record(_ answers: [[String]], course loaded: LoadedCourse, learner: String = "123",
                       attemptID: String = UUID().uuidString, signer: RecordSigner? = nil) throws -> CompletionRecord {
        var attempt = Attempt(course: loaded.course)
        for (index, options) in answers.enumerated() {
            try attempt.answer(options, at: start.addingTimeInterval(Double(index + 1) * 30))
        }
        var record = CompletionRecord(attempt: attempt, attemptID: attemptID, learner: .init(id: learner, name: "Jan Jansen"),
                                      course: .init(loaded), language: "nl", startedAt: start,
                                      finishedAt: attempt.isFinished ? start.addingTimeInterval(600) : nil)
        if let signer { record.signature = try signer.signature(for: record) }
        return record
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        let url = TestFolders.path("wegwijs-hr")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
