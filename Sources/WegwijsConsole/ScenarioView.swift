import WegwijsCore

/// The learner's view of a course's text, rendered the same way for `run` and `preview`: one
/// place turns course text into terminal text (escaped, wrapped, in the chosen language).
struct ScenarioView {
    let course: Course
    let language: String
    let layout: TextLayout
    let phrases: Phrases

    init(course: Course, language: String, layout: TextLayout) {
        self.course = course
        self.language = language
        self.layout = layout
        self.phrases = Phrases(code: language)
    }

    /// Between parts of a heading: a middle dot, or plain ASCII with `--plain`.
    var separator: String { layout.terminal.usesGraphics ? " · " : " - " }
    /// Before a list item, and before feedback.
    var bullet: String { layout.terminal.usesGraphics ? "  • " : "  - " }
    var arrow: String { layout.terminal.usesGraphics ? "→ " : "-> " }

    /// Course text in the view's language, with anything a terminal would obey escaped.
    func text(_ localized: LocalizedText?) -> String {
        TextLayout.sanitized(localized?.resolved(language, fallback: course.language) ?? "")
    }

    /// Every guideline's title and summary, under a heading.
    func guidelines(showingIDs: Bool = false) -> String {
        var output = "\n" + layout.styled(phrases.guidelinesHeading, .bold) + "\n"
        for guideline in course.guidelines {
            let title = text(guideline.title) + (showingIDs ? " [\(guideline.id)]" : "")
            output += layout.styled(layout.wrap(title, indent: "    ", firstIndent: bullet), .bold)
            output += layout.wrap(text(guideline.summary), indent: "    ")
        }
        return output
    }

    /// A scenario as the learner sees it: heading, title, situation, question and the options
    /// with their letters; `annotate` adds lines under each option (the preview's facts).
    func scenario(_ scenario: Scenario, options: [Scenario.Option], heading: String,
                  annotate: ((Scenario.Option) -> String)? = nil) -> String {
        var header = heading
        if let channel = scenario.channel { header += separator + TextLayout.inline(text(channel)) }
        var output = "\n" + layout.rule
        output += layout.styled(layout.wrapped(header), .cyan) + "\n"
        if let title = scenario.title {
            output += layout.styled(layout.wrapped(TextLayout.inline(text(title), limit: 200)), .bold) + "\n"
        }
        output += layout.rule + "\n"
        output += layout.wrap(text(scenario.situation)) + "\n"
        output += layout.styled(layout.wrapped(TextLayout.inline(scenario.question.map(text) ?? phrases.defaultQuestion, limit: 200)), .bold) + "\n"
        for (position, option) in options.enumerated() {
            output += layout.wrap(text(option.text), indent: "     ", firstIndent: "  \(AnswerInput.letter(position))) ")
            if let annotate { output += annotate(option) }
        }
        return output
    }
}
