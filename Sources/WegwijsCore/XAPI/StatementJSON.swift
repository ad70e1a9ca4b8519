import Crypto
import Foundation

/// A JSON value whose object keys keep the order they were given in, written compactly: the
/// same statement always gives the same bytes.
indirect enum OrderedJSON: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    static func int(_ value: Int) -> OrderedJSON { .number(String(value)) }

    /// An object without the members whose value is nil.
    static func members(_ pairs: [(String, OrderedJSON?)]) -> OrderedJSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    func write(to output: inout String) {
        switch self {
        case .string(let text): output += JSONWriter.quoted(text)
        case .number(let literal): output += literal
        case .bool(let flag): output += flag ? "true" : "false"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                output += JSONWriter.quoted(member.0)
                output += ":"
                member.1.write(to: &output)
            }
            output += "}"
        }
    }

    var text: String {
        var output = ""
        write(to: &output)
        return output
    }
}

/// Name-based UUIDs (RFC 4122 version 5, SHA-1), so a statement's id follows from what it is.
public enum NameBasedUUID {
    /// The namespace of Wegwijs statement ids: the version 5 UUID of `urn:wegwijs:statement`
    /// in the URL namespace.
    public static let statementNamespace = make(namespace: urlNamespace, name: "urn:wegwijs:statement")

    /// RFC 4122's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// The lower-case UUID text of `name` in `namespace`.
    public static func make(namespace: [UInt8], name: String) -> String {
        format(bytes(namespace: namespace, name: name))
    }

    static func bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var hash = Insecure.SHA1()
        hash.update(data: namespace)
        hash.update(data: Array(name.utf8))
        var bytes = Array(hash.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    /// The 16 bytes of a UUID in its text form; nil when `text` is not one.
    public static func parse(_ text: String) -> [UInt8]? {
        let hex = text.replacingOccurrences(of: "-", with: "")
        guard hex.utf8.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    static func format(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
