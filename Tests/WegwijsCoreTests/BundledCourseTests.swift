import Foundation
import Testing
@testable import WegwijsCore

/// The bundled courses are content, but content with promises: these tests keep a later edit
/// from quietly breaking them.
@Suite("The bundled UWV course and the example course")
struct BundledCourseTests {
    static let coursesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("courses")

    static func load(_ name: String) throws -> LoadedCourse {
        try CourseLoader.load(path: coursesFolder.appendingPathComponent(name).path)
    }

    static func total(_ option: Scenario.Option) -> Int { option.scores.values.reduce(0, +) }

    /// Plays the course choosing with `pick` until it ends.
    static func play(_ course: Course, pick: (Scenario) -> [String]) throws -> Attempt {
        var attempt = Attempt(course: course, seed: 1)
        while let scenario = attempt.currentScenario {
            try attempt.answer(pick(scenario), at: Date())
        }
        return attempt
    }

    static func best(_ scenario: Scenario) -> [String] {
        switch scenario.kind {
        case .single:
            let top = scenario.options.filter { !$0.isCritical }.max { total($0) < total($1) }
            return [top?.id ?? scenario.options[0].id]
        case .multiple:
            return scenario.options.filter { $0.scores.values.contains { $0 > 0 } }.map(\.id)
        case .ranking:
            return scenario.options.map(\.id)
        }
    }

    static func worst(_ scenario: Scenario) -> [String] {
        switch scenario.kind {
        case .single:
            return [scenario.options.min { total($0) < total($1) }?.id ?? scenario.options[0].id]
        case .multiple:
            let bad = scenario.options.filter { total($0) <= 0 }.map(\.id)
            return bad.isEmpty ? [scenario.options.min { total($0) < total($1) }?.id ?? ""] : bad
        case .ranking:
            return scenario.options.reversed().map(\.id)
        }
    }

