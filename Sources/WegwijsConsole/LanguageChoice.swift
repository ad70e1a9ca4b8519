import WegwijsCore
/// How a run picks its language when `--lang` and the settings leave it open: the locale, or,
/// in a terminal, a question on the first screen (asked in both languages, since none is
/// chosen yet).
public enum LanguageChoice {
    /// The interface language the POSIX locale names: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` (their precedence). `en_GB.UTF-8`, `en_US` and `en` are English,
    /// `nl_NL.UTF-8` and `nl_BE` Dutch; `C`, `POSIX`, `C.UTF-8` and other languages decide
    /// nothing. Over ssh the value comes from the learner's side (sshd's AcceptEnv), so it is only
    /// compared, never shown or used otherwise.
    public static func locale(_ environment: [String: String]) -> InterfaceLanguage? {
        guard let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        // language[_territory][.codeset][@modifier]
        let name = value.prefix { $0 != "_" && $0 != "." && $0 != "@" }.lowercased()
        return InterfaceLanguage(rawValue: name)
    }

    /// The question, in both languages; Enter takes `fallback`.
    public static func question(_ offered: [InterfaceLanguage], fallback: InterfaceLanguage) -> String {
        "Kies je taal / Choose your language (\(offered.map(\.rawValue).joined(separator: "/")), Enter: \(fallback.rawValue)): "
    }

    /// After an answer that names no offered language.
    public static func again(_ offered: [InterfaceLanguage]) -> String {
        let codes = offered.map(\.rawValue).joined(separator: ", ")
        return "Typ een van: \(codes) (of stop). / Type one of: \(codes) (or stop)."
    }

    /// What a typed answer chooses: a code (`nl`, `en`) or the language's name in either language.
    public static func parse(_ line: String, offered: [InterfaceLanguage], fallback: InterfaceLanguage) -> Answer {
        let reply = line.trimmingCharacters(in: .whitespaces).lowercased()
        if reply.isEmpty { return .chose(fallback) }
        if Phrases.dutch.words.stop.contains(reply) || Phrases.english.words.stop.contains(reply) { return .stop }
        let names: [InterfaceLanguage: Set<String>] = [.nl: ["nl", "nederlands", "dutch"], .en: ["en", "english", "engels"]]
        guard let chosen = offered.first(where: { names[$0]?.contains(reply) == true }) else { return .unknown }
        return .chose(chosen)
    }

    public enum Answer: Equatable, Sendable {
        case chose(InterfaceLanguage)
        case stop
        case unknown
    }

    /// Asks until an offered language is chosen; nil on stop or end of input.
    public static func ask(_ offered: [InterfaceLanguage], fallback: InterfaceLanguage, reader: LineReader, output: ConsoleOutput) -> InterfaceLanguage? {
        let layout = TextLayout(terminal: TerminalInfo.current(plain: true))
        while true {
            guard let line = reader.readLine(prompt: question(offered, fallback: fallback)) else { return nil }
            switch parse(line, offered: offered, fallback: fallback) {
            case .chose(let language): return language
            case .stop: return nil
            case .unknown: output.write(layout.wrap(again(offered)))
            }
        }
    }
}
