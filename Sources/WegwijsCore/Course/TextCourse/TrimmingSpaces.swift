extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex { $0 != " " && $0 != "\t" }!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
