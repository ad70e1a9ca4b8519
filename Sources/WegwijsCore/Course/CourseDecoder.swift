/// Turns a parsed JSON document into a `Course`, reporting every missing field, wrong type and
/// unknown key as a located problem instead of stopping at the first.
struct CourseDecoder {
    static let format = "wegwijs.course/1"

    /// Parts of the model a structural problem left out or defaulted. The semantic rules that
    /// depend on such a part are skipped, so one broken field does not cause a cascade of
    /// bogus follow-up errors ("unknown scenario" for a scenario that merely failed to decode).
    struct Gaps: OptionSet, Sendable {
        let rawValue: Int
        /// A guideline was dropped (not an object, or no usable id), or the list is missing.
        static let guidelines = Gaps(rawValue: 1 << 0)
        /// A scenario was dropped, or the list is missing.
        static let scenarios = Gaps(rawValue: 1 << 1)
        /// An option was dropped, or a scenario's option list is missing.
        static let options = Gaps(rawValue: 1 << 2)
        /// A score is not a whole number, or `scores` is not an object.
        static let scores = Gaps(rawValue: 1 << 3)
        /// A `next` or `kind` has the wrong type or value, so the branching is not known.
        static let links = Gaps(rawValue: 1 << 4)
        /// An optional text has the wrong type.
        static let texts = Gaps(rawValue: 1 << 5)
        /// A pool was dropped (not an object, or a field is missing or of the wrong type).
        static let pools = Gaps(rawValue: 1 << 6)
        /// Some value was reported as an error (a wrong `critical`, a `draw` out of range): the
        /// course is invalid, and the route analysis, which judges valid courses only, would
        /// judge one the file does not say.
        static let errors = Gaps(rawValue: 1 << 7)
    }

    var problems: [CourseProblem] = []
    /// What the decoded model lacks because of structural problems.
    var gaps: Gaps = []
    /// False when `id`, `version` or `title` is missing: the model holds placeholders then.
    var isComplete = true
    var language = "nl"
    var languages = ["nl"]
    /// False when `languages` could not be read as the author meant it: texts in a language it
    /// does not list are then not reported, as they would only echo that one error.
    var languagesKnown = true
    /// Texts that lack one of `languages` other than `language`, in document order.
    var missingTexts: [MissingText] = []

    private static let courseKeys: Set = ["$schema", "format", "id", "version", "language", "languages", "title",
                                          "introduction", "closing", "passing", "validFor", "dueWithinDays",
                                          "shuffleOptions", "shufflePools", "acknowledgement", "policy", "refresher", "pools", "guidelines", "scenarios"]
    private static let poolKeys: Set = ["id", "draw", "scenarios"]
    private static let passingKeys: Set = ["overall", "perGuideline", "noCritical"]
    private static let guidelineKeys: Set = ["id", "title", "summary"]
    private static let scenarioKeys: Set = ["id", "title", "channel", "situation", "question", "kind", "options",
                                            "explanation", "next"]
    private static let optionKeys: Set = ["id", "text", "scores", "feedback", "critical", "next"]

