import Foundation
import Testing
@testable import WegwijsCore

/// One course that breaks one rule, as edits of numbered lines of `ValidationRuleTests.base`.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var edits: [Int: String]
    var line: Int
    var message: String
    var severity: Diagnostic.Severity = .error
    /// False when the rule cannot be broken alone (one slip breaks more than one rule).
    var alone = true
    var testDescription: String { rule }

    /// The base course with the edits applied; replacing a line keeps the line count.
    var text: String {
        var lines = ValidationRuleTests.base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, replacement) in edits { lines[number - 1] = replacement }
        return lines.joined(separator: "\n")
    }
}

@Suite("validate: every rule of SPEC §2, located")
struct ValidationRuleTests {
    /// A valid course without warnings; the rule cases replace single lines of it.
    static let base = """
    {
      "format": "wegwijs.course/1",
      "id": "regels",
      "version": "1",
      "language": "nl",
      "languages": ["nl"],
      "title": "Regels",
      "validFor": "P1Y", "passing": {"overall": 30, "perGuideline": 0},
      "guidelines": [
        {"id": "openbaar", "title": "Openbaar", "summary": "Alles is openbaar."},
        {"id": "geheim", "title": "Geheim", "summary": "Deel geen geheimen."}
      ],
      "scenarios": [
        {"id": "eerste", "situation": "Iets gebeurt.", "explanation": "Uitleg.",
         "options": [
          {"id": "goed", "text": "Goed", "scores": {"openbaar": 2, "geheim": 1}, "feedback": "Ja."},
          {"id": "fout", "text": "Fout", "scores": {"openbaar": 0}, "feedback": "Nee.", "next": "tweede"}
         ],
         "next": "tweede"},
        {"id": "tweede", "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "single",
         "options": [
          {"id": "deel", "text": "Delen", "scores": {"geheim": -2}, "critical": true, "feedback": "Nee."},
          {"id": "weiger", "text": "Weigeren", "scores": {"geheim": 2, "openbaar": 1}, "feedback": "Ja."}
         ]}
      ]
    }
    """

    static let extraScenario = #"{"id": "tweede", "situation": "x", "explanation": "u", "options": [{"id": "a", "text": "a", "scores": {"geheim": 1}, "feedback": "f"}, {"id": "b", "text": "b", "scores": {}, "feedback": "f"}]}"#

