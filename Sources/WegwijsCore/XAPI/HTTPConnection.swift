import CCurl
import Dispatch
import Foundation
import Synchronization

/// HTTP(S) exchanges with one server over libcurl's easy interface, one at a time, on a thread
/// of the connection's own; the connection to the server is kept open between requests.
///
/// Why not Foundation's URLSession: on Linux it busy-polls while it waits for an answer (a core
/// at 60–80 % for as long as the server takes, measured with a server that answers after 2 s),
/// which would heat a learner's laptop for the whole timeout whenever the LRS does not answer,
/// and take a core from an LRS on the same machine during `sync`. libcurl's blocking transfer
/// sleeps in poll() instead, and is what URLSession uses underneath anyway.
final class HTTPConnection: @unchecked Sendable {
    // Unchecked: `handle` is only touched on `queue` (and in deinit, when no work is left).
    private let handle: UnsafeMutableRawPointer?
    private let queue = DispatchQueue(label: "wegwijs-http")
    private let timeout: TimeInterval
    private let authorityFile: String?

    /// The most an answer may hold, checked while it arrives; a bigger one is cut off as an
    /// error. A page of statements (`limit=500` of Wegwijs's own, about 2 kB each) is far below
    /// `pageLimit`; the answer to a POST is a list of ids (at most 5,000 of 39 bytes).
    static let pageLimit = 16 << 20
    static let postAnswerLimit = 1 << 20

    /// `timeout`: seconds to connect, and seconds without a byte moving either way before a
    /// request is given up; a whole request gets at most four times that. `authorityFile`:
    /// certificate authorities (PEM) to check the server with instead of the machine's bundle.
    init(timeout: TimeInterval, authorityFile: String? = nil) {
        self.timeout = timeout
        self.authorityFile = authorityFile
        handle = CurlTransfer.makeHandle()
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }

    /// A request under way; `result()` waits for its answer.
    final class Exchange: Sendable {
        private let answer = Mutex<Result<(Int, Data), LRSError>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        fileprivate func deliver(_ result: Result<(Int, Data), LRSError>) {
            answer.withLock { $0 = result }
            done.signal()
        }

        /// Waits for the answer (the connection's timeouts bound the wait).
        func result() -> Result<(Int, Data), LRSError> {
            done.wait()
            done.signal()  // a second call returns the same answer at once
            return answer.withLock { $0 } ?? .failure(LRSError(message: "no answer from the LRS"))
        }
    }

    /// Starts a request and returns at once. `body` makes it a POST, else a GET.
    func start(url: URL, headers: [String], body: [UInt8]?) -> Exchange {
        let exchange = Exchange()
        let limit = body == nil ? Self.pageLimit : Self.postAnswerLimit
        queue.async { [self] in exchange.deliver(perform(url: url, headers: headers, body: body, limit: limit)) }
        return exchange
    }

    /// The answer's bytes, collected by libcurl's write callback.
    private final class Answer {
        var bytes = Data()
        var tooLarge = false
        let limit: Int
        init(limit: Int) { self.limit = limit }
    }

    private static let collect: wegwijs_curl_write_function = { data, size, count, context in
        guard let data, let context else { return 0 }
        let answer = Unmanaged<Answer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard answer.bytes.count + length <= answer.limit else {
            answer.tooLarge = true
            return 0  // libcurl ends the transfer with CURLE_WRITE_ERROR
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { answer.bytes.append($0, count: length) }
        return length
    }

    private func perform(url: URL, headers: [String], body: [UInt8]?, limit: Int) -> Result<(Int, Data), LRSError> {
        let host = url.host ?? "?"
        guard let handle else {
            return .failure(LRSError(message: "the HTTP library (libcurl) could not be set up"))
        }
        // Options are set afresh for every request and cleared after it, so the handle never
        // keeps a pointer to this request's buffers; a reset keeps the open connection, TLS
        // sessions and DNS cache.
        curl_easy_reset(handle)
        defer { curl_easy_reset(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let answer = Answer(limit: limit)
        let seconds = max(1, Int(timeout.rounded(.up)))
        var code = CURLE_OK
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }

        let performed: CURLcode = errorText.withUnsafeMutableBufferPointer { errorBuffer in
            set(CurlTransfer.setCommonOptions(handle, url: url.absoluteString, protocols: "http,https", seconds: seconds,
                                              errorBuffer: errorBuffer.baseAddress))
            set(wegwijs_curl_set_long(handle, CURLOPT_TIMEOUT, 4 * seconds))
            set(wegwijs_curl_set_headers(handle, list))
            if let authorityFile { set(wegwijs_curl_set_string(handle, CURLOPT_CAINFO, authorityFile)) }
            set(wegwijs_curl_set_writer(handle, Self.collect, Unmanaged.passUnretained(answer).toOpaque()))
            guard code == CURLE_OK else { return code }
            guard let body else {
                set(wegwijs_curl_set_long(handle, CURLOPT_HTTPGET, 1))
                return code == CURLE_OK ? curl_easy_perform(handle) : code
            }
            return body.withUnsafeBytes { bytes in
                set(wegwijs_curl_set_long(handle, CURLOPT_POST, 1))
                set(wegwijs_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
                set(wegwijs_curl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)))
                return code == CURLE_OK ? curl_easy_perform(handle) : code
            }
        }
        let status = wegwijs_curl_response_code(handle)
        withExtendedLifetime(answer) {}
        guard performed == CURLE_OK else {
            if answer.tooLarge {
                let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit >> 10) kB"
                let what = body == nil ? "a page of statements" : "the answer to a batch of statements"
                return .failure(LRSError(message: "the LRS at \(host) sent an answer larger than \(size), more than \(what) can be; the rest was not read"))
            }
            let detail = CurlTransfer.failureText(performed, errorText: errorText)
            return .failure(LRSError(message: "the LRS at \(host) cannot be reached (\(detail))"))
        }
        // Redirects are never followed (the credentials would go along): said as what they are.
        if (300..<400).contains(status) {
            let target = wegwijs_curl_redirect_url(handle).map { String(cString: $0) }
            let place = target.map { " to \($0.prefix(200))" } ?? " (without saying where)"
            return .failure(LRSError(message: "the LRS at \(host) answered with a redirect (HTTP \(status))\(place); Wegwijs does not follow redirects: set lrs.url to the address the LRS uses"))
        }
        return .success((status, answer.bytes))
    }
}
