import Foundation
import Testing
import TestSupport
@testable import WegwijsCore

@Suite("ssh authorized-keys: the keys folder")
struct KeyDirectoryTests {
    static let alice = "AAAAC3NzaC1lZDI1NTE5AAAAIML57BUeeFB1WsCPMRezycPT5xR6aXli/ByJgDlBSDXe"
    static let bob = "AAAAC3NzaC1lZDI1NTE5AAAAIHrKLNcm+0/ReEvw98eodikUABfh3XRS45pIugIvzWbE"
    static let ecdsa = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJt6FO/cTxiBQuyE+9/2/TuJaUyAojVshyVq6CbiPdzVdEcIhX17d7nxBsVZ0miuDf2MfJ24sIjMNEQawrzOm7s="

    struct Line: Sendable, CustomTestStringConvertible {
        var text: String
        /// The key type and key found, or nil when the line is refused.
        var key: (String, String)?
        /// For a refused line: what its message says.
        var says: String = ""
        var testDescription: String { text.debugDescription }
    }

    static let lines: [Line] = [
        Line(text: "ssh-ed25519 \(alice)", key: ("ssh-ed25519", alice)),
        Line(text: "ssh-ed25519 \(alice) jan@laptop", key: ("ssh-ed25519", alice)),
        Line(text: "ssh-ed25519\t\(alice)\tjan laptop 2026", key: ("ssh-ed25519", alice)),
        Line(text: "ecdsa-sha2-nistp256 \(ecdsa) x", key: ("ecdsa-sha2-nistp256", ecdsa)),
        Line(text: "ssh-ed25519", key: nil, says: "expected 'TYPE KEY [COMMENT]'"),
        Line(text: "ssh-ed26619 \(alice)", key: nil, says: "'ssh-ed26619' is not an OpenSSH key type"),
        Line(text: "command=\"/bin/sh\" ssh-ed25519 \(alice)", key: nil, says: "is not an OpenSSH key type (a line of options"),
        Line(text: "restrict ssh-ed25519 \(alice)", key: nil, says: "'restrict' is not an OpenSSH key type"),
        Line(text: "ssh-ed25519 not*base64", key: nil, says: "is not base64"),
        Line(text: "ssh-ed25519 \(String(alice.dropLast(1)))", key: nil, says: "is not base64"),
        Line(text: "ssh-ed25519 \(String(alice.dropLast(4)))", key: nil, says: "does not hold a 'ssh-ed25519' key (truncated"),
        Line(text: "ssh-rsa \(alice)", key: nil, says: "does not hold a 'ssh-rsa' key"),
        Line(text: "ecdsa-sha2-nistp256 \(alice)", key: nil, says: "does not hold a 'ecdsa-sha2-nistp256' key"),
        Line(text: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", key: nil, says: "does not hold a 'ssh-ed25519' key"),
        Line(text: "ssh-ed25519 \(alice) x\u{1B}[2J", key: nil, says: "holds control characters"),
    ]

    @Test("one line of a .pub file", arguments: lines)
    func line(_ item: Line) {
        switch KeyDirectory.parseLine(item.text) {
        case .success(let (type, key)):
            #expect(item.key?.0 == type && item.key?.1 == key, "accepted \(type) \(key)")
        case .failure(let error):
            #expect(item.key == nil, "refused: \(error.message)")
            #expect(error.message.contains(item.says), "\(error.message)")
        }
    }

    @Test("a file: comments, blank lines and CRLF pass; a bad line is reported with its number and the others count")
    func file() {
        let text = "# Jan's keys\r\n\r\nssh-ed25519 \(Self.alice) laptop\r\n  \nbroken line\necdsa-sha2-nistp256 \(Self.ecdsa)\nssh-ed25519 \(Self.alice) again\n"
        let parsed = KeyDirectory.parse(text, learner: "100200", file: "KEYS/100200.pub")
        #expect(parsed.keys == [
            LearnerKey(learner: "100200", type: "ssh-ed25519", base64: Self.alice, file: "KEYS/100200.pub", line: 3),
            LearnerKey(learner: "100200", type: "ecdsa-sha2-nistp256", base64: Self.ecdsa, file: "KEYS/100200.pub", line: 6),
        ])
        #expect(parsed.problems.map(\.description) == ["KEYS/100200.pub:5: 'broken' is not an OpenSSH key type (a line of options is not accepted: the options are Wegwijs's own); the line is left out"])
    }

    @Test("the authorized_keys line: restrict, pty, the forced command with the learner, the key")
    func authorizedLine() {
        let key = LearnerKey(learner: "100200", type: "ssh-ed25519", base64: Self.alice, file: "K/100200.pub", line: 1)
        #expect(key.authorizedKeysLine(executable: "/usr/bin/wegwijs")
            == "restrict,pty,command=\"/usr/bin/wegwijs ssh session --learner 100200\" ssh-ed25519 \(Self.alice) 100200.pub")
        #expect(key.authorizedKeysLine(executable: "/opt/my tools/it's/wegwijs").hasPrefix(
            "restrict,pty,command=\"'/opt/my tools/it'\\''s/wegwijs' ssh session --learner 100200\""))
    }

    @Test("a folder: bad names, a key of two learners and non-key files; the sound keys still count")
    func folder() throws {
        let keys = TestFolders.path("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: keys) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: keys.appendingPathComponent(name))
        }
        try write("A100.pub", "ssh-ed25519 \(Self.alice) a\n")
        try write("B200.pub", "ssh-ed25519 \(Self.bob) b\necdsa-sha2-nistp256 \(Self.ecdsa)\n")
        try write("C300.pub", "# the same key as B200's second\necdsa-sha2-nistp256 \(Self.ecdsa) c\n")
        try write("jan jansen.pub", "ssh-ed25519 \(Self.alice)\n")
        try write(".hidden.pub", "ssh-ed25519 \(Self.alice)\n")
        try write("README", "not a key\n")
        try write("A100.pub~", "ssh-ed25519 \(Self.bob)\n")
        try FileManager.default.createDirectory(at: keys.appendingPathComponent("D400.pub"), withIntermediateDirectories: true)
        let directory = try KeyDirectory.load(folder: keys.path)
        #expect(directory.keys.map { "\($0.learner) \($0.type) \($0.base64)" } == [
            "A100 ssh-ed25519 \(Self.alice)", "B200 ssh-ed25519 \(Self.bob)",
        ])
        let problems = directory.problems.map(\.description)
        let base = keys.path
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.contains("\(base)/.hidden.pub: '.hidden' is not a valid employee number (1-64 of A-Z a-z 0-9 . _ -, not starting with '.'); the file is left out"))
        #expect(problems.contains { $0.hasPrefix("\(base)/jan jansen.pub: 'jan jansen' is not a valid employee number") })
        #expect(problems.contains("\(base)/D400.pub: is not a regular file; the file is left out"))
        #expect(problems.contains("\(base)/B200.pub:2: this key is also listed at \(base)/C300.pub:2; a key belongs to one learner only, so it is left out everywhere"))
        #expect(problems.contains("\(base)/C300.pub:2: this key is also listed at \(base)/B200.pub:2; a key belongs to one learner only, so it is left out everywhere"))
        #expect(directory.keys(matching: Self.bob, type: "ssh-ed25519").map(\.learner) == ["B200"])
        #expect(directory.keys(matching: Self.bob, type: "ssh-rsa").isEmpty)
        #expect(directory.keys(matching: Self.ecdsa, type: nil).isEmpty)
    }

    @Test("a keys folder that cannot be listed is a file problem")
    func missingFolder() {
        #expect(throws: FileProblem.self) { try KeyDirectory.load(folder: "/nonexistent/keys") }
    }
}
