import Foundation
import Testing
import WegwijsCore

/// `report --format html` loaded in a real headless Chromium (Debian's `chromium`), with the
/// network blocked. Fails, never skips, when Chromium cannot run.
@Suite("HTML pages (report and stats) in a headless browser", .serialized)
struct ReportHTMLTests {
    let course = Wegwijs.fixture("branching.json")
    static let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))

    /// Records for six learners (passed, failed, in progress) and a roster of nine with
    /// departments, e-mail addresses and names that try to inject markup.
    func setUp() throws -> (folder: URL, records: URL, roster: URL) {
        let folder = try Wegwijs.temporaryFolder("wegwijs-html")
        let records = folder.appendingPathComponent("records")
        let answers = ["101": "a\na c\na\n", "102": "b\na\nb\n", "103": "a\na c\na\n", "104": "a\nstop\n",
                       "105": "b\na\nb\n", "900": "a\na c\na\n"]
        for (learner, input) in answers.sorted(by: { $0.key < $1.key }) {
            let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: input)
            #expect([0, 2, 3].contains(result.status), "\(result.stderr)")
        }
        let roster = folder.appendingPathComponent("roster.csv")
        try Data("""
        personeelsnummer;naam;e-mail;afdeling;startdatum
        101;Piet de Vries;piet@example.org;Klantcontact;2000-01-05
        102;"<script>alert(1)</script>";x@example.org;Klantcontact;2000-01-05
        103;Anne "Ann" O'Neil;anne@example.org;IT & Data;2099-01-01
        104;Bram;bram@example.org;IT & Data;2000-01-05
        105;Cor;cor@example.org;<b>Noord</b>;2099-01-01
        106;Dewi;dewi@example.org;<b>Noord</b>;2000-01-05
        107;Els;els@example.org;<b>Noord</b>;2099-01-01
        108;Fenna;;IT & Data;
        109;Gijs;gijs@example.org;;2099-01-01

        """.utf8).write(to: roster)
        return (folder, records, roster)
    }

    /// Count per status from `--format json`: the reference the page must agree with.
    func jsonCounts(records: URL, roster: URL) throws -> (counts: [String: Int], ids: [String]) {
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--format", "json", "--as-of", Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONParser.parse(Array(result.stdout.utf8)).elements)
        var counts: [String: Int] = [:]
        for row in rows { counts[row["status"]?.string ?? "?", default: 0] += 1 }
        return (counts, rows.compactMap { $0["employee_id"]?.string })
    }

    /// Where a screenshot goes: `.build/test-output/` in the package (kept after the run, to look
    /// at; `.build` is never committed), replacing the last run's.
    static func screenshotPath(_ name: String) throws -> URL {
        let folder = Wegwijs.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let png = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: png)
        return png
    }

    /// The rows of the learners table in a serialised DOM, each as its cells' text.
    static func learnerRows(_ dom: String) throws -> [[String]] {
        let start = try #require(dom.range(of: "id=\"learners\""))
        let tail = dom[start.upperBound...]
        let body = try #require(tail.range(of: "<tbody>"))
        let end = try #require(tail.range(of: "</tbody>"))
        let rows = tail[body.upperBound..<end.lowerBound].components(separatedBy: "</tr>").filter { $0.contains("<td") }
        return rows.map { row in
            row.matches(of: /<td[^>]*>(.*?)<\/td>/).map { String($0.output.1) }
        }
    }

    /// `data-status="…" data-count="…"` of the counts table.
    static func pageCounts(_ dom: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for match in dom.matches(of: /data-status="([a-z-]+)" data-count="(\d+)"/) {
            counts[String(match.output.1)] = Int(match.output.2)
        }
        return counts
    }

    @Test("counts equal --format json's, every roster learner is in the table, no console errors, no network, a 1280×800 screenshot")
    func pageInBrowser() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--format", "html", "--lang", "nl",
                                      "--as-of", Self.today, "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: nothing names another host or loads anything.
        for needle in ["http:", "https:", "src=", "<link", "@import", "url(http", "//cdn"] {
            #expect(!html.contains(needle), "the page refers to something outside itself: \(needle)")
        }
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))

        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(page)
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        let dom = run.stdout
        let (expected, ids) = try jsonCounts(records: records, roster: roster)
        let counts = Self.pageCounts(dom)
        // The refresher statuses show only for a course with refreshers (this one has none).
        for status in ReportStatus.allCases where !status.isRefresherStatus {
            #expect(counts[status.rawValue] == expected[status.rawValue, default: 0], "\(status)")
        }
        #expect(counts["total"] == ids.count)
        // The script ran: controls shown, headers became sort buttons, the paging line filled in.
        #expect(dom.contains("<form class=\"controls no-print\" id=\"controls\" role=\"search\""))
        #expect(dom.contains("<th scope=\"col\" data-key=\"name\" data-type=\"text\"><button type=\"button\">Naam</button></th>"))
        #expect(dom.contains("Rijen 1–\(ids.count) van \(ids.count)"))
        // Every learner of the roster and the records is in the table, once.
        let rows = try Self.learnerRows(dom)
        #expect(rows.map { $0[0] }.sorted() == ids.sorted())
        #expect(Set(ids).isSuperset(of: (101...109).map(String.init)))
        // Text from the roster is shown as text, never run as markup.
        #expect(!dom.contains("<script>alert(1)</script>") && !dom.contains("<b>Noord</b>"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && dom.contains("&lt;b&gt;Noord&lt;/b&gt;"))
        #expect(dom.contains("Anne \"Ann\" O'Neil") && dom.contains("IT &amp; Data"))
        // Dutch conventions: day as DD-MM-YYYY, percentages with a decimal comma.
        let day = try #require(CalendarDay(Self.today))
        let (year, month, date) = day.civil
        #expect(dom.contains(String(format: "Stand op %02d-%02d-%04d", date, month, year)))
        #expect(dom.contains("100,0 %"))
        #expect(rows.contains { $0.contains("piet@example.org") }, "the roster's e-mail column is shown")

        let png = try Self.screenshotPath("report-1280x800.png")
        try? FileManager.default.removeItem(at: png)
        let shot = try chromium.screenshot(page, to: png)
        #expect(shot.consoleMessages.isEmpty, "console: \(shot.consoleMessages)")
        let size = Chromium.pngSize(try Data(contentsOf: png))
        #expect(size?.width == 1280 && size?.height == 800, "screenshot at \(png.path)")
    }

    @Test("the address's fragment filters the table in the browser: #status=overdue shows exactly the overdue learners")
    func fragmentFilter() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--output", page.path, "--as-of", Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let (expected, _) = try jsonCounts(records: records, roster: roster)
        let run = try chromium.dumpDOM(page, fragment: "#status=overdue&sort=name")
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        let rows = try Self.learnerRows(run.stdout)
        #expect(rows.count == expected["overdue"] && rows.count > 0)
        #expect(rows.allSatisfy { $0[4] == "Overdue" })
        let names = rows.map { $0[1] }
        #expect(names == names.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        #expect(run.stdout.contains("aria-sort=\"ascending\""))
    }

    @Test("with its scripts removed (JavaScript off) the page still shows the counts and every row")
    func withoutJavaScript() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--format", "html",
                                      "--as-of", Self.today, "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        let stripped = html.replacing(/<script>[\s\S]*?<\/script>/, with: "")
        #expect(stripped.count < html.count && !stripped.contains("<script"))
        let noScript = folder.appendingPathComponent("report-no-js.html")
        try Data(stripped.utf8).write(to: noScript)
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(noScript)
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        let (expected, ids) = try jsonCounts(records: records, roster: roster)
        #expect(Self.pageCounts(run.stdout).filter { $0.key != "total" } == expected.merging(
            ReportStatus.allCases.filter { !$0.isRefresherStatus }.map { ($0.rawValue, 0) }) { a, _ in a })
        #expect(try Self.learnerRows(run.stdout).map { $0[0] }.sorted() == ids.sorted())
        #expect(run.stdout.contains("id=\"controls\" hidden"), "controls that need the script stay hidden")
        #expect(run.stdout.contains("<svg role=\"img\""), "the chart is inline SVG")
    }

    @Test("the stats page loads without console errors, with every flag listed and highlighted, in Dutch")
    func statsPage() throws {
        let folder = try Wegwijs.temporaryFolder("wegwijs-stats-html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("records")
        let course = Wegwijs.fixture("stats/course.json")
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", Wegwijs.fixture("stats/itemstats.py"), "generate", records.path, course]
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        let json = try Wegwijs.run(["stats", records.path, "--course", course, "--format", "json"])
        let flags = try #require(try JSONParser.parse(Array(json.stdout.utf8))["flags"]?.elements)
        let page = folder.appendingPathComponent("stats.html")
        let result = try Wegwijs.run(["stats", records.path, "--course", course, "--lang", "nl", "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(page)
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        let list = try #require(run.stdout.range(of: "<ul id=\"flags\">"))
        let items = run.stdout[list.upperBound...].prefix { _ in true }.components(separatedBy: "</ul>")[0]
        #expect(items.components(separatedBy: "<li>").count - 1 == flags.count && !flags.isEmpty)
        #expect(run.stdout.contains("<span class=\"flag\" data-flag=\"check-key\">sleutel controleren</span>"))
        #expect(run.stdout.contains("Facility-index") && run.stdout.contains("100,0 %"))
        let png = try Self.screenshotPath("stats-1280x800.png")
        _ = try chromium.screenshot(page, to: png)
        #expect(Chromium.pngSize(try Data(contentsOf: png)).map { $0.width == 1280 && $0.height == 800 } == true)
    }

    @Test("a large report keeps its rows in closed sections: every row in the DOM, the script pages them all, JavaScript off opens them")
    func largeReport() throws {
        let folder = try Wegwijs.temporaryFolder("wegwijs-html-large")
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        let ids = (1...2500).map { String(10000 + $0) }
        try Data(("employee_id,name,department,start_date\n" + ids.map { "\($0),Learner \($0),Team \(Int($0)! % 7),2099-01-01\n" }.joined()).utf8)
            .write(to: roster)
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", folder.path, "--roster", roster.path, "--course", course, "--as-of", Self.today,
                                      "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(page)
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        #expect(run.stdout.contains("Rows 1–100 of 2500"))
        #expect(try Self.learnerRows(run.stdout).count == 100)
        #expect(run.stdout.contains("<div id=\"sections\" hidden=\"\">"), "the sections give way to the paged table")
        let all = try chromium.dumpDOM(page, fragment: "#size=0")
        #expect(try Self.learnerRows(all.stdout).map { $0[0] } == ids)

        let html = try String(contentsOf: page, encoding: .utf8)
        let noScript = folder.appendingPathComponent("report-no-js.html")
        try Data(html.replacing(/<script>[\s\S]*?<\/script>/, with: "").utf8).write(to: noScript)
        let off = try chromium.dumpDOM(noScript)
        #expect(off.stdout.components(separatedBy: "<details class=\"rows\">").count - 1 == 3)
        #expect(off.stdout.contains("<summary>Rows 2,001–2,500 (employee 12001 to 12500)</summary>"))
        let rows = off.stdout.matches(of: /<tr><td>(\d+)<\/td>/).map { String($0.output.1) }
        #expect(rows == ids, "every row is in the page, in its section")
        #expect(off.stdout.contains("<table id=\"learners\" class=\"wide\" hidden=\"\">"), "no empty table shows without the script")
    }
}
