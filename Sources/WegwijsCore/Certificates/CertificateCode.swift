import Crypto
import Foundation

/// The verification code printed on a certificate and shown on the end screen. It is derived
/// from the record it certifies, so HR finds the record again from the code alone:
///
/// - a signed record (`signature` present): `S-` and 16 characters of SHA-256 over the
///   record's signature. The signature is an HMAC under HR's secret key, so without the key
///   nobody can make a record whose code matches: the code cannot be made up.
/// - an unsigned record: `H-` and 16 characters of SHA-256 over the record's canonical JSON.
///   Anyone who can write records can make one with a matching code; the code then only ties a
///   certificate to one record in HR's folder.
///
/// 16 characters of Crockford's base 32 (no I, L, O, U) are 80 bits, in four groups of four.
public enum CertificateCode {
    static let domain = "wegwijs.certificate/1\n"
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The code of a parsed record file.
    public static func code(forRecordJSON root: JSONNode) -> String {
        if let signature = root["signature"]?.string {
            return "S-" + digest(Array(signature.utf8))
        }
        var node = root
        if case .object(let members) = node.value {
            node.value = .object(members.filter { $0.key != "signature" })
        }
        return "H-" + digest(CanonicalJSON.bytes(of: node))
    }

    /// The code of a record as it is written to disk.
    public static func code(for record: CompletionRecord) -> String? {
        guard let data = try? record.encoded(), let root = try? JSONParser.parse(Array(data)) else { return nil }
        return code(forRecordJSON: root)
    }

    /// A code as a person may type it (lower case, without or with other dashes), in its
    /// printed form; nil when it cannot be one.
    public static func normalised(_ text: String) -> String? {
        var characters = Array(text.uppercased().utf8).filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: " ") }
        guard characters.count == 17, let kind = characters.first, kind == UInt8(ascii: "S") || kind == UInt8(ascii: "H") else { return nil }
        characters.removeFirst()
        // Crockford's reading of look-alike characters.
        characters = characters.map { byte in
            switch byte {
            case UInt8(ascii: "O"): UInt8(ascii: "0")
            case UInt8(ascii: "I"), UInt8(ascii: "L"): UInt8(ascii: "1")
            default: byte
            }
        }
        guard characters.allSatisfy(alphabet.contains) else { return nil }
        return String(decoding: [kind], as: UTF8.self) + "-" + grouped(characters)
    }

    /// The code written into a certificate page (`<meta name="wegwijs-certificate-code">`).
    public static func find(inPage text: String) -> String? {
        let marker = "<meta name=\"wegwijs-certificate-code\" content=\""
        guard let start = text.range(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return normalised(String(rest[..<end]))
    }

    static func digest(_ bytes: [UInt8]) -> String {
        var input = Array(domain.utf8)
        input += bytes
        let hash = Array(SHA256.hash(data: input))
        // The first 80 bits, five at a time.
        var characters: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in hash.prefix(10) {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                characters.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        return grouped(characters)
    }

    static func grouped(_ characters: [UInt8]) -> String {
        stride(from: 0, to: characters.count, by: 4).map { start in
            String(decoding: characters[start..<min(start + 4, characters.count)], as: UTF8.self)
        }.joined(separator: "-")
    }
}
