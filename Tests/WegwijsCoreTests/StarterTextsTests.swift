import Foundation
import Testing
@testable import WegwijsCore

@Suite("the starter course's texts: one table per language")
struct StarterTextsTests {
    @Test("each table writes a valid course in its own language, every text its own", arguments: StarterTexts.tables.map(\.language))
    func table(language: String) throws {
        let texts = StarterTexts.of(language)
        #expect(texts.language == language)
        let json = StarterCourse.json(id: "start", language: language)
        let (course, diagnostics) = CourseLoader.check(bytes: Array(json.utf8), file: "start.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(course)
        #expect(loaded.language == language && loaded.languages == [language])
        #expect(loaded.title.resolved(language, fallback: language) == texts.title)
        #expect(loaded.scenarios.first?.options.first?.feedback?.resolved(language, fallback: language) == texts.referFeedback)
        // No text of another table leaks in.
        for other in StarterTexts.tables where other.language != language {
            #expect(!json.contains(other.introduction) && !json.contains(other.screenshotExplanation))
        }
    }

    @Test("the languages are the tables'; a code no table has gets the first (Dutch)")
    func fallback() {
        #expect(StarterCourse.languages == ["nl", "en"])
        #expect(StarterTexts.of("fr").language == "nl")
        #expect(StarterTexts.english.title == "My new course" && StarterTexts.dutch.title == "Mijn nieuwe cursus")
    }
}
