import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sync` and `report --lrs` over HTTPS, against a real Ralph LRS serving TLS with a certificate
/// from a test authority. wegwijs verifies the server with the machine's trust store (libcurl's
/// `/etc/ssl/certs/ca-certificates.crt` on Debian); the "machine that trusts the authority" is
/// made in a mount namespace of its own, where a bundle holding the test authority is mounted
/// over that file, so the real machine's trust store is never touched.
@Suite("HTTPS to the LRS", .serialized)
struct LRSHTTPSTests {
    static let systemBundle = "/etc/ssl/certs/ca-certificates.crt"

    /// Runs wegwijs in a mount namespace whose trust store also holds `authority`.
    func runTrusting(_ authority: String, _ arguments: [String], environment: [String: String],
                     bundleFolder: URL) throws -> ToolResult {
        let bundle = bundleFolder.appendingPathComponent("ca-certificates.crt")
        let system = FileManager.default.contents(atPath: Self.systemBundle) ?? Data()
        try (system + Data("\n".utf8) + Data(contentsOf: URL(fileURLWithPath: authority))).write(to: bundle)
        // Root may make a mount namespace; anybody else goes through a user namespace first.
        let namespace = getuid() == 0 ? ["--mount"] : ["--user", "--map-root-user", "--mount"]
        let script = "mount --bind \"$1\" \(Self.systemBundle) && shift && exec \"$@\""
        return try RalphServer.tool("/usr/bin/unshare", namespace + ["sh", "-c", script, "sh", bundle.path,
                                                                     Wegwijs.executable.path] + arguments,
                                    environment: environment)
    }

    @Test("over HTTPS, a server certificate the machine does not trust is refused (exit 74, every statement kept); with its authority named in lrs.caFile, or added to the machine's trust store, sync delivers and report --lrs reads them")
    func httpsDelivery() throws {
        let certificates = try TestCertificates.make()
        let server = try RalphServer.start(tls: certificates)
        let configHome = try Wegwijs.temporaryFolder("config")
        let records = try Wegwijs.temporaryFolder("records")
        defer {
            server.stop()
            for folder in [certificates.folder, configHome, records] { try? FileManager.default.removeItem(at: folder) }
        }
        #expect(server.url.hasPrefix("https://127.0.0.1:"))
        let up = server.environment(configHome: configHome)
        var offline = up
        offline["WEGWIJS_LRS_URL"] = "http://127.0.0.1:\(try RalphServer.freePort())/xAPI"
        let course = Wegwijs.fixture("branching.json")
        let learned = try Wegwijs.run(["run", course, "--learner", "tls-1", "--records", records.path],
                                      input: "a\na c\na\n", environment: offline)
        #expect(learned.status == 0, "\(learned.stderr)")
        let pendingFolder = records.appendingPathComponent(".outbox/pending")
        let waiting = Wegwijs.files(under: pendingFolder)
        #expect(waiting.count == 1)
        let queued = try Data(contentsOf: pendingFolder.appendingPathComponent(try #require(waiting.first)))
        let statements = queued.split(separator: UInt8(ascii: "\n")).count
        #expect(statements == 6)

        // Verification is on: the test authority is in no trust store of this machine.
        let refused = try Wegwijs.run(["sync", "--records", records.path], environment: up)
        #expect(refused.status == 74, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("certificate"), "\(refused.stderr)")
        #expect(refused.stderr.contains("6 statements wait for delivery"))
        #expect(try Data(contentsOf: pendingFolder.appendingPathComponent(try #require(waiting.first))) == queued)
        #expect(try server.statements().isEmpty)

        // The authority named in the settings (lrs.caFile).
        var named = up
        named["WEGWIJS_LRS_CA_FILE"] = certificates.authority
        let synced = try Wegwijs.run(["sync", "--records", records.path], environment: named)
        #expect(synced.status == 0, "\(synced.stdout)\(synced.stderr)")
        #expect(synced.stdout.contains("6 statements delivered to https://127.0.0.1:"))
        #expect(Wegwijs.files(under: pendingFolder).isEmpty)

        // The authority in the machine's trust store, as an administrator installs it.
        let second = try Wegwijs.run(["run", course, "--learner", "tls-2", "--records", records.path],
                                     input: "a\na c\nb\n", environment: offline)
        #expect(second.status == 2, "\(second.stderr)")
        let trusted = try runTrusting(certificates.authority, ["sync", "--records", records.path],
                                      environment: up, bundleFolder: configHome)
        #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
        #expect(trusted.stdout.contains("6 statements delivered to https://127.0.0.1:"))
        #expect(Wegwijs.files(under: pendingFolder).isEmpty)

        let exported = configHome.appendingPathComponent("export.ndjson").path
        let export = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", course, "--output", exported],
                                     environment: up)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try server.statements() == RalphServer.canonical([exported]))

        let folderReport = try Wegwijs.run(["report", records.path, "--format", "csv"], environment: up)
        let lrsReport = try Wegwijs.run(["report", "--lrs", "--format", "csv"], environment: named)
        #expect(lrsReport.status == 0, "\(lrsReport.stderr)")
        let rows = { (text: String) in text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("tls-") } }
        #expect(rows(folderReport.stdout).count == 2)
        #expect(rows(lrsReport.stdout) == rows(folderReport.stdout))
        let untrustedReport = try Wegwijs.run(["report", "--lrs", "--format", "csv"], environment: up)
        #expect(untrustedReport.status == 74)
        #expect(untrustedReport.stderr.contains("certificate"))
    }
}
