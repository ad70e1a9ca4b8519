import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// `wegwijs ssh …`: the course as a service over OpenSSH, the way gitolite serves git
/// (docs/server.md). sshd does all of SSH; these commands only say which key is which learner
/// and run the course for the learner a key belongs to.
struct SSH: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh",
        abstract: "Serve the course over ssh from one service account (see docs/server.md).",
        subcommands: [SSHAuthorizedKeys.self, SSHSession.self]
    )
}

struct SSHAuthorizedKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print the authorized_keys lines for the keys folder KEYS/<employee-id>.pub.",
        discussion: """
        Each key becomes: restrict,pty,command="<this binary> ssh session --learner ID" TYPE KEY ID.pub

        As sshd's AuthorizedKeysCommand: AuthorizedKeysCommand /usr/bin/wegwijs ssh authorized-keys --keys /var/lib/wegwijs/keys --user %u --type %t --key %k

        A file whose name is not a valid employee number, a malformed line, or a key listed for two learners is left out and reported on stderr (FILE:LINE: message); the sound keys are still printed. Exit codes: 0 all keys sound (and always when answering sshd with --key, so one broken file never locks the others out), 65 some keys were left out, 74 the keys folder cannot be read.
        """
    )

    @Option(help: "The keys folder: one KEYS/<employee-id>.pub per learner, one or more keys a file.")
    var keys: String

    @Option(help: "sshd's %u: the account being logged in to. Nothing is printed unless it is the account this runs as.")
    var user: String?

    @Option(help: "sshd's %t: the type of the key offered.")
    var type: String?

    @Option(help: "sshd's %k: the key offered (base64); only its line is printed.")
    var key: String?

    func run() throws {
        if let user, user != Self.accountName() { return }
        let directory: KeyDirectory
        do {
            directory = try KeyDirectory.load(folder: keys)
        } catch {
            printError(error.description)
            throw Exit.ioError
        }
        for problem in directory.problems { printError(ControlCharacters.escaped(problem.description)) }
        let chosen = key.map { directory.keys(matching: $0, type: type) } ?? directory.keys
        let executable = ownExecutable()
        var text = ""
        for entry in chosen { text += entry.authorizedKeysLine(executable: executable) + "\n" }
        printOutput(text, terminator: "")
        if key == nil, !directory.problems.isEmpty { throw Exit.invalidData }
    }

    /// The name of the account this process runs as.
    static func accountName() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
