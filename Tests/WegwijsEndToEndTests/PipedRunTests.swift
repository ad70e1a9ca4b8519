import Foundation
import Testing
import WegwijsCore

@Suite("Piped runs of the built binary")
struct PipedRunTests {
    let course = Wegwijs.fixture("branching.json")

    @Test("best answers pass: exit 0 and a passed record on disk")
    func bestAnswersPass() throws {
        let records = try Wegwijs.temporaryFolder()
        let result = try Wegwijs.run(["run", course, "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(result.status == 0, "\(result.stderr)")
        let files = Wegwijs.files(under: records)
        #expect(files.count == 1)
        let path = try #require(files.first)
        #expect(path.hasPrefix("test-branching/123/"))
        let record = try CompletionRecord.decode(Data(contentsOf: records.appendingPathComponent(path)))
        #expect(record.status == .passed)
        #expect(record.answers.map(\.options) == [["goed"], ["m1", "m3"], ["weiger"]])
        #expect(record.score.earned == 7 && record.score.possible == 7)
        #expect(result.stdout.contains("Scenario 1 van 3"))
        #expect(result.stdout.contains("Geslaagd"))
    }
}
