import WegwijsCore

/// Item statistics as one self-contained HTML page in the report's look: course figures, the
/// flags, a table of scenarios, each scenario's options with a bar per share (critical options
/// marked), and the guidelines. No script: everything is in the markup.
public struct StatsPage: Sendable {
    public var phrases: StatsPhrases

    public init(language: InterfaceLanguage) {
        phrases = StatsPhrases.of(language)
    }

    private var numbers: NumberStyle { NumberStyle(phrases.language) }

    /// The report's look plus flag badges, bars and the figures list.
    public static let style = HTML.baseStyle + """
    .flag { display: inline-block; margin: 0 .25rem .15rem 0; padding: 0 .35rem; border: 2px solid #a10f1f; color: #a10f1f;
            background: #fff4f4; font-weight: bold; border-radius: .2rem; }
    tr.flagged > th:first-child { border-left: 6px solid #a10f1f; }
    .critical { font-weight: bold; color: #a10f1f; }
    .bar { vertical-align: middle; }
    dl.figures { display: grid; grid-template-columns: max-content max-content; gap: .15rem 1.5rem; }
    dl.figures dt { font-weight: bold; } dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
    .option-text { color: #3d3d3d; font-size: .9rem; }
    .key { font-weight: bold; color: #1a6b33; }
    .too-few { color: #3d3d3d; font-style: italic; } td .too-few { display: block; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

    """

