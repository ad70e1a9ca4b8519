import CCurl
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where to send mail and how to sign in (`--smtp`, `smtp.credentialsFile`).
public struct SMTPServer: Sendable {
    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    public var host: String
    public var user: String?
    public var password: String?
    /// Certificate authorities (PEM) to check the server's certificate with (`smtp.caFile`),
    /// instead of the machine's trust store.
    public var authorityFile: String?

    /// `HOST[:PORT]` (plain SMTP, port 25, STARTTLS when the server offers it) or
    /// `smtps://HOST[:PORT]` (TLS from the start, port 465). With credentials, TLS is
    /// required: STARTTLS must be offered, or the batch stops before any password is sent.
    /// The server's certificate is always verified, against `authorityFile` when given.
    public static func make(_ text: String, credentialsFile: String?,
                            authorityFile: String? = nil) throws(FileProblem) -> SMTPServer {
        var rest = Substring(text)
        var scheme = "smtp"
        for prefix in ["smtps://", "smtp://"] where rest.lowercased().hasPrefix(prefix) {
            scheme = String(prefix.dropLast(3))
            rest = rest.dropFirst(prefix.count)
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        let host = parts.first.map(String.init) ?? ""
        let hostAllowed = !host.isEmpty && host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
        let port: Int? = parts.count == 2 ? Int(parts[1]) : (parts.count == 1 ? (scheme == "smtps" ? 465 : 25) : nil)
        guard hostAllowed, let port, (1...65535).contains(port) else {
            throw FileProblem(path: "--smtp", reason: "'\(text.prefix(100))' is not HOST[:PORT] or smtps://HOST[:PORT]")
        }
        if let authorityFile, FileManager.default.contents(atPath: authorityFile) == nil {
            throw FileProblem(path: authorityFile, reason: "the mail server's certificate authority file (smtp.caFile) cannot be read")
        }
        var server = SMTPServer(url: "\(scheme)://\(host):\(port)", host: host, authorityFile: authorityFile)
        guard let credentialsFile else { return server }
        try PrivateFiles.checkSecret(credentialsFile, what: "SMTP credentials")
        guard let data = FileManager.default.contents(atPath: credentialsFile) else {
            throw FileProblem(path: credentialsFile, reason: "the SMTP credentials file cannot be read")
        }
        var line = String(decoding: data, as: UTF8.self)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        guard let colon = line.firstIndex(of: ":"), !line.contains("\n") else {
            throw FileProblem(path: credentialsFile, reason: "the SMTP credentials file must hold one line user:password")
        }
        server.user = String(line[..<colon])
        server.password = String(line[line.index(after: colon)...])
        return server
    }
}

/// Why a message was not sent; `fatal` when the server cannot be used at all (the batch stops).
public struct SMTPFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var fatal: Bool
    public var description: String { message }
}

/// Sends messages one after the other over libcurl's SMTP client (EHLO, STARTTLS when
/// offered, AUTH, MAIL, RCPT, DATA with dot-stuffing), on one easy handle: libcurl keeps the
/// connection open between messages, so a batch normally uses one connection.
public final class SMTPSender {
    private let handle: UnsafeMutableRawPointer?
    private let server: SMTPServer
    private let timeout: Int

    public init(server: SMTPServer, timeout: Int = 30) {
        self.server = server
        self.timeout = timeout
        handle = CurlTransfer.makeHandle()
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }

    public func send(_ message: MailMessage) throws(SMTPFailure) {
        guard let handle else { throw SMTPFailure(message: "the mail library (libcurl) could not be set up", fatal: true) }
        curl_easy_reset(handle)
        defer { curl_easy_reset(handle) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in message.recipients { recipients = curl_slist_append(recipients, "<\(address)>") }
        defer { curl_slist_free_all(recipients) }
        var body = message.bytes
        let size = body.count
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var code = CURLE_OK
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
        let performed: CURLcode = body.withUnsafeMutableBytes { raw in
            // libcurl reads the message with fread from a FILE over the bytes.
            guard let file = fmemopen(raw.baseAddress, size, "r") else { return CURLE_READ_ERROR }
            defer { fclose(file) }
            return errorText.withUnsafeMutableBufferPointer { errorBuffer in
                set(CurlTransfer.setCommonOptions(handle, url: server.url, protocols: "smtp,smtps", seconds: timeout,
                                                  errorBuffer: errorBuffer.baseAddress))
                set(wegwijs_curl_set_long(handle, CURLOPT_USE_SSL, server.user == nil ? Int(CURLUSESSL_TRY.rawValue) : Int(CURLUSESSL_ALL.rawValue)))
                if let authorityFile = server.authorityFile {
                    set(wegwijs_curl_set_string(handle, CURLOPT_CAINFO, authorityFile))
                }
                if let user = server.user, let password = server.password {
                    set(wegwijs_curl_set_string(handle, CURLOPT_USERNAME, user))
                    set(wegwijs_curl_set_string(handle, CURLOPT_PASSWORD, password))
                }
                set(wegwijs_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(message.from)>"))
                set(wegwijs_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients)))
                set(wegwijs_curl_set_long(handle, CURLOPT_UPLOAD, 1))
                set(wegwijs_curl_set_size(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)))
                set(wegwijs_curl_set_pointer(handle, CURLOPT_READDATA, UnsafeMutableRawPointer(file)))
                return code == CURLE_OK ? curl_easy_perform(handle) : code
            }
        }
        guard performed == CURLE_OK else {
            let detail = CurlTransfer.failureText(performed, errorText: errorText)
            let reply = wegwijs_curl_response_code(handle)
            // The server refused this message (a recipient, its size): the next may go through.
            // Anything else (no connection, no TLS, sign-in refused) stops the batch.
            let perMessage = (performed == CURLE_SEND_ERROR || performed == CURLE_RECV_ERROR) && (500..<600).contains(reply)
                && performed != CURLE_LOGIN_DENIED
            throw SMTPFailure(message: "the mail server \(server.host) did not take the message (\(detail)\(reply > 0 ? ", reply \(reply)" : ""))",
                              fatal: !perMessage)
        }
    }
}