    static let errorCases: [RuleCase] = [
        RuleCase(rule: "the JSON does not parse", edits: [7: #"  "title": "Regels""#], line: 7, message: "a comma is missing at the end of line 7"),
        RuleCase(rule: "a trailing comma", edits: [11: #"    {"id": "geheim", "title": "Geheim", "summary": "Deel geen geheimen."},"#], line: 11, message: "trailing comma"),
        RuleCase(rule: "a duplicate key", edits: [4: #"  "version": "1", "version": "2","#], line: 4, message: "duplicate key \"version\""),
        RuleCase(rule: "a required field is missing", edits: [4: ""], line: 1, message: "missing required field 'version'"),
        RuleCase(rule: "a required option field is missing", edits: [23: #"      {"id": "weiger", "text": "Weigeren", "feedback": "Ja."}"#], line: 23, message: "missing required field 'scores'"),
        RuleCase(rule: "a field has the wrong type", edits: [4: #"  "version": 1,"#], line: 4, message: "'version' must be a string"),
        RuleCase(rule: "a score is not a whole number", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": "2", "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "must be a whole number"),
        RuleCase(rule: "an unknown format", edits: [2: #"  "format": "wegwijs.course/2","#], line: 2, message: "unknown format 'wegwijs.course/2'"),
        RuleCase(rule: "an id with capitals", edits: [16: #"      {"id": "Goed", "text": "Goed", "scores": {"openbaar": 2, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "option id 'Goed' may hold only"),
        RuleCase(rule: "a duplicate guideline id", edits: [11: #"    {"id": "geheim", "title": "G", "summary": "S"}, {"id": "geheim", "title": "G2", "summary": "S2"}"#], line: 11, message: "guideline id 'geheim' is used twice"),
        RuleCase(rule: "a duplicate scenario id", edits: [24: "     ]}, " + extraScenario], line: 24, message: "scenario id 'tweede' is used twice"),
        RuleCase(rule: "a duplicate option id", edits: [17: #"      {"id": "goed", "text": "Fout", "scores": {"openbaar": -1}, "feedback": "Nee.", "next": "tweede"}"#], line: 17, message: "option id 'goed' is used twice in scenario 'eerste'"),
        RuleCase(rule: "a score of 1.5 says scores are whole numbers", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 1.5, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "the score for 'openbaar' is 1.5, but scores are whole numbers (like 2, 1, 0 or -1)"),
        RuleCase(rule: "a score names a guideline far from every id: the known ones are listed", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"phishing": 2, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "option 'goed' of scenario 'eerste' scores unknown guideline 'phishing'; the course's guidelines are 'openbaar', 'geheim'"),
        RuleCase(rule: "a score names an unknown guideline", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbar": 2, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "option 'goed' of scenario 'eerste' scores unknown guideline 'openbar' — did you mean 'openbaar'?"),
        RuleCase(rule: "a scenario's next names an unknown scenario", edits: [19: #"     "next": "twede"},"#], line: 19, message: "scenario 'eerste' goes next to unknown scenario 'twede' — did you mean 'tweede'?"),
        RuleCase(rule: "an option's next names an unknown scenario", edits: [17: #"      {"id": "fout", "text": "Fout", "scores": {"openbaar": -1}, "feedback": "Nee.", "next": "derde"}"#], line: 17, message: "option 'fout' of scenario 'eerste' goes next to unknown scenario 'derde'"),
        RuleCase(rule: "a text lacks the default language", edits: [7: #"  "title": {"en": "Rules"},"#], line: 7, message: "'title' has no text in 'nl'"),
        RuleCase(rule: "a guideline is scored by no option", edits: [11: #"    {"id": "geheim", "title": "G", "summary": "S"}, {"id": "extra", "title": "E", "summary": "S"}"#], line: 11, message: "guideline 'extra' is scored positively by no option"),
        RuleCase(rule: "a scenario is unreachable", edits: [17: #"      {"id": "fout", "text": "Fout", "scores": {"openbaar": -1}, "feedback": "Nee.", "next": "end"}"#, 19: #"     "next": "end"},"#], line: 20, message: "scenario 'tweede' cannot be reached from the first scenario 'eerste'"),
        RuleCase(rule: "a path can loop forever", edits: [24: #"     ], "next": "eerste"}"#], line: 20, message: "the course can loop forever: 'eerste' → 'tweede' → 'eerste'"),
        RuleCase(rule: "a multiple scenario has an option with next", edits: [20: #"    {"id": "tweede", "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "multiple","#, 23: #"      {"id": "weiger", "text": "Weigeren", "scores": {"geheim": 2, "openbaar": 1}, "feedback": "Ja.", "next": "end"}"#], line: 23, message: "option 'weiger' of scenario 'tweede' has 'next', but scenario 'tweede' is a multiple-answer scenario"),
        RuleCase(rule: "a scenario has no option with a positive score", edits: [23: #"      {"id": "weiger", "text": "Weigeren", "scores": {"geheim": 0}, "feedback": "Ja."}"#], line: 20, message: "scenario 'tweede' has no option with a positive score"),
        RuleCase(rule: "validFor does not parse", edits: [8: #"  "validFor": "1 jaar","#], line: 8, message: "'validFor' is not an ISO 8601 duration"),
        RuleCase(rule: "a scenario has fewer than two options", edits: [22: #"      {"id": "deel", "text": "Delen", "scores": {"geheim": 2}, "feedback": "Nee."}"#, 23: ""], line: 21, message: "scenario 'tweede' has 1 option(s); it needs 2 to 26"),
        RuleCase(rule: "kind is not a known kind", edits: [20: #"    {"id": "tweede", "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "enkel","#], line: 20, message: "'kind' must be 'single', 'multiple' or 'ranking', not 'enkel'"),
        RuleCase(rule: "a pass threshold is out of range", edits: [8: #"  "validFor": "P1Y", "passing": {"overall": 120},"#], line: 8, message: "'overall' must be between 0 and 100, not 120"),
        // SPEC §2 limits: numbers that could overflow a computation, ids that could collide.
        RuleCase(rule: "a score above 1000", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 1001, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "the score for 'openbaar' must be between -1000 and 1000, not 1001"),
        RuleCase(rule: "a score too large for any integer", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 99999999999999999999, "geheim": 1}, "feedback": "Ja."},"#], line: 16, message: "must be between -1000 and 1000, not 99999999999999999999"),
        RuleCase(rule: "a score below -1000", edits: [17: #"      {"id": "fout", "text": "Fout", "scores": {"openbaar": -9223372036854775808}, "feedback": "Nee.", "next": "tweede"}"#], line: 17, message: "must be between -1000 and 1000"),
        RuleCase(rule: "dueWithinDays above 3650", edits: [8: #"  "validFor": "P1Y", "dueWithinDays": 1e300,"#], line: 8, message: "'dueWithinDays' must be a whole number"),
        RuleCase(rule: "dueWithinDays too large for any integer", edits: [8: #"  "validFor": "P1Y", "dueWithinDays": 99999999999999999999,"#], line: 8, message: "'dueWithinDays' must be between 1 and 3650, not 99999999999999999999"),
        RuleCase(rule: "validFor longer than 10 years", edits: [8: #"  "validFor": "P999999Y","#], line: 8, message: "'validFor' may be at most 10 years"),
        RuleCase(rule: "validFor of 3654 days", edits: [8: #"  "validFor": "P3654D","#], line: 8, message: "'validFor' may be at most 10 years"),
        RuleCase(rule: "a course id over 64 characters", edits: [3: #"  "id": "\#(String(repeating: "a", count: 65))","#], line: 3, message: "is at most 64 characters long"),
        RuleCase(rule: "a scenario id over 64 characters", edits: [20: #"    {"id": "\#(String(repeating: "t", count: 65))", "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "single","#], line: 20, message: "scenario id 'ttt", alone: false),
        RuleCase(rule: "a language code with an escape sequence", edits: [5: #"  "language": "nl\u001b[2J","#], line: 5, message: "'language' must be a language code", alone: false),
        RuleCase(rule: "'end' is used as a scenario id", edits: [24: "     ]}, " + extraScenario.replacingOccurrences(of: #""id": "tweede""#, with: #""id": "end""#)], line: 24, message: "'end' is reserved"),
    ]

    static let warningCases: [RuleCase] = [
        RuleCase(rule: "an option without feedback", edits: [16: #"      {"id": "goed", "text": "Goed", "scores": {"openbaar": 2, "geheim": 1}},"#], line: 16, message: "option 'goed' of scenario 'eerste' has no feedback", severity: .warning),
        RuleCase(rule: "a scenario without explanation", edits: [14: #"    {"id": "eerste", "situation": "Iets gebeurt.","#], line: 14, message: "scenario 'eerste' has no explanation", severity: .warning),
        RuleCase(rule: "a text much longer than a screen", edits: [14: #"    {"id": "eerste", "situation": "\#(String(repeating: "Heel lang. ", count: 200))", "explanation": "Uitleg.","#], line: 14, message: "the situation of scenario 'eerste' is 2200 characters in 'nl', longer than a screen", severity: .warning),
        RuleCase(rule: "a guideline scored in only one scenario", edits: [23: #"      {"id": "weiger", "text": "Weigeren", "scores": {"geheim": 2}, "feedback": "Ja."}"#], line: 10, message: "guideline 'openbaar' is scored in only one scenario ('eerste')", severity: .warning),
        RuleCase(rule: "an unknown field", edits: [3: #"  "id": "regels", "titel": "x","#], line: 3, message: "unknown field 'titel' is ignored — did you mean 'title'?", severity: .warning),
    ]

    static func check(_ text: String) -> (Course?, [Diagnostic]) {
        CourseLoader.check(bytes: Array(text.utf8), file: "rules.json")
    }

    @Test("the base course is valid and has no warnings")
    func baseIsClean() {
        let (course, diagnostics) = Self.check(Self.base)
        #expect(course != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("a course breaking one rule gets exactly that error, at the right line", arguments: errorCases)
    func brokenRule(_ rule: RuleCase) throws {
        let (_, diagnostics) = Self.check(rule.text)
        let errors = diagnostics.filter { $0.severity == .error }
        let match = try #require(errors.first { $0.message.contains(rule.message) }, "\(diagnostics.map(\.description))")
        #expect(match.position?.line == rule.line, "\(match.description)")
        #expect(errors.count == 1 || !rule.alone, "\(errors.map(\.description))")
        #expect(match.description.hasPrefix("rules.json:\(rule.line):"))
    }

    @Test("a course with one weakness gets that warning, at the right line, and stays valid", arguments: warningCases)
    func warning(_ rule: RuleCase) throws {
        let (course, diagnostics) = Self.check(rule.text)
        #expect(course != nil)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        let match = try #require(diagnostics.first { $0.message.contains(rule.message) }, "\(diagnostics.map(\.description))")
        #expect(match.severity == .warning)
        #expect(match.position?.line == rule.line)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
    }

    @Test("--strict turns every warning into an error", arguments: warningCases)
    func strict(_ rule: RuleCase) {
        let result = FileValidation.check(bytes: Array(rule.text.utf8), file: "rules.json", strict: true)
        #expect(!result.valid)
        #expect(result.errors == 1 && result.warnings == 0)
        #expect(result.problems.first?.line == rule.line)
    }

    @Test("all problems are reported: structural and semantic, in source order")
    func reportsAll() {
        let text = RuleCase(rule: "two", edits: [4: #"  "version": 1,"#, 19: #"     "next": "twede"},"#, 8: #"  "validFor": "1 jaar","#],
                            line: 0, message: "").text
        let (_, diagnostics) = Self.check(text)
        #expect(diagnostics.map { $0.position?.line ?? 0 } == [4, 8, 19], "\(diagnostics.map(\.description))")
    }

    @Test("a scenario that fails to decode does not make references to it look unknown")
    func noCascade() {
        let text = RuleCase(rule: "id", edits: [20: #"    {"id": 2, "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "single","#],
                            line: 0, message: "").text
        let (_, diagnostics) = Self.check(text)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.message.contains("'id' must be a string") == true)
        #expect(diagnostics.first?.position?.line == 20)
    }

    @Test("an id that breaks the id rule is never suggested as a \"did you mean\"")
    func noInvalidSuggestion() {
        let text = RuleCase(rule: "id", edits: [20: #"    {"id": "Tweede", "situation": "Nog iets.", "explanation": "Uitleg.", "kind": "single","#],
                            line: 0, message: "").text
        let (_, diagnostics) = Self.check(text)
        #expect(diagnostics.contains { $0.message.contains("scenario id 'Tweede' may hold only") && $0.position?.line == 20 }, "\(diagnostics.map(\.description))")
        #expect(diagnostics.contains { $0.message.contains("goes next to unknown scenario 'tweede'") }, "\(diagnostics.map(\.description))")
        #expect(!diagnostics.contains { $0.message.contains("did you mean") }, "\(diagnostics.map(\.description))")
    }

    @Test("every problem carries the JSON Pointer of the value involved")
    func pointers() {
        let text = RuleCase(rule: "next", edits: [19: #"     "next": "twede"},"#], line: 0, message: "").text
        let result = FileValidation.check(bytes: Array(text.utf8), file: "rules.json", strict: false)
        #expect(result.problems.map(\.pointer) == ["/scenarios/0/next"])
        #expect(result.problems.first?.column == 14)
    }

    static let hostileInputs: [(String, [UInt8], String)] = [
        ("an empty file", [], "the file is empty"),
        ("only white space", Array("  \n\t ".utf8), "only white space"),
        ("a byte order mark alone", [0xEF, 0xBB, 0xBF], "the file is empty"),
        ("invalid UTF-8", Array(#"{"id": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), "the file is not UTF-8: save it as UTF-8"),
        ("binary junk", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], "unexpected"),
        ("200,000 nested brackets", [UInt8](repeating: UInt8(ascii: "["), count: 200_000), "nested more than 256 levels"),
        ("200,000 nested objects", Array(String(repeating: #"{"a":"#, count: 200_000).utf8), "nested more than 256 levels"),
        ("a truncated file", Array(#"{"format": "wegwijs.course/1", "id": "#.utf8), "unexpected end of file"),
        ("a JSON array instead of a course", Array("[1, 2]".utf8), "the course must be an object"),
    ]

    @Test("hostile input ends in one clear, located error", arguments: hostileInputs)
    func hostile(_ input: (String, [UInt8], String)) throws {
        let (course, diagnostics) = CourseLoader.check(bytes: input.1, file: "junk.json")
        #expect(course == nil)
        let first = try #require(diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.message.contains(input.2), "\(input.0): \(first.description)")
        #expect(first.position != nil)
    }

    @Test("random bytes never crash the loader", arguments: 0..<20)
    func randomBytes(_ seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let bytes = (0..<Int(random.next() % 5_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let (_, diagnostics) = CourseLoader.check(bytes: bytes, file: "random.json")
        #expect(diagnostics.contains { $0.severity == .error })
    }
}

@Suite("validate: the limits of SPEC §2 at their edges")
struct CourseLimitTests {
    @Test("the largest values allowed validate", arguments: [
        #""validFor": "P10Y", "dueWithinDays": 3650,"#, #""validFor": "P120M","#, #""validFor": "P3653D","#,
    ])
    func largestAllowed(_ line: String) {
        let text = ValidationRuleTests.base.replacingOccurrences(of: #""validFor": "P1Y","#, with: line)
            .replacingOccurrences(of: #""openbaar": 2, "geheim": 1"#, with: #""openbaar": 1000, "geheim": 1"#)
            .replacingOccurrences(of: #""id": "regels""#, with: #""id": "\#(String(repeating: "r", count: 64))""#)
        let (course, diagnostics) = ValidationRuleTests.check(text)
        #expect(course != nil, "\(diagnostics.map(\.description))")
    }
}
