import Foundation
import Testing
@testable import WegwijsCore

@Suite("Settings: flags, environment, files, defaults")
struct SettingsTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("precedence: flag, then environment, then user file, then system file, then default; each with its origin")
    func precedence() throws {
        let user = try file(#"{"wegwijs": {"records": "/user/records", "lrs": {"url": "https://user.example/xAPI"}, "language": "en"}}"#)
        let system = try file(#"{"wegwijs": {"records": "/system/records", "lrs": {"url": "https://system.example/xAPI", "credentialsFile": "/etc/wegwijs/lrs"}, "activityBase": "https://courses.example/"}}"#)
        defer { try? FileManager.default.removeItem(atPath: user); try? FileManager.default.removeItem(atPath: system) }
        let environment = ["WEGWIJS_RECORDS": "/env/records", "WEGWIJS_LRS_URL": "https://env.example/xAPI", "WEGWIJS_LANGUAGE": ""]
        let settings = try Settings.load(flags: [.records: ("/flag/records", "--records")], environment: environment,
                                         userFile: user, systemFile: system)
        #expect(settings[.records] == "/flag/records")
        #expect(settings.origin(of: .records) == .flag("--records"))
        #expect(settings[.lrsURL] == "https://env.example/xAPI")
        #expect(settings.origin(of: .lrsURL) == .environment("WEGWIJS_LRS_URL"))
        #expect(settings[.language] == "en")  // an empty variable counts as unset
        #expect(settings.origin(of: .language) == .file(user))
        #expect(settings[.lrsCredentialsFile] == "/etc/wegwijs/lrs")
        #expect(settings.origin(of: .lrsCredentialsFile) == .file(system))
        #expect(settings[.actorHomepage] == "urn:wegwijs:learner")
        #expect(settings.origin(of: .actorHomepage) == .builtIn)
        #expect(settings[.courses] == nil)

        let nothing = try Settings.load(environment: [:], userFile: nil, systemFile: nil)
        #expect(nothing.records == "records")
        #expect(nothing.origin(of: .records) == .builtIn)
    }

    @Test("every setting's variable is the one swift-configuration derives from its key")
    func variables() throws {
        for setting in Setting.allCases {
            let loaded = try Settings.load(environment: [setting.variable: "x"], userFile: nil, systemFile: nil)
            #expect(loaded[setting] == "x")
            #expect(loaded.origin(of: setting) == .environment(setting.variable))
        }
    }

    @Test("a settings file that does not parse, names an unknown key or has a wrong type is a located error", arguments: [
        (#"{"wegwijs": {"record": "x"}}"#, "1:14", "unknown setting 'wegwijs.record' — did you mean 'records'?"),
        ("{\n  \"wegwijs\": {\"lrs\": {\"uri\": \"x\"}}}", "2:23", "unknown setting 'wegwijs.lrs.uri' — did you mean 'url'?"),
        (#"{"wegwijs": {"records": 3}}"#, "1:25", "'wegwijs.records' must be a string"),
        (#"{"records": "x"}"#, "1:2", "unknown key 'records': settings go under \"wegwijs\""),
        (#"{"wegwijs": {"#, "1:14", "unexpected end of file"),
    ])
    func invalidFile(text: String, position: String, message: String) throws {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try Settings.load(environment: [:], userFile: path, systemFile: nil)
        } throws: { error in
            guard let error = error as? SettingsError else { return false }
            return error.description.hasPrefix("\(path):\(position): ") && error.description.contains(message) && !error.isUnreadable
        }
    }
}
