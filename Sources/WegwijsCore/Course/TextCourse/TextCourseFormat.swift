/// Which course files are in the text format, and the limit on what one run reports of them.
public enum TextCourseFormat {
    /// The file name ending of text-format courses.
    public static let fileExtension = ".md"

    /// True for a `.md` file (any letter case): it is read with `TextCourseReader`.
    public static func isText(_ path: String) -> Bool {
        path.lowercased().hasSuffix(fileExtension)
    }

    /// A text course's problems, errors first, at most `TextCourseReader.maximumProblems`, with
    /// one last line saying how many more were left out. JSON courses' problems pass unchanged.
    static func limited(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard isText(file) else { return diagnostics }
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        let limit = TextCourseReader.maximumProblems
        guard ordered.count > limit else { return ordered }
        let more = ordered.count - limit
        return Array(ordered.prefix(limit))
            + [Diagnostic.notShown(more, severity: ordered[limit].severity, file: file)]
    }
}
