/// The summary line `validate` prints per file.
enum ValidationMessages {
    static func valid(scenarios: Int, guidelines: Int, warnings: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "ok (\(count(scenarios, "scenario")), \(count(guidelines, "guideline")), \(count(warnings, "warning")))",
            nl: "in orde (\(count(scenarios, "scenario", "scenario's")), \(count(guidelines, "richtlijn", "richtlijnen")), \(count(warnings, "waarschuwing", "waarschuwingen")))")
    }

    static func invalid(readable: Bool, errors: Int, warnings: Int) -> LocalizedMessage {
        LocalizedMessage(
            en: "\(readable ? "invalid" : "unreadable") (\(count(errors, "error")), \(count(warnings, "warning")))",
            nl: "\(readable ? "ongeldig" : "onleesbaar") (\(count(errors, "fout", "fouten")), \(count(warnings, "waarschuwing", "waarschuwingen")))")
    }

    /// "1 error", "2 errors": English plurals with an s.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// "1 fout", "2 fouten": Dutch plurals named in full.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
