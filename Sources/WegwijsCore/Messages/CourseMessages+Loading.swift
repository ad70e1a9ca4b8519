import Foundation

/// What `CourseLoader` says: a file that cannot be read, and the ids in front of a decoder
/// problem ("scenario 'x', option 'y': ").
extension CourseMessages {
    // MARK: Reading the file

    static let noSuchFile = LocalizedMessage(en: "no such file", nl: "dit bestand bestaat niet")
    static let isFolder = LocalizedMessage(en: "is a folder, not a course file", nl: "is een map, geen cursusbestand")
    static let cannotOpen = LocalizedMessage(en: "cannot be opened (permission denied?)",
                                             nl: "kan niet worden geopend (geen toestemming?)")

    /// `reason` is the system's own words, in the system's language.
    static func cannotRead(_ reason: String) -> LocalizedMessage {
        LocalizedMessage(en: "cannot be read: \(reason)", nl: "kan niet worden gelezen: \(reason)")
    }

    private static func sizeLimit(_ megabytes: Int) -> LocalizedMessage {
        LocalizedMessage(en: "course files are limited to \(megabytes) MB", nl: "een cursusbestand mag hoogstens \(megabytes) MB zijn")
    }

    /// A file of `bytes` over the limit of `limit` megabytes.
    static func fileTooLarge(bytes: Int, limit: Int) -> LocalizedMessage {
        let size = String(format: "%.1f", Double(bytes) / 1_048_576)
        return LocalizedMessage(en: "the file is \(size) MB; ", nl: "het bestand is \(size) MB; ") + sizeLimit(limit)
    }

    /// An input that does not end (a pipe, a device) before the limit of `limit` megabytes.
    static func inputTooLong(limit: Int) -> LocalizedMessage {
        LocalizedMessage(en: "the input goes on past \(limit) MB and was not read further; ",
                         nl: "de invoer gaat door na \(limit) MB en is niet verder gelezen; ") + sizeLimit(limit)
    }

    // MARK: The ids in front of a problem

    static func scenario(_ id: String) -> LocalizedMessage { .verbatim("scenario '\(id)'") }
    /// A scenario without a usable id, by its place in the list (1 = the first).
    static func scenario(number: Int) -> LocalizedMessage { .verbatim("scenario \(number)") }
    static func option(_ id: String) -> LocalizedMessage { LocalizedMessage(en: "option '\(id)'", nl: "antwoord '\(id)'") }
    static func option(number: Int) -> LocalizedMessage { LocalizedMessage(en: "option \(number)", nl: "antwoord \(number)") }
    static func pool(_ id: String) -> LocalizedMessage { .verbatim("pool '\(id)'") }
    static func pool(number: Int) -> LocalizedMessage { .verbatim("pool \(number)") }
    static func guideline(_ id: String) -> LocalizedMessage { LocalizedMessage(en: "guideline '\(id)'", nl: "richtlijn '\(id)'") }
    static func guideline(number: Int) -> LocalizedMessage { LocalizedMessage(en: "guideline \(number)", nl: "richtlijn \(number)") }

    /// `scenario 'x', option 'y': `, or nothing when there are no parts.
    static func context(_ parts: [LocalizedMessage]) -> LocalizedMessage {
        parts.isEmpty ? .empty : LocalizedMessage.joined(parts, separator: .verbatim(", ")) + .verbatim(": ")
    }
}
