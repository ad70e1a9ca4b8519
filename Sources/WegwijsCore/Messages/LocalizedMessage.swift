/// What the program says about a file (a course, a record, a setting), in every interface
/// language, chosen when it is printed.
///
/// Messages are written in the message tables (`*Messages.swift`, one per area), each with its
/// English and Dutch side by side: a message with many values in it reads best next to its
/// translation, and one cannot be added in one language only. Code that finds a problem names
/// the message (`CourseMessages.unknownGuideline(id, known:)`); it never writes words itself.
public struct LocalizedMessage: Sendable, Hashable, CustomStringConvertible {
    public let en: String
    public let nl: String

    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// A name, number or quotation that reads the same in every language.
    public static func verbatim(_ text: String) -> LocalizedMessage {
        LocalizedMessage(en: text, nl: text)
    }

    /// Nothing: the neutral part for `+`.
    public static let empty = verbatim("")

    public func text(_ language: InterfaceLanguage) -> String {
        switch language {
        case .en: en
        case .nl: nl
        }
    }

    /// The English text (what logs and tests read when no language is chosen).
    public var description: String { en }

    /// The two messages one after the other, in each language.
    public static func + (left: LocalizedMessage, right: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: left.en + right.en, nl: left.nl + right.nl)
    }

    /// The parts joined by a separator in each language (`", "`, or `" and "` / `" en "`).
    public static func joined(_ parts: [LocalizedMessage], separator: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: parts.map(\.en).joined(separator: separator.en),
                         nl: parts.map(\.nl).joined(separator: separator.nl))
    }
}
