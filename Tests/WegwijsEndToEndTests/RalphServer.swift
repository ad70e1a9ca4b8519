import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A problem with the test's own LRS: the tests fail with it (they never skip).
struct RalphError: Error, CustomStringConvertible {
    var description: String
}

/// The result of a helper program.
struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A real Ralph LRS 5.1.0 (file-system backend) on 127.0.0.1 and a free port, in a temp
/// folder, started from the project's `.venv-lrs` (made by `.ci/setup`) and stopped after.
/// Scopes are enforced (`RALPH_LRS_RESTRICT_BY_SCOPES`, `RALPH_LRS_RESTRICT_BY_AUTHORITY`), as
/// docs/lrs.md tells an organisation to run it, with three accounts: `wegwijs` (scope `all`,
/// what most tests use), a learners' machines' write-only one and HR's read-only one.
final class RalphServer: @unchecked Sendable {
    static let user = "wegwijs"
    static let password = "secret"

    /// An LRS account of the test server and the scope it has.
    enum Account: String, CaseIterable {
        /// Scope `all`.
        case wegwijs
        /// Scope `statements/write` only: what docs/lrs.md gives learners' machines.
        case writer
        /// Scope `statements/read` only: what docs/lrs.md gives HR.
        case reader

        var scope: String {
            switch self {
            case .wegwijs: "all"
            case .writer: "statements/write"
            case .reader: "statements/read"
            }
        }
        var password: String { self == .wegwijs ? RalphServer.password : "\(rawValue)-secret" }
    }

    static var venv: URL { Wegwijs.packageRoot.appendingPathComponent(".venv-lrs/bin") }
    static var python: String { venv.appendingPathComponent("python").path }
    static func support(_ name: String) -> String {
        Wegwijs.packageRoot.appendingPathComponent("Tests/Support/ralph/\(name)").path
    }

    let folder: URL
    let port: Int
    /// Set when the server speaks HTTPS.
    let tls: TestCertificates?
    private let server: ServerProcess

