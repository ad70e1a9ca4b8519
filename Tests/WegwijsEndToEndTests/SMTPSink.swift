import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server (Python's aiosmtpd, `Tests/Support/smtp_sink.py`, from the project's
/// `.venv`) on 127.0.0.1 and a free port; every message it receives is kept and parsed with
/// Python's `email` package (`mail_parse.py`).
final class SMTPSink: @unchecked Sendable {
    let folder: URL
    let port: Int
    private let server: ServerProcess

    static var python: String { Wegwijs.packageRoot.appendingPathComponent(".venv/bin/python").path }
    static func support(_ name: String) -> String { Wegwijs.packageRoot.appendingPathComponent("Tests/Support/\(name)").path }

    private init(folder: URL, port: Int, server: ServerProcess) {
        self.folder = folder
        self.port = port
        self.server = server
    }

    /// Starts the server; with `tls`, it requires STARTTLS (with that certificate) and then
    /// AUTH as `account` (user:password).
    static func start(tls: TestCertificates? = nil, account: String = "hr:geheim") throws -> SMTPSink {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw RalphError(description: "the project's .venv is missing: run `bash .ci/setup` (or `make setup`)")
        }
        let folder = try Wegwijs.temporaryFolder("smtp")
        let port = try RalphServer.freePort()
        let process = try ServerProcess.launch(
            python: python, arguments: [support("smtp_sink.py"), String(port), folder.path]
                + (tls.map { [$0.serverCertificate, $0.serverKey, account] } ?? []),
            log: folder.appendingPathComponent("server.log"))
        let sink = SMTPSink(folder: folder, port: port, server: process)
        let started = process.wait(tries: 400, interval: 25_000) {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("ready").path) && RalphServer.canConnect(port: port)
        }
        if started { return sink }
        let output = process.output(last: 1000)
        sink.stop()
        throw RalphError(description: "the SMTP server did not start on port \(port) (is aiosmtpd in .venv? run .ci/setup.d/20-python.sh): \(output)")
    }

    func stop() {
        server.stop(removing: folder)
    }

    var address: String { "127.0.0.1:\(port)" }

    /// One sign-in attempt the server saw: the user given, whether it matched, whether the
    /// connection was TLS by then.
    struct Login: Equatable {
        var user: String?
        var ok: Bool
        var tls: Bool
    }

    /// Every sign-in attempt so far, in order.
    func logins() -> [Login] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("logins.ndjson"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            guard let line = (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] else { return nil }
            return Login(user: line["user"] as? String, ok: line["ok"] as? Bool ?? false, tls: line["tls"] as? Bool ?? false)
        }
    }

    /// One message as received: its envelope and the parse of its content.
    struct Message {
        var envelopeTo: [String]
        var tls: Bool
        var authenticated: Bool
        var peerPort: Int
        var headers: [(name: String, value: String)]
        var defects: [String]
        var types: [String]
        var plain: String
        var html: String

        func header(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
    }

    /// Every message received so far, in order.
    func messages() throws -> [Message] {
        let logText = (try? String(contentsOf: folder.appendingPathComponent("messages.ndjson"), encoding: .utf8)) ?? ""
        let envelopes = logText.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        guard !envelopes.isEmpty else { return [] }
        let files = envelopes.compactMap { $0["file"] as? String }
        let parsed = try RalphServer.tool(Self.python, [Self.support("mail_parse.py")] + files)
        guard parsed.status == 0 else { throw RalphError(description: "mail_parse.py failed: \(parsed.stderr)") }
        let parses = parsed.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        return zip(envelopes, parses).map { envelope, parse in
            Message(envelopeTo: envelope["to"] as? [String] ?? [],
                    tls: envelope["tls"] as? Bool ?? false,
                    authenticated: envelope["authenticated"] as? Bool ?? false,
                    peerPort: ((envelope["peer"] as? [Any])?.last as? Int) ?? -1,
                    headers: ((parse["headers"] as? [[String]]) ?? []).map { ($0[0], $0[1]) },
                    defects: parse["defects"] as? [String] ?? [],
                    types: parse["types"] as? [String] ?? [],
                    plain: parse["plain"] as? String ?? "",
                    html: parse["html"] as? String ?? "")
        }
    }
}
