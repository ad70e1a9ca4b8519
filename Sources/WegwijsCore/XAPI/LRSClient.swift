import Foundation

/// Where the LRS is and how to sign in (SPEC §6: `lrs.url`, `lrs.credentialsFile`, and our
/// `lrs.caFile`).
public struct LRSEndpoint: Sendable {
    /// The endpoint up to before `/statements`: `http://127.0.0.1:8100/xAPI`.
    public var url: URL
    /// `Basic …`, from the credentials file.
    public var authorization: String?
    /// Certificate authorities (PEM) to check an HTTPS LRS with instead of the machine's.
    public var authorityFile: String?

    public init(url: URL, authorization: String?, authorityFile: String? = nil) {
        self.url = url
        self.authorization = authorization
        self.authorityFile = authorityFile
    }

    /// The endpoint from the settings; the credentials file holds `user:password` and is
    /// refused when other accounts can read it (`PrivateFiles.checkSecret`).
    public static func make(url text: String, credentialsFile: String?,
                            authorityFile: String? = nil) throws(FileProblem) -> LRSEndpoint {
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw FileProblem(path: "lrs.url", reason: "'\(LRSEndpoint.shown(text).prefix(200))' is not an http or https URL")
        }
        // Never taken from a URL, which ends up in logs, cron mail and process lists.
        if url.user != nil || url.password != nil {
            throw FileProblem(path: "lrs.url", reason: "'\(LRSEndpoint.shown(text).prefix(200))' holds a user name or password; put user:password in the file named by lrs.credentialsFile (WEGWIJS_LRS_CREDENTIALS_FILE) instead")
        }
        if let authorityFile, FileManager.default.contents(atPath: authorityFile) == nil {
            throw FileProblem(path: authorityFile, reason: "the LRS's certificate authority file cannot be read")
        }
        guard let credentialsFile else { return LRSEndpoint(url: url, authorization: nil, authorityFile: authorityFile) }
        try PrivateFiles.checkSecret(credentialsFile, what: "LRS credentials")
        guard let data = FileManager.default.contents(atPath: credentialsFile) else {
            throw FileProblem(path: credentialsFile, reason: "the LRS credentials file cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard text.contains(":"), !text.contains("\n") else {
            throw FileProblem(path: credentialsFile, reason: "the LRS credentials file must hold one line user:password")
        }
        return LRSEndpoint(url: url, authorization: "Basic " + Data(text.utf8).base64EncodedString(),
                           authorityFile: authorityFile)
    }
}

extension LRSEndpoint {
    /// A URL as it may be shown: any `user:password@` replaced by `***@`, so no message or
    /// `config` line ever shows a secret.
    public static func shown(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***" + String(rest[at...])
    }

    /// Whether `url` is on the endpoint's own origin: the same scheme, host and port.
    func isSameOrigin(_ other: URL) -> Bool {
        func port(_ url: URL) -> Int? { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil) }
        return other.scheme?.lowercased() == url.scheme?.lowercased() && other.host?.lowercased() == url.host?.lowercased()
            && port(other) == port(url) && port(url) != nil && other.user == nil && other.password == nil
    }
}

/// What the LRS said to a batch of statements.
public enum PostOutcome: Sendable, Equatable {
    /// Stored (200), or already there with the same content (204).
    case accepted
    /// The LRS refused the statements (400, 409, 413, …): its status and message.
    case refused(status: Int, message: String)
    /// No answer, a server error, or credentials the LRS does not accept: try again later.
    case unavailable(String)
}

/// A trouble talking to the LRS, in words.
public struct LRSError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Talks xAPI 1.0.3 to an LRS over HTTP(S) (`HTTPConnection`, libcurl).
public final class LRSClient: Sendable {
    public let endpoint: LRSEndpoint
    public let timeout: TimeInterval
    private let connection: HTTPConnection

    /// `timeout`: seconds to connect, and seconds the LRS may stay silent during a request.
    public init(endpoint: LRSEndpoint, timeout: TimeInterval) {
        self.endpoint = endpoint
        self.timeout = timeout
        connection = HTTPConnection(timeout: timeout, authorityFile: endpoint.authorityFile)
    }

    private var statementsURL: URL { endpoint.url.appendingPathComponent("statements") }

    private var headers: [String] {
        ["X-Experience-API-Version: 1.0.3"] + (endpoint.authorization.map { ["Authorization: \($0)"] } ?? [])
    }

    /// Sends statements (each one line of JSON) as one batch and waits for the LRS's answer.
    public func post(_ statements: [String]) -> PostOutcome {
        startPost(statements).outcome()
    }

