import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// The settings in force (SPEC §6); a settings file that cannot be used ends the command
/// with its located message (65 invalid, 74 unreadable).
func loadSettings(flags: [Setting: (value: String, flag: String)] = [:]) throws -> Settings {
    let environment = ProcessInfo.processInfo.environment
    let files = Settings.standardFiles(environment: environment)
    // Packagers and tests may move the system file; it is not a setting itself.
    let system = environment["WEGWIJS_SYSTEM_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? files.system
    do {
        return try Settings.load(flags: flags, environment: environment, userFile: files.user, systemFile: system)
    } catch {
        printError(error.description)
        throw error.isUnreadable ? Exit.ioError : Exit.invalidData
    }
}

/// What statements carry besides the record and its course.
func xapiProfile(_ settings: Settings) -> XAPIProfile {
    XAPIProfile(actorHomepage: settings[.actorHomepage] ?? "urn:wegwijs:learner",
                activityBase: settings[.activityBase] ?? "urn:wegwijs:course:",
                platform: "wegwijs \(Wegwijs.configuration.version)")
}

/// The configured LRS, or nil when none is; a bad URL or credentials file ends the command.
func lrsEndpoint(_ settings: Settings) throws -> LRSEndpoint? {
    guard let url = settings[.lrsURL], !url.isEmpty else { return nil }
    do {
        return try LRSEndpoint.make(url: url, credentialsFile: settings[.lrsCredentialsFile],
                                    authorityFile: settings[.lrsAuthorityFile].flatMap { $0.isEmpty ? nil : $0 })
    } catch {
        printError(error.description)
        throw error.path == "lrs.url" ? Exit.invalidData : Exit.ioError
    }
}

/// The settings without messages (nil when a settings file is broken: the commands that need
/// settings report that themselves).
func quietSettings() -> Settings? {
    let environment = ProcessInfo.processInfo.environment
    let files = Settings.standardFiles(environment: environment)
    let system = environment["WEGWIJS_SYSTEM_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? files.system
    return try? Settings.load(environment: environment, userFile: files.user, systemFile: system)
}
