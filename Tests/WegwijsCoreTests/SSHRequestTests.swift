import Testing
@testable import WegwijsCore

@Suite("ssh session: what a learner may ask for after `ssh host`")
struct SSHRequestTests {
    static let bundled = ["uwv-sociale-media", "voorbeeld"]

    struct Accepted: Sendable, CustomTestStringConvertible {
        var text: String?
        var request: SSHRequest
        var testDescription: String { text.map { "'\($0)'" } ?? "nothing" }
    }

    static let accepted: [Accepted] = [
        Accepted(text: nil, request: .run(course: nil, language: nil, restart: false)),
        Accepted(text: "", request: .run(course: nil, language: nil, restart: false)),
        Accepted(text: "   ", request: .run(course: nil, language: nil, restart: false)),
        Accepted(text: "courses", request: .courses),
        Accepted(text: "voorbeeld", request: .run(course: "voorbeeld", language: nil, restart: false)),
        Accepted(text: "--lang en", request: .run(course: nil, language: "en", restart: false)),
        Accepted(text: "--lang=nl", request: .run(course: nil, language: "nl", restart: false)),
        Accepted(text: "--restart", request: .run(course: nil, language: nil, restart: true)),
        Accepted(text: "uwv-sociale-media --lang en --restart",
                 request: .run(course: "uwv-sociale-media", language: "en", restart: true)),
        Accepted(text: "--restart  --lang nl voorbeeld", request: .run(course: "voorbeeld", language: "nl", restart: true)),
        Accepted(text: "--full-course", request: .run(course: nil, language: nil, restart: false, fullCourse: true)),
    ]

    @Test("the allow-list: a bundled course id, --lang nl|en, --restart, courses", arguments: accepted)
    func accepts(_ item: Accepted) throws {
        #expect(try SSHRequest.parse(item.text, bundled: Self.bundled) == item.request)
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var text: String
        var says: String
        var testDescription: String { text.debugDescription }
    }

    static let refused: [Refused] = [
        Refused(text: "--learner other", says: "the option '--learner' is not accepted"),
        Refused(text: "--learner=other", says: "the option '--learner=other' is not accepted"),
        Refused(text: "--records /tmp/x", says: "the option '--records' is not accepted"),
        Refused(text: "voorbeeld --records /tmp/x", says: "the option '--records' is not accepted"),
        Refused(text: "bash", says: "'bash' is not accepted"),
        Refused(text: "sh -c id", says: "'sh' is not accepted"),
        Refused(text: "internal-sftp", says: "'internal-sftp' is not accepted"),
        Refused(text: "scp -t /tmp", says: "'scp' is not accepted"),
        Refused(text: "git-upload-pack 'x'", says: "'git-upload-pack' is not accepted"),
        Refused(text: "/etc/passwd", says: "looks like a path"),
        Refused(text: "../records/x.json", says: "looks like a path"),
        Refused(text: "run", says: "'run' is not accepted"),
        Refused(text: "report", says: "'report' is not accepted"),
        Refused(text: "--plain", says: "the option '--plain' is not accepted"),
        Refused(text: "--help", says: "the option '--help' is not accepted"),
        Refused(text: "--lang", says: "--lang needs a language"),
        Refused(text: "--lang de", says: "--lang takes nl or en, not 'de'"),
        Refused(text: "--lang=", says: "--lang takes nl or en"),
        Refused(text: "--lang nl --lang en", says: "--lang is given twice"),
        Refused(text: "--restart --restart", says: "--restart is given twice"),
        Refused(text: "--full-course --full-course", says: "--full-course is given twice"),
        Refused(text: "voorbeeld uwv-sociale-media", says: "only one course at a time"),
        Refused(text: "courses --lang en", says: "'courses' is accepted only on its own"),
        Refused(text: "voorbeeld courses", says: "'courses' is accepted only on its own"),
        Refused(text: "Voorbeeld", says: "'Voorbeeld' is not accepted"),
        Refused(text: "voorbeeld.json", says: "'voorbeeld.json' is not accepted"),
        Refused(text: "voorbeeld; id", says: "'voorbeeld;' is not accepted"),
        Refused(text: "$(id)", says: "'$(id)' is not accepted"),
        Refused(text: "voorbeeld\nid", says: "control characters"),
        Refused(text: "voorbeeld\tid", says: "control characters"),
        Refused(text: "\u{1B}[2J", says: "control characters"),
        Refused(text: "voorbeeld\u{202E}", says: "control characters"),
        Refused(text: "voorbeeld\u{0}", says: "control characters"),
        Refused(text: String(repeating: "a", count: 201), says: "201 bytes long; at most 200"),
        Refused(text: "--restart " + String(repeating: " ", count: 191), says: "201 bytes long"),
        Refused(text: String(repeating: "x", count: 100), says: "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not accepted"),
    ]

    @Test("anything else is refused with one line that names it", arguments: refused)
    func refuses(_ item: Refused) throws {
        do {
            let request = try SSHRequest.parse(item.text, bundled: Self.bundled)
            Issue.record("accepted as \(request)")
        } catch {
            #expect(error.reason.contains(item.says), "\(error.reason)")
            #expect(!error.reason.contains("\n"))
        }
    }

    @Test("200 bytes are still accepted: the limit is not one below")
    func limitIsInclusive() throws {
        let text = "voorbeeld" + String(repeating: " ", count: 191)
        #expect(text.utf8.count == SSHRequest.maximumLength)
        #expect(try SSHRequest.parse(text, bundled: Self.bundled) == .run(course: "voorbeeld", language: nil, restart: false))
    }

    @Test("a refusal of an unknown word lists what is accepted, with the bundled ids")
    func refusalListsAllowed() {
        #expect(throws: SSHRequest.Refusal(reason: "'bash' is not accepted; after ssh you may give only a bundled course id (uwv-sociale-media, voorbeeld), --lang nl|en, --restart, --full-course, or courses")) {
            try SSHRequest.parse("bash", bundled: Self.bundled)
        }
    }
}