    /// The endpoint up to before /statements.
    var url: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)/xAPI" }
    var credentialsFile: String { credentialsFile(.wegwijs) }

    /// The `user:password` file of one account.
    func credentialsFile(_ account: Account) -> String {
        folder.appendingPathComponent(account == .wegwijs ? "credentials" : "credentials-\(account.rawValue)").path
    }

    private init(folder: URL, port: Int, tls: TestCertificates?, server: ServerProcess) {
        self.folder = folder
        self.port = port
        self.tls = tls
        self.server = server
    }

    /// Starts a new, empty LRS (HTTPS with `tls`'s server certificate) and waits until it
    /// accepts connections.
    static func start(tls: TestCertificates? = nil) throws -> RalphServer {
        guard FileManager.default.isExecutableFile(atPath: python),
              FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("ralph").path) else {
            throw RalphError(description: "Ralph LRS is not installed in .venv-lrs: run `bash .ci/setup` (or `make setup`)")
        }
        let folder = try Wegwijs.temporaryFolder("ralph")
        let auth = folder.appendingPathComponent("auth.json").path
        let made = try tool(python, [support("accounts.py"), auth]
                            + Account.allCases.map { "\($0.rawValue):\($0.password):\($0.scope)" })
        guard made.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw RalphError(description: "accounts.py failed: \(made.stderr)")
        }
        for account in Account.allCases {
            let file = folder.appendingPathComponent(account == .wegwijs ? "credentials" : "credentials-\(account.rawValue)")
            try Data("\(account.rawValue):\(account.password)\n".utf8).write(to: file)
            // Credentials are private to their account (PrivateFiles.checkSecret).
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        }
        let port = try freePort()
        // Pages of at most 25 statements (Ralph's default is 100), so every `report --lrs` in the
        // tests follows `more` links across several pages.
        let environment = ProcessInfo.processInfo.environment.merging(
            ["RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "25",
             "RALPH_LRS_RESTRICT_BY_SCOPES": "true", "RALPH_LRS_RESTRICT_BY_AUTHORITY": "true"]) { $1 }
        let process = try ServerProcess.launch(
            python: python,
            arguments: [support("serve.py"), String(port), folder.appendingPathComponent("data").path, auth]
                + (tls.map { [$0.serverCertificate, $0.serverKey] } ?? []),
            environment: environment, log: folder.appendingPathComponent("server.log"))
        let server = RalphServer(folder: folder, port: port, tls: tls, server: process)
        // Wait until it listens, or has died (bounded: 60 s of 50 ms tries).
        if process.wait(tries: 1200, interval: 50_000, until: { canConnect(port: port) }) { return server }
        let output = process.output(last: 2000)
        server.stop()
        throw RalphError(description: "Ralph did not start on port \(port): \(output)")
    }

    /// Stops the server and removes its folder.
    func stop() {
        server.stop(removing: folder)
    }

    /// The settings that point wegwijs at this LRS as `account`, with no settings files from
    /// the machine.
    func environment(configHome: URL, account: Account = .wegwijs) -> [String: String] {
        ["WEGWIJS_LRS_URL": url, "WEGWIJS_LRS_CREDENTIALS_FILE": credentialsFile(account),
         "XDG_CONFIG_HOME": configHome.path,
         "WEGWIJS_SYSTEM_CONFIG_FILE": configHome.appendingPathComponent("no-system-config.json").path]
    }

    /// The test's own client (Python requests) trusts the test's authority.
    private var toolEnvironment: [String: String] {
        tls.map { ["REQUESTS_CA_BUNDLE": $0.authority] } ?? [:]
    }

    /// Every statement the LRS holds, canonical and sorted (see lrs_tool.py); duplicates stay.
    func statements() throws -> [String] {
        let result = try Self.tool(Self.python, [Self.support("lrs_tool.py"), "dump", url, Self.user, Self.password],
                                   environment: toolEnvironment)
        guard result.status == 0 else { throw RalphError(description: "lrs_tool dump failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The statements of NDJSON files in the same canonical form.
    static func canonical(_ files: [String]) throws -> [String] {
        let result = try tool(python, [support("lrs_tool.py"), "canon"] + files)
        guard result.status == 0 else { throw RalphError(description: "lrs_tool canon failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Checks statements with Ralph's strict models; returns the checker's output on failure.
    static func strictCheck(_ files: [String]) throws -> ToolResult {
        try tool(python, [support("strict_check.py")] + files)
    }

    /// POSTs one statement (a JSON file) with the test's own client; returns the HTTP status.
    func post(_ file: String) throws -> Int {
        let result = try Self.tool(Self.python, [Self.support("lrs_tool.py"), "post", url, Self.user, Self.password, file],
                                   environment: toolEnvironment)
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `ralph write -b lrs` of an NDJSON file into this LRS.
    func ralphWrite(_ file: String) throws -> ToolResult {
        let base = url.replacingOccurrences(of: "/xAPI", with: "")
        return try Self.tool(Self.venv.appendingPathComponent("ralph").path,
                             ["write", "-b", "lrs", "--lrs-base-url", base, "--lrs-username", Self.user,
                              "--lrs-password", Self.password],
                             stdin: URL(fileURLWithPath: file))
    }

    /// Runs a helper program to its end.
    static func tool(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                     stdin: URL? = nil) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        let (outData, errData) = Wegwijs.collectOutput(of: process, stdout: out, stderr: err)
        return ToolResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A port nobody listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RalphError(description: "no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw RalphError(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A certificate authority made for one test and a server certificate it signed for 127.0.0.1
/// and localhost, made with the openssl command (`.ci/setup` installs it).
struct TestCertificates {
    let folder: URL
    var authority: String { folder.appendingPathComponent("ca.pem").path }
    var serverCertificate: String { folder.appendingPathComponent("server.pem").path }
    var serverKey: String { folder.appendingPathComponent("server.key").path }

    static func make() throws -> TestCertificates {
        let folder = try Wegwijs.temporaryFolder("tls")
        let made = TestCertificates(folder: folder)
        let extensions = folder.appendingPathComponent("server.ext")
        try Data("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: extensions)
        let csr = folder.appendingPathComponent("server.csr").path
        let authorityKey = folder.appendingPathComponent("ca.key").path
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", authorityKey, "-out", made.authority,
             "-days", "2", "-subj", "/CN=Wegwijs Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", made.serverKey, "-out", csr, "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", csr, "-CA", made.authority, "-CAkey", authorityKey, "-CAcreateserial",
             "-out", made.serverCertificate, "-days", "2", "-extfile", extensions.path],
        ]
        for step in steps {
            let result = try RalphServer.tool("/usr/bin/openssl", step)
            guard result.status == 0 else {
                throw RalphError(description: "openssl \(step[0]) failed (\(result.status)): \(result.stderr)")
            }
        }
        return made
    }
}

/// One Ralph server for a whole suite: started before its first test, stopped after its last.
struct SharedRalph: SuiteTrait, TestScoping {
    @TaskLocal static var current: RalphServer?

    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try RalphServer.start()
        defer { server.stop() }
        try await Self.$current.withValue(server) { try await function() }
    }

    /// The suite's server.
    static func server() throws -> RalphServer {
        guard let current else { throw RalphError(description: "no shared Ralph server: the suite needs the .sharedRalph trait") }
        return current
    }
}

extension Trait where Self == SharedRalph {
    /// Runs the suite against one real Ralph LRS.
    static var sharedRalph: SharedRalph { SharedRalph() }
}
