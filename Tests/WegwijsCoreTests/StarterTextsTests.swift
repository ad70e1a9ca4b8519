import Foundation
import Testing
@testable import WegwijsCore

@Suite("the starter course's texts: one table per language")
struct StarterTextsTests {
    @Test("the starter is valid in every table's language, its own first, every text from its table", arguments: StarterTexts.tables.map(\.language))
    func table(language: String) throws {
        let texts = StarterTexts.of(language)
        #expect(texts.language == language)
        let json = StarterCourse.json(id: "start", language: language)
        let (course, diagnostics) = CourseLoader.check(bytes: Array(json.utf8), file: "start.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(course)
        // Its own language first, then every other table's: each text in each language.
        #expect(loaded.language == language && loaded.languages == [language] + StarterTexts.tables.map(\.language).filter { $0 != language })
        #expect(loaded.incompleteLanguages.isEmpty)
        for table in StarterTexts.tables {
            #expect(loaded.title.resolved(table.language, fallback: language) == table.title)
            #expect(loaded.scenarios.first?.options.first?.feedback?.resolved(table.language, fallback: language) == table.referFeedback)
            #expect(loaded.scenarios.last?.explanation?.resolved(table.language, fallback: language) == table.screenshotExplanation)
        }
        #expect(!json.contains("$schema"))
        #expect(StarterCourse.json(id: "start", language: language, schema: "file:///s.json").contains(#""$schema": "file:///s.json""#))
    }

    @Test("the languages are the tables'; a code no table has gets the first (Dutch)")
    func fallback() {
        #expect(StarterCourse.languages == ["nl", "en"])
        #expect(StarterTexts.of("fr").language == "nl")
        #expect(StarterTexts.english.title == "My new course" && StarterTexts.dutch.title == "Mijn nieuwe cursus")
    }
}
