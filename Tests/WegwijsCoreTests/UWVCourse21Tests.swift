import Foundation
import Testing
@testable import WegwijsCore

/// The UWV course 2.1 (issue 20): asking Concerncommunicatie never costs points, follow-ups show
/// what happened after a choice, the Dutch benefit names are explained in English, and the
/// scoring inconsistencies of 2.0 are gone. Figures come from the course file (through the plain
/// model of `UWVCourseTests`) and, for the routes, from the engine.
@Suite("The UWV course 2.1: asking, follow-ups, names and consistent scores")
struct UWVCourse21Tests {
    typealias JSON = [String: Any]

    /// Every text of the course in one language, wherever it is in the file.
    static func texts(_ value: Any, _ language: String) -> [String] {
        if let object = value as? JSON {
            if let text = object[language] as? String, Set(object.keys).isSubset(of: ["nl", "en"]) { return [text] }
            return object.values.flatMap { texts($0, language) }
        }
        if let list = value as? [Any] { return list.flatMap { texts($0, language) } }
        return []
    }

    /// The policy's "Vragen?" section sends every question or remark about social media to
    /// Concerncommunicatie, so following that advice must never cost a learner points.
    ///
    /// Detection rule: an option is "asking Concerncommunicatie" when its own Dutch text (not its
    /// feedback, which may well advise asking) names Concerncommunicatie, in any case, the
    /// address concerncommunicatie@uwv.nl included. The course is written so that this rule has
    /// no exceptions: an option text names Concerncommunicatie only where the learner asks it,
    /// mails it or puts something to it (the needless "report it to Concerncommunicatie" and
    /// "tag Concerncommunicatie" distractors of 2.0 now name the Webcare Team or a platform, and
    /// the seven "ask first" distractors became false rules). Such an option must score the best
    /// there is in its scenario: in a single-answer scenario the highest total of any option and
    /// every possible point of every guideline the scenario assesses; in a multiple-answer one,
    /// points and no penalty. It is never critical.
    @Test("every option in which the learner asks Concerncommunicatie scores the best there is in its scenario")
    func askingNeverLoses() throws {
        let course = try UWVCourseTests.course()
        var asking: [String] = []
        for scenario in course.scenarios {
            for option in scenario.options where UWVCourseTests.matches("concerncommunicatie", option.text["nl"] ?? "") {
                let place = "\(scenario.id)/\(option.id)"
                asking.append(place)
                #expect(!option.critical, "\(place)")
                #expect(UWVCourseTests.matches("concerncommunicatie", option.text["en"] ?? ""), "\(place): the English says so too")
                if scenario.multiple {
                    #expect(option.total > 0 && option.scores.values.allSatisfy { $0 >= 0 }, "\(place)")
                } else {
                    let top = scenario.options.map(\.total).max() ?? 0
                    #expect(option.total == top, "\(place): \(option.total) of \(top)")
                    for guideline in course.guidelines {
                        #expect(option.earned(guideline) == scenario.possible(guideline), "\(place): \(guideline)")
                    }
                }
            }
        }
        // Where the policy's advice fits: a podcast on a debated subject, a page for UWV, an old
        // post or a screenshot going round, a journalist who calls back.
        #expect(Set(asking.map { String($0.split(separator: "/")[0]) })
                    .isSuperset(of: ["twijfel-video", "fanpagina", "oude-tweet", "tien-minuten", "journalist-belt-terug"]), "\(asking)")
    }

    @Test("no text says 'asking is allowed, but…', and English says 'insurance physician'")
    func wording() throws {
        let root = try UWVCourseTests.json()
        for text in Self.texts(root, "nl") {
            #expect(!text.contains("Vragen mag altijd"), "\(text)")
        }
        for text in Self.texts(root, "en") {
            #expect(!text.contains("Asking is always") && !text.contains("insurance doctor"), "\(text)")
        }
    }

    @Test("at least three situations lead to a follow-up that shows what happened and asks a second question")
    func followUpsExist() throws {
        let course = try UWVCourseTests.course()
        let pooled = Set(course.pools.flatMap(\.members))
        #expect(course.followUps.count >= 3, "\(course.followUps)")
        for id in course.followUps {
            let followUp = try #require(course.scenario(id))
            let parent = try #require(course.parent(of: id), "\(id) is reached by an option's next")
            #expect(!pooled.contains(id), "\(id) is in no pool")
            #expect(pooled.contains(parent.id), "\(id) follows a situation of the bank")
            #expect(!parent.multiple && !followUp.multiple)
            #expect(followUp.options.count >= 3, "\(id) asks a real question")
            #expect(followUp.options.allSatisfy { $0.next == nil }, "\(id) leads to no further follow-up")
            #expect(parent.options.contains { $0.next == nil }, "\(parent.id): the other options go on as before")
            // The follow-up assesses the same guideline as its situation.
            let guidelines = { (s: UWVCourseTests.Scenario) in Set(course.guidelines.filter { s.possible($0) > 0 }) }
            #expect(guidelines(followUp) == guidelines(parent), "\(id)")
        }
    }

    /// Through the engine: with the situation drawn, the option with `next` shows the follow-up
    /// right after it, and another option goes on to the same scenario the follow-up leads to.
    @Test("each follow-up is reached by its option's next, and every other option goes past it to the same place")
    func followUpsReached() throws {
        let plain = try UWVCourseTests.course()
        let course = try BundledCourseTests.load("uwv-sociale-media.json").course
        #expect(plain.followUps.count >= 3)
        for id in plain.followUps.sorted() {
            let parent = try #require(plain.parent(of: id))
            let drawn = course.pools.map { $0.scenarios.contains(parent.id) ? parent.id : $0.scenarios[0] }
            func route(choosing: (Scenario) -> [String]) throws -> [String] {
                var attempt = Attempt(course: course, seed: 1, drawn: drawn)
                var shown: [String] = []
                while let scenario = attempt.currentScenario {
                    shown.append(scenario.id)
                    let answer = scenario.id == parent.id ? choosing(scenario) : BundledCourseTests.best(scenario)
                    try attempt.answer(answer, at: Date())
                }
                return shown
            }
            let leading = try #require(parent.options.first { $0.next == id })
            let other = try #require(parent.options.first { $0.next == nil })
            let through = try route { _ in [leading.id] }
            let past = try route { _ in [other.id] }
            let at = try #require(through.firstIndex(of: parent.id))
            #expect(through.count > at + 2 && through[at + 1] == id, "\(id) comes right after \(parent.id): \(through)")
            #expect(!past.contains(id), "\(parent.id)/\(other.id) goes past \(id)")
            #expect(through.filter { $0 != id } == past, "after \(id) the route goes on as without it")
            #expect((14...18).contains(through.count), "\(through.count) scenarios")
        }
    }

    /// For English learners, the Dutch names of benefits and of the online account are explained
    /// once, in the introduction, for every name the course uses.
    @Test("the English introduction explains the Dutch benefit names the course uses")
    func dutchNamesExplained() throws {
        let root = try UWVCourseTests.json()
        let introduction = UWVCourseTests.text(root["introduction"])["en"] ?? ""
        var rest = root
        rest["introduction"] = nil
        let english = Self.texts(rest, "en").joined(separator: "\n")
        let names = [("WW", "unemployment benefit"), ("WIA", "long-term incapacity for work"), ("Ziektewet", "sickness benefit"),
                     ("Wajong", "young people with a disability"), ("Mijn UWV", "personal online account")]
        var used = 0
        for (name, meaning) in names where UWVCourseTests.matches("\\b\(name)\\b", english) {
            used += 1
            #expect(introduction.contains("\(name) (") && introduction.contains(meaning), "\(name)")
        }
        #expect(used == names.count)
        #expect(introduction.contains("Corporate Communications (Concerncommunicatie)"))
    }

    /// The review of 2.0 found the same move scored differently, and half points for a
    /// misconception. Each such option now scores what its feedback says.
    @Test("the same move scores the same, and a misconception earns nothing")
    func consistentScores() throws {
        let course = try UWVCourseTests.course()
        func total(_ scenario: String, _ option: String) throws -> Int {
            try #require(course.scenario(scenario)?.option(option), "\(scenario)/\(option)").total
        }
        // "Drop the logo, keep the UWV name": 0 for a page and for an account.
        #expect(try total("fanpagina", "zonder-logo") == 0 && total("hardloopteam", "naam-houden") == 0)
        // A new account, "the post is gone", and re-posting a sneer at customers are no half answers.
        #expect(try total("reddit-geschiedenis", "nieuw-account") == 0)
        #expect(try total("tien-minuten", "vergeten") == 0)
        #expect(try total("pasje-in-beeld", "pasje-wegknippen") == 0)
        // Not writing about rules UWV implements avoids the stand the policy warns about: right.
        #expect(try total("opiniestuk", "niet-schrijven") == total("opiniestuk", "opbouwend"))
        // The false belief "as a UWV employee you may have no opinion" earns nothing wherever it is.
        for (scenario, option) in [("petitie-zwembad", "nergens-stelling"), ("patientenvereniging", "stoppen"),
                                   ("twijfel-video", "afzien"), ("verjaardag", "niets-mogen")] {
            #expect(try total(scenario, option) == 0, "\(scenario)/\(option)")
        }
        for scenario in course.scenarios {
            for option in scenario.options {
                #expect(!UWVCourseTests.matches("geen mening mag", option.text["nl"] ?? "") || option.total <= 0, "\(scenario.id)/\(option.id)")
            }
        }
    }
}
