import Configuration
import Foundation

/// One setting of SPEC §6: its key in a settings file, its environment variable, its default.
public enum Setting: String, Sendable, Hashable, CaseIterable {
    case records
    case courses
    case language
    case signingKeyFile
    case lrsURL
    case lrsCredentialsFile
    case lrsAuthorityFile
    case actorHomepage
    case activityBase
    case smtpCredentialsFile
    case smtpAuthorityFile
    case policyFolder

    /// The key path below `wegwijs` in a settings file: `{"wegwijs": {"lrs": {"url": …}}}`.
    public var path: [String] {
        switch self {
        case .records: ["records"]
        case .courses: ["courses"]
        case .language: ["language"]
        case .signingKeyFile: ["signingKeyFile"]
        case .lrsURL: ["lrs", "url"]
        case .lrsCredentialsFile: ["lrs", "credentialsFile"]
        case .lrsAuthorityFile: ["lrs", "caFile"]
        case .actorHomepage: ["actorHomepage"]
        case .activityBase: ["activityBase"]
        case .smtpCredentialsFile: ["smtp", "credentialsFile"]
        case .smtpAuthorityFile: ["smtp", "caFile"]
        case .policyFolder: ["policyFolder"]
        }
    }

    /// The dotted key as documented: `wegwijs.lrs.url`.
    public var key: String { (["wegwijs"] + path).joined(separator: ".") }

    /// The environment variable, as swift-configuration derives it from the key.
    public var variable: String {
        switch self {
        case .records: "WEGWIJS_RECORDS"
        case .courses: "WEGWIJS_COURSES"
        case .language: "WEGWIJS_LANGUAGE"
        case .signingKeyFile: "WEGWIJS_SIGNING_KEY_FILE"
        case .lrsURL: "WEGWIJS_LRS_URL"
        case .lrsCredentialsFile: "WEGWIJS_LRS_CREDENTIALS_FILE"
        case .lrsAuthorityFile: "WEGWIJS_LRS_CA_FILE"
        case .actorHomepage: "WEGWIJS_ACTOR_HOMEPAGE"
        case .activityBase: "WEGWIJS_ACTIVITY_BASE"
        case .smtpCredentialsFile: "WEGWIJS_SMTP_CREDENTIALS_FILE"
        case .smtpAuthorityFile: "WEGWIJS_SMTP_CA_FILE"
        case .policyFolder: "WEGWIJS_POLICY_FOLDER"
        }
    }

    /// The value when nothing is configured; nil means "not set".
    public var builtInDefault: String? {
        switch self {
        case .records: "records"
        case .activityBase: "urn:wegwijs:course:"
        case .actorHomepage: "urn:wegwijs:learner"
        case .courses, .language, .signingKeyFile, .lrsURL, .lrsCredentialsFile, .lrsAuthorityFile, .smtpCredentialsFile,
             .smtpAuthorityFile, .policyFolder: nil
        }
    }

    /// What the setting is for, in one line (for `wegwijs config`).
    public var summary: String {
        switch self {
        case .records: "the records folder"
        case .courses: "the folder of bundled courses"
        case .language: "the language when the course offers it (nl, en)"
        case .signingKeyFile: "the key that signs completion records"
        case .lrsURL: "the LRS endpoint, up to before /statements"
        case .lrsCredentialsFile: "a file with user:password for the LRS"
        case .lrsAuthorityFile: "certificate authorities (PEM) to check the LRS's HTTPS certificate with, instead of the machine's"
        case .actorHomepage: "the home page of learner accounts in statements"
        case .activityBase: "the start of every activity IRI"
        case .smtpCredentialsFile: "a file with user:password for the mail server of wegwijs remind"
        case .smtpAuthorityFile: "certificate authorities (PEM) to check the mail server's TLS certificate with, instead of the machine's"
        case .policyFolder: "the organisation's own policy documents, COURSE-ID.txt each, shown by beleid/policy instead of the course's summary"
        }
    }

    fileprivate var configKey: AbsoluteConfigKey { AbsoluteConfigKey(["wegwijs"] + path) }
}

/// Where a value in force came from.
public enum SettingOrigin: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(String)
    case builtIn

    public var description: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): name
        case .file(let path): path
        case .builtIn: "default"
        }
    }
}

/// The settings in force, each with its origin (SPEC §6).
public struct Settings: Sendable {
    public struct Entry: Sendable, Hashable {
        public var value: String?
        public var origin: SettingOrigin
    }

    public private(set) var entries: [Setting: Entry]

    /// The value in force, or nil when the setting is not set.
    public subscript(_ setting: Setting) -> String? { entries[setting]?.value }

    public func origin(of setting: Setting) -> SettingOrigin { entries[setting]?.origin ?? .builtIn }

    /// The records folder in force.
    public var records: String { self[.records] ?? "records" }

