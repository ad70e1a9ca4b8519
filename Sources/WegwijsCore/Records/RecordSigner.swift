import Crypto
import Foundation

/// Signs and checks completion records: HMAC-SHA256 over the record's canonical JSON without
/// its `signature` field, written as `hmac-sha256:<hex>`.
public struct RecordSigner: Sendable {
    public static let prefix = "hmac-sha256:"
    private let key: SymmetricKey

    public init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    /// A signing-key problem, reported with the key file's path.
    public struct KeyError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a key file; one trailing line break (as `echo` leaves) is not part of the key. A
    /// key file that other accounts can read is refused (`PrivateFiles.checkSecret`).
    public init(keyFile path: String) throws(KeyError) {
        do {
            try PrivateFiles.checkSecret(path, what: "signing key")
        } catch {
            throw KeyError(path: path, reason: error.reason)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyError(path: path, reason: "the signing key file cannot be read")
        }
        var bytes = Array(data)
        // One line ending, as an editor or `echo` leaves it; a binary key keeps its other bytes.
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.count >= 16 else {
            throw KeyError(path: path, reason: "the signing key is \(bytes.count) bytes; use at least 16 (32 random bytes is best)")
        }
        self.init(key: bytes)
    }

    /// The signature of a record as it would be written.
    public func signature(for record: CompletionRecord) throws -> String {
        var unsigned = record
        unsigned.signature = nil
        let root = try JSONParser.parse(Array(try unsigned.encoded()))
        return signature(forRecordJSON: root)
    }

    /// The signature of a parsed record file, ignoring any `signature` it holds.
    public func signature(forRecordJSON root: JSONNode) -> String {
        var node = root
        if case .object(let members) = node.value {
            node.value = .object(members.filter { $0.key != "signature" })
        }
        let mac = HMAC<SHA256>.authenticationCode(for: CanonicalJSON.bytes(of: node), using: key)
        return Self.prefix + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether a parsed record file carries a valid signature under this key.
    public func isValid(recordJSON root: JSONNode) -> Bool {
        guard let stored = root["signature"]?.string else { return false }
        let expected = signature(forRecordJSON: root)
        // Constant-time comparison of the hex text.
        guard stored.utf8.count == expected.utf8.count else { return false }
        return zip(stored.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