    /// Sends statements as one batch and returns at once: the caller can prepare the next batch
    /// and keep its books while the LRS works on this one.
    public func startPost(_ statements: [String]) -> PendingPost {
        // No `Expect: 100-continue` round trip before each batch.
        let headers = headers + ["Content-Type: application/json", "Expect:"]
        var body = [UInt8]()
        body.reserveCapacity(statements.reduce(2) { $0 + $1.utf8.count + 1 })
        body.append(UInt8(ascii: "["))
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: statement.utf8)
        }
        body.append(UInt8(ascii: "]"))
        return PendingPost(connection.start(url: statementsURL, headers: headers, body: body), url: statementsURL)
    }

    /// A batch on its way; `outcome()` waits for the LRS's answer.
    public struct PendingPost: Sendable {
        private let exchange: HTTPConnection.Exchange
        private let url: URL

        fileprivate init(_ exchange: HTTPConnection.Exchange, url: URL) {
            self.exchange = exchange
            self.url = url
        }

        public func outcome() -> PostOutcome {
            switch exchange.result() {
            case .failure(let error):
                return .unavailable(error.message)
            case .success(let (status, data)):
                switch status {
                case 200..<300: return .accepted
                case 401, 403: return .unavailable("the LRS refused the credentials (HTTP \(status))")
                // No statements endpoint here: the URL is wrong for every statement, not this one.
                case 404, 405: return .unavailable("the LRS answered HTTP \(status) at \(url.absoluteString): is lrs.url the xAPI endpoint, up to before /statements?")
                // Busy or out of time: a later try may well succeed, so nothing is kept aside.
                case 408, 429: return .unavailable("the LRS asked to try again later (HTTP \(status)): \(LRSClient.message(from: data, status: status))")
                case 400..<500: return .refused(status: status, message: LRSClient.message(from: data, status: status))
                default: return .unavailable("the LRS answered HTTP \(status): \(LRSClient.message(from: data, status: status))")
                }
            }
        }
    }

    /// The most pages `statements` reads (at 500 statements a page, 5,000,000 statements).
    public static let pageLimit = 10_000

    /// Every statement the query selects, following `more` links; `each` gets one page's
    /// statements at a time. A `more` link is followed only on the endpoint's own origin
    /// (scheme, host and port: the credentials go along), never twice, and at most
    /// `pageLimit` pages are read.
    public func statements(query: [URLQueryItem], each: ([JSONNode]) -> Void) throws(LRSError) {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)
        components?.queryItems = query.isEmpty ? nil : query
        guard var next = components?.url else { throw LRSError(message: "cannot build the query URL") }
        var pages = 0
        var seen: Set<String> = [next.absoluteString]
        while true {
            pages += 1
            guard pages <= Self.pageLimit else {
                throw LRSError(message: "the LRS keeps answering with more pages: stopped after \(Self.pageLimit) pages")
            }
            let (status, data) = try connection.start(url: next, headers: headers, body: nil).result().get()
            guard status == 200 else {
                let message = Self.message(from: data, status: status)
                // A write-only account (Ralph answers 401 naming the scope; other LRSs 403).
                if status == 403 || (status == 401 && message.localizedCaseInsensitiveContains("scope")) {
                    throw LRSError(message: "this LRS account may not read statements (HTTP \(status): \(message)): "
                                   + "reading needs an account with the scope statements/read (docs/lrs.md)")
                }
                throw LRSError(message: "the LRS answered HTTP \(status): \(message)")
            }
            let root: JSONNode
            do {
                root = try JSONParser.parse([UInt8](data))
            } catch {
                throw LRSError(message: "the LRS's answer is not JSON (\(error.message))")
            }
            guard let statements = root["statements"]?.elements else {
                throw LRSError(message: "the LRS's answer has no statements list")
            }
            each(statements)
            guard let more = root["more"]?.string, !more.isEmpty else { return }
            guard let url = URL(string: more, relativeTo: endpoint.url)?.absoluteURL else {
                throw LRSError(message: "the LRS's 'more' link '\(LRSEndpoint.shown(more).prefix(100))' is not a URL")
            }
            guard endpoint.isSameOrigin(url) else {
                throw LRSError(message: "the LRS's 'more' link '\(LRSEndpoint.shown(url.absoluteString).prefix(100))' leads away from \(LRSEndpoint.shown(endpoint.url.absoluteString)) (another scheme, host or port); not followed, so the credentials stay with the LRS")
            }
            guard seen.insert(url.absoluteString).inserted else {
                throw LRSError(message: "the LRS's 'more' link '\(LRSEndpoint.shown(more).prefix(100))' leads to a page already read; stopped after \(pages) page\(pages == 1 ? "" : "s")")
            }
            next = url
        }
    }

    /// The LRS's message: the `detail` of a JSON error, else the start of the body.
    static func message(from data: Data, status: Int) -> String {
        if let root = try? JSONParser.parse([UInt8](data)) {
            if let detail = root["detail"]?.string { return detail }
            if let detail = root["detail"] {
                var text = ""
                JSONWriter.writePretty(detail.value, indent: 0, to: &text)
                return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            }
            if let message = root["message"]?.string { return message }
        }
        let text = String(decoding: data.prefix(500), as: UTF8.self)
        return text.isEmpty ? "HTTP \(status)" : text
    }
}