    /// The standard places of the settings files: `$XDG_CONFIG_HOME/wegwijs/config.json`
    /// (default `~/.config/…`) for the user, `/etc/wegwijs/config.json` for the system.
    public static func standardFiles(environment: [String: String]) -> (user: String?, system: String) {
        var user: String?
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            user = xdg + "/wegwijs/config.json"
        } else if let home = environment["HOME"], !home.isEmpty {
            user = home + "/.config/wegwijs/config.json"
        }
        return (user, "/etc/wegwijs/config.json")
    }

    /// Reads the settings: flags, then environment, then the user file, then the system file,
    /// then the built-in defaults. Empty environment variables count as unset.
    public static func load(flags: [Setting: (value: String, flag: String)] = [:], environment: [String: String],
                            userFile: String?, systemFile: String?) throws(SettingsError) -> Settings {
        var layers: [(origin: (Setting) -> SettingOrigin, provider: any ConfigProvider)] = []
        var flagValues: [AbsoluteConfigKey: ConfigValue] = [:]
        for (setting, given) in flags { flagValues[setting.configKey] = ConfigValue(.string(given.value), isSecret: false) }
        layers.append(({ flags[$0].map { .flag($0.flag) } ?? .builtIn }, InMemoryProvider(name: "flags", values: flagValues)))
        let known = Set(Setting.allCases.map(\.variable))
        let variables = environment.filter { known.contains($0.key) && !$0.value.isEmpty }
        layers.append(({ .environment($0.variable) }, EnvironmentVariablesProvider(environmentVariables: variables)))
        for path in [userFile, systemFile].compactMap({ $0 }) {
            guard let values = try SettingsFile.read(path) else { continue }
            var fileValues: [AbsoluteConfigKey: ConfigValue] = [:]
            for (setting, value) in values { fileValues[setting.configKey] = ConfigValue(.string(value), isSecret: false) }
            layers.append(({ _ in .file(path) }, InMemoryProvider(name: path, values: fileValues)))
        }
        var entries: [Setting: Entry] = [:]
        for setting in Setting.allCases {
            entries[setting] = Entry(value: setting.builtInDefault, origin: .builtIn)
            for layer in layers {
                let found = try? layer.provider.value(forKey: setting.configKey, type: .string)
                if case .string(let text)? = found?.value?.content {
                    entries[setting] = Entry(value: text, origin: layer.origin(setting))
                    break
                }
            }
        }
        return Settings(entries: entries)
    }
}

/// A settings file that cannot be used: located, so it prints as `FILE:LINE:COLUMN: message`.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition?
    public var message: String
    /// True when the file could not be read (exit 74) rather than being invalid (exit 65).
    public var isUnreadable: Bool

    public var description: String {
        (position.map { "\(path):\($0.line):\($0.column)" } ?? path) + ": " + message
    }
}

/// The JSON settings file: `{"wegwijs": {"records": "…", "lrs": {"url": "…"}}}`. Checked here,
/// with positions, because a typo in a key must be an error, not a silently ignored setting.
enum SettingsFile {
    /// The settings the file sets; nil when there is no file.
    static func read(_ path: String) throws(SettingsError) -> [Setting: String]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(path: path, position: nil, message: "cannot be read", isUnreadable: true)
        }
        let bytes = [UInt8](data)
        let text = SourceText(bytes: bytes)
        func problem(_ offset: Int, _ message: String) -> SettingsError {
            SettingsError(path: path, position: text.position(of: offset), message: message, isUnreadable: false)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw problem(error.offset, error.message)
        }
        guard let top = root.members else { throw problem(root.offset, "a settings file is a JSON object: {\"wegwijs\": {…}}") }
        var values: [Setting: String] = [:]
        let byPath = Dictionary(uniqueKeysWithValues: Setting.allCases.map { ($0.path, $0) })
        let groups = Set(Setting.allCases.filter { $0.path.count > 1 }.map { $0.path[0] })
        func walk(_ members: [JSONMember], prefix: [String]) throws(SettingsError) {
            for member in members {
                let path = prefix + [member.key]
                if let setting = byPath[path] {
                    guard let value = member.node.string else {
                        throw problem(member.node.offset, "'\((["wegwijs"] + path).joined(separator: "."))' must be a string")
                    }
                    values[setting] = value
                } else if prefix.isEmpty, groups.contains(member.key) {
                    guard let inner = member.node.members else {
                        throw problem(member.node.offset, "'wegwijs.\(member.key)' must be an object")
                    }
                    try walk(inner, prefix: path)
                } else {
                    let known = Setting.allCases.filter { $0.path.count == path.count && Array($0.path.dropLast()) == prefix }
                        .map { $0.path.last ?? "" }
                    throw problem(member.keyOffset, "unknown setting '\((["wegwijs"] + path).joined(separator: "."))'"
                                  + Suggestion.hint(for: member.key, in: known))
                }
            }
        }
        for member in top {
            guard member.key == "wegwijs" else {
                throw problem(member.keyOffset, "unknown key '\(member.key)': settings go under \"wegwijs\"")
            }
            guard let inner = member.node.members else { throw problem(member.node.offset, "'wegwijs' must be an object") }
            try walk(inner, prefix: [])
        }
        return values
    }
}
