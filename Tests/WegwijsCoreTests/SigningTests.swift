import Foundation
import Testing
@testable import WegwijsCore

@Suite("Signing records")
struct SigningTests {
    static let signer = RecordSigner(key: Array("0123456789abcdef0123456789abcdef".utf8))

    @Test("a record signed as the runner signs it verifies from its file, with the hmac-sha256 prefix and 64 hex digits")
    func signedRecordVerifies() throws {
        let loaded = try RecordFixtures.course()
        var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded)
        record.signature = try Self.signer.signature(for: record)
        let signature = try #require(record.signature)
        #expect(signature.hasPrefix("hmac-sha256:") && signature.count == 12 + 64)
        #expect(signature.dropFirst(12).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let root = try JSONParser.parse(Array(record.encoded()))
        #expect(Self.signer.isValid(recordJSON: root))
        #expect(!RecordSigner(key: Array("another key of 16+ bytes".utf8)).isValid(recordJSON: root))
    }

    @Test("the signature does not depend on key order or white space, but on every value")
    func canonicalForm() throws {
        let a = try JSONParser.parse(Array("{\"b\": [1, 2.50, \"x\"], \"a\": {\"d\": null, \"c\": true}}".utf8))
        let b = try JSONParser.parse(Array("{\"a\":{\"c\":true,\"d\":null},\"b\":[1,2.50,\"x\"]}".utf8))
        let c = try JSONParser.parse(Array("{\"a\":{\"c\":true,\"d\":null},\"b\":[1,2.5,\"x\"]}".utf8))
        #expect(String(decoding: CanonicalJSON.bytes(of: a), as: UTF8.self) == "{\"a\":{\"c\":true,\"d\":null},\"b\":[1,2.50,\"x\"]}")
        #expect(Self.signer.signature(forRecordJSON: a) == Self.signer.signature(forRecordJSON: b))
        // Numbers are signed as written: a tool that rewrites 2.50 as 2.5 breaks the signature.
        #expect(Self.signer.signature(forRecordJSON: a) != Self.signer.signature(forRecordJSON: c))
    }

    @Test("strings are escaped canonically, so an escape cannot hide a change", arguments: [
        ("{\"s\":\"a\\/b\"}", "{\"s\":\"a/b\"}"),
        ("{\"s\":\"\\u00e9\"}", "{\"s\":\"é\"}"),
        ("{\"s\":\"\\n\\\"\"}", "{\"s\":\"\\u000a\\\"\"}"),
    ])
    func canonicalStrings(input: String, expected: String) throws {
        #expect(String(decoding: CanonicalJSON.bytes(of: try JSONParser.parse(Array(input.utf8))), as: UTF8.self) == expected)
    }

    @Test("the signature field itself is left out of what is signed; nothing else is")
    func signatureFieldIgnored() throws {
        let unsigned = try JSONParser.parse(Array("{\"a\":1}".utf8))
        let signed = try JSONParser.parse(Array("{\"a\":1,\"signature\":\"hmac-sha256:00\"}".utf8))
        let nested = try JSONParser.parse(Array("{\"a\":1,\"x\":{\"signature\":\"y\"}}".utf8))
        #expect(Self.signer.signature(forRecordJSON: unsigned) == Self.signer.signature(forRecordJSON: signed))
        #expect(Self.signer.signature(forRecordJSON: unsigned) != Self.signer.signature(forRecordJSON: nested))
    }

    @Test("a key file loses its trailing line break; a short or missing key file is refused")
    func keyFiles() throws {
        let folder = try RecordFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let withNewline = folder.appendingPathComponent("key1")
        try Data("0123456789abcdef0123456789abcdef\n".utf8).write(to: withNewline)
        // Key files are private to their account (PrivateFiles.checkSecret).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: withNewline.path)
        let root = try JSONParser.parse(Array("{\"a\":1}".utf8))
        #expect(try RecordSigner(keyFile: withNewline.path).signature(forRecordJSON: root) == Self.signer.signature(forRecordJSON: root))
        let short = folder.appendingPathComponent("key2")
        try Data("too short\n".utf8).write(to: short)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: short.path)
        #expect(throws: RecordSigner.KeyError.self) { try RecordSigner(keyFile: short.path) }
        #expect(throws: RecordSigner.KeyError.self) { try RecordSigner(keyFile: folder.appendingPathComponent("none").path) }
    }

    @Test("a stored signature in upper case, without the prefix or cut short does not verify", arguments: [
        { (s: String) in s.uppercased() }, { (s: String) in String(s.dropFirst(12)) }, { (s: String) in String(s.dropLast()) },
    ] as [@Sendable (String) -> String])
    func malformedStoredSignature(change: @Sendable (String) -> String) throws {
        let loaded = try RecordFixtures.course()
        var record = try RecordFixtures.record(RecordFixtures.passing, course: loaded, signer: Self.signer)
        record.signature = record.signature.map(change)
        #expect(!Self.signer.isValid(recordJSON: try JSONParser.parse(Array(record.encoded()))))
    }
}
