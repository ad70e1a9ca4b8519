import Foundation

/// One xAPI statement as Wegwijs sends it: its id, its moment, and its exact JSON text.
public struct XAPIStatement: Sendable, Hashable {
    /// The statement id (a version 5 UUID of the attempt and the statement's place in it).
    public var id: String
    /// Seconds since 1970 of the statement's timestamp.
    public var timestamp: Int64
    /// The statement as one line of compact JSON, always the same bytes for the same attempt.
    public var json: String

    public init(id: String, timestamp: Int64, json: String) {
        self.id = id
        self.timestamp = timestamp
        self.json = json
    }
}

/// What statements need besides a record and its course (SPEC §6 settings).
public struct XAPIProfile: Sendable, Hashable {
    /// `actor.account.homePage`.
    public var actorHomepage: String
    /// The start of every activity IRI (`urn:wegwijs:course:`).
    public var activityBase: String
    /// `context.platform`: `wegwijs <version>`.
    public var platform: String

    public init(actorHomepage: String, activityBase: String, platform: String) {
        self.actorHomepage = actorHomepage
        self.activityBase = activityBase
        self.platform = platform
    }
}

/// The fixed IRIs of SPEC §7 and the extensions Wegwijs adds.
public enum XAPIVocabulary {
    public static let courseType = "http://adlnet.gov/expapi/activities/course"
    public static let interactionType = "http://adlnet.gov/expapi/activities/cmi.interaction"
    public static let attempted = "http://adlnet.gov/expapi/verbs/attempted"
    public static let answered = "http://adlnet.gov/expapi/verbs/answered"
    public static let suspended = "http://adlnet.gov/expapi/verbs/suspended"
    public static let resumed = "http://adlnet.gov/expapi/verbs/resumed"
    public static let completed = "http://adlnet.gov/expapi/verbs/completed"
    public static let passed = "http://adlnet.gov/expapi/verbs/passed"
    public static let failed = "http://adlnet.gov/expapi/verbs/failed"
    public static let abandoned = "https://w3id.org/xapi/adl/verbs/abandoned"
    /// Activity Streams 1.0 `agree`: the learner confirmed the course's acknowledgement.
    public static let agreed = "http://activitystrea.ms/schema/1.0/agree"
    /// `context.extensions`: the course as the record names it (`id`, `version`, `sha256`,
    /// `validFor`, `dueWithinDays`), so an LRS report can work from statements alone.
    public static let courseExtension = "urn:wegwijs:extension:course"
    /// `result.extensions` of `answered`: guideline id → points earned in this scenario.
    public static let guidelinesExtension = "urn:wegwijs:extension:guideline-points"
    /// `result.extensions` of `answered`: whether a critical option was chosen.
    public static let criticalExtension = "urn:wegwijs:extension:critical"
    /// `context.extensions` of every statement of a refresher: the record's `refresher` block
    /// (`due`, `seed`, `scenarios`, `earlierAttempts`). Absent for the full course.
    public static let refresherExtension = "urn:wegwijs:extension:refresher"
}

/// Turns a completion record into xAPI statements (SPEC §7). Everything comes from the record
/// and its course: ids are version 5 UUIDs of the attempt id and the statement's place
/// (`attempted`, `answered/3`, `event/1`, `completed`, …), timestamps are the record's own
/// times, so the same record always gives byte-identical statements.
public enum XAPIStatements {
    /// The statements of `record`, in the order things happened.
    public static func make(for record: CompletionRecord, course: Course, profile: XAPIProfile) -> [XAPIStatement] {
        let builder = Builder(record: record, course: course, profile: profile)
        return builder.statements()
    }

    /// The statement id of a place in an attempt.
    public static func statementID(attemptID: String, place: String) -> String {
        NameBasedUUID.make(namespace: namespaceBytes, name: attemptID + "/" + place)
    }

