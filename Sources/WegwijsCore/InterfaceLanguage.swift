/// The languages the interface speaks (a third is one more case here, one more table in the
/// console's phrase tables and one more side in `LocalizedMessage`; the compiler points at each).
public enum InterfaceLanguage: String, Sendable, CaseIterable, Codable {
    case nl
    case en
}
