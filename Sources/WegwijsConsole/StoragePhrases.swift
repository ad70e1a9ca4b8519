import WegwijsCore

/// What a learner is told when their answers cannot be saved, in their language: what went
/// wrong in words, and the technical detail for whoever runs the server or the laptop.
public struct StoragePhrases: Sendable {
    public let reason: @Sendable (FileProblem.Kind) -> String
    /// Before the path and the technical reason (in English): who can act on it.
    public let forTheAdministrator: String

    public static func of(_ language: InterfaceLanguage) -> StoragePhrases {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    /// The lines a learner reads: the failure in words, the technical detail, what was kept.
    public func lines(for problem: FileProblem, phrases: Phrases) -> [String] {
        [phrases.notSaved(reason(problem.kind)), "\(forTheAdministrator) \(problem.description)", phrases.lastAnswerLost]
    }

    public static let nl = StoragePhrases(
        reason: { kind in
            switch kind {
            case .notWritable: "in de map voor je resultaten kan niet worden geschreven."
            case .sharedFolder: "de map voor je resultaten kan ook door een ander account worden gewijzigd, en daar schrijft Wegwijs niet in."
            case .symbolicLink: "de map voor je resultaten is een verwijzing (symbolische link), en daar schrijft Wegwijs niet doorheen."
            case .notLockable: "de map voor je resultaten kan niet worden vergrendeld."
            case .other: "er ging iets mis met het bestand."
            }
        },
        forTheAdministrator: "Voor je beheerder:"
    )

    public static let en = StoragePhrases(
        reason: { kind in
            switch kind {
            case .notWritable: "the folder for your results cannot be written to."
            case .sharedFolder: "the folder for your results can be changed by another account too, and Wegwijs does not write there."
            case .symbolicLink: "the folder for your results is a symbolic link, and Wegwijs does not write through one."
            case .notLockable: "the folder for your results cannot be locked."
            case .other: "something went wrong with the file."
            }
        },
        forTheAdministrator: "For your administrator:"
    )
}
