import Foundation

/// One MIME message (RFC 5322, RFC 2045–2047): UTF-8 headers as encoded words, a
/// multipart/alternative body with a plain text and an HTML part, both base64.
public struct MailMessage: Sendable {
    public var from: String
    /// The recipient's address and display name.
    public var to: (address: String, name: String)
    public var cc: String?
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// Unique per message: also makes the boundary and the Message-ID.
    public var token: String

    public init(from: String, to: (address: String, name: String), cc: String?, subject: String, text: String,
                html: String, date: Date, token: String) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.token = token
    }

    /// The envelope recipients: To, then Cc.
    public var recipients: [String] { [to.address] + (cc.map { [$0] } ?? []) }

    /// The message as sent, lines ending in CRLF. Addresses must be plain
    /// (`MailAddress.isPlain`); every other header text is an encoded word, so no character of
    /// a roster name or a course title can end a header or start another.
    public var bytes: [UInt8] {
        let domain = from.split(separator: "@").last.map(String.init) ?? "wegwijs.invalid"
        let boundary = "=_wegwijs_\(token)"
        var lines = [
            "From: \(from)",
            // Folded before the address, so no line is longer than 78 characters.
            "To: " + (to.name.isEmpty ? to.address : "\(Self.encodedWords(Self.displayName(to.name)))\r\n <\(to.address)>"),
        ]
        if let cc { lines.append("Cc: \(cc)") }
        lines += [
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(token)@\(domain)>",
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(text)
        lines += ["--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
        lines += Self.base64Lines(html)
        lines += ["--\(boundary)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// `text` as RFC 2047 `B` encoded words of at most 75 characters each, folded onto
    /// continuation lines; a character is never split between words.
    static func encodedWords(_ text: String) -> String {
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 39 bytes make 52 base64 characters: with `=?UTF-8?B?` and `?=`, 64, and with `Subject: ` 73.
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// A display name short enough for one encoded word (39 bytes of UTF-8, cut between
    /// characters): readers disagree on whether the space between two encoded words of an
    /// address is kept, so a name is never split over two. The greeting has the whole name.
    static func displayName(_ name: String) -> String {
        var kept = ""
        for character in name {
            guard kept.utf8.count + String(character).utf8.count <= 39 else { break }
            kept.append(character)
        }
        return kept.trimmingCharacters(in: .whitespaces)
    }

    static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
