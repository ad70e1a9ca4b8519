import WegwijsCore

/// A certificate as one self-contained HTML page that prints on one A4 page (portrait). The
/// page carries its code in `<meta name="wegwijs-certificate-code">`, and `verify` makes the
/// page again from the record the code names and compares the two byte for byte: a page
/// edited by hand (a name, a date, a course) no longer matches.
public struct CertificatePage: Sendable {
    public init() {}

    public func render(_ certificate: Certificate) -> String {
        let phrases = CertificatePhrases.of(InterfaceLanguage(rawValue: certificate.language) ?? .en)
        func row(_ label: String, _ value: String) -> String {
            "<tr><th scope=\"row\">\(HTML.escaped(label))</th><td>\(value)</td></tr>\n"
        }
        var body = "<main>\n<h1>\(HTML.escaped(phrases.title))</h1>\n"
        body += "<p class=\"intro\">\(HTML.escaped(phrases.intro))</p>\n"
        body += "<p class=\"who\">\(HTML.escaped(certificate.learnerName ?? certificate.learnerID))</p>\n"
        body += "<p class=\"intro\">\(HTML.escaped(phrases.passedCourse))</p>\n"
        body += "<p class=\"what\">\(HTML.escaped(certificate.courseTitle))</p>\n"
        body += "<table>\n"
        body += row(phrases.name, HTML.escaped(certificate.learnerName ?? "—"))
        body += row(phrases.employeeNumber, HTML.escaped(certificate.learnerID))
        body += row(phrases.course, HTML.escaped("\(certificate.courseTitle) (\(certificate.courseID), \(phrases.version) \(certificate.courseVersion))"))
        body += row(phrases.passedOn, HTML.escaped(phrases.long(certificate.passedOn)))
        body += row(phrases.validUntil, HTML.escaped(certificate.validUntil.map(phrases.long) ?? phrases.noExpiry))
        body += "</table>\n"
        if let acknowledgement = certificate.acknowledgement {
            body += "<section class=\"ack\">\n<h2>\(HTML.escaped(phrases.acknowledgement))</h2>\n"
            body += "<blockquote>\(HTML.escaped(String(acknowledgement.prefix(1200))))</blockquote>\n"
            let confirmed = certificate.acknowledgedOn.map { phrases.acknowledgedOn(phrases.long($0)) } ?? phrases.notAcknowledged
            body += "<p>\(HTML.escaped(confirmed))</p>\n</section>\n"
        }
        body += "<footer>\n<p>\(HTML.escaped(phrases.code)): <strong class=\"code\">\(HTML.escaped(certificate.code))</strong></p>\n"
        body += "<p class=\"note\">\(HTML.escaped(phrases.howToVerify(certificate.code)))</p>\n</footer>\n</main>\n"
        let title = "\(phrases.title): \(certificate.learnerName ?? certificate.learnerID), \(certificate.courseTitle)"
        var page = HTML.page(language: phrases.language, title: title, style: Self.style, body: body, script: nil)
        let meta = "<meta name=\"wegwijs-certificate-code\" content=\"\(HTML.escaped(certificate.code))\">\n"
        if let head = page.range(of: "<meta charset=\"utf-8\">\n") { page.insert(contentsOf: meta, at: head.upperBound) }
        return page
    }

    /// One A4 page: fixed sizes in print units, long texts wrap and the acknowledgement is cut
    /// at 1,200 characters, so no content can push the page to a second sheet.
    static let style = """
    :root { color-scheme: light; }
    @page { size: A4 portrait; margin: 18mm; }
    html, body { margin: 0; padding: 0; }
    body { font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; color: #1a1a1a; background: #fff; font-size: 11pt; line-height: 1.35; }
    main { max-width: 174mm; margin: 0 auto; padding: 10mm 8mm; border: 2pt solid #1a1a1a; box-sizing: border-box; max-height: 260mm; overflow: hidden; }
    h1 { font-size: 28pt; text-align: center; margin: 0 0 6mm; letter-spacing: .05em; }
    h2 { font-size: 12pt; margin: 0 0 2mm; }
    p.intro { text-align: center; margin: 0; }
    p.who { text-align: center; font-size: 20pt; font-weight: bold; margin: 3mm 0; overflow-wrap: anywhere; }
    p.what { text-align: center; font-size: 15pt; margin: 0 0 8mm; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: 0 0 6mm; }
    th, td { text-align: left; vertical-align: top; padding: 1.5mm 2mm; border-bottom: .5pt solid #767676; overflow-wrap: anywhere; }
    th { width: 45mm; font-weight: normal; color: #3d3d3d; }
    section.ack { margin: 0 0 6mm; }
    blockquote { margin: 0 0 2mm; padding: 0 0 0 4mm; border-left: 2pt solid #767676; font-style: italic; overflow-wrap: anywhere; }
    footer p { margin: 0 0 1mm; }
    .code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13pt; letter-spacing: .05em; }
    .note { color: #3d3d3d; font-size: 9pt; }
    @media screen { body { margin: 1.5rem; } }

    """
}
