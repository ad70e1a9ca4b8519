import Foundation
import Testing
@testable import WegwijsCore

@Suite("the course's policy field: decoding, checks, text format, translation, structure")
struct PolicyFieldTests {
    static let field = #"{"title": "Testbeleid", "version": "3", "published": "https://intranet.example.org/b", "summary": "Wees zuinig."}"#

    static func withPolicy(_ field: String) -> String {
        ValidationRuleTests.base.replacingOccurrences(of: #""validFor": "P1Y","#, with: #""validFor": "P1Y", "policy": \#(field),"#)
    }

    @Test("a policy decodes into the course; a plain 'published' is the same in every language")
    func decodes() throws {
        let two = Self.withPolicy(#"{"title": {"nl": "B", "en": "P"}, "version": "2026-03", "published": "https://x.example/b", "summary": {"nl": "S", "en": "E"}}"#)
            .replacingOccurrences(of: #""languages": ["nl"],"#, with: #""languages": ["nl", "en"],"#)
        let (course, diagnostics) = ValidationRuleTests.check(two)
        let policy = try #require(course?.policy, "\(diagnostics.map(\.description))")
        #expect(policy.version == "2026-03" && policy.title.translations == ["nl": "B", "en": "P"])
        #expect(policy.published?.translations == ["nl": "https://x.example/b", "en": "https://x.example/b"])
        #expect(!diagnostics.contains { $0.message.contains("policy") }, "\(diagnostics.map(\.description))")
        #expect(ValidationRuleTests.check(ValidationRuleTests.base).0?.policy == nil)
    }

    @Test("a broken policy is located at its line", arguments: [
        (#"{"title": "T", "summary": "S"}"#, "missing required field 'version'", true),
        (#"{"title": "T", "version": "3"}"#, "missing required field 'summary'", true),
        (#"{"title": "T", "version": 3, "summary": "S"}"#, "'version' must be a string", true),
        (#"{"title": "T", "version": "3", "summary": "S", "url": "x"}"#, "unknown field 'url' is ignored", false),
        (#""zie intranet""#, "'/policy' must be an object", true),
    ])
    func broken(_ field: String, _ message: String, _ isError: Bool) throws {
        let (_, diagnostics) = ValidationRuleTests.check(Self.withPolicy(field))
        let match = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics.map(\.description))")
        #expect(match.position?.line == 8, "\(match.description)")
        #expect((match.severity == .error) == isError)
    }

    @Test("the policy is wording: adding it leaves the structure hash as it was")
    func structureUnchanged() throws {
        let without = try JSONParser.parse(Array(ValidationRuleTests.base.utf8))
        let with = try JSONParser.parse(Array(Self.withPolicy(Self.field).utf8))
        #expect(CourseStructure.hash(of: without) == CourseStructure.hash(of: with))
        #expect(CanonicalJSON.bytes(of: without) != CanonicalJSON.bytes(of: with))
    }

    @Test("the text format writes it as a '## Policy' section and reads it back the same")
    func textFormat() throws {
        let root = try JSONParser.parse(Array(Self.withPolicy(Self.field).utf8))
        let text = try TextCourseWriter.text(of: root)
        #expect(text.contains("\n\n## Policy\ntitle: Testbeleid\nversion: 3\npublished: https://intranet.example.org/b\nsummary: Wees zuinig.\n\n## Guideline openbaar\n"), "\(text)")
        let (back, problems) = TextCourseReader.parse(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(CanonicalJSON.bytes(of: back) == CanonicalJSON.bytes(of: root))
    }

    @Test("in the text format, an id after '## Policy' and a second policy are located problems", arguments: [
        ("## Policy beleid\ntitle: T\n", "'## Policy' takes no id"),
        ("## Policy\ntitle: T\n## Policy\ntitle: U\n", "'policy' is given twice here"),
        ("## Policy\n- a (x +1)\n", "an option ('- id') belongs under a '## Scenario' heading"),
    ])
    func textProblems(_ lines: String, _ message: String) {
        let (_, problems) = TextCourseReader.parse(Array(("# Course x\n" + lines).utf8))
        #expect(problems.contains { $0.message.contains(message) }, "\(problems)")
    }

    @Test("translators get the policy's texts")
    func translationUnits() throws {
        let root = try JSONParser.parse(Array(Self.withPolicy(Self.field).utf8))
        let keys = TranslationUnits.units(of: root, source: "nl", target: "en").map(\.key)
        #expect(keys.starts(with: ["course/title", "policy/title", "policy/published", "policy/summary", "guideline/openbaar/title"]), "\(keys)")
    }
}
