import WegwijsCore

/// Renders scenarios as a learner sees them, annotated with what a reviewer needs: every
/// option's id, scores, critical flag, feedback and where it leads. Records nothing.
public struct CoursePreviewRenderer: Sendable {
    public var course: Course
    public var language: String
    public var layout: TextLayout

    public init(course: Course, language: String, terminal: TerminalInfo) {
        self.course = course
        self.language = language
        self.layout = TextLayout(terminal: terminal)
    }

    private var phrases: Phrases { Phrases(code: language) }

    /// Course text in the preview language, with anything a terminal would obey escaped (as in
    /// the runner, so no rendering path can forget it).
    private func text(_ localized: LocalizedText) -> String {
        TextLayout.sanitized(localized.resolved(language, fallback: course.language))
    }

    /// The course header: title, terms, pass rule and guidelines.
    public func header() -> String {
        var output = layout.styled(TextLayout.inline(text(course.title), limit: 200), .bold) + "\n"
        output += "course \(course.id) \(TextLayout.inline(course.version, limit: 40)) · languages \(course.languages.joined(separator: ", "))"
        output += " · \(course.scenarios.count) scenario\(course.scenarios.count == 1 ? "" : "s")\n"
        let rule = course.passing
        output += "pass: overall ≥ \(rule.overall)%, every assessed guideline ≥ \(rule.perGuideline)%"
        output += rule.noCritical ? ", no critical option\n" : ", critical options allowed\n"
        var terms: [String] = []
        if let validFor = course.validFor { terms.append("valid for \(validFor)") }
        if let due = course.dueWithinDays { terms.append("due within \(due) days") }
        if course.shuffleOptions { terms.append("options shuffled per attempt (shown here in file order)") }
        if !terms.isEmpty { output += terms.joined(separator: " · ") + "\n" }
        if let introduction = course.introduction { output += "\n" + layout.wrap(text(introduction)) }
        output += "\n" + layout.styled(phrases.guidelinesHeading, .bold) + "\n"
        for guideline in course.guidelines {
            output += layout.wrap("\(text(guideline.title)) [\(guideline.id)]", indent: "    ", firstIndent: "  • ")
            output += layout.wrap(text(guideline.summary), indent: "    ")
        }
        if let closing = course.closing { output += "\n" + layout.styled("closing:", .dim) + "\n" + layout.wrap(text(closing), indent: "  ") }
        return output
    }

    /// One scenario: what the learner sees, then the annotations.
    public func scenario(at index: Int) -> String {
        let scenario = course.scenarios[index]
        var heading = "Scenario \(index + 1)/\(course.scenarios.count) · \(scenario.id)"
        if let channel = scenario.channel { heading += " · " + TextLayout.inline(channel) }
        heading += scenario.kind == .multiple ? " · multiple answers" : " · one answer"
        var output = "\n" + layout.rule + layout.styled(heading, .cyan) + "\n"
        if let title = scenario.title { output += layout.styled(TextLayout.inline(text(title), limit: 200), .bold) + "\n" }
        output += layout.rule + "\n" + layout.wrap(text(scenario.situation)) + "\n"
        output += layout.styled(TextLayout.inline(scenario.question.map(text) ?? phrases.defaultQuestion, limit: 200), .bold) + "\n"
        for (position, option) in scenario.options.enumerated() {
            output += layout.wrap(text(option.text), indent: "     ", firstIndent: "  \(AnswerInput.letter(position))) ")
            var facts = ["id \(option.id)", "scores \(scoreList(option.scores))"]
            if option.isCritical { facts.append(layout.styled("CRITICAL", .red)) }
            if scenario.kind == .single, let next = option.next { facts.append("next → \(describe(next))") }
            output += layout.wrap(layout.styled(facts.joined(separator: " · "), .dim), indent: "     ")
            if let feedback = option.feedback {
                output += layout.wrap("feedback: " + text(feedback), indent: "     ")
            } else {
                output += layout.wrap(layout.styled("(no feedback)", .yellow), indent: "     ")
            }
        }
        let possible = course.guidelines.compactMap { guideline -> String? in
            let points = Scoring.possible(scenario, guideline: guideline.id)
            return points > 0 ? "\(guideline.id) \(points)" : nil
        }
        output += "\n" + layout.wrap("possible: " + (possible.isEmpty ? "nothing" : possible.joined(separator: ", ")))
        if let explanation = scenario.explanation {
            output += layout.wrap(layout.styled(phrases.explanation, .bold) + ": " + text(explanation))
        } else {
            output += layout.styled("(no explanation)", .yellow) + "\n"
        }
        output += "then → " + describe(scenario.next, defaultAfter: index) + "\n"
        return output
    }

    private func scoreList(_ scores: [String: Int]) -> String {
        guard !scores.isEmpty else { return "{}" }
        let ordered = course.guidelines.map(\.id).filter { scores[$0] != nil } + scores.keys.filter { course.guideline($0) == nil }.sorted()
        return ordered.map { id in
            let points = scores[id] ?? 0
            return "\(id) \(points > 0 ? "+" : "")\(points)"
        }.joined(separator: ", ")
    }

    private func describe(_ link: ScenarioLink) -> String {
        switch link {
        case .end: "end of course"
        case .scenario(let id): "'\(id)'"
        }
    }

    private func describe(_ link: ScenarioLink?, defaultAfter index: Int) -> String {
        if let link { return describe(link) }
        return index + 1 < course.scenarios.count ? "'\(course.scenarios[index + 1].id)' (the following scenario)" : "end of course (last scenario)"
    }
}
