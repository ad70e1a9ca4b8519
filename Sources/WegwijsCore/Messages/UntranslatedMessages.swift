// TRANSITIONAL: removed once every message site names a message from a message table.
extension Diagnostic {
    @available(*, deprecated, message: "name a LocalizedMessage from a message table")
    public init(_ severity: Severity, file: String, position: SourcePosition?, message: String, pointer: String? = nil) {
        self.init(severity, file: file, position: position, message: .verbatim(message), pointer: pointer)
    }
}

extension CourseProblem {
    @available(*, deprecated, message: "name a LocalizedMessage from a message table")
    public init(_ severity: Diagnostic.Severity, at pointer: String, key: String? = nil, _ message: String) {
        self.init(severity, at: pointer, key: key, LocalizedMessage.verbatim(message))
    }
}

extension JSONSyntaxError {
    @available(*, deprecated, message: "name a LocalizedMessage from a message table")
    init(message: String, offset: Int) {
        self.init(.verbatim(message), offset: offset)
    }
}

extension TextCourseReader.Problem {
    @available(*, deprecated, message: "name a LocalizedMessage from a message table")
    init(message: String, offset: Int) {
        self.init(wording: .verbatim(message), offset: offset)
    }
}

extension KindProblem {
    @available(*, deprecated, message: "name a LocalizedMessage from a message table")
    init(path: String, message: String) {
        self.init(path: path, .verbatim(message))
    }
}
