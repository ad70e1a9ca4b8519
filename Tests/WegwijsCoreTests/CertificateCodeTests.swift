import Foundation
import Testing
@testable import WegwijsCore

@Suite("certificate codes")
struct CertificateCodeTests {
    static func root(_ text: String) throws -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test("a signed record's code comes from its signature only; an unsigned one's from its whole content")
    func derivation() throws {
        let signed = try CertificateCode.code(forRecordJSON: Self.root(#"{"a": 1, "signature": "hmac-sha256:00"}"#))
        let sameSignature = try CertificateCode.code(forRecordJSON: Self.root(#"{"a": 2, "signature": "hmac-sha256:00"}"#))
        let otherSignature = try CertificateCode.code(forRecordJSON: Self.root(#"{"a": 1, "signature": "hmac-sha256:01"}"#))
        #expect(signed.hasPrefix("S-"))
        #expect(signed == sameSignature, "the signature stands for the content")
        #expect(signed != otherSignature)
        let unsigned = try CertificateCode.code(forRecordJSON: Self.root(#"{"a": 1, "b": "x"}"#))
        #expect(unsigned.hasPrefix("H-"))
        #expect(unsigned == (try CertificateCode.code(forRecordJSON: Self.root(#"{ "b" : "x", "a" : 1 }"#))), "canonical: key order and spaces do not count")
        #expect(unsigned != (try CertificateCode.code(forRecordJSON: Self.root(#"{"a": 1, "b": "y"}"#))))
        #expect(unsigned.count == 21)
        #expect(unsigned.split(separator: "-").map(\.count) == [1, 4, 4, 4, 4])
    }

    @Test("a typed code is read as printed: case, dashes, spaces and look-alikes", arguments: [
        ("h-m6at-kg4m-ekj9-48c4", "H-M6AT-KG4M-EKJ9-48C4"),
        ("HM6ATKG4MEKJ948C4", "H-M6AT-KG4M-EKJ9-48C4"),
        ("S-OOOO-IIII-LLLL-0000", "S-0000-1111-1111-0000"),
        (" S 0000 0000 0000 0000 ", "S-0000-0000-0000-0000"),
    ])
    func normalised(typed: String, printed: String) {
        #expect(CertificateCode.normalised(typed) == printed)
    }

    @Test("what cannot be a code", arguments: ["", "H-", "X-0000-0000-0000-0000", "H-0000-0000-0000-000", "H-0000-0000-0000-00000", "H-0000-0000-0000-000U"])
    func notACode(typed: String) {
        #expect(CertificateCode.normalised(typed) == nil)
    }

    @Test("the code is found in a certificate page's head")
    func inPage() {
        #expect(CertificateCode.find(inPage: "<head><meta name=\"wegwijs-certificate-code\" content=\"H-M6AT-KG4M-EKJ9-48C4\">") == "H-M6AT-KG4M-EKJ9-48C4")
        #expect(CertificateCode.find(inPage: "<head><meta name=\"wegwijs-certificate-code\" content=\"nonsense\">") == nil)
        #expect(CertificateCode.find(inPage: "<head></head>") == nil)
    }
}
