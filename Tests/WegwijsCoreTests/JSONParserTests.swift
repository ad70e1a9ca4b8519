import Testing
@testable import WegwijsCore

@Suite("The located JSON parser")
struct JSONParserTests {
    @Test("the first byte that breaks UTF-8 is found wherever it sits among ASCII runs", arguments: [
        (Array("0123456789abcdef".utf8) + [0xFF], 16), (Array("01234567".utf8) + [0xC3], 8),
        (Array("0123".utf8) + [0xE2, 0x82] + Array("xxxxxxxxxx".utf8), 4), ([0x80] + Array("abcdefghijk".utf8), 0),
        (Array("abcdefghijklmnop".utf8) + [0xED, 0xA0, 0x80], 16), (Array("abc".utf8) + [0xC0, 0xAF], 3),
        (Array("abcdefghijklmno".utf8) + [0xF4, 0x90, 0x80, 0x80], 15),
    ] as [([UInt8], Int)])
    func invalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
    }

    @Test("valid UTF-8 of every length passes", arguments: [
        "", "a", "0123456789abcdefg", "café", "€uro €uro €uro €uro", "𝄞 music 𝄞", String(repeating: "é", count: 17),
    ])
    func validUTF8(text: String) {
        #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == nil)
    }

    @Test("positions are lines and columns of Unicode scalars, counted from 1")
    func positions() throws {
        let bytes = Array("{\n  \"é\": [1,\n   tru]\n}".utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(SourceText(bytes: bytes).position(of: error.offset) == SourcePosition(line: 3, column: 4))
        }
    }

    @Test("strings, escapes and numbers keep their exact value", arguments: [
        (#""a\"b\\c\/d\n\u00e9\ud834\udd1e""#, JSONValue.string("a\"b\\c/d\né𝄞")),
        ("-12.5e3", .number("-12.5e3")), ("0", .number("0")), ("true", .bool(true)), ("null", .null),
    ])
    func values(text: String, expected: JSONValue) throws {
        let node = try JSONParser.parse(Array(text.utf8))
        switch (node.value, expected) {
        case (.string(let a), .string(let b)): #expect(a == b)
        case (.number(let a), .number(let b)): #expect(a == b)
        case (.bool(let a), .bool(let b)): #expect(a == b)
        case (.null, .null): break
        default: Issue.record("\(node.value) is not \(expected)")
        }
    }

    @Test("malformed documents are refused", arguments: [
        "", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "01", "1.", "'x'", "\"a\nb\"", "[1] 2", "\"\\x\"", "nul",
    ])
    func malformed(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    /// Malformed values inside a condensed array: each must give the very error a full parse gives.
    static let insideAnswers = [
        "{", "[1,]", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "01", "1.", "'x'", "\"a\nb\"", "\"\\x\"", "nul",
        "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "{1:2}", "\"open", "-", "1e", "[[[", "{\"a\":{\"b\":[1,]}}", "tru", "\"\\uZZZZ\"",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    @Test("an array kept with its last element is checked like any other: same error, same place", arguments: insideAnswers)
    func condensedErrors(value: String) throws {
        for text in ["{\"answers\": [\(value)]}", "{\"answers\": [{\"at\":1}, \(value), 3]}", "{\"answers\": [\(value), {\"at\":1}]}"] {
            let bytes = Array(text.utf8)
            let full = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
            let condensed = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes, keepingLastOf: "answers") }
            #expect(condensed == full, "\(text)")
        }
    }

    @Test("an array kept with its last element holds exactly that element; other members and nested arrays are whole")
    func condensedValue() throws {
        let text = #"{"answers": [{"at": "1"}, {"at": "2", "o": ["x", "y"]}, {"at": "3", "o": ["\u00e9", 1.5, true, null]}], "b": [1, 2]}"#
        let condensed = try JSONParser.parse(Array(text.utf8), keepingLastOf: "answers")
        let full = try JSONParser.parse(Array(text.utf8))
        let kept = try #require(condensed["answers"]?.elements)
        #expect(kept.count == 1)
        #expect(kept.first?["at"]?.string == "3")
        #expect(kept.first?["o"]?.elements?.first?.string == "é")
        #expect(kept.first?.offset == full["answers"]?.elements?.last?.offset)
        #expect(condensed["answers"]?.offset == full["answers"]?.offset)
        #expect(condensed["b"]?.elements?.count == 2)
        #expect(try JSONParser.parse(Array(#"{"answers": []}"#.utf8), keepingLastOf: "answers")["answers"]?.elements?.count == 0)
        // Only at the top level: a nested member of that name is whole.
        let nested = try JSONParser.parse(Array(#"{"x": {"answers": [1, 2]}}"#.utf8), keepingLastOf: "answers")
        #expect(nested["x"]?["answers"]?.elements?.count == 2)
    }

    /// Texts with a quote, backslash, control character or non-ASCII letter at every place in
    /// and around an eight-byte word, and runs of spaces of every length up to the end of the
    /// file: the word-at-a-time scans must find each where the byte-at-a-time parse does.
    static var wordBoundaryDocuments: [String] {
        var documents: [String] = []
        for length in 0...20 {
            let plain = String(repeating: "a", count: length)
            for special in ["\\\"", "\\n", "\\u00e9", "é", "\u{01}", "\t", "\\", "\"", "\u{1F}"] {
                let text = plain + special + plain
                documents.append("{\"answers\": [{\"at\": \"\(text)\", \"\(text)\": 1}, {\"at\": \"\(text)\"}], \"name\": \"\(text)\"}")
            }
            let spaces = String(repeating: " ", count: length)
            documents.append("{\(spaces)\"answers\"\(spaces):\(spaces)[\(spaces){\"at\":\(spaces)1\(spaces)}\(spaces),\(spaces)2]\(spaces)}\(spaces)")
            documents.append("{\"answers\": [1,\n\(spaces)\t\(spaces)2]}\n\(spaces)x")
        }
        return documents
    }

    @Test("word-at-a-time scanning of texts and spaces agrees with a full parse at every offset", arguments: wordBoundaryDocuments)
    func wordBoundaries(text: String) throws {
        let bytes = Array(text.utf8)
        let full = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
        let condensed = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes, keepingLastOf: "answers") }
        switch (full, condensed) {
        case (.success(let whole), .success(let kept)):
            #expect(kept["name"]?.string == whole["name"]?.string, "\(text)")
            #expect(kept["answers"]?.elements?.last?["at"]?.string == whole["answers"]?.elements?.last?["at"]?.string, "\(text)")
            #expect(kept["answers"]?.elements?.last?.offset == whole["answers"]?.elements?.last?.offset)
        case (.failure(let wholeError), .failure(let keptError)):
            #expect(keptError == wholeError, "\(text)")
        default:
            Issue.record("a full parse gives \(full), the condensed one \(condensed): \(text)")
        }
    }

    @Test("a text scanned a word at a time: the first quote, backslash or control byte, at any place")
    func plainTextRuns() throws {
        for length in 0...24 {
            let plain = String(repeating: "x", count: length)
            #expect(try JSONParser.parse(Array("\"\(plain)\"".utf8)).string == plain)
            #expect(try JSONParser.parse(Array("\"\(plain)\\\"\(plain)\"".utf8)).string == plain + "\"" + plain)
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("\"\(plain)\u{01}\(plain)\"".utf8)) }
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("\"\(plain)\u{1F}\(plain)\"".utf8)) }
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("\"\(plain)".utf8)) }
            #expect(try JSONParser.parse(Array("\(String(repeating: " ", count: length))[\(String(repeating: " ", count: length))]\(String(repeating: " ", count: length))".utf8)).elements?.count == 0)
        }
    }

    @Test("the word-at-a-time scan stops at exactly the first quote, backslash or byte below 0x20, whatever the byte and place")
    func plainTextEndAgreesWithBytes() {
        for place in 0..<20 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 24)
                bytes[place] = UInt8(value)
                let stops = value == 0x22 || value == 0x5C || value < 0x20
                bytes.withUnsafeBufferPointer { buffer in
                    let parser = Parser(bytes: buffer)
                    for start in [0, 1, 5] where start <= place {
                        #expect(parser.plainTextEnd(from: start) == (stops ? place : 24), "byte \(value) at \(place), from \(start)")
                    }
                }
            }
        }
    }

    @Test("a key left unbuilt below the top level: checked like any value, standing as null at its place")
    func unbuiltValues() throws {
        let text = #"{"at": "top", "answers": [{"at": "2026-01-01T10:00:00Z", "scenario": "s"}, {"at": {"deep": [1, 2]}}]}"#
        let root = try JSONParser.parse(Array(text.utf8), leavingUnbuilt: "at")
        let full = try JSONParser.parse(Array(text.utf8))
        #expect(root["at"]?.string == "top", "the top level is built")
        let answers = try #require(root["answers"]?.elements)
        #expect(answers[0]["scenario"]?.string == "s")
        guard case .null? = answers[0]["at"]?.value, case .null? = answers[1]["at"]?.value else {
            Issue.record("\(answers)")
            return
        }
        #expect(answers[1]["at"]?.offset == full["answers"]?.elements?[1]["at"]?.offset)
        for value in Self.insideAnswers {
            let bytes = Array("{\"answers\": [{\"at\": \(value)}]}".utf8)
            let whole = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
            let unbuilt = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes, leavingUnbuilt: "at") }
            #expect(unbuilt == whole, "\(value)")
        }
    }
}