    /// The course as far as it decodes, with placeholders for a missing id, version or title, so
    /// the semantic rules can still run on it; nil only when the document is not an object.
    mutating func decodeModel(_ root: JSONNode) -> Course? {
        guard let fields = object(root, at: "", keys: Self.courseKeys) else {
            isComplete = false
            return nil
        }

        if let format = string(fields, "format", at: "", required: true), format != Self.format {
            error(at: "/format", CourseMessages.unknownFormat(format, reads: Self.format))
        }
        let id = identifier(fields, "id", at: "", what: CourseMessages.courseID)
        let version = string(fields, "version", at: "", required: true)
        decodeLanguages(fields)

        let title = localized(fields, "title", at: "", required: true)
        let introduction = localized(fields, "introduction", at: "")
        let closing = localized(fields, "closing", at: "")
        let passing = decodePassing(fields["passing"])
        var validFor: ISODuration?
        if let text = string(fields, "validFor", at: "") {
            validFor = ISODuration(text)
            if let duration = validFor, !CourseLimits.isWithinLimit(duration) {
                validFor = nil
                error(at: "/validFor", CourseMessages.durationTooLong("validFor", duration))
            } else if validFor == nil {
                error(at: "/validFor", CourseMessages.validForNotDuration(text))
            }
        }
        let due = integer(fields, "dueWithinDays", at: "", range: 1...CourseLimits.dueWithinDays)
        let shuffle = bool(fields, "shuffleOptions", at: "") ?? false
        let shufflePools = bool(fields, "shufflePools", at: "") ?? false
        let acknowledgement = localized(fields, "acknowledgement", at: "")
        let refresher = decodeRefresher(fields["refresher"])
        let policy = decodePolicy(fields["policy"])
        var pools: [ScenarioPool] = []
        if let list = array(fields, "pools", at: "", required: false) {
            for (index, node) in list.enumerated() {
                if let pool = decodePool(node, at: "/pools/\(index)") {
                    pools.append(pool)
                } else {
                    gaps.insert(.pools)
                }
            }
        }

        var guidelines: [Guideline] = []
        if let list = array(fields, "guidelines", at: "", required: true) {
            if list.isEmpty { error(at: "/guidelines", CourseMessages.noGuidelines) }
            for (index, node) in list.enumerated() {
                if let guideline = decodeGuideline(node, at: "/guidelines/\(index)") {
                    guidelines.append(guideline)
                } else {
                    gaps.insert(.guidelines)
                }
            }
        } else {
            gaps.insert(.guidelines)
        }
        var scenarios: [Scenario] = []
        if let list = array(fields, "scenarios", at: "", required: true) {
            if list.isEmpty { error(at: "/scenarios", CourseMessages.noScenarios) }
            for (index, node) in list.enumerated() {
                if let scenario = decodeScenario(node, at: "/scenarios/\(index)") {
                    scenarios.append(scenario)
                } else {
                    gaps.insert(.scenarios)
                }
            }
        } else {
            gaps.insert(.scenarios)
        }

        if id == nil || version == nil || title == nil { isComplete = false }
        var course = Course(id: id ?? "", version: version ?? "", language: language, languages: languages,
                      title: title ?? LocalizedText([:]),
                      introduction: introduction, closing: closing, passing: passing, validFor: validFor,
                      dueWithinDays: due, shuffleOptions: shuffle, acknowledgement: acknowledgement, pools: pools,
                      guidelines: guidelines, scenarios: scenarios, refresher: refresher)
        course.policy = policy
        course.shufflePools = shufflePools
        course.incompleteLanguages = languages.filter { code in missingTexts.contains { $0.language == code } }
        return course
    }

    private mutating func decodePool(_ node: JSONNode, at pointer: String) -> ScenarioPool? {
        guard let fields = object(node, at: pointer, keys: Self.poolKeys) else { return nil }
        let id = identifier(fields, "id", at: pointer, what: CourseMessages.poolID)
        let draw = integer(fields, "draw", at: pointer, range: 1...10_000)
        if fields["draw"] == nil {
            error(at: pointer, CourseMessages.poolMissingDraw)
        }
        var members: [String]?
        if let list = fields["scenarios"] {
            members = stringArray(list, at: pointer + "/scenarios")
        } else {
            error(at: pointer, CourseMessages.poolMissingScenarios)
        }
        guard let id, let draw, let members else { return nil }
        return ScenarioPool(id: id, draw: draw, scenarios: members)
    }

    private mutating func decodePassing(_ node: JSONNode?) -> PassingRule {
        var rule = PassingRule()
        guard let node, let fields = object(node, at: "/passing", keys: Self.passingKeys) else { return rule }
        if let overall = integer(fields, "overall", at: "/passing", range: 0...100) { rule.overall = overall }
        if let per = integer(fields, "perGuideline", at: "/passing", range: 0...100) { rule.perGuideline = per }
        if let critical = bool(fields, "noCritical", at: "/passing") { rule.noCritical = critical }
        return rule
    }

