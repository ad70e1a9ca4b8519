import Testing
@testable import WegwijsCore

@Suite("validate --lang nl: the decoder's problems in Dutch, with the ids in front")
struct DutchCourseMessageTests {
    /// A small course with three slips: a misspelt field, a score of 1.5 and a missing summary.
    static let broken = """
    {
      "format": "wegwijs.course/1",
      "id": "kapot",
      "version": "1",
      "language": "nl",
      "title": "Kapot",
      "guidelines": [
        {"id": "openbaar", "title": "Openbaar", "summary": "Alles is openbaar."},
        {"id": "geheim", "title": "Geheim"}
      ],
      "scenarios": [
        {"id": "eerste", "situation": "Iets gebeurt.",
         "options": [
          {"id": "goed", "text": "Goed", "scores": {"openbaar": 2}, "feedbak": "Ja."},
          {"id": "fout", "text": "Fout", "scores": {"openbaar": 1.5}}
         ]}
      ]
    }
    """

    @Test("an unknown field, a score of 1.5 and a missing text, each in Dutch")
    func dutchWording() throws {
        let (_, diagnostics) = CourseLoader.check(bytes: Array(Self.broken.utf8), file: "kapot.json")
        func wording(at pointer: String) throws -> LocalizedMessage {
            try #require(diagnostics.first { $0.pointer == pointer }, "\(diagnostics.map(\.description))").wording
        }

        let unknown = try wording(at: "/scenarios/0/options/0/feedbak")
        #expect(unknown.nl == "scenario 'eerste', antwoord 'goed': onbekend veld 'feedbak' wordt genegeerd — bedoel je 'feedback'?")
        #expect(unknown.en == "scenario 'eerste', option 'goed': unknown field 'feedbak' is ignored — did you mean 'feedback'?")

        let score = try wording(at: "/scenarios/0/options/1/scores/openbaar")
        #expect(score.nl == "scenario 'eerste', antwoord 'fout': het aantal punten voor 'openbaar' is 1.5, maar punten zijn hele getallen (zoals 2, 1, 0 of -1)")

        let missing = try wording(at: "/guidelines/1")
        #expect(missing.nl == "richtlijn 'geheim': verplicht veld 'summary' ontbreekt")
        #expect(missing.en == "guideline 'geheim': missing required field 'summary'")
    }
}
