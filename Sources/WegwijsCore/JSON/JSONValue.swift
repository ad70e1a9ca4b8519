/// A parsed JSON value that remembers where in its source it started, so that any problem
/// found later (a wrong type, an unknown id) can be reported as `file:line:column`.
public struct JSONNode: Sendable {
    /// The value itself.
    public var value: JSONValue
    /// Byte offset in the source where the value starts.
    public var offset: Int

    public init(_ value: JSONValue, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }
}

/// One `"key": value` pair of a JSON object, in source order.
public struct JSONMember: Sendable {
    public var key: String
    /// Byte offset of the key's opening quote.
    public var keyOffset: Int
    public var node: JSONNode

    public init(key: String, keyOffset: Int = 0, node: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.node = node
    }
}

/// The JSON data model. Numbers keep their literal text, so integers of any size and the
/// exact digits of a record survive a round trip.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name of the kind of value, for messages ("expected a string, found an array"),
    /// in every interface language.
    public var kindWording: LocalizedMessage { SyntaxMessages.kind(of: self) }

    /// The kind of value in English (`kindWording`).
    public var kindName: String { kindWording.en }
}

extension JSONNode {
    /// The members of an object, or nil.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The elements of an array, or nil.
    public var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The text of a string, or nil.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The value of the first member named `key` of an object.
    public subscript(key: String) -> JSONNode? {
        // Lengths first: a report looks up a dozen keys in every record, and most members'
        // keys differ from the one sought in length already.
        guard case .object(let members) = value else { return nil }
        let length = key.utf8.count
        return members.first { $0.key.utf8.count == length && $0.key == key }?.node
    }

    /// The node at an RFC 6901 JSON Pointer, or the deepest existing node on the way there.
    public func nearestNode(at pointer: String) -> JSONNode {
        var node = self
        for token in JSONPointer.tokens(of: pointer) {
            switch node.value {
            case .object(let members):
                guard let next = members.first(where: { $0.key == token }) else { return node }
                node = next.node
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return node }
                node = elements[index]
            default:
                return node
            }
        }
        return node
    }

    /// The offset of the key `key` at `pointer`'s object, for problems with a key itself.
    public func keyOffset(at pointer: String, key: String) -> Int? {
        nearestNode(at: pointer).members?.first { $0.key == key }?.keyOffset
    }
}

/// Building and splitting RFC 6901 JSON Pointers (`/scenarios/0/options/1/next`).
public enum JSONPointer {
    /// Appends one reference token, escaping `~` and `/`.
    public static func appending(_ pointer: String, _ token: String) -> String {
        // Fast path: ids and field names rarely hold '~' or '/'.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return pointer + "/" + token
        }
        return pointer + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The unescaped reference tokens of a pointer.
    public static func tokens(of pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
