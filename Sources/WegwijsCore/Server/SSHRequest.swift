/// What a learner may ask for after `ssh host` (OpenSSH hands it over as
/// `SSH_ORIGINAL_COMMAND`). The learner's identity comes from the key alone; this text is
/// data, checked against a short allow-list the way gitolite checks a git command, and never
/// reaches a shell or the option parser.
public enum SSHRequest: Sendable, Equatable {
    /// Take a course: a bundled course id (nil: the default course), `--lang`, `--restart`,
    /// `--full-course`.
    case run(course: String?, language: String?, restart: Bool, fullCourse: Bool = false)
    /// `courses`: list the bundled courses.
    case courses

    /// The longest request accepted, in bytes: a course id and every option fit easily.
    public static let maximumLength = 200

    /// The languages `--lang` takes.
    public static let languages = ["nl", "en"]

    /// Why a request was refused: one line, safe to print (the learner's text is escaped).
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses `SSH_ORIGINAL_COMMAND` (nil or blank: the default course). `bundled` holds the
    /// ids of the bundled courses; nothing else is taken for a course.
    public static func parse(_ text: String?, bundled: [String]) throws(Refusal) -> SSHRequest {
        guard let text else { return .run(course: nil, language: nil, restart: false) }
        guard text.utf8.count <= maximumLength else {
            throw Refusal(reason: "the request after ssh is \(text.utf8.count) bytes long; at most \(maximumLength) are accepted")
        }
        guard !ControlCharacters.contains(in: text) else {
            throw Refusal(reason: "the request after ssh holds control characters; only plain words are accepted")
        }
        let words = text.split(separator: " ").map(String.init)
        if words == ["courses"] { return .courses }
        var course: String?
        var language: String?
        var restart = false
        var fullCourse = false
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            switch word {
            case "--restart":
                guard !restart else { throw Refusal(reason: "--restart is given twice") }
                restart = true
            case "--full-course":
                guard !fullCourse else { throw Refusal(reason: "--full-course is given twice") }
                fullCourse = true
            case "--lang":
                guard index < words.count else { throw Refusal(reason: "--lang needs a language: nl or en") }
                language = try takeLanguage(words[index], already: language)
                index += 1
            case _ where word.hasPrefix("--lang="):
                language = try takeLanguage(String(word.dropFirst("--lang=".count)), already: language)
            case "courses":
                throw Refusal(reason: "'courses' is accepted only on its own")
            case _ where bundled.contains(word):
                guard course == nil else { throw Refusal(reason: "only one course at a time: '\(course ?? "")' and '\(word)'") }
                course = word
            default:
                throw Refusal(reason: refusal(of: word, bundled: bundled))
            }
        }
        return .run(course: course, language: language, restart: restart, fullCourse: fullCourse)
    }

    private static func takeLanguage(_ word: String, already: String?) throws(Refusal) -> String {
        guard already == nil else { throw Refusal(reason: "--lang is given twice") }
        guard languages.contains(word) else {
            throw Refusal(reason: "--lang takes nl or en, not '\(shown(word))'")
        }
        return word
    }

    private static func refusal(of word: String, bundled: [String]) -> String {
        let allowed = "after ssh you may give only a bundled course id (\(bundled.joined(separator: ", "))), --lang nl|en, --restart, --full-course, or courses"
        let what = word.hasPrefix("-") ? "the option '\(shown(word))' is not accepted"
            : word.contains("/") ? "'\(shown(word))' looks like a path, which is not accepted"
            : "'\(shown(word))' is not accepted"
        return "\(what); \(allowed)"
    }

    /// A word of the learner's as it may be printed: at most 40 characters.
    private static func shown(_ word: String) -> String {
        word.count > 40 ? String(word.prefix(40)) + "…" : word
    }
}
