import CCurl

/// What the two users of libcurl, `HTTPConnection` (the LRS) and `SMTPSender` (reminders), do
/// the same way: set up the library once per process, set the options every transfer has, and
/// put a failed transfer into words.
enum CurlTransfer {
    private static let globalSetUp: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// A new easy handle, or nil when libcurl could not be set up.
    static func makeHandle() -> UnsafeMutableRawPointer? {
        globalSetUp ? curl_easy_init() : nil
    }

    /// Sets what every transfer has: the address and the only protocols it may use (so a
    /// redirect or a crafted address cannot switch to another), no signals (threads), and
    /// `seconds` to connect and `seconds` without a byte moving before the transfer is given
    /// up; libcurl's error text goes to `errorBuffer`. Every option is set; the first failure is
    /// returned.
    static func setCommonOptions(_ handle: UnsafeMutableRawPointer, url: String, protocols: String, seconds: Int,
                                 errorBuffer: UnsafeMutablePointer<CChar>?) -> CURLcode {
        let results = [
            wegwijs_curl_set_string(handle, CURLOPT_URL, url),
            wegwijs_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, protocols),
            wegwijs_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
            wegwijs_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, seconds),
            wegwijs_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
            wegwijs_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, seconds),
            wegwijs_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
        ]
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// The words for a failed transfer: the text libcurl wrote into the error buffer, else the
    /// code's own.
    static func failureText(_ code: CURLcode, errorText: [CChar]) -> String {
        errorText.first == 0 ? String(cString: curl_easy_strerror(code))
            : String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
