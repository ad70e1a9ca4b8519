import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One learner's public key from the keys folder (`KEYS/<employee-id>.pub`, one key a line).
public struct LearnerKey: Sendable, Equatable {
    public var learner: String
    /// The key type, e.g. `ssh-ed25519`.
    public var type: String
    /// The key itself, base64 as in the `.pub` file.
    public var base64: String
    /// Where it was read: the file and its line.
    public var file: String
    public var line: Int

    public init(learner: String, type: String, base64: String, file: String, line: Int) {
        self.learner = learner
        self.type = type
        self.base64 = base64
        self.file = file
        self.line = line
    }

    /// The `authorized_keys` line that lets this key in as this learner and nothing else:
    /// `restrict` takes away forwarding, agent, X11 and ~/.ssh/rc, `pty` gives the terminal
    /// back, and the forced command names the learner (SPEC §10).
    public func authorizedKeysLine(executable: String) -> String {
        "restrict,pty,command=\"\(KeyDirectory.shellQuoted(executable)) ssh session --learner \(learner)\" \(type) \(base64) \(learner).pub"
    }
}

/// A problem in the keys folder, located: `FILE:LINE: message` or `FILE: message`.
public struct KeyProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

/// The keys folder, like gitolite's keydir: `KEYS/<employee-id>.pub`. Everything that is not
/// sound is left out and reported; what is sound still counts, so one colleague's broken file
/// never locks the others out.
public struct KeyDirectory: Sendable {
    public var keys: [LearnerKey]
    public var problems: [KeyProblem]

