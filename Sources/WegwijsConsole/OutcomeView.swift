import WegwijsCore

/// What the learner sees after answering: the verdict, the options chosen (and the better or
/// also-right ones) with their feedback, the explanation and the points per guideline.
struct OutcomeView {
    let view: ScenarioView

    private var layout: TextLayout { view.layout }
    private var terminal: TerminalInfo { view.layout.terminal }
    private var phrases: Phrases { view.phrases }
    private var course: Course { view.course }
    private func text(_ localized: LocalizedText?) -> String { view.text(localized) }

    func render(_ outcome: ScenarioOutcome, options: [Scenario.Option]) -> String {
        var output = ""
        let verdict = phrases.verdict(outcome.verdict)
        let (symbol, colour): (String, TextLayout.Colour) = switch outcome.verdict {
        case .good: ("✔ ", .green)
        case .partlyGood: ("◐ ", .yellow)
        case .notGood: ("✘ ", .red)
        case .seriousBreach: ("⚠ ", .red)
        }
        output += "\n" + layout.styled(layout.wrapped((terminal.usesGraphics ? symbol : "") + verdict), colour) + "\n\n"
        let arrow = terminal.usesGraphics ? "→ " : "- "
        func show(_ label: String, _ option: Scenario.Option, feedback: Bool, after: String = "") {
            let letter = AnswerInput.letter(options.firstIndex { $0.id == option.id } ?? 0)
            output += layout.wrap("\(label)\(letter)) \(text(option.text))\(after)", indent: "  ")
            if feedback, let feedback = option.feedback {
                output += layout.wrap(text(feedback), indent: "    ", firstIndent: "  " + arrow)
            }
        }
        for section in outcome.review {
            let label = phrases.reviewLabel(section.label)
            switch section.label {
            case .youChose, .alsoRight, .betterWas:
                for option in section.options { show(label + " ", option, feedback: section.showsFeedback) }
            case .yourOrder, .rightOrder:
                output += layout.wrap(label)
                for (place, option) in section.options.enumerated() {
                    let mark = section.rightPlace.indices.contains(place)
                        ? " (" + (section.rightPlace[place] ? phrases.rightPlace : phrases.wrongPlace) + ")" : ""
                    show("\(place + 1). ", option, feedback: section.showsFeedback, after: mark)
                }
            }
        }
        if let explanation = outcome.scenario.explanation {
            output += "\n" + layout.wrap("\(phrases.explanation): \(text(explanation))")
        }
        if !outcome.points.isEmpty {
            let parts = outcome.points.map { point in
                "\(TextLayout.inline(text(course.guideline(point.guideline)?.title), limit: 60)) \(phrases.points(point.earned, of: point.possible))"
            }
            output += layout.wrap("\(phrases.pointsHeading): \(parts.joined(separator: "; "))") + "\n"
        }
        return output
    }
}
