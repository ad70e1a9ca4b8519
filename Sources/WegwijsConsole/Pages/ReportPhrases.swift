import WegwijsCore

/// The HTML report's own words in Dutch and English. One stored property per phrase, built with
/// the memberwise initialiser, so a phrase missing in one language does not compile.
public struct ReportPhrases: Sendable {
    public let language: InterfaceLanguage
    public let title: String
    public let asOf: @Sendable (String) -> String
    public let courses: String
    public let byStatus: String
    public let countsCaption: String
    public let status: @Sendable (ReportStatus) -> String
    public let statusColumn: String
    public let countColumn: String
    public let shareColumn: String
    public let total: String
    /// Records that did not agree with themselves (or their signature) and counted as not passed.
    public let untrusted: @Sendable (String) -> String
    public let byDepartment: String
    public let chartTitle: @Sendable (String) -> String
    public let chartDescription: @Sendable (String) -> String
    public let chartTable: @Sendable (String) -> String
    public let departmentColumn: String
    public let allLearners: String
    public let noDepartment: String
    public let notOnRoster: String
    public let passedOf: @Sendable (String, String) -> String
    public let overdueHeading: String
    public let overdueNone: String
    public let daysOverdue: String
    public let expiringHeading: String
    public let expiringNone: String
    public let moreRows: @Sendable (String) -> String
    public let tableHeading: String
    public let tableCaption: @Sendable (String) -> String
    /// A large table comes in sections: how many rows, how many per section.
    public let sections: @Sendable (String, String) -> String
    /// A section's summary: rows from–to, employee numbers first–last.
    public let sectionRange: @Sendable (String, String, String, String) -> String
    public let column: @Sendable (String) -> String
    public let yes: String
    public let no: String
    public let filterLegend: String
    public let search: String
    public let any: String
    public let perPage: String
    public let all: String
    public let previous: String
    public let next: String
    /// Shown by the page's script: "rows 1–100 of 2,000"; `{from}`, `{to}`, `{total}` are filled in.
    public let pageInfo: String
    public let sortHint: String
    public let madeBy: String

