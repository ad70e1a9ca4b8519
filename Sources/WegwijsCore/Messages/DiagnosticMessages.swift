/// The words around every located problem: its severity and the note on problems left out.
public enum DiagnosticMessages {
    /// `error` / `fout`, `warning` / `waarschuwing`, as GCC says them in each language.
    public static func severity(_ severity: Diagnostic.Severity) -> LocalizedMessage {
        switch severity {
        case .error: LocalizedMessage(en: "error", nl: "fout")
        case .warning: LocalizedMessage(en: "warning", nl: "waarschuwing")
        }
    }

    static func notShown(_ count: Int) -> LocalizedMessage {
        LocalizedMessage(en: "\(count) more problem\(count == 1 ? "" : "s") not shown; correct these first",
                         nl: "nog \(count) \(count == 1 ? "probleem" : "problemen") niet getoond; verbeter eerst deze")
    }
}
