import Testing
import WegwijsConsole

@Suite("One-line text for messages")
struct TextLayoutInlineTests {
    @Test("printable ASCII is kept as it is, cut at the limit; anything else is sanitised and flattened first", arguments: [
        ("path/to/file.json: skipped", 60, "path/to/file.json: skipped"),
        ("abcdef", 6, "abcdef"),
        ("abcdefg", 6, "abcdef…"),
        ("line one\nline two", 60, "line one line two"),
        ("tab\there", 60, "tab here"),
        ("café au lait, zoveel", 4, "café…"),
        ("\u{202E}evil", 60, "\\u{202E}evil"),
        ("bell\u{07}", 60, "bell\\x07"),
    ] as [(String, Int, String)])
    func inline(text: String, limit: Int, expected: String) {
        #expect(TextLayout.inline(text, limit: limit) == expected)
    }
}
