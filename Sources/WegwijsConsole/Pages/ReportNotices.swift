import WegwijsCore

/// What the report page says about expired passes and about records it did not believe.
public struct ReportNoticePhrases: Sendable {
    public let expiredHeading: String
    public let expiredNone: String
    public let daysExpired: String
    /// The heading of the records that were not believed.
    public let suspectHeading: String
    /// (records not believed, of them dated after the moment of the report).
    public let suspectSummary: @Sendable (String, String) -> String
    public let fileColumn: String
    public let reasonColumn: String
    /// When more records exist than shown: (shown, all).
    public let more: @Sendable (String, String) -> String

    public static func of(_ language: InterfaceLanguage) -> ReportNoticePhrases { language == .nl ? nl : en }

    public static let nl = ReportNoticePhrases(
        expiredHeading: "Verlopen",
        expiredNone: "Geen certificaat is verlopen.",
        daysExpired: "Dagen verlopen",
        suspectHeading: "Records die niet te vertrouwen zijn",
        suspectSummary: { "\($0 == "1" ? "1 record telt" : "\($0) records tellen") als niet geslaagd; \($1) daarvan dragen een datum na het moment van dit overzicht (een klok die voorloopt?). wegwijs verify zoekt uit waarom." },
        fileColumn: "Bestand",
        reasonColumn: "Reden (in het Engels)",
        more: { "De eerste \($0) van \($1) staan hierboven; wegwijs report toont ze allemaal op stderr." }
    )

    public static let en = ReportNoticePhrases(
        expiredHeading: "Expired",
        expiredNone: "No pass has expired.",
        daysExpired: "Days expired",
        suspectHeading: "Records not believed",
        suspectSummary: { "\($0 == "1" ? "1 record counts" : "\($0) records count") as not passed; \($1) of them are dated after the moment of this report (a clock set ahead?). wegwijs verify finds out why." },
        fileColumn: "File",
        reasonColumn: "Reason",
        more: { "The first \($0) of \($1) are shown above; wegwijs report lists them all on stderr." }
    )
}

extension ReportPage {
    /// How many suspect records the page and the table list.
    static let suspectRecordsShown = 20

    /// Expired passes, the longest expired first, with how many days ago.
    func expiredList(_ report: HRReport) -> String {
        let words = ReportNoticePhrases.of(phrases.language), numbers = NumberStyle(phrases.language)
        let expired = report.expired
        var html = "<section aria-labelledby=\"h-expired\">\n<h2 id=\"h-expired\">\(HTML.escaped(words.expiredHeading)) (\(numbers.count(expired.count)))</h2>\n"
        if expired.isEmpty {
            html += "<p>\(HTML.escaped(words.expiredNone))</p>\n"
        } else {
            var columns = ["employee_id", "name", "department"]
            if report.hasEmails { columns.append("email") }
            columns += ["course", "passed_at", "expires_at"]
            html += listTable(id: "expired", caption: words.expiredHeading, columns: columns, extra: words.daysExpired,
                              rows: expired, report: report) { row in
                row.expiresAt.map { numbers.count(report.asOf.number - $0.number) } ?? ""
            }
        }
        return html + "</section>\n"
    }

    /// After the table: the records counted as not passed, with their file and reason.
    func suspectRecords(_ report: HRReport) -> String {
        guard !report.suspectRecords.isEmpty else { return "" }
        let words = ReportNoticePhrases.of(phrases.language), numbers = NumberStyle(phrases.language)
        let all = report.suspectRecords
        var html = "<section aria-labelledby=\"h-suspect\" id=\"suspect-records\" data-count=\"\(all.count)\" data-future=\"\(report.futureDated)\">\n"
        html += "<h2 id=\"h-suspect\">\(HTML.escaped(words.suspectHeading)) (\(numbers.count(all.count)))</h2>\n"
        html += "<p>\(HTML.escaped(words.suspectSummary(numbers.count(all.count), numbers.count(report.futureDated))))</p>\n"
        html += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-suspect\"><table id=\"suspect\"><thead><tr>"
        html += "<th scope=\"col\">\(HTML.escaped(words.fileColumn))</th><th scope=\"col\">\(HTML.escaped(words.reasonColumn))</th></tr></thead>\n<tbody>\n"
        for record in all.prefix(Self.suspectRecordsShown) {
            html += "<tr><td class=\"path\">\(HTML.escaped(record.path))</td><td>\(HTML.escaped(record.reason))</td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        if all.count > Self.suspectRecordsShown {
            html += "<p>\(HTML.escaped(words.more(numbers.count(Self.suspectRecordsShown), numbers.count(all.count))))</p>\n"
        }
        return html + "</section>\n"
    }
}

extension ReportRenderer {
    /// Under the table's counts: the records counted as not passed, the first 20 of them.
    func suspectRecords(_ report: HRReport) -> String {
        guard !report.suspectRecords.isEmpty else { return "" }
        let count = report.suspectRecords.count
        var text = "Not believed: \(count) record\(count == 1 ? "" : "s") counted as not passed, \(report.futureDated) dated after the moment of the report\n"
        for record in report.suspectRecords.prefix(ReportPage.suspectRecordsShown) {
            text += "  \(TextLayout.inline(record.path, limit: 200)): \(TextLayout.inline(record.reason, limit: 200))\n"
        }
        if count > ReportPage.suspectRecordsShown { text += "  … and \(count - ReportPage.suspectRecordsShown) more on stderr\n" }
        return text
    }
}
