import Foundation
import Testing
@testable import WegwijsCore

@Suite("validate: the course's refresher field")
struct RefresherFieldTests {
    static func withRefresher(_ field: String) -> String {
        ValidationRuleTests.base.replacingOccurrences(of: #""validFor": "P1Y","#, with: #""validFor": "P1Y", "refresher": \#(field),"#)
    }

    @Test("a refresher decodes into the course")
    func decodes() throws {
        let (course, diagnostics) = ValidationRuleTests.check(Self.withRefresher(#"{"every": "P4M", "scenarios": 2}"#))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let rule = try #require(course?.refresher)
        #expect(rule.every == ISODuration("P4M"))
        #expect(rule.scenarios == 2)
    }

    @Test("a refresher that cannot work as declared is a warning at its line", arguments: [
        (#"{"every": "P1Y", "scenarios": 1}"#, "'every' (P1Y) is not shorter than 'validFor' (P1Y)"),
        (#"{"every": "P4M", "scenarios": 3}"#, "is to show 3 situations, but the course has only 2"),
        (#"{"every": "P0D", "scenarios": 1}"#, "'every' must be a period longer than nothing"),
    ])
    func unworkable(_ field: String, _ message: String) throws {
        let (_, diagnostics) = ValidationRuleTests.check(Self.withRefresher(field))
        let match = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics.map(\.description))")
        #expect(match.position?.line == 8, "\(match.description)")
    }

    @Test("a course without one has none")
    func absent() {
        #expect(ValidationRuleTests.check(ValidationRuleTests.base).0?.refresher == nil)
    }

    @Test("a broken refresher is an error at its line", arguments: [
        (#"{"every": "vier maanden", "scenarios": 4}"#, "'every' is not an ISO 8601 duration"),
        (#"{"every": "P999Y", "scenarios": 4}"#, "'every' may be at most 10 years"),
        (#"{"every": "P4M", "scenarios": 0}"#, "'scenarios' must be between 1 and 10000, not 0"),
        (#"{"every": "P4M"}"#, "'refresher' is missing 'scenarios'"),
        (#"{"scenarios": 4}"#, "every"),
        (#""P4M""#, "refresher"),
    ])
    func broken(_ field: String, _ message: String) throws {
        let (_, diagnostics) = ValidationRuleTests.check(Self.withRefresher(field))
        let errors = diagnostics.filter { $0.severity == .error }
        let match = try #require(errors.first { $0.message.contains(message) }, "\(diagnostics.map(\.description))")
        #expect(match.position?.line == 8, "\(match.description)")
        #expect(errors.count == 1, "\(errors.map(\.description))")
    }

    @Test("the UWV course declares a refresher of four situations every four months")
    func bundled() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("courses/uwv-sociale-media.json")
        let bytes = try Array(Data(contentsOf: url))
        let (course, _) = CourseLoader.check(bytes: bytes, file: "uwv-sociale-media.json")
        #expect(course?.refresher == RefresherRule(every: try #require(ISODuration("P4M")), scenarios: 4))
    }
}
