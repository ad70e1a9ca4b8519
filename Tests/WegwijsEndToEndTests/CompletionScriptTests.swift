import Foundation
import Testing

/// The shell completion scripts and the help dump the Debian package's man pages are made from
/// (packaging/build-deb.sh) come out as the parser made them, not wrapped like help text.
@Suite("Completion scripts and the help dump")
struct CompletionScriptTests {
    @Test("each completion script parses in its shell, with lines longer than any terminal", arguments: ["bash", "zsh", "fish"])
    func completionScriptParses(shell: String) throws {
        let result = try Wegwijs.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sync"))
        // Unwrapped: the help layout would break every line at 80 columns or the terminal's width.
        #expect(result.stdout.split(separator: "\n").contains { $0.count > 100 })
        guard shell == "bash" else { return }
        let script = try Wegwijs.temporaryFolder("completion").appendingPathComponent("wegwijs.bash")
        defer { try? FileManager.default.removeItem(at: script.deletingLastPathComponent()) }
        try Data(result.stdout.utf8).write(to: script)
        let check = try RalphServer.tool("/bin/bash", ["-n", script.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("--experimental-dump-help is one JSON document (generate-manual reads it)")
    func helpDumpIsJSON() throws {
        let result = try Wegwijs.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
        let command = root?["command"] as? NSDictionary
        #expect(command?["commandName"] as? String == "wegwijs")
    }
}
