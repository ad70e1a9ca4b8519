import WegwijsCore

/// What the report page and table say about roster rows that could not be read.
public struct RosterNoticePhrases: Sendable {
    /// At the top when most start dates could not be read: (unreadable, dated rows).
    public let mostUnreadable: @Sendable (String, String) -> String
    /// Under the table: the heading of the roster problems.
    public let heading: String
    /// (unreadable start dates, dated rows, all row problems).
    public let summary: @Sendable (String, String, String) -> String
    /// `line 6:` before a problem (the problem's text itself is in English).
    public let line: @Sendable (Int) -> String
    /// When more problems exist than shown: (shown, all).
    public let more: @Sendable (String, String) -> String
    /// A roster number that matches a learner in the records only without leading zeros: (line, roster number, learner).
    public let likelyMatch: @Sendable (String, String, String) -> String

    public static func of(_ language: InterfaceLanguage) -> RosterNoticePhrases { language == .nl ? nl : en }

    public static let nl = RosterNoticePhrases(
        mostUnreadable: { "Let op: van \($1) startdatums op de personeelslijst zijn er \($0) niet te lezen. Voor die medewerkers is er geen uiterste datum, dus wie te laat is ontbreekt in de cijfers. Schrijf de datums als 2026-06-01 of 1-6-2026." },
        heading: "Problemen in de personeelslijst",
        summary: { "\($0) van \($1) startdatums niet te lezen; \($2) regels met een probleem in totaal." },
        line: { "regel \($0):" },
        more: { "De eerste \($0) van \($1) staan hierboven; wegwijs report toont ze allemaal op stderr." },
        likelyMatch: { "regel \($0): \($1) heeft geen records, maar \($2) in de records staat niet op de lijst: waarschijnlijk dezelfde persoon zonder voorloopnullen (Excel laat ze weg als de kolom geen tekst is)." }
    )

    public static let en = RosterNoticePhrases(
        mostUnreadable: { "Note: \($0) of \($1) start dates on the roster cannot be read. Those employees have no due date, so who is overdue is missing from the figures. Write the dates as 2026-06-01 or 1-6-2026." },
        heading: "Roster problems",
        summary: { "\($0) of \($1) start dates cannot be read; \($2) rows with a problem in all." },
        line: { "line \($0):" },
        more: { "The first \($0) of \($1) are shown above; wegwijs report lists them all on stderr." },
        likelyMatch: { "line \($0): \($1) has no records, but \($2) in the records is not on the roster: likely the same person without leading zeros (Excel drops them unless the column is text)." }
    )
}

extension ReportPage {
    /// How many roster problems the page and the table list.
    static let rosterProblemsShown = 20

    /// At the top of the page when most start dates could not be read.
    func rosterWarning(_ report: HRReport) -> String {
        guard let notice = report.rosterNotice, notice.mostDatesUnreadable else { return "" }
        let words = RosterNoticePhrases.of(phrases.language), numbers = NumberStyle(phrases.language)
        return "<p class=\"note\" id=\"roster-warning\" role=\"alert\"><strong>\(HTML.escaped(words.mostUnreadable(numbers.count(notice.unreadableDates), numbers.count(notice.datedRows))))</strong></p>\n"
    }

    /// Under the table: the count of roster problems and the first of them, and the likely matches.
    func rosterProblems(_ report: HRReport) -> String {
        guard let notice = report.rosterNotice, !notice.isEmpty else { return "" }
        let words = RosterNoticePhrases.of(phrases.language), numbers = NumberStyle(phrases.language)
        var html = "<section aria-labelledby=\"h-roster\" id=\"roster-problems\" data-count=\"\(notice.problems.count)\" data-unreadable-dates=\"\(notice.unreadableDates)\">\n"
        html += "<h2 id=\"h-roster\">\(HTML.escaped(words.heading))</h2>\n"
        if !notice.problems.isEmpty {
            html += "<p>\(HTML.escaped(words.summary(numbers.count(notice.unreadableDates), numbers.count(notice.datedRows), numbers.count(notice.problems.count))))</p>\n<ul>\n"
            for problem in notice.problems.prefix(Self.rosterProblemsShown) {
                html += "<li>\(HTML.escaped(words.line(problem.line))) \(HTML.escaped(problem.message))</li>\n"
            }
            html += "</ul>\n"
            if notice.problems.count > Self.rosterProblemsShown {
                html += "<p>\(HTML.escaped(words.more(numbers.count(Self.rosterProblemsShown), numbers.count(notice.problems.count))))</p>\n"
            }
        }
        if !notice.likelyMatches.isEmpty {
            html += "<ul id=\"likely-matches\" data-count=\"\(notice.likelyMatches.count)\">\n"
            for match in notice.likelyMatches.prefix(Self.rosterProblemsShown) {
                html += "<li>\(HTML.escaped(words.likelyMatch(String(match.line), match.employeeID, match.learner)))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }
}

extension ReportRenderer {
    /// Under the table's counts: the roster problems, the first 20 of them, and the likely matches.
    func rosterProblems(_ report: HRReport) -> String {
        guard let notice = report.rosterNotice, !notice.isEmpty else { return "" }
        var text = ""
        if notice.mostDatesUnreadable { text += "WARNING: most start dates on the roster cannot be read; overdue employees are missing\n" }
        if !notice.problems.isEmpty {
            text += "Roster: \(notice.unreadableDates) of \(notice.datedRows) start dates cannot be read; \(notice.problems.count) row\(notice.problems.count == 1 ? "" : "s") with a problem\n"
        }
        for problem in notice.problems.prefix(ReportPage.rosterProblemsShown) {
            text += "  line \(problem.line): \(TextLayout.inline(problem.message, limit: 200))\n"
        }
        for match in notice.likelyMatches.prefix(ReportPage.rosterProblemsShown) {
            text += "Roster " + TextLayout.inline(RosterNoticePhrases.en.likelyMatch(String(match.line), match.employeeID, match.learner), limit: 300) + "\n"
        }
        return text
    }
}