    /// The whole page.
    public func render(_ statistics: ItemStatistics, course: Course) -> String {
        let language = phrases.language.rawValue
        func percent(_ value: Double?) -> String { phrases.percent(value, numbers) }
        func flagBadges(_ flags: [ItemFlag]) -> String {
            flags.map { "<span class=\"flag\" data-flag=\"\($0.rawValue)\">\(HTML.escaped(phrases.flag($0)))</span>" }.joined()
        }
        let title = phrases.title(statistics.courseID)
        var body = "<header>\n<h1>\(HTML.escaped(title))</h1>\n<p class=\"meta\">\(HTML.escaped(course.title.resolved(language, fallback: course.language)))"
        body += " · \(HTML.escaped(statistics.courseVersion))"
        if let since = statistics.since { body += " · \(HTML.escaped(phrases.since(numbers.day(since))))" }
        body += "</p>\n"
        let figures = statistics.course
        body += "<p class=\"meta\" id=\"counted\">\(HTML.escaped(phrases.counted(figures, numbers: numbers)))</p>\n</header>\n<main>\n"
        body += "<section aria-labelledby=\"h-course\">\n<h2 id=\"h-course\">\(HTML.escaped(phrases.courseHeading))</h2>\n"
        guard figures.attempts > 0 else {
            body += "<p>\(HTML.escaped(phrases.noAttempts))</p>\n</section>\n</main>\n"
            return HTML.page(language: phrases.language, title: title, style: Self.style, body: body, script: nil)
        }
        body += "<dl class=\"figures\" id=\"course-figures\">\n"
        for (label, value) in phrases.courseFigureRows(figures, numbers: numbers) { body += "<dt>\(HTML.escaped(label))</dt><dd>\(HTML.escaped(value))</dd>\n" }
        body += "<dt>\(HTML.escaped(phrases.failedGuideline))</dt><dd>"
        body += figures.failedGuideline.map { "\(HTML.escaped($0.id)) \(numbers.count($0.count))" }.joined(separator: ", ")
        body += "</dd>\n</dl>\n</section>\n"

        body += "<section aria-labelledby=\"h-flags\">\n<h2 id=\"h-flags\">\(HTML.escaped(phrases.flagsHeading)) (\(statistics.flags.count))</h2>\n"
        if statistics.flags.isEmpty {
            body += "<p>\(HTML.escaped(phrases.noFlags))</p>\n"
        } else {
            body += "<ul id=\"flags\">\n"
            for entry in statistics.flags {
                let place = entry.scenario + (entry.option.map { " / \($0)" } ?? "")
                body += "<li>\(flagBadges([entry.flag])) <a href=\"#s-\(HTML.escaped(entry.scenario))\">\(HTML.escaped(place))</a>: \(HTML.escaped(phrases.advice(entry.flag)))</li>\n"
            }
            body += "</ul>\n"
        }
        let tooFew = statistics.scenarios.filter { !$0.tooFewFor.isEmpty }.count
        if tooFew > 0 { body += "<p class=\"too-few\" id=\"too-few\">\(HTML.escaped(phrases.tooFewSummary(tooFew, numbers.count(tooFew))))</p>\n" }
        body += "</section>\n"

        body += "<section aria-labelledby=\"h-scenarios\">\n<h2 id=\"h-scenarios\">\(HTML.escaped(phrases.scenariosHeading))</h2>\n"
        if statistics.scenarios.contains(where: { $0.options.contains(where: \.isKey) }) {
            body += "<p class=\"note\" id=\"key-legend\">\(HTML.escaped(phrases.keyLegend("✓")))</p>\n"
        }
        body += "<table id=\"scenarios\" class=\"wide\"><caption>\(HTML.escaped(phrases.scenariosHeading))</caption>\n<thead><tr>"
        body += "<th scope=\"col\">\(HTML.escaped(phrases.scenarioColumn))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.shown))</th>"
        body += "<th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.facility))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.discrimination))</th>"
        body += "<th scope=\"col\">\(HTML.escaped(phrases.flagsColumn))</th></tr></thead>\n<tbody>\n"
        for scenario in statistics.scenarios {
            let title = course.scenario(scenario.id)?.title?.resolved(language, fallback: course.language)
            body += "<tr\(scenario.flags.isEmpty ? "" : " class=\"flagged\"")><th scope=\"row\"><a href=\"#s-\(HTML.escaped(scenario.id))\">\(HTML.escaped(scenario.id))</a>"
            if let title { body += "<br><span class=\"option-text\">\(HTML.escaped(title))</span>" }
            body += "</th><td class=\"n\">\(numbers.count(scenario.shown))</td><td class=\"n\">\(percent(scenario.facility))</td>"
            body += "<td class=\"n\">\(scenario.discrimination.map { numbers.decimal($0, places: 3) } ?? phrases.noValue)</td>"
            body += "<td>\(flagBadges(scenario.flags))"
            if let note = phrases.tooFew(scenario, numbers: numbers) { body += "<span class=\"too-few\">\(HTML.escaped(note))</span>" }
            body += "</td></tr>\n"
        }
        body += "</tbody></table>\n"
        for scenario in statistics.scenarios {
            let source = course.scenario(scenario.id)
            body += "<h3 id=\"s-\(HTML.escaped(scenario.id))\">\(HTML.escaped(scenario.id))</h3>\n"
            if let note = phrases.tooFew(scenario, numbers: numbers) { body += "<p class=\"too-few\" data-too-few=\"\(HTML.escaped(scenario.id))\">\(HTML.escaped(note))</p>\n" }
            body += "<table class=\"options\"><caption>\(HTML.escaped(phrases.optionsCaption(scenario.id, scenario.measure)))</caption>\n<thead><tr>"
            body += "<th scope=\"col\">\(HTML.escaped(phrases.optionColumn))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.share(scenario.measure)))</th>"
            body += "<th scope=\"col\"><span class=\"no-print\" aria-hidden=\"true\"></span></th><th scope=\"col\">\(HTML.escaped(phrases.flagsColumn))</th></tr></thead>\n<tbody>\n"
            for option in scenario.options {
                let text = source?.option(option.id)?.text.resolved(language, fallback: course.language)
                body += "<tr data-option=\"\(HTML.escaped(option.id))\"\(option.flags.isEmpty ? "" : " class=\"flagged\"")><th scope=\"row\">"
                if option.isKey { body += "<span class=\"key\" aria-hidden=\"true\">✓</span> <span class=\"sr-only\">\(HTML.escaped(phrases.keyHidden))</span>" }
                body += HTML.escaped(option.id)
                if option.isCritical { body += " <span class=\"critical\">(\(HTML.escaped(phrases.critical)))</span>" }
                if let text { body += "<br><span class=\"option-text\">\(HTML.escaped(text.count > 140 ? String(text.prefix(139)) + "…" : text))</span>" }
                body += "</th><td class=\"n\">\(percent(option.share))</td>"
                let width = Int(((option.share ?? 0) * 2).rounded())
                let fill = option.isCritical ? "#a10f1f" : "#2166ac"
                body += "<td><svg class=\"bar\" width=\"202\" height=\"14\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"201\" height=\"13\" fill=\"#fff\" stroke=\"#767676\"/><rect x=\"1\" y=\"1\" width=\"\(width)\" height=\"12\" fill=\"\(fill)\"/></svg></td>"
                body += "<td>\(flagBadges(option.flags))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "</section>\n"

        body += "<section aria-labelledby=\"h-guidelines\">\n<h2 id=\"h-guidelines\">\(HTML.escaped(phrases.guidelinesHeading))</h2>\n"
        body += "<table id=\"guidelines\"><caption>\(HTML.escaped(phrases.guidelinesHeading))</caption>\n<thead><tr><th scope=\"col\">\(HTML.escaped(phrases.guidelineColumn))</th>"
        body += "<th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.assessed))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.meanPercent))</th>"
        body += "<th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.atOrAbove(numbers.percent(Double(statistics.perGuideline)))))</th></tr></thead>\n<tbody>\n"
        for guideline in statistics.guidelines {
            let title = course.guideline(guideline.id)?.title.resolved(language, fallback: course.language)
            body += "<tr><th scope=\"row\">\(HTML.escaped(guideline.id))"
            if let title { body += "<br><span class=\"option-text\">\(HTML.escaped(title))</span>" }
            body += "</th><td class=\"n\">\(numbers.count(guideline.assessed))</td><td class=\"n\">\(percent(guideline.meanPercent))</td><td class=\"n\">\(percent(guideline.atOrAbove))</td></tr>\n"
        }
        body += "</tbody></table>\n</section>\n</main>\n<footer><p class=\"note\">\(HTML.escaped(phrases.madeBy))</p></footer>\n"
        return HTML.page(language: phrases.language, title: title, style: Self.style, body: body, script: nil)
    }
}
