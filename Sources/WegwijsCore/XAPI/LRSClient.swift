import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// Where the LRS is and how to sign in (SPEC §6: `lrs.url`, `lrs.credentialsFile`).
public struct LRSEndpoint: Sendable {
    /// The endpoint up to before `/statements`: `http://127.0.0.1:8100/xAPI`.
    public var url: URL
    /// `Basic …`, from the credentials file.
    public var authorization: String?

    public init(url: URL, authorization: String?) {
        self.url = url
        self.authorization = authorization
    }

    /// The endpoint from the settings; the credentials file holds `user:password`.
    public static func make(url text: String, credentialsFile: String?) throws(FileProblem) -> LRSEndpoint {
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw FileProblem(path: "lrs.url", reason: "'\(text.prefix(200))' is not an http or https URL")
        }
        guard let credentialsFile else { return LRSEndpoint(url: url, authorization: nil) }
        guard let data = FileManager.default.contents(atPath: credentialsFile) else {
            throw FileProblem(path: credentialsFile, reason: "the LRS credentials file cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard text.contains(":"), !text.contains("\n") else {
            throw FileProblem(path: credentialsFile, reason: "the LRS credentials file must hold one line user:password")
        }
        return LRSEndpoint(url: url, authorization: "Basic " + Data(text.utf8).base64EncodedString())
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

/// Talks xAPI 1.0.3 to an LRS over HTTP(S) with Foundation's URLSession.
public final class LRSClient: Sendable {
    public let endpoint: LRSEndpoint
    public let timeout: TimeInterval
    private let session: URLSession

    public init(endpoint: LRSEndpoint, timeout: TimeInterval) {
        self.endpoint = endpoint
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpMaximumConnectionsPerHost = 2
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    private var statementsURL: URL { endpoint.url.appendingPathComponent("statements") }

    private func request(_ url: URL, method: String) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        if let authorization = endpoint.authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        return request
    }

    /// Sends statements (each one line of JSON) as one batch and waits for the LRS's answer.
    public func post(_ statements: [String]) -> PostOutcome {
        startPost(statements).outcome()
    }

    /// Sends statements as one batch and returns at once: the caller can prepare the next batch
    /// and keep its books while the LRS works on this one.
    public func startPost(_ statements: [String]) -> PendingPost {
        var request = request(statementsURL, method: "POST")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        // No `Expect: 100-continue` round trip before each batch.
        request.setValue("", forHTTPHeaderField: "Expect")
        var body = [UInt8]()
        body.reserveCapacity(statements.reduce(2) { $0 + $1.utf8.count + 1 })
        body.append(UInt8(ascii: "["))
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: statement.utf8)
        }
        body.append(UInt8(ascii: "]"))
        return PendingPost(start(request, body: Data(body)))
    }

    /// A batch on its way; `outcome()` waits for the LRS's answer.
    public struct PendingPost: Sendable {
        private let exchange: Exchange

        fileprivate init(_ exchange: Exchange) { self.exchange = exchange }

        public func outcome() -> PostOutcome {
            switch exchange.result() {
            case .failure(let error):
                return .unavailable(error.message)
            case .success(let (status, data)):
                switch status {
                case 200..<300: return .accepted
                case 401, 403: return .unavailable("the LRS refused the credentials (HTTP \(status))")
                case 400..<500: return .refused(status: status, message: LRSClient.message(from: data, status: status))
                default: return .unavailable("the LRS answered HTTP \(status): \(LRSClient.message(from: data, status: status))")
                }
            }
        }
    }

    /// Every statement the query selects, following `more` links; `each` gets one page's
    /// statements at a time.
    public func statements(query: [URLQueryItem], each: ([JSONNode]) -> Void) throws(LRSError) {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)
        components?.queryItems = query.isEmpty ? nil : query
        guard var next = components?.url else { throw LRSError(message: "cannot build the query URL") }
        var pages = 0
        while true {
            pages += 1
            guard pages < 1_000_000 else { throw LRSError(message: "the LRS keeps answering with more pages") }
            let (status, data) = try exchange(request(next, method: "GET")).get()
            guard status == 200 else {
                throw LRSError(message: "the LRS answered HTTP \(status): \(Self.message(from: data, status: status))")
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
                throw LRSError(message: "the LRS's 'more' link '\(more.prefix(100))' is not a URL")
            }
            next = url
        }
    }

    private func exchange(_ request: URLRequest) -> Result<(Int, Data), LRSError> {
        start(request, body: nil).result()
    }

    /// One request under way: its answer arrives on URLSession's thread.
    fileprivate final class Exchange: Sendable {
        private let answer = Mutex<Result<(Int, Data), LRSError>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func deliver(_ result: Result<(Int, Data), LRSError>) {
            answer.withLock { $0 = result }
            done.signal()
        }

        /// Waits for the answer; the session's timeouts bound the wait.
        func result() -> Result<(Int, Data), LRSError> {
            done.wait()
            done.signal()  // a second call returns the same answer at once
            return answer.withLock { $0 } ?? .failure(LRSError(message: "no answer from the LRS"))
        }
    }

    private func start(_ request: URLRequest, body: Data?) -> Exchange {
        let exchange = Exchange()
        let handler: @Sendable (Data?, URLResponse?, (any Error)?) -> Void = { data, response, error in
            if let error {
                exchange.deliver(.failure(LRSError(message: "the LRS at \(request.url?.host ?? "?") cannot be reached (\(error.localizedDescription))")))
            } else if let http = response as? HTTPURLResponse {
                exchange.deliver(.success((http.statusCode, data ?? Data())))
            } else {
                exchange.deliver(.failure(LRSError(message: "the LRS gave no HTTP answer")))
            }
        }
        let task = body.map { session.uploadTask(with: request, from: $0, completionHandler: handler) }
            ?? session.dataTask(with: request, completionHandler: handler)
        task.resume()
        return exchange
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
