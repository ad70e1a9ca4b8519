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

    private var view: ScenarioView { ScenarioView(course: course, language: language, layout: layout) }
    private var phrases: Phrases { view.phrases }
    private func text(_ localized: LocalizedText) -> String { view.text(localized) }

    /// The course header: title, terms, pass rule, pools and guidelines.
    public func header() -> String {
        var output = layout.styled(layout.wrapped(TextLayout.inline(text(course.title), limit: 200)), .bold) + "\n"
        let languages = course.languages.map { TextLayout.inline($0, limit: 20) }.joined(separator: ", ")
        output += layout.wrap([phrases.previewCourse(course.id, TextLayout.inline(course.version, limit: 40)),
                               phrases.previewLanguages(languages), phrases.previewSituations(course.scenarios.count)].joined(separator: view.separator))
        let rule = course.passing
        output += layout.wrap(phrases.previewPassRule(rule.overall, rule.perGuideline, rule.noCritical))
        var terms: [String] = []
        if let validFor = course.validFor { terms.append(phrases.previewValidFor(phrases.duration(validFor))) }
        if let due = course.dueWithinDays { terms.append(phrases.previewDueWithin(due)) }
        if course.shuffleOptions { terms.append(phrases.previewShuffled) }
        if !terms.isEmpty { output += layout.wrap(terms.joined(separator: view.separator)) }
        for pool in course.pools {
            output += layout.wrap(phrases.previewPool(pool.id, pool.draw, Set(pool.scenarios).count) + ": " + pool.scenarios.joined(separator: ", "))
        }
        if let introduction = course.introduction { output += "\n" + layout.wrap(text(introduction)) }
        output += view.guidelines(showingIDs: true)
        if let closing = course.closing {
            output += "\n" + layout.styled(phrases.previewClosing, .dim) + "\n" + layout.wrap(text(closing), indent: "  ")
        }
        if let statement = course.acknowledgement {
            output += "\n" + layout.styled(phrases.previewAcknowledgement, .dim) + "\n" + layout.wrap(text(statement), indent: "  ")
        }
        if let policy = course.policy {
            // What `beleid` shows the learner, and what the acknowledgement names.
            let words = PolicyPhrases.of(phrases.language)
            output += "\n" + layout.styled(words.previewLabel, .dim) + "\n"
            output += layout.wrap(text(policy.title) + ", " + words.version(TextLayout.sanitized(policy.version)), indent: "  ")
            output += layout.wrap(text(policy.summary), indent: "  ")
            if let published = policy.published { output += layout.wrap(words.published + " " + text(published), indent: "  ") }
        }
        return output
    }

    /// One scenario: what the learner sees, then the annotations.
    public func scenario(at index: Int) -> String {
        let scenario = course.scenarios[index]
        var heading = phrases.previewHeading(index + 1, course.scenarios.count) + view.separator + scenario.id
        heading += view.separator + phrases.kind(scenario.kind).previewName
        if let pool = course.poolPosition(of: scenario.id) { heading += view.separator + phrases.previewInPool(course.pools[pool].id) }
        var output = view.scenario(scenario, options: scenario.options, heading: heading) { option in
            var facts = ["\(phrases.previewID) \(option.id)", "\(phrases.previewScores) \(scoreList(option.scores))"]
            if option.isCritical {
                facts.append(layout.styled(phrases.previewCritical, .red))
            } else if scenario.kind == .single {
                // What the learner is told on choosing it (one option is a whole answer here).
                facts.append(phrases.verdict(Scoring.verdict(scenario, chosen: [option])))
            }
            if let next = option.next { facts.append("\(phrases.previewNext) \(view.arrow)\(describe(next))") }
            var lines = layout.wrap(layout.styled(facts.joined(separator: view.separator), .dim), indent: "     ")
            if let feedback = option.feedback {
                lines += layout.wrap("\(phrases.previewFeedback): " + text(feedback), indent: "     ")
            } else {
                lines += layout.wrap(layout.styled(phrases.previewNoFeedback, .yellow), indent: "     ")
            }
            return lines
        }
        let possible = course.guidelines.compactMap { guideline -> String? in
            let points = Scoring.possible(scenario, guideline: guideline.id)
            return points > 0 ? "\(guideline.id) \(points)" : nil
        }
        output += "\n" + layout.wrap("\(phrases.previewPossible): " + (possible.isEmpty ? phrases.previewNothing : possible.joined(separator: ", ")))
        if let explanation = scenario.explanation {
            output += layout.wrap(layout.styled(phrases.explanation, .bold) + ": " + text(explanation))
        } else {
            output += layout.styled(phrases.previewNoExplanation, .yellow) + "\n"
        }
        output += layout.wrap("\(phrases.previewThen) \(view.arrow)" + describe(scenario.next, defaultAfter: index))
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
        case .end: phrases.previewEnd
        case .scenario(let id): "'\(id)'"
        }
    }

    private func describe(_ link: ScenarioLink?, defaultAfter index: Int) -> String {
        if let link { return describe(link) }
        return index + 1 < course.scenarios.count ? "'\(course.scenarios[index + 1].id)' \(phrases.previewFollowing)" : phrases.previewEndLast
    }
}