    /// Key types OpenSSH takes in `authorized_keys`.
    public static let keyTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    ]

    /// A key file larger than this is refused (a thousand keys fit in far less).
    public static let maximumFileSize = 1 << 20

    /// Reads every `*.pub` file in `folder` (not below it). Other names are not keys and are
    /// passed over (a README, an editor's backup `~`). A folder that cannot be listed is a
    /// `FileProblem` (exit 74); everything else is in `problems`.
    public static func load(folder: String) throws(FileProblem) -> KeyDirectory {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw FileProblem(path: folder, reason: "the keys folder cannot be read (\(String(cString: strerror(errno))))")
        }
        var files: [(learner: String, file: String, text: String)] = []
        var problems: [KeyProblem] = []
        for name in names where name.hasSuffix(".pub") {
            let path = folder + "/" + name
            let learner = String(name.dropLast(".pub".count))
            guard LearnerID.isValid(learner) else {
                problems.append(KeyProblem(file: path, message: "'\(ControlCharacters.escaped(learner))' is not a valid employee number (1-64 of A-Z a-z 0-9 . _ -, not starting with '.'); the file is left out"))
                continue
            }
            switch readKeyFile(path) {
            case .success(let text): files.append((learner, path, text))
            case .failure(let problem): problems.append(problem)
            }
        }
        var directory = KeyDirectory(keys: [], problems: problems)
        for file in files {
            let parsed = parse(file.text, learner: file.learner, file: file.file)
            directory.keys += parsed.keys
            directory.problems += parsed.problems
        }
        directory.dropSharedKeys()
        return directory
    }

    /// A regular file (a link to one is fine) of a sane size, as text.
    private static func readKeyFile(_ path: String) -> Result<String, KeyProblem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(KeyProblem(file: path, message: "cannot be read (\(String(cString: strerror(errno)))); the file is left out"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(KeyProblem(file: path, message: "is not a regular file; the file is left out"))
        }
        guard info.st_size <= maximumFileSize else {
            return .failure(KeyProblem(file: path, message: "is \(info.st_size) bytes, more than a key file holds (at most \(maximumFileSize)); the file is left out"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(KeyProblem(file: path, message: "cannot be read; the file is left out"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KeyProblem(file: path, message: "is not UTF-8 text; the file is left out"))
        }
        return .success(text)
    }

    /// The keys of one file: `TYPE BASE64 [COMMENT]` a line; blank lines and `#` comments are
    /// passed over; any other line is a problem and left out (the file's sound lines count).
    public static func parse(_ text: String, learner: String, file: String) -> (keys: [LearnerKey], problems: [KeyProblem]) {
        var keys: [LearnerKey] = []
        var problems: [KeyProblem] = []
        // By scalars: "\r\n" is one Character, and Windows editors write it.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            var line = String(String.UnicodeScalarView(raw))
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch parseLine(trimmed) {
            case .success(let (type, base64)):
                if !keys.contains(where: { $0.type == type && $0.base64 == base64 }) {
                    keys.append(LearnerKey(learner: learner, type: type, base64: base64, file: file, line: offset + 1))
                }
            case .failure(let error):
                problems.append(KeyProblem(file: file, line: offset + 1, message: error.message + "; the line is left out"))
            }
        }
        return (keys, problems)
    }

    /// Why one line is not a key.
    struct LineError: Error {
        var message: String
    }

    /// One key line: a known type, base64 that decodes, and a key blob that names that type
    /// (as every OpenSSH public key does), so a truncated or pasted-wrong key is caught here.
    static func parseLine(_ line: String) -> Result<(String, String), LineError> {
        if ControlCharacters.contains(in: line.replacingOccurrences(of: "\t", with: " ")) {
            return .failure(LineError(message: "holds control characters"))
        }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 2 else { return .failure(LineError(message: "expected 'TYPE KEY [COMMENT]', as in a .pub file")) }
        let type = fields[0], base64 = fields[1]
        guard keyTypes.contains(type) else {
            let shown = type.count > 40 ? String(type.prefix(40)) + "…" : type
            return .failure(LineError(message: "'\(shown)' is not an OpenSSH key type (a line of options is not accepted: the options are Wegwijs's own)"))
        }
        guard let blob = Data(base64Encoded: base64) else {
            return .failure(LineError(message: "the key after '\(type)' is not base64"))
        }
        let parts = sshStrings(Array(blob))
        guard let parts, parts.count >= 2, parts[0] == Array(type.utf8) else {
            return .failure(LineError(message: "the key does not hold a '\(type)' key (truncated or from another line?)"))
        }
        return .success((type, base64))
    }

    /// A key blob as OpenSSH writes it: length-prefixed strings, the first the type, ending
    /// exactly at the end (so a cut-off key does not pass). Nil when it is not that.
    static func sshStrings(_ bytes: [UInt8]) -> [[UInt8]]? {
        var fields: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            guard bytes.count - index >= 4 else { return nil }
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            index += 4
            guard length <= bytes.count - index else { return nil }
            fields.append(Array(bytes[index..<index + length]))
            index += length
        }
        return fields
    }

    /// A key listed for two or more learners could sign in as either: it is left out for all
    /// of them, with a problem at each place it is listed.
    mutating func dropSharedKeys() {
        var owners: [String: Set<String>] = [:]
        for key in keys { owners[key.base64, default: []].insert(key.learner) }
        let shared = Set(owners.filter { $0.value.count > 1 }.keys)
        guard !shared.isEmpty else { return }
        for key in keys where shared.contains(key.base64) {
            let others = keys.filter { $0.base64 == key.base64 && $0.learner != key.learner }.map { "\($0.file):\($0.line)" }
            problems.append(KeyProblem(file: key.file, line: key.line,
                                       message: "this key is also listed at \(others.joined(separator: ", ")); a key belongs to one learner only, so it is left out everywhere"))
        }
        keys.removeAll { shared.contains($0.base64) }
    }

    /// The keys that match what sshd asks about (`%t` and `%k`): the type may be left out.
    public func keys(matching base64: String, type: String?) -> [LearnerKey] {
        keys.filter { $0.base64 == base64 && (type == nil || $0.type == type) }
    }

    /// A path as one word for the shell that runs the forced command (sshd hands the command
    /// to the account's shell): plain paths stay as they are, others are single-quoted.
    public static func shellQuoted(_ path: String) -> String {
        let plain = path.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "/._+-".utf8.contains(byte)
        }
        if plain { return path }
        // Inside command="…" sshd takes \" for a quote; inside '…' the shell takes '\'' for one.
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "\"", with: "\\\"") + "'"
    }
}