    private static let namespaceBytes = NameBasedUUID.parse(NameBasedUUID.statementNamespace) ?? []

    /// `2026-11-24T10:15:00Z`
    /// Plain arithmetic: Foundation's calendar costs more than building the whole statement.
    public static func timestampText(_ seconds: Int64) -> String {
        let day = CalendarDay(secondsSince1970: seconds)
        let inDay = Int(seconds - Int64(day.number) * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return day.description + "T" + two(inDay / 3600) + ":" + two(inDay % 3600 / 60) + ":" + two(inDay % 60) + "Z"
    }

    /// An ISO 8601 duration of whole seconds: `PT12M49S`.
    public static func durationText(_ seconds: Int64) -> String {
        let total = max(0, seconds)
        let hours = total / 3600, minutes = total % 3600 / 60, rest = total % 60
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 || (hours == 0 && minutes == 0) { text += "\(rest)S" }
        return text
    }

    /// A percentage with one decimal as a scaled score: 85.4 → `0.854`.
    static func scaledText(_ percent: Double) -> String {
        let thousandths = Int((percent * 10).rounded())
        if thousandths >= 1000 { return "1" }
        if thousandths <= 0 { return "0" }
        var digits = String(thousandths)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    private struct Builder {
        let record: CompletionRecord
        let course: Course
        let profile: XAPIProfile

        var language: String { record.language }
        var courseIRI: String { profile.activityBase + record.course.id }

        func text(_ localized: LocalizedText?) -> String? {
            guard let localized else { return nil }
            let resolved = localized.resolved(language, fallback: course.language)
            return resolved.isEmpty ? nil : resolved
        }

        func languageMap(_ value: String?) -> OrderedJSON? {
            value.map { .object([(language, .string($0))]) }
        }

        func statements() -> [XAPIStatement] {
            var result: [XAPIStatement] = []
            let started = seconds(record.startedAt)
            result.append(statement(place: "attempted", verb: XAPIVocabulary.attempted, display: "attempted",
                                    at: started, object: courseActivity()))
            for entry in timeline() {
                switch entry {
                case .answer(let index, let answer):
                    result.append(answered(index: index, answer: answer))
                case .event(let index, let event):
                    let (verb, display) = event.type == .suspended ? (XAPIVocabulary.suspended, "suspended")
                        : (XAPIVocabulary.resumed, "resumed")
                    result.append(statement(place: "event/\(index)", verb: verb, display: display,
                                            at: seconds(event.at), object: courseActivity()))
                }
            }
            guard let finishedAt = record.finishedAt else { return result }
            let finished = seconds(finishedAt)
            switch record.status {
            case .passed, .failed:
                let ending = endResult(started: started, finished: finished, success: record.status == .passed)
                result.append(statement(place: "completed", verb: XAPIVocabulary.completed, display: "completed",
                                        at: finished, object: courseActivity(), result: ending))
                let passed = record.status == .passed
                result.append(statement(place: passed ? "passed" : "failed",
                                        verb: passed ? XAPIVocabulary.passed : XAPIVocabulary.failed,
                                        display: passed ? "passed" : "failed",
                                        at: finished, object: courseActivity(), result: ending))
                if let acknowledgedAt = record.acknowledgedAt {
                    result.append(statement(place: "acknowledged", verb: XAPIVocabulary.agreed, display: "agreed",
                                            at: seconds(acknowledgedAt), object: acknowledgementActivity(), parent: true))
                }
            case .abandoned:
                result.append(statement(place: "abandoned", verb: XAPIVocabulary.abandoned, display: "abandoned",
                                        at: finished, object: courseActivity(),
                                        result: endResult(started: started, finished: finished, success: nil)))
            case .inProgress:
                break
            }
            return result
        }

        enum Entry {
            case answer(Int, Answer)
            case event(Int, CompletionRecord.Event)
        }

        /// Answers and events merged in time order; on the same second a resumption comes
        /// before an answer and a suspension after it.
        func timeline() -> [Entry] {
            let events = record.events ?? []
            var entries: [Entry] = []
            var answerIndex = 0, eventIndex = 0
            while answerIndex < record.answers.count || eventIndex < events.count {
                let takeEvent: Bool
                if answerIndex >= record.answers.count {
                    takeEvent = true
                } else if eventIndex >= events.count {
                    takeEvent = false
                } else {
                    let event = events[eventIndex], answer = record.answers[answerIndex]
                    let eventAt = seconds(event.at), answerAt = seconds(answer.at)
                    takeEvent = eventAt < answerAt || (eventAt == answerAt && event.type == .resumed)
                }
                if takeEvent {
                    entries.append(.event(eventIndex, events[eventIndex]))
                    eventIndex += 1
                } else {
                    entries.append(.answer(answerIndex, record.answers[answerIndex]))
                    answerIndex += 1
                }
            }
            return entries
        }

        func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

        func courseActivity() -> OrderedJSON {
            .object([
                ("objectType", .string("Activity")),
                ("id", .string(courseIRI)),
                ("definition", .members([
                    ("name", languageMap(text(course.title))),
                    ("type", .string(XAPIVocabulary.courseType)),
                ])),
            ])
        }

        /// The course's acknowledgement as an activity of its own, named by its text.
        func acknowledgementActivity() -> OrderedJSON {
            .members([
                ("objectType", .string("Activity")),
                ("id", .string(courseIRI + "/acknowledgement")),
                ("definition", languageMap(text(course.acknowledgement)).map { .object([("name", $0)]) }),
            ])
        }

        func context(parent: Bool) -> OrderedJSON {
            var courseFacts: [(String, OrderedJSON?)] = [
                ("id", .string(record.course.id)),
                ("version", .string(record.course.version)),
                ("sha256", .string(record.course.sha256)),
            ]
            courseFacts.append(("validFor", record.course.validFor.map { .string($0) }))
            courseFacts.append(("dueWithinDays", record.course.dueWithinDays.map { .int($0) }))
            courseFacts.append(("refresherEvery", record.course.refresherEvery.map { .string($0) }))
            return .members([
                ("registration", .string(record.attemptId)),
                ("contextActivities", parent ? .object([("parent", .array([
                    .object([("objectType", .string("Activity")), ("id", .string(courseIRI))]),
                ]))]) : nil),
                ("platform", .string(profile.platform)),
                ("language", .string(language)),
                ("extensions", .members([
                    (XAPIVocabulary.courseExtension, .members(courseFacts)),
                    (XAPIVocabulary.refresherExtension, record.refresher.map { refresher in
                        .object([
                            ("due", .string(refresher.due)),
                            ("seed", .number(String(refresher.seed))),
                            ("scenarios", .array(refresher.scenarios.map { .string($0) })),
                            ("earlierAttempts", .array(refresher.earlierAttempts.map { .string($0) })),
                        ])
                    }),
                ])),
            ])
        }

        func actor() -> OrderedJSON {
            let name = record.learner.name.flatMap { $0.isEmpty ? nil : $0 }
            return .members([
                ("objectType", .string("Agent")),
                ("name", name.map { .string($0) }),
                ("account", .object([("homePage", .string(profile.actorHomepage)), ("name", .string(record.learner.id))])),
            ])
        }

        func statement(place: String, verb: String, display: String, at: Int64, object: OrderedJSON,
                       result: OrderedJSON? = nil, parent: Bool = false) -> XAPIStatement {
            let id = XAPIStatements.statementID(attemptID: record.attemptId, place: place)
            let json = OrderedJSON.members([
                ("id", .string(id)),
                ("actor", actor()),
                ("verb", .object([("id", .string(verb)), ("display", .object([("en-US", .string(display))]))])),
                ("object", object),
                ("result", result),
                ("context", context(parent: parent)),
                ("timestamp", .string(XAPIStatements.timestampText(at))),
            ])
            return XAPIStatement(id: id, timestamp: at, json: json.text)
        }

        func endResult(started: Int64, finished: Int64, success: Bool?) -> OrderedJSON {
            var score: OrderedJSON?
            if record.score.possible > 0 {
                score = .members([
                    ("scaled", record.score.percent.map { .number(XAPIStatements.scaledText($0)) }),
                    ("raw", .int(record.score.earned)),
                    ("min", .int(minimum())),
                    ("max", .int(record.score.possible)),
                ])
            }
            return .members([
                ("score", score),
                ("success", success.map { .bool($0) }),
                ("completion", .bool(success != nil)),
                ("duration", .string(XAPIStatements.durationText(finished - started))),
            ])
        }

        /// The lowest total the scenarios shown could have given: what the worst answer to each scores.
        func minimum() -> Int {
            record.answers.reduce(0) { sum, answer in sum + (course.scenario(answer.scenario).map(range)?.worst ?? 0) }
        }

        /// The fewest and most points a scenario can give, over all guidelines (`Scoring.range`).
        func range(_ scenario: Scenario) -> (worst: Int, best: Int) {
            Scoring.range(scenario, guidelines: course.guidelines.map(\.id))
        }

        func answered(index: Int, answer: Answer) -> XAPIStatement {
            let iri = courseIRI + "/" + answer.scenario
            guard let scenario = course.scenario(answer.scenario) else {
                // A record of another version of the course: the answer without the scenario's terms.
                let object = OrderedJSON.object([("objectType", .string("Activity")), ("id", .string(iri))])
                let result = OrderedJSON.object([("response", .string(answer.options.joined(separator: "[,]")))])
                return statement(place: "answered/\(index)", verb: XAPIVocabulary.answered, display: "answered",
                                 at: seconds(answer.at), object: object, result: result, parent: true)
            }
            let chosen = answer.options.compactMap(scenario.option)
            let patterns = scenario.rules.correctResponses(scenario)
            let definition = OrderedJSON.members([
                ("name", languageMap(text(scenario.title) ?? scenario.id)),
                ("type", .string(XAPIVocabulary.interactionType)),
                ("interactionType", .string(scenario.rules.interactionType)),
                ("correctResponsesPattern", patterns.isEmpty ? nil : .array(patterns.map { .string($0) })),
                ("choices", .array(scenario.options.map { option in
                    .members([("id", .string(option.id)), ("description", languageMap(text(option.text)))])
                })),
            ])
            let object = OrderedJSON.object([("objectType", .string("Activity")), ("id", .string(iri)),
                                             ("definition", definition)])
            let scored = course.guidelines.filter { guideline in
                Scoring.possible(scenario, guideline: guideline.id) > 0 || chosen.contains { $0.scores[guideline.id] != nil }
            }
            let points = scored.map { ($0.id, OrderedJSON.int(Scoring.earned(scenario, chosen, guideline: $0.id))) }
            let raw = course.guidelines.reduce(0) { $0 + Scoring.earned(scenario, chosen, guideline: $1.id) }
            let bounds = range(scenario)
            let result = OrderedJSON.members([
                ("score", .object([("raw", .int(raw)), ("min", .int(bounds.worst)), ("max", .int(bounds.best))])),
                ("success", .bool(Scoring.verdict(scenario, chosen: chosen) == .good)),
                ("response", answer.options.isEmpty ? nil : .string(answer.options.joined(separator: "[,]"))),
                ("extensions", .object([
                    (XAPIVocabulary.guidelinesExtension, .object(points)),
                    (XAPIVocabulary.criticalExtension, .bool(chosen.contains(where: \.isCritical))),
                ])),
            ])
            return statement(place: "answered/\(index)", verb: XAPIVocabulary.answered, display: "answered",
                             at: seconds(answer.at), object: object, result: result, parent: true)
        }
    }
}