    @Test("both courses load and validate without warnings (so without ordinary single slips)",
          arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func loads(name: String) throws {
        let loaded = try Self.load(name)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test("the best answer everywhere passes at 100 %; the worst everywhere fails",
          arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func bestAndWorstRuns(name: String) throws {
        let course = try Self.load(name).course
        let best = try Self.play(course, pick: Self.best).scoreSheet
        #expect(best.passed)
        #expect(best.percent == 100)
        #expect(best.guidelines.allSatisfy { !$0.isAssessed || $0.percent == 100 })
        let worst = try Self.play(course, pick: Self.worst).scoreSheet
        #expect(!worst.passed)
    }

    @Test("every scenario is reachable from the first", arguments: ["uwv-sociale-media.json", "voorbeeld.json"])
    func reachable(name: String) throws {
        let course = try Self.load(name).course
        var reached: Set<Int> = [0]
        var stack = [0]
        while let index = stack.popLast() {
            for next in course.successors(of: index).next where reached.insert(next).inserted { stack.append(next) }
        }
        #expect(reached.count == course.scenarios.count)
    }

    @Test("the example course uses every feature of the format")
    func exampleCourseFeatures() throws {
        let course = try Self.load("voorbeeld.json").course
        #expect(course.shuffleOptions)
        #expect(!course.pools.isEmpty && course.acknowledgement != nil)
        #expect(course.validFor != nil && course.dueWithinDays != nil)
        #expect(course.scenarios.contains { $0.kind == .multiple })
        #expect(course.scenarios.contains { $0.next == .end })
        #expect(course.scenarios.contains { $0.next != nil && $0.next != .end })
        #expect(course.scenarios.contains { $0.options.contains { $0.next != nil } })
        #expect(course.scenarios.contains { $0.question == nil })
        let options = course.scenarios.flatMap(\.options)
        #expect(options.contains { $0.isCritical })
        #expect(options.contains { $0.scores.isEmpty })
        #expect(options.contains { $0.scores.values.contains { $0 < 0 } })
    }
}

/// The UWV course, version 2 (issue 12): a bank of scenarios in pools, fair, about 20 minutes,
/// faithful to the policy and not passable by guessing. Every figure is computed here from the
/// course file itself (read as plain JSON, so no engine feature is needed), so that an edit
/// cannot quietly break a promise. Since 2.1 (issue 20) some options lead to a short follow-up
/// scenario (in no pool) that shows what happened next; the model here knows them.
@Suite("The UWV course 2.x: bank, fairness and guessing")
struct UWVCourseTests {
    typealias JSON = [String: Any]

    static let path = BundledCourseTests.coursesFolder.appendingPathComponent("uwv-sociale-media.json").path

    struct NotACourse: Error {}

    static func json() throws -> JSON {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? JSON else { throw NotACourse() }
        return root
    }

    static func int(_ value: Any?) -> Int? { (value as? Int) ?? (value as? NSNumber)?.intValue }

    // MARK: The course as plain data

    struct Option {
        var id: String
        var text: [String: String]
        var feedback: [String: String]
        var scores: [String: Int]
        var critical: Bool
        var next: String?
        var total: Int { scores.values.reduce(0, +) }
        func earned(_ guideline: String) -> Int { scores[guideline] ?? 0 }
    }

    struct Scenario {
        var id: String
        var multiple: Bool
        var options: [Option]
        var texts: [[String: String]]  // title, situation, question (may be absent: the default), explanation
        var explanation: [String: String]

        func option(_ id: String) -> Option? { options.first { $0.id == id } }

        /// SPEC §3: single, the best option's points (at least 0); multiple, the sum of positives.
        func possible(_ guideline: String) -> Int {
            let points: [Int] = options.map { $0.earned(guideline) }
            if multiple { return points.filter { $0 > 0 }.reduce(0, +) }
            return max(0, points.max() ?? 0)
        }

        /// The best answer: single, the non-critical option with the highest total (the first
        /// on a tie); multiple, every option with a positive total.
        var best: [String] {
            if multiple { return options.filter { $0.total > 0 }.map(\.id) }
            let candidates = options.filter { !$0.critical }
            let top = candidates.map(\.total).max() ?? 0
            return [candidates.first { $0.total == top }?.id ?? ""]
        }

        /// Every answer one step from the best: another option (single), or the best set with
        /// one option added or removed (multiple).
        var slips: [[String]] {
            let best = self.best
            if !multiple { return options.map(\.id).filter { $0 != best[0] }.map { [$0] } }
            return options.compactMap { option in
                best.contains(option.id) ? (best.count > 1 ? best.filter { $0 != option.id } : nil) : best + [option.id]
            }
        }

        func earned(_ chosen: [String], _ guideline: String) -> Int {
            chosen.compactMap { option($0)?.earned(guideline) }.reduce(0, +)
        }

        func isCritical(_ chosen: [String]) -> Bool { chosen.contains { option($0)?.critical == true } }
    }

    struct Course {
        var json: JSON
        var guidelines: [String]
        var scenarios: [Scenario]
        var pools: [(id: String, draw: Int, members: [String])]
        var overall: Int, perGuideline: Int, noCritical: Bool

        func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

        /// Follow-ups: the scenarios an option's `next` leads to. A route shows one only after that
        /// option; every other answer goes past it.
        var followUps: Set<String> { Set(scenarios.flatMap { $0.options.compactMap(\.next) }) }
        func followUps(of scenario: Scenario) -> [Scenario] {
            Array(Set(scenario.options.compactMap(\.next))).sorted().compactMap { self.scenario($0) }
        }
        /// The scenario whose option leads to this follow-up.
        func parent(of id: String) -> Scenario? { scenarios.first { $0.options.contains { $0.next == id } } }

        /// Scenarios always shown: in no pool, and no follow-up.
        var unpooled: [Scenario] {
            let pooled = Set(pools.flatMap(\.members)), followUps = self.followUps
            return scenarios.filter { !pooled.contains($0.id) && !followUps.contains($0.id) }
        }

        /// `value` of a scenario together with its largest follow-up: for the longest routes.
        func withFollowUp(_ value: @escaping (Scenario) -> Int) -> (Scenario) -> Int {
            { scenario in value(scenario) + (followUps(of: scenario).map(value).max() ?? 0) }
        }

        /// The smallest and largest sum of `value` over the scenarios of one draw (every pool
        /// draws `draw` of its members; scenarios in no pool are always shown; follow-ups are left
        /// out, see `withFollowUp`). With `containing`, only draws that show that scenario; for a
        /// follow-up, the draws that show its parent, plus the follow-up itself.
        func range(of value: (Scenario) -> Int, containing fixed: String? = nil) -> (min: Int, max: Int) {
            if let fixed, let parent = parent(of: fixed), let member = scenario(fixed) {
                let around = range(of: value, containing: parent.id)
                return (around.min + value(member), around.max + value(member))
            }
            var low = unpooled.map(value).reduce(0, +), high = low
            for pool in pools {
                let values = pool.members.compactMap { scenario($0) }.map(value).sorted()
                if let fixed, pool.members.contains(fixed), let member = scenario(fixed) {
                    let rest = pool.members.filter { $0 != fixed }.compactMap { scenario($0) }.map(value).sorted()
                    low += value(member) + rest.prefix(max(0, pool.draw - 1)).reduce(0, +)
                    high += value(member) + rest.suffix(max(0, pool.draw - 1)).reduce(0, +)
                } else {
                    low += values.prefix(max(0, pool.draw)).reduce(0, +)
                    high += values.suffix(max(0, pool.draw)).reduce(0, +)
                }
            }
            return (low, high)
        }

        /// SPEC §3, in integers: answers are (scenario, chosen option ids).
        func passes(_ answers: [(Scenario, [String])]) -> Bool {
            var earned = 0, possible = 0
            for guideline in guidelines {
                let e = answers.map { $0.0.earned($0.1, guideline) }.reduce(0, +)
                let p = answers.map { $0.0.possible(guideline) }.reduce(0, +)
                if p > 0, 100 * e < perGuideline * p { return false }
                earned += e
                possible += p
            }
            if 100 * earned < overall * possible { return false }
            return !(noCritical && answers.contains { $0.0.isCritical($0.1) })
        }
    }

    static func text(_ value: Any?) -> [String: String] { value as? [String: String] ?? [:] }

    static func course() throws -> Course {
        let root = try json()
        let scenarios = (root["scenarios"] as? [JSON] ?? []).map { s in
            Scenario(
                id: s["id"] as? String ?? "",
                multiple: s["kind"] as? String == "multiple",
                options: (s["options"] as? [JSON] ?? []).map { o in
                    Option(id: o["id"] as? String ?? "", text: text(o["text"]), feedback: text(o["feedback"]),
                           scores: (o["scores"] as? JSON ?? [:]).compactMapValues { int($0) },
                           critical: o["critical"] as? Bool ?? false,
                           next: o["next"] as? String)
                },
                texts: ["title", "situation", "question", "explanation"].map { text(s[$0]) },
                explanation: text(s["explanation"]))
        }
        let pools = (root["pools"] as? [JSON] ?? []).map {
            (id: $0["id"] as? String ?? "", draw: int($0["draw"]) ?? 0, members: $0["scenarios"] as? [String] ?? [])
        }
        let passing = root["passing"] as? JSON ?? [:]
        return Course(json: root, guidelines: (root["guidelines"] as? [JSON] ?? []).compactMap { $0["id"] as? String },
                      scenarios: scenarios, pools: pools,
                      overall: int(passing["overall"]) ?? 80, perGuideline: int(passing["perGuideline"]) ?? 60,
                      noCritical: passing["noCritical"] as? Bool ?? true)
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func words(_ text: String?) -> Int { (text ?? "").split(whereSeparator: \.isWhitespace).count }

    // MARK: The course's terms

    @Test("version 2.1.0, Dutch and English, shuffled options, the policy's headings, the Dutch acknowledgement and the policy carried")
    func terms() throws {
        let course = try Self.course()
        let root = course.json
        #expect(root["id"] as? String == CourseCatalog.defaultCourseID)
        #expect(root["version"] as? String == "2.1.0")
        #expect(root["$schema"] as? String == "course.schema.json")
        #expect(root["language"] as? String == "nl" && root["languages"] as? [String] == ["nl", "en"])
        #expect(root["shuffleOptions"] as? Bool == true && root["shufflePools"] as? Bool == true)
        #expect(root["validFor"] as? String == "P1Y" && Self.int(root["dueWithinDays"]) == 30)
        #expect(course.overall == 80 && course.perGuideline == 60 && course.noCritical)
        let acknowledgement = Self.text(root["acknowledgement"])
        #expect(acknowledgement["nl"] == "Ik heb het beleid 'Sociale media: zo doen we dat bij UWV' gelezen en begrepen.")
        #expect((acknowledgement["en"] ?? "").contains("read and understood"))
        // The policy, summarised in the team's words: who answers for UWV and where questions go.
        let policy = root["policy"] as? JSON ?? [:]
        #expect(Self.text(policy["title"])["nl"] == "Sociale media: zo doen we dat bij UWV")
        for language in ["nl", "en"] {
            let summary = Self.text(policy["summary"])[language] ?? ""
            #expect(summary.contains("Webcare Team") && summary.contains("concerncommunicatie@uwv.nl"), "\(language)")
        }
        #expect(course.guidelines == ["openbaar", "professioneel", "jezelf", "vertrouwelijk", "logo"])
        let titles = (root["guidelines"] as? [JSON] ?? []).map { Self.text($0["title"])["nl"] ?? "" }
        #expect(titles == ["Sociale netwerken zijn openbaar", "Blijf professioneel", "Blijf jezelf",
                           "Geef nooit vertrouwelijke informatie van UWV", "Gebruik het UWV-logo niet"])
        for language in ["nl", "en"] {
            let closing = Self.text(root["closing"])[language] ?? ""
            #expect(closing.contains("concerncommunicatie@uwv.nl") && closing.contains("www.uwv.nl/webcare"), "\(language)")
            let introduction = Self.text(root["introduction"])[language] ?? ""
            #expect(introduction.contains("Webcare") && introduction.contains("20") && introduction.contains("80%")
                    && introduction.contains("60%"), "\(language): the length, the pass rule and the Webcare Team")
        }
    }

    @Test("every text is there in Dutch and in English; every option has feedback, every scenario an explanation")
    func bothLanguages() throws {
        let course = try Self.course()
        let root = course.json
        var texts: [(String, [String: String])] = ["title", "introduction", "closing", "acknowledgement"].map { ($0, Self.text(root[$0])) }
        for guideline in root["guidelines"] as? [JSON] ?? [] {
            texts += [("guideline title", Self.text(guideline["title"])), ("guideline summary", Self.text(guideline["summary"]))]
        }
        for scenario in course.scenarios {
            #expect(!scenario.texts[0].isEmpty && !scenario.texts[1].isEmpty && !scenario.texts[3].isEmpty, "\(scenario.id)")
            texts += scenario.texts.filter { !$0.isEmpty }.map { (scenario.id, $0) }
            texts += scenario.options.flatMap { [("\(scenario.id)/\($0.id)", $0.text), ("\(scenario.id)/\($0.id) feedback", $0.feedback)] }
        }
        for (place, text) in texts {
            #expect(Set(text.keys) == ["nl", "en"], "\(place): \(text.keys.sorted())")
            #expect(text.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(place)")
        }
        #expect(texts.count > 400)
    }

    // MARK: Bank, route and length

    @Test("a bank of at least 40 scenarios in valid pools; every route shows 14–18 scenarios")
    func bankAndRoutes() throws {
        let course = try Self.course()
        #expect(course.scenarios.count >= 40)
        #expect(course.pools.count >= 5)
        var seen = Set<String>()
        let targets = Set(course.scenarios.flatMap { $0.options.compactMap(\.next) })
        for pool in course.pools {
            #expect(pool.draw >= 1 && pool.draw <= pool.members.count, "pool \(pool.id)")
            for member in pool.members {
                #expect(course.scenario(member) != nil, "pool \(pool.id): \(member)")
                #expect(seen.insert(member).inserted, "\(member) is in one pool only")
                #expect(!targets.contains(member), "\(member) is the target of an option's next")
            }
        }
        // Follow-ups lead on to the scenario after them, never to another follow-up.
        for target in targets {
            let followUp = try #require(course.scenario(target), "\(target)")
            #expect(followUp.options.allSatisfy { $0.next == nil }, "\(target) leads to no further follow-up")
        }
        let length = (min: course.range { _ in 1 }.min, max: course.range(of: course.withFollowUp { _ in 1 }).max)
        #expect(length.min >= 14 && length.max <= 18, "\(length)")
        #expect(course.scenarios.count >= 2 * length.max, "the bank is at least twice a route")
    }

    @Test("every draw assesses every guideline with at least 3 scenarios")
    func everyGuidelineAssessed() throws {
        let course = try Self.course()
        for guideline in course.guidelines {
            let assessing = course.range { $0.possible(guideline) > 0 ? 1 : 0 }
            #expect(assessing.min >= 3, "\(guideline): \(assessing)")
        }
    }

    @Test("at most 3,200 Dutch words on any route (about 20 minutes)")
    func wordsPerRoute() throws {
        let course = try Self.course()
        let root = course.json
        var fixed = 0
        for field in ["introduction", "closing", "acknowledgement"] {
            fixed += Self.words(Self.text(root[field])["nl"])
        }
        for guideline in root["guidelines"] as? [JSON] ?? [] {
            fixed += Self.words(Self.text(guideline["title"])["nl"])
            fixed += Self.words(Self.text(guideline["summary"])["nl"])
        }
        // Per scenario: title, situation, question, explanation, every option's text, and the
        // feedback a learner reads: the best option's and the longest other one.
        func shown(_ scenario: Scenario) -> Int {
            let best = scenario.best
            var count = 0
            for text in scenario.texts { count += Self.words(text["nl"] ?? "Wat doe je?") }
            var bestFeedback = 0, otherFeedback = 0
            for option in scenario.options {
                count += Self.words(option.text["nl"])
                let feedback = Self.words(option.feedback["nl"])
                if best.contains(option.id) {
                    bestFeedback = max(bestFeedback, feedback)
                } else {
                    otherFeedback = max(otherFeedback, feedback)
                }
            }
            return count + bestFeedback + otherFeedback
        }
        let route = (min: course.range(of: shown).min, max: course.range(of: course.withFollowUp(shown)).max)
        #expect(fixed + route.max <= 3200, "at most \(fixed + route.max) words")
        #expect(fixed + route.min >= 2000, "not so short that the course no longer takes about 20 minutes")
    }

    // MARK: Fairness

    @Test("no single ordinary mistake fails the attempt, on any draw")
    func noSingleSlips() throws {
        let course = try Self.course()
        var slips: [String] = []
        for scenario in course.scenarios {
            for answer in scenario.slips where !scenario.isCritical(answer) {
                // With the best answer everywhere else, the mistake fails the attempt when on some
                // draw a guideline or the total has too few possible points to absorb the loss.
                var lossTotal = 0
                for guideline in course.guidelines {
                    let loss = scenario.possible(guideline) - scenario.earned(answer, guideline)
                    lossTotal += loss
                    guard loss > 0 else { continue }
                    let possible = course.range(of: { $0.possible(guideline) }, containing: scenario.id).min
                    if 100 * (possible - loss) < course.perGuideline * possible { slips.append("\(scenario.id) \(answer): \(guideline)") }
                }
                let possible = course.range(of: { s in course.guidelines.map { s.possible($0) }.reduce(0, +) }, containing: scenario.id).min
                if lossTotal > 0, 100 * (possible - lossTotal) < course.overall * possible { slips.append("\(scenario.id) \(answer): total") }
            }
        }
        #expect(slips.isEmpty, "\(slips)")
    }

    /// The options that make confidential UWV or customer data public: each is critical, scores
    /// negative, and its feedback says why it is serious. No other option is critical.
    static let dataLeaks: [(scenario: String, option: String)] = [
        ("phishing", "interne-melding"), ("reorganisatie-app", "foto-notitie"), ("reorganisatie-app", "samenvatting"),
        ("journalist", "cijfers-sturen"), ("cao-nieuws", "salaris-verklappen"), ("opiniestuk", "interne-cijfers"),
        ("patientenvereniging", "werkinstructies"), ("whiteboard", "story-delen"), ("systeemfout", "heel-scherm"),
        ("systeemfout", "zwartgemaakt"), ("klantverhaal", "alle-details"), ("fraudezaak", "bevestigen"),
        ("logbestand", "log-plakken"),
        // 2.1 (issue 20): also anonymously, by a hint or a wink, or as an insider about a colleague.
        ("journalist", "anoniem-vertellen"), ("journalist-belt-terug", "half-ja"), ("cao-nieuws", "hint"),
        ("fraudezaak", "knipoog"), ("arts-op-reddit", "intern-bekend"),
    ]

    /// Scenarios with two equally right answers: in `opiniestuk` both a constructive piece and
    /// not writing about it avoid the public stand the policy warns about.
    static let twoRightAnswers: Set<String> = ["opiniestuk"]

    @Test("every option that makes confidential data public is critical and says why it is serious")
    func criticalOptions() throws {
        let course = try Self.course()
        for leak in Self.dataLeaks {
            let option = try #require(course.scenario(leak.scenario)?.option(leak.option), "\(leak)")
            #expect(option.critical, "\(leak)")
            #expect(option.total < 0, "\(leak)")
            #expect((option.feedback["nl"] ?? "").hasPrefix("Ernstige overtreding:"), "\(leak)")
            #expect((option.feedback["en"] ?? "").hasPrefix("Serious breach:"), "\(leak)")
        }
        let critical = course.scenarios.flatMap { s in s.options.filter(\.critical).map { "\(s.id)/\($0.id)" } }
        #expect(Set(critical) == Set(Self.dataLeaks.map { "\($0.scenario)/\($0.option)" }))
        for scenario in course.scenarios where !scenario.multiple {
            let ties = scenario.options.filter { !$0.critical && $0.total == scenario.option(scenario.best[0])?.total }
            #expect(ties.count == (Self.twoRightAnswers.contains(scenario.id) ? 2 : 1), "\(scenario.id): one best answer")
        }
    }

    @Test("a learner who picks the best answer 90 % of the time passes at least 80 % of attempts")
    func simulatedLearner() throws {
        let course = try Self.course()
        func passRate(_ p: Double, attempts: Int, seed: UInt64) -> Double {
            var random = SplitMix64(seed: seed)
            func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
            func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
            var passed = 0
            for _ in 0..<attempts {
                var answers: [(Scenario, [String])] = []
                var shown = course.unpooled
                for pool in course.pools {
                    var members = pool.members
                    for index in stride(from: members.count - 1, to: 0, by: -1) {
                        members.swapAt(index, Int(random.next() % UInt64(index + 1)))
                    }
                    shown += members.prefix(max(0, pool.draw)).compactMap { course.scenario($0) }
                }
                for drawn in shown {
                    // Otherwise a uniformly random other answer that is not critical; an option
                    // with a `next` brings its follow-up, answered the same way.
                    var scenario: Scenario? = drawn
                    while let current = scenario {
                        let others = current.slips.filter { !current.isCritical($0) }
                        let answer = uniform() < p || others.isEmpty ? current.best : pick(others)
                        answers.append((current, answer))
                        scenario = current.multiple ? nil : current.option(answer[0])?.next.flatMap { course.scenario($0) }
                    }
                }
                if course.passes(answers) { passed += 1 }
            }
            return Double(passed) / Double(attempts)
        }
        // 6,000 attempts put the rate within ±1 percentage point (95 %) of the true one.
        let rate = passRate(0.9, attempts: 6_000, seed: 2026)
        #expect(rate >= 0.80, "p = 0.9 passes \(rate)")
        let careful = passRate(0.95, attempts: 2_000, seed: 7)
        #expect(careful >= 0.93, "p = 0.95 passes \(careful)")
        let careless = passRate(0.5, attempts: 2_000, seed: 8)
        #expect(careless < 0.05, "a careless learner does not pass: \(careless)")
    }

    // MARK: Not passable by guessing

    static let referral = #"webcare|concerncommunicatie|\bmeld|verwijs|verwijz"#
    static let justification = #"\b(want|omdat|dus|toch|iedereen|niemand)\b"#
    static let absolute = #"\b(altijd|nooit|alle|alles|niemand|iedereen|niets)\b"#

    @Test("the best option is not given away by its length, in Dutch or English", arguments: ["nl", "en"])
    func lengthCue(language: String) throws {
        let course = try Self.course()
        let singles = course.scenarios.filter { !$0.multiple }
        var rank = [0, 0, 0]  // longest, second-longest, shortest
        for scenario in singles {
            func length(_ option: Option) -> Int { (option.text[language] ?? "").unicodeScalars.count }
            let byLength = scenario.options.sorted { length($0) != length($1) ? length($0) > length($1) : $0.id > $1.id }
            let place = byLength.firstIndex { $0.id == scenario.best[0] } ?? 0
            if place == 0 { rank[0] += 1 }
            if place == 1 { rank[1] += 1 }
            if place == byLength.count - 1 { rank[2] += 1 }
        }
        #expect(3 * rank[0] <= singles.count, "best is the longest in \(rank[0]) of \(singles.count)")
        #expect(rank[1] * 100 <= 35 * singles.count, "best is the second-longest in \(rank[1]) of \(singles.count)")
        #expect(rank[2] * 100 <= 35 * singles.count, "best is the shortest in \(rank[2]) of \(singles.count)")
    }

    @Test("referral words (Webcare, Concerncommunicatie, melden, verwijzen) do not mark the best option")
    func referralCue() throws {
        let course = try Self.course()
        let singles = course.scenarios.filter { !$0.multiple }
        let best = singles.compactMap { $0.option($0.best[0]) }
        let wrong = singles.flatMap { s in s.options.filter { $0.id != s.best[0] } }
        let bestRate = Double(best.filter { Self.matches(Self.referral, $0.text["nl"] ?? "") }.count) / Double(best.count)
        let wrongRate = Double(wrong.filter { Self.matches(Self.referral, $0.text["nl"] ?? "") }.count) / Double(wrong.count)
        #expect(bestRate <= wrongRate + 0.05, "best \(bestRate), wrong \(wrongRate)")
        // "Pick the only option that refers or escalates": right no more often than chance.
        let applies = singles.filter { s in s.options.filter { Self.matches(Self.referral, $0.text["nl"] ?? "") }.count == 1 }
        let right = applies.filter { s in Self.matches(Self.referral, s.option(s.best[0])?.text["nl"] ?? "") }
        #expect(applies.count >= 10)
        #expect(Double(right.count) <= 0.4 * Double(applies.count), "\(right.count) of \(applies.count)")
    }

    @Test("right and wrong options carry reasons (want, omdat, dus, toch, iedereen, niemand) about equally often")
    func justificationCue() throws {
        let course = try Self.course()
        let best = course.scenarios.flatMap { s in s.options.filter { s.best.contains($0.id) } }
        let wrong = course.scenarios.flatMap { s in s.options.filter { !s.best.contains($0.id) } }
        func rate(_ options: [Option]) -> Double {
            Double(options.filter { Self.matches(Self.justification, $0.text["nl"] ?? "") }.count) / Double(options.count)
        }
        #expect(abs(rate(best) - rate(wrong)) <= 0.10, "best \(rate(best)), wrong \(rate(wrong))")
        #expect(rate(best) >= 0.15, "best options carry reasons too")
    }

    @Test("multiple-answer scenarios have no absolute wording to give an option away")
    func multipleAnswerWording() throws {
        let course = try Self.course()
        let multiples = course.scenarios.filter(\.multiple)
        #expect(multiples.count >= 3)
        for scenario in multiples {
            #expect(scenario.best.count >= 2 && scenario.best.count < scenario.options.count, "\(scenario.id)")
            for option in scenario.options {
                #expect(!Self.matches(Self.absolute, option.text["nl"] ?? ""), "\(scenario.id)/\(option.id)")
            }
        }
    }

    /// Wrong options that over-escalate: reporting something harmless, tagging the Webcare Team
    /// needlessly. (Asking Concerncommunicatie is never among them: the policy invites every
    /// question, so since 2.1 asking never loses points; see UWVCourse21Tests.)
    static let overEscalations: [(scenario: String, option: String)] = [
        ("vakantiefoto", "melden"), ("arts-op-reddit", "taggen"), ("werk-jij-daar", "webcare-taggen"),
        ("werken-bij", "webcare-taggen"), ("recruitersgroep", "webcare-vragen"), ("eigen-post", "webcare-taggen"),
        ("teamuitje", "melden"), ("collegagroep", "facebook-melden"), ("tien-minuten-origineel", "webcare-taggen"),
        ("oude-tweet", "webcare-vragen"), ("fanpagina", "zonder-logo"),
    ]

    /// Scenarios where the best thing to do is nothing special: carry on as normal.
    static let carryOn: [(scenario: String, option: String)] = [
        ("verjaardag", "gewoon-vertellen"), ("vakantiefoto", "doorgaan"), ("klacht-op-x", "laten"),
        ("arts-op-reddit", "niet-meedoen"), ("teamuitje", "liken"), ("vacature-delen", "delen"),
        ("eigen-post", "plaatsen"), ("artsenforum", "vraag-stellen"),
    ]

    @Test("at least 8 scenarios have an over-escalating wrong option, at least 5 a carry-on-as-normal best option")
    func overEscalationAndCarryOn() throws {
        let course = try Self.course()
        #expect(Set(Self.overEscalations.map(\.scenario)).count >= 8)
        for entry in Self.overEscalations {
            let scenario = try #require(course.scenario(entry.scenario), "\(entry)")
            let option = try #require(scenario.option(entry.option), "\(entry)")
            #expect(!scenario.best.contains(option.id), "\(entry) must not be the best option")
            #expect(!option.critical && option.total >= 0, "\(entry) is a harmless mistake, not a breach")
            #expect(Self.matches(Self.referral + "|navraag|vraagt", option.text["nl"] ?? ""), "\(entry) escalates")
        }
        #expect(Set(Self.carryOn.map(\.scenario)).count >= 5)
        for entry in Self.carryOn {
            let scenario = try #require(course.scenario(entry.scenario), "\(entry)")
            #expect(scenario.best == [entry.option], "\(entry) must be the best option")
        }
    }

    @Test("after shuffling, the best option is on every letter about equally often")
    func letterBalance() throws {
        let loaded = try BundledCourseTests.load("uwv-sociale-media.json").course
        #expect(loaded.shuffleOptions)
        var counts: [Int: [Int]] = [:]  // option count → how often the best option is at each place
        for seed in UInt64(0)..<500 {
            for scenario in loaded.scenarios where scenario.kind == .single {
                let best = BundledCourseTests.best(scenario)[0]
                let shown = Attempt.shownOptions(of: scenario, seed: seed)
                let place = shown.firstIndex { $0.id == best } ?? 0
                counts[shown.count, default: Array(repeating: 0, count: shown.count)][place] += 1
            }
        }
        for (size, places) in counts {
            let expected = Double(places.reduce(0, +)) / Double(size)
            for (place, count) in places.enumerated() {
                #expect(abs(Double(count) - expected) <= 0.1 * expected, "\(size) options: place \(place) \(count) vs \(expected)")
            }
        }
        // An answer key from one attempt is no key to the next: over 200 later attempts, the
        // first attempt's letters are right about as often as guessing.
        let singles = loaded.scenarios.filter { $0.kind == .single }
        func key(_ seed: UInt64) -> [Int?] {
            singles.map { scenario in Attempt.shownOptions(of: scenario, seed: seed).firstIndex { $0.id == BundledCourseTests.best(scenario)[0] } }
        }
        let first = key(0)
        let right = (UInt64(1)...200).map { seed in zip(first, key(seed)).filter { $0 == $1 }.count }.reduce(0, +)
        #expect(Double(right) / Double(200 * singles.count) < 0.4, "\(right) of \(200 * singles.count)")
    }
}