    /// The phrases of a language.
    public static func of(_ language: InterfaceLanguage) -> ReportPhrases {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    public static let nl = ReportPhrases(
        language: .nl,
        title: "Voortgang e-learning",
        asOf: { "Stand op \($0)" },
        courses: "Cursussen",
        byStatus: "Per status",
        countsCaption: "Aantal deelnemers per status, over alle cursussen",
        status: { status in
            switch status {
            case .passed: "Geslaagd"
            case .expired: "Verlopen"
            case .failed: "Niet geslaagd"
            case .inProgress: "Bezig"
            case .notStarted: "Niet begonnen"
            case .overdue: "Te laat"
            case .refresherDue: "Opfrisser te doen"
            case .refresherOverdue: "Opfrisser te laat"
            }
        },
        statusColumn: "Status",
        countColumn: "Aantal",
        shareColumn: "Aandeel",
        total: "Totaal",
        untrusted: { $0 == "1"
            ? "1 record is niet te vertrouwen (het klopte niet met zichzelf of zijn handtekening, of draagt een datum in de toekomst) en telt als niet geslaagd; het staat onderaan deze pagina."
            : "\($0) records zijn niet te vertrouwen (ze klopten niet met zichzelf of hun handtekening, of dragen een datum in de toekomst) en tellen als niet geslaagd; ze staan onderaan deze pagina." },
        byDepartment: "Per afdeling",
        chartTitle: { "Status per afdeling, \($0)" },
        chartDescription: { "Gestapelde balken: per afdeling het aandeel deelnemers per status in cursus \($0). De tabel eronder geeft dezelfde aantallen." },
        chartTable: { "Aantallen per afdeling en status, \($0)" },
        departmentColumn: "Afdeling",
        allLearners: "Alle deelnemers",
        noDepartment: "(geen afdeling)",
        notOnRoster: "(niet op de lijst)",
        passedOf: { "\($0) van \($1) geslaagd" },
        overdueHeading: "Te laat",
        overdueNone: "Niemand is te laat.",
        daysOverdue: "Dagen te laat",
        expiringHeading: "Verloopt binnen 30 dagen",
        expiringNone: "Geen certificaat verloopt binnen 30 dagen.",
        moreRows: { "En nog \($0); filter de tabel hieronder op status voor de volledige lijst." },
        tableHeading: "Alle deelnemers",
        tableCaption: { "Deelnemers per cursus (\($0) rijen)" },
        sections: { "De tabel heeft \($0) rijen, in delen van \($1): open een deel om het te lezen. Met JavaScript aan staan ze hierboven allemaal, per pagina, te sorteren en te filteren." },
        sectionRange: { "Rijen \($0)–\($1) (personeelsnummer \($2) tot en met \($3))" },
        column: { key in
            switch key {
            case "employee_id": "Personeelsnummer"
            case "name": "Naam"
            case "department": "Afdeling"
            case "course": "Cursus"
            case "status": "Status"
            case "best_percent": "Beste score"
            case "attempts": "Pogingen"
            case "last_activity": "Laatst actief"
            case "passed_at": "Geslaagd op"
            case "expires_at": "Geldig tot en met"
            case "due_date": "Uiterlijk klaar op"
            case "acknowledged_at": "Verklaring getekend op"
            case "email": "E-mail"
            case "on_roster": "Op de lijst"
            case "refresher_due": "Opfrisser vanaf"
            case "untrusted_records": "Niet te vertrouwen"
            default: key
            }
        },
        yes: "ja",
        no: "nee",
        filterLegend: "Filteren",
        search: "Zoeken",
        any: "Alle",
        perPage: "Rijen per pagina",
        all: "alle",
        previous: "Vorige",
        next: "Volgende",
        pageInfo: "Rijen {from}–{to} van {total}",
        sortHint: "Klik op een kolomkop om te sorteren.",
        madeBy: "Gemaakt met wegwijs report."
    )

    public static let en = ReportPhrases(
        language: .en,
        title: "E-learning completion",
        asOf: { "As of \($0)" },
        courses: "Courses",
        byStatus: "By status",
        countsCaption: "Learners per status, over all courses",
        status: { status in
            switch status {
            case .passed: "Passed"
            case .expired: "Expired"
            case .failed: "Failed"
            case .inProgress: "In progress"
            case .notStarted: "Not started"
            case .overdue: "Overdue"
            case .refresherDue: "Refresher due"
            case .refresherOverdue: "Refresher overdue"
            }
        },
        statusColumn: "Status",
        countColumn: "Learners",
        shareColumn: "Share",
        total: "Total",
        untrusted: { $0 == "1"
            ? "1 record cannot be believed (it did not agree with itself or its signature, or is dated in the future) and counts as not passed; it is listed at the end of this page."
            : "\($0) records cannot be believed (they did not agree with themselves or their signature, or are dated in the future) and count as not passed; they are listed at the end of this page." },
        byDepartment: "By department",
        chartTitle: { "Status by department, \($0)" },
        chartDescription: { "Stacked bars: for each department the share of learners in each status for course \($0). The table below gives the same counts." },
        chartTable: { "Learners by department and status, \($0)" },
        departmentColumn: "Department",
        allLearners: "All learners",
        noDepartment: "(no department)",
        notOnRoster: "(not on the roster)",
        passedOf: { "\($0) of \($1) passed" },
        overdueHeading: "Overdue",
        overdueNone: "Nobody is overdue.",
        daysOverdue: "Days overdue",
        expiringHeading: "Expires within 30 days",
        expiringNone: "No pass expires within 30 days.",
        moreRows: { "And \($0) more; filter the table below by status for the full list." },
        tableHeading: "All learners",
        tableCaption: { "Learners per course (\($0) rows)" },
        sections: { "The table has \($0) rows, in sections of \($1): open a section to read it. With JavaScript on they are all above, a page at a time, to sort and filter." },
        sectionRange: { "Rows \($0)–\($1) (employee \($2) to \($3))" },
        column: { key in
            switch key {
            case "employee_id": "Employee number"
            case "name": "Name"
            case "department": "Department"
            case "course": "Course"
            case "status": "Status"
            case "best_percent": "Best score"
            case "attempts": "Attempts"
            case "last_activity": "Last active"
            case "passed_at": "Passed on"
            case "expires_at": "Valid until"
            case "due_date": "Due by"
            case "acknowledged_at": "Acknowledged on"
            case "email": "E-mail"
            case "on_roster": "On roster"
            case "refresher_due": "Refresher due"
            case "untrusted_records": "Not believed"
            default: key
            }
        },
        yes: "yes",
        no: "no",
        filterLegend: "Filter",
        search: "Search",
        any: "All",
        perPage: "Rows per page",
        all: "all",
        previous: "Previous",
        next: "Next",
        pageInfo: "Rows {from}–{to} of {total}",
        sortHint: "Select a column heading to sort.",
        madeBy: "Made by wegwijs report."
    )
}
