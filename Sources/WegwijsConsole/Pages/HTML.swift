import Foundation
import WegwijsCore

/// Building blocks for Wegwijs's self-contained HTML pages: escaping, the page shell with its
/// content security policy, and the status colours and patterns shared by report and stats.
public enum HTML {
    /// Text from a file (roster, record, course) for element content or a quoted attribute:
    /// `& < > " '` escaped, and control characters shown as `\x1B` (the project's one rule).
    public static func escaped(_ text: String) -> String {
        let safe = ControlCharacters.escaped(text)
        var needsWork = false
        for byte in safe.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return safe }
        var result = ""
        result.reserveCapacity(safe.utf8.count + 16)
        for character in safe {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A JSON string literal that is safe inside a `<script>` element (no `<`, so no `</script>`).
    public static func scriptString(_ text: String) -> String {
        JSONWriter.quoted(text).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A whole page: the document head with the page's style and a content security policy that
    /// allows nothing from anywhere (no network, no fonts, no outside scripts) except the page's
    /// own inline style and its one script, named by hash, then `body`.
    public static func page(language: InterfaceLanguage, title: String, style: String, body: String, script: String?) -> String {
        var policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        if let script { policy += "; script-src 'sha256-\(sha256Base64(script))'" }
        var page = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        page += "<title>\(escaped(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        page += body
        if let script { page += "<script>\(script)</script>\n" }
        page += "</body>\n</html>\n"
        return page
    }

    /// Base64 of the SHA-256 of a script's UTF-8 bytes, as a content security policy names it.
    static func sha256Base64(_ text: String) -> String {
        let hex = CourseLoader.sha256Hex(Array(text.utf8))
        var bytes: [UInt8] = []
        var high: UInt8?
        for byte in hex.utf8 {
            let value = byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return Data(bytes).base64EncodedString()
    }

    /// The look shared by the report and the stats page: readable type, AA contrast, tables
    /// that print on A4 without cut-off columns.
    public static let baseStyle = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; background: #fff;
           margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    p.meta { margin: 0; color: #3d3d3d; }
    table { border-collapse: collapse; margin: .4rem 0 1rem; }
    caption { text-align: left; font-weight: bold; padding: .2rem 0; color: #1a1a1a; }
    th, td { border: 1px solid #767676; padding: .2rem .45rem; text-align: left; vertical-align: top; }
    th { background: #e8e8e8; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    .wide { width: 100%; }
    .scroll { overflow-x: auto; max-width: 100%; margin: .4rem 0 1rem; }
    .scroll > table { margin: 0; }
    .scroll:focus-visible { outline: 3px solid #174f8c; outline-offset: 1px; }
    #learners tr > :first-child, table.rows tr > :first-child { position: sticky; left: 0; z-index: 1; background: #fff;
           box-shadow: inset -1px 0 0 #767676; }
    #learners thead tr > :first-child, table.rows thead tr > :first-child { background: #e8e8e8; }
    td.path { overflow-wrap: anywhere; }
    .course-id { color: #3d3d3d; }
    .badge { display: inline-block; padding: 0 .35rem; border-radius: .2rem; font-weight: bold; border: 1px solid currentColor; }
    .s-passed { color: #0b5d1e; } .s-expired { color: #8a3b00; } .s-failed { color: #a1005a; }
    .s-in-progress { color: #174f8c; } .s-not-started { color: #454545; } .s-overdue { color: #a10f1f; }
    figure { margin: .5rem 0 1rem; }
    svg text { font-family: inherit; fill: #1a1a1a; }
    .swatch { vertical-align: middle; margin-right: .25rem; }
    .legend { list-style: none; padding: 0; margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    .note { color: #3d3d3d; font-size: .9rem; }
    .controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; border: 1px solid #767676; padding: .5rem; }
    .controls label { display: flex; flex-direction: column; font-size: .9rem; }
    .controls input, .controls select, .controls button, th button { font: inherit; }
    th button { background: none; border: 0; padding: 0; font-weight: bold; cursor: pointer; text-align: inherit; color: inherit; }
    th button:focus-visible, .controls :focus-visible { outline: 3px solid #174f8c; outline-offset: 1px; }
    [hidden] { display: none !important; }
    @media print {
      @page { size: A4 landscape; margin: 10mm; }
      body { margin: 0; max-width: none; font-size: 8pt; }
      .controls, .no-print { display: none !important; }
      .scroll { overflow: visible; }
      #learners tr > :first-child, table.rows tr > :first-child { position: static; box-shadow: none; }
      table { page-break-inside: auto; }
      table.wide { width: 100%; }
      tr { page-break-inside: avoid; }
      thead { display: table-header-group; }
      th, td { padding: 1px 3px; overflow-wrap: break-word; }
      td { overflow-wrap: anywhere; }
      #learners td:nth-child(5) { overflow-wrap: normal; }
      #learners td:nth-child(n+8):nth-child(-n+12) { white-space: nowrap; }
      h2 { page-break-after: avoid; }
      figure { page-break-inside: avoid; }
    }

    """

    /// Colour (AA against white text labels), and a pattern so each status also reads in
    /// black and white and for colour-blind readers.
    public static func statusFill(_ status: ReportStatus) -> (colour: String, pattern: String) {
        switch status {
        case .passed: ("#1b7837", "solid")
        case .expired: ("#a6500b", "horizontal")
        case .failed: ("#b3206e", "diagonal")
        case .inProgress: ("#2166ac", "backdiagonal")
        case .notStarted: ("#6b6b6b", "dots")
        case .overdue: ("#b2182b", "cross")
        case .refresherDue: ("#5a6e00", "vertical")
        case .refresherOverdue: ("#8c2d04", "grid")
        }
    }

    /// The patterns of the refresher statuses, in an SVG of their own: only a report of a
    /// course with refreshers has them.
    public static var refresherPatterns: String {
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" focusable=\"false\">"
            + patterns(ReportStatus.allCases.filter(\.isRefresherStatus)) + "</svg>\n"
    }

    /// `<defs>` with one pattern per status, `id="p-<status>"`.
    public static var statusPatterns: String { patterns(ReportStatus.allCases.filter { !$0.isRefresherStatus }) }

    private static func patterns(_ statuses: [ReportStatus]) -> String {
        var defs = "<defs>"
        for status in statuses {
            let (colour, pattern) = statusFill(status)
            defs += "<pattern id=\"p-\(status.rawValue)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
            defs += "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
            let stroke = "stroke=\"#fff\" stroke-width=\"1.5\" stroke-opacity=\".75\""
            switch pattern {
            case "horizontal": defs += "<path d=\"M0 4H8\" \(stroke)/>"
            case "diagonal": defs += "<path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6\" \(stroke)/>"
            case "backdiagonal": defs += "<path d=\"M-2 6L2 10M0 0L8 8M6 -2L10 2\" \(stroke)/>"
            case "dots": defs += "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\" fill-opacity=\".8\"/>"
            case "cross": defs += "<path d=\"M0 0L8 8M8 0L0 8\" \(stroke)/>"
            case "vertical": defs += "<path d=\"M4 0V8\" \(stroke)/>"
            case "grid": defs += "<path d=\"M4 0V8M0 4H8\" \(stroke)/>"
            default: break
            }
            defs += "</pattern>"
        }
        return defs + "</defs>"
    }

    /// A small square in a status's colour and pattern, for legends.
    public static func swatch(_ status: ReportStatus) -> String {
        "<svg class=\"swatch\" width=\"16\" height=\"16\" aria-hidden=\"true\"><rect width=\"16\" height=\"16\" fill=\"url(#p-\(status.rawValue))\" stroke=\"#1a1a1a\"/></svg>"
    }
}
