import Testing
import WegwijsConsole
import WegwijsCore

/// A course's validity in words, as `preview` shows it (never the raw `P1Y`).
@Suite("Durations in words")
struct DurationWordsTests {
    @Test("one unit, several units, singular and plural, in Dutch and English", arguments: [
        ("P1Y", "1 jaar", "1 year"),
        ("P2Y", "2 jaar", "2 years"),
        ("P6M", "6 maanden", "6 months"),
        ("P1M", "1 maand", "1 month"),
        ("P1W", "1 week", "1 week"),
        ("P30D", "30 dagen", "30 days"),
        ("P1Y6M", "1 jaar en 6 maanden", "1 year and 6 months"),
        ("P1Y2M3D", "1 jaar, 2 maanden en 3 dagen", "1 year, 2 months and 3 days"),
    ])
    func words(_ iso: String, _ dutch: String, _ english: String) throws {
        let duration = try #require(ISODuration(iso))
        #expect(Phrases.of(.nl).duration(duration) == dutch)
        #expect(Phrases.of(.en).duration(duration) == english)
    }
}