    private mutating func decodeGuideline(_ node: JSONNode, at pointer: String) -> Guideline? {
        guard let fields = object(node, at: pointer, keys: Self.guidelineKeys) else { return nil }
        let id = identifier(fields, "id", at: pointer, what: CourseMessages.guidelineID)
        let title = localized(fields, "title", at: pointer, required: true)
        let summary = localized(fields, "summary", at: pointer, required: true)
        guard let id else { return nil }
        return Guideline(id: id, title: title ?? LocalizedText([:]), summary: summary ?? LocalizedText([:]))
    }

    private mutating func decodeScenario(_ node: JSONNode, at pointer: String) -> Scenario? {
        guard let fields = object(node, at: pointer, keys: Self.scenarioKeys) else { return nil }
        let id = identifier(fields, "id", at: pointer, what: CourseMessages.scenarioID)
        let title = localized(fields, "title", at: pointer)
        let channel = self.channel(fields, at: pointer)
        let situation = localized(fields, "situation", at: pointer, required: true)
        let question = localized(fields, "question", at: pointer)
        let explanation = localized(fields, "explanation", at: pointer)
        var kind = ScenarioKind.single
        if let text = string(fields, "kind", at: pointer) {
            if let known = ScenarioKind(rawValue: text) {
                kind = known
            } else {
                gaps.insert(.links)
                error(at: pointer + "/kind", CourseMessages.unknownKind(text))
            }
        } else if fields["kind"] != nil {
            gaps.insert(.links)
        }
        let next = link(fields, at: pointer)
        var options: [Scenario.Option] = []
        if let list = array(fields, "options", at: pointer, required: true) {
            for (index, node) in list.enumerated() {
                if let option = decodeOption(node, at: "\(pointer)/options/\(index)") {
                    options.append(option)
                } else {
                    gaps.insert(.options)
                }
            }
        } else {
            gaps.insert(.options)
        }
        guard let id else { return nil }
        return Scenario(id: id, title: title, channel: channel, situation: situation ?? LocalizedText([:]),
                        question: question, kind: kind, options: options, explanation: explanation, next: next)
    }

    private mutating func decodeOption(_ node: JSONNode, at pointer: String) -> Scenario.Option? {
        guard let fields = object(node, at: pointer, keys: Self.optionKeys) else { return nil }
        let id = identifier(fields, "id", at: pointer, what: CourseMessages.optionID)
        let text = localized(fields, "text", at: pointer, required: true)
        let feedback = localized(fields, "feedback", at: pointer)
        let critical = bool(fields, "critical", at: pointer) ?? false
        let next = link(fields, at: pointer)
        var scores: [String: Int] = [:]
        if let node = fields["scores"] {
            if let members = node.members {
                for member in members {
                    let place = JSONPointer.appending(pointer + "/scores", member.key)
                    guard case .number(let literal) = member.node.value, let points = Int(literal) ?? Self.outsideIntRange(literal) else {
                        gaps.insert(.scores)
                        if case .number(let literal) = member.node.value {
                            error(at: place, CourseMessages.scoreNotWhole(member.key, literal))
                        } else {
                            error(at: place, CourseMessages.scoreNotNumber(member.key, found: member.node.value))
                        }
                        continue
                    }
                    guard CourseLimits.score.contains(points) else {
                        gaps.insert(.scores)
                        error(at: place, CourseMessages.scoreOutOfRange(member.key, CourseLimits.score, literal))
                        continue
                    }
                    scores[member.key] = points
                }
            } else {
                gaps.insert(.scores)
                typeMismatch(at: pointer + "/scores", CourseMessages.field("scores"), expected: CourseMessages.scoresObject, found: node)
            }
        } else {
            gaps.insert(.scores)
            error(at: pointer, CourseMessages.missingScores)
        }
        guard let id else { return nil }
        return Scenario.Option(id: id, text: text ?? LocalizedText([:]), scores: scores, feedback: feedback, isCritical: critical, next: next)
    }
}
