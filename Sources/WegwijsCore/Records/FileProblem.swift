/// A file or folder that could not be read or used, with the reason in words.
public struct FileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// What kind of problem it is, for a message in the reader's language (`reason` is the
    /// technical detail, in English, for the administrator).
    public var kind: Kind

    /// The kinds a learner's run can meet while saving.
    public enum Kind: Sendable, Hashable {
        /// A folder or file that cannot be created or written.
        case notWritable
        /// A records folder that another account can change (refused).
        case sharedFolder
        /// A symbolic link where a records folder should be (refused).
        case symbolicLink
        /// The learner's lock cannot be taken.
        case notLockable
        case other
    }

    public init(path: String, reason: String, kind: Kind = .other) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    public var description: String { "\(path): \(reason)" }
}
