import Foundation
import WegwijsCore

/// The words around the policy a course teaches, in Dutch and English. One stored property per
/// phrase, built with the memberwise initialiser, so a phrase missing in one language does not
/// compile.
public struct PolicyPhrases: Sendable {
    public let heading: String
    public let version: @Sendable (_ version: String) -> String
    public let published: String
    /// `beleid` in a course that carries no policy: the guidelines are shown instead.
    public let none: String
    /// Between pages of a policy longer than the terminal.
    public let more: String
    /// Under the acknowledgement: which policy (title, version) it confirms.
    public let acknowledgementNames: @Sendable (_ title: String, _ version: String) -> String
    /// The organisation's copy (the policyFolder setting) cannot be shown: path, reason.
    public let documentUnreadable: @Sendable (_ path: String, _ reason: String) -> String
    public let previewLabel: String

    public static func of(_ language: InterfaceLanguage) -> PolicyPhrases {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    public static let nl = PolicyPhrases(
        heading: "Het beleid",
        version: { "versie \($0)" },
        published: "Het hele beleid lees je op:",
        none: "Deze cursus heeft geen beleidstekst bij zich. Dit zijn de richtlijnen waar hij over gaat:",
        more: "-- Enter voor meer, q om terug te gaan -- ",
        acknowledgementNames: { "Dit gaat over: \($0), \($1). Typ 'beleid' om het te lezen." },
        documentUnreadable: { "Het beleidsdocument \($0) kan niet worden getoond (\($1)); je ziet de samenvatting uit de cursus." },
        previewLabel: "beleid:"
    )

    public static let en = PolicyPhrases(
        heading: "The policy",
        version: { "version \($0)" },
        published: "Read the whole policy at:",
        none: "This course carries no policy text. These are the guidelines it is about:",
        more: "-- Enter for more, q to go back -- ",
        acknowledgementNames: { "This is about: \($0), \($1). Type 'policy' to read it." },
        documentUnreadable: { "The policy document \($0) cannot be shown (\($1)); you see the course's summary instead." },
        previewLabel: "policy:"
    )
}

/// What `beleid` / `policy` shows: the organisation's own copy when the administrator set one
/// (the `policyFolder` setting), else the course's policy (title, version, summary, where the
/// whole document is) with the guidelines, else the guidelines alone.
public struct PolicyView {
    let view: ScenarioView
    let phrases: PolicyPhrases
    /// The text of the organisation's own copy, already read.
    let document: String?

    var layout: TextLayout { view.layout }

    func render() -> String {
        var output = "\n" + layout.styled(layout.wrapped(phrases.heading), .bold) + "\n"
        if let document { return output + layout.wrap(document) }
        guard let policy = view.course.policy else {
            return output + layout.wrap(phrases.none) + view.guidelines()
        }
        output += layout.styled(layout.wrap(view.text(policy.title) + ", " + phrases.version(TextLayout.sanitized(policy.version))), .bold)
        output += "\n" + layout.wrap(view.text(policy.summary))
        if let published = policy.published {
            output += "\n" + layout.wrap(phrases.published, path: view.text(published))
        }
        return output + view.guidelines()
    }

    /// Writes `render()`, a terminal's height at a time when `paged` (Enter for more; one of
    /// `backWords` goes back to the question).
    func show(on output: ConsoleOutput, reader: LineReader, paged: Bool, backWords: Set<String>) {
        var lines = render().split(separator: "\n", omittingEmptySubsequences: false)
        let page = max(TerminalInfo.measuredHeight() - 2, 5)
        while paged, lines.count > page + 1 {
            output.write(lines.prefix(page).joined(separator: "\n") + "\n")
            lines.removeFirst(page)
            guard let reply = reader.readLine(prompt: phrases.more) else { return }
            if backWords.contains(reply.trimmingCharacters(in: .whitespaces).lowercased()) { return }
        }
        output.write(lines.joined(separator: "\n") + "\n")
    }

    /// The acknowledgement's note on which policy it confirms; nil without a policy.
    func acknowledgementNote() -> String? {
        guard let policy = view.course.policy else { return nil }
        return layout.wrap(phrases.acknowledgementNames(view.text(policy.title), phrases.version(TextLayout.sanitized(policy.version))))
    }

    /// The organisation's copy for `courseID` in `folder`: nil when the folder has none; a
    /// message in `language` when the file is there but cannot be read as UTF-8 text.
    public static func document(folder: String?, courseID: String, phrases: PolicyPhrases) -> (text: String?, problem: String?) {
        guard let folder, !folder.isEmpty else { return (nil, nil) }
        let path = (folder as NSString).appendingPathComponent(courseID + ".txt")
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        // The reader every file the administrator names goes through: bounded, reasons in words.
        let bytes: [UInt8]
        do {
            bytes = try RecordFiles.contents(of: path, namedByUser: true, limit: 1 << 20)
        } catch {
            return (nil, phrases.documentUnreadable(path, error.reason))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, phrases.documentUnreadable(path, "UTF-8?"))
        }
        return (text.replacingOccurrences(of: "\r\n", with: "\n"), nil)
    }
}
