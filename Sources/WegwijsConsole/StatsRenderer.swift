import WegwijsCore

/// Item statistics as text for a terminal or a log: the course figures, each scenario with its
/// facility, discrimination and option shares (bars unless plain), the guidelines and the flags.
public struct StatsRenderer: Sendable {
    public var layout: TextLayout
    public var phrases: StatsPhrases

    public init(layout: TextLayout, language: InterfaceLanguage) {
        self.layout = layout
        phrases = StatsPhrases.of(language)
    }

    private var numbers: NumberStyle { NumberStyle(phrases.language) }

    /// The whole analysis as text.
    public func table(_ statistics: ItemStatistics, course: Course) -> String {
        let language = phrases.language.rawValue
        var text = layout.styled(TextLayout.inline("\(phrases.title(statistics.courseID)) \(statistics.courseVersion)", limit: 120), .bold)
        if let since = statistics.since { text += " (\(phrases.since(numbers.day(since))))" }
        text += "\n"
        let figures = statistics.course
        text += layout.wrap(phrases.counted(figures, numbers: numbers)) + "\n"
        guard figures.attempts > 0 else { return text + phrases.noAttempts + "\n" }
        func percent(_ value: Double?) -> String { phrases.percent(value, numbers) }
        let rows = phrases.courseFigureRows(figures, numbers: numbers).map { ($0.label, $0.value) } + [
            (phrases.failedGuideline, figures.failedGuideline.map { "\(TextLayout.inline($0.id, limit: 30)) \(numbers.count($0.count))" }.joined(separator: ", ")),
        ]
        text += layout.styled(phrases.courseHeading, .bold) + "\n"
        let labelWidth = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            text += layout.wrap(value, indent: String(repeating: " ", count: labelWidth + 4),
                                firstIndent: "  " + label + String(repeating: " ", count: labelWidth - label.count) + "  ")
        }
        text += "\n" + layout.styled(phrases.scenariosHeading, .bold) + "\n"
        // The key before an option's letter: a check mark, or an asterisk in plain text.
        let keyMark = layout.terminal.usesGraphics ? "✓" : "*"
        if statistics.scenarios.contains(where: { $0.options.contains(where: \.isKey) }) {
            text += layout.wrap(phrases.keyLegend(keyMark), indent: "    ", firstIndent: "  ")
        }
        for (index, scenario) in statistics.scenarios.enumerated() {
            let source = course.scenario(scenario.id)
            let title = source?.title?.resolved(language, fallback: course.language)
            text += layout.wrap("\(index + 1). \(scenario.id)" + (title.map { " — \($0)" } ?? ""), indent: "     ", firstIndent: "  ")
            var line = "\(phrases.shown) \(numbers.count(scenario.shown)) · \(phrases.facility) \(percent(scenario.facility))"
            line += " · \(phrases.discrimination) \(scenario.discrimination.map { numbers.decimal($0, places: 3) } ?? phrases.noValue)"
            text += "     " + line
            if !scenario.flags.isEmpty {
                text += "  " + layout.styled("[" + scenario.flags.map(phrases.flag).joined(separator: ", ") + "]", .red)
            }
            text += "\n"
            if let tooFew = phrases.tooFew(scenario, numbers: numbers) {
                text += layout.styled(layout.wrap(tooFew, indent: "       ", firstIndent: "     "), .yellow)
            }
            if scenario.measure == .placedRight { text += layout.styled(layout.wrap(phrases.placedRightNote, indent: "     ", firstIndent: "     "), .dim) }
            let idWidth = min(36, scenario.options.map { $0.id.count }.max() ?? 0)
            for (number, option) in scenario.options.enumerated() {
                let letter = String(UnicodeScalar(UInt8(97 + number % 26)))
                let id = TextLayout.inline(option.id, limit: 36)
                var optionLine = "   \(option.isKey ? keyMark : " ") \(letter) \(id)" + String(repeating: " ", count: max(0, idWidth - id.count))
                let share = percent(option.share)
                optionLine += "  " + String(repeating: " ", count: max(0, 7 - share.count)) + share
                let bar = layout.bar(percent: option.share ?? 0, width: 20)
                if !bar.isEmpty { optionLine += "  " + bar }
                if option.isCritical { optionLine += "  (" + phrases.critical + ")" }
                if !option.flags.isEmpty { optionLine += "  " + layout.styled("[" + option.flags.map(phrases.flag).joined(separator: ", ") + "]", .red) }
                text += optionLine + "\n"
            }
        }
        text += "\n" + layout.styled(phrases.guidelinesHeading, .bold) + "\n"
        let guidelineWidth = min(30, statistics.guidelines.map(\.id.count).max() ?? 0)
        for guideline in statistics.guidelines {
            let id = TextLayout.inline(guideline.id, limit: 30)
            text += "  " + id + String(repeating: " ", count: max(0, guidelineWidth - id.count))
            text += "  \(phrases.meanPercent) \(percent(guideline.meanPercent))"
            text += " · \(phrases.atOrAbove(numbers.percent(Double(statistics.perGuideline)))): \(percent(guideline.atOrAbove))"
            text += " · \(phrases.assessed) \(numbers.count(guideline.assessed))\n"
        }
        text += "\n" + layout.styled(phrases.flagsHeading, .bold) + "\n"
        let flags = statistics.flags
        if flags.isEmpty { text += "  " + phrases.noFlags + "\n" }
        let tooFew = statistics.scenarios.filter { !$0.tooFewFor.isEmpty }.count
        for entry in flags {
            let place = entry.scenario + (entry.option.map { " / \($0)" } ?? "")
            text += layout.wrap("\(phrases.flag(entry.flag)): \(place) — \(phrases.advice(entry.flag))", indent: "    ", firstIndent: "  ")
        }
        if tooFew > 0 { text += layout.styled(layout.wrap(phrases.tooFewSummary(tooFew, numbers.count(tooFew)), indent: "    ", firstIndent: "  "), .yellow) }
        return text
    }
}
