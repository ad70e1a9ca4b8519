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
        #expect(off.stdout.contains("<div class=\"scroll\" id=\"learners-box\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-table\" hidden=\"\">"),
                "no empty table shows without the script")
    }

    /// `page` with its content security policy removed and `probe` run after the page's own
    /// script; the probe's result is read from `<body data-probe="…">` in the DOM.
    static func probed(_ page: URL, probe: String) throws -> URL {
        let html = try String(contentsOf: page, encoding: .utf8)
        let open = html.replacing(/<meta http-equiv="Content-Security-Policy"[^>]*>/, with: "")
        let copy = page.deletingLastPathComponent().appendingPathComponent("probed-" + page.lastPathComponent)
        try Data(open.replacingOccurrences(of: "</body>", with: "<script>\(probe)</script>\n</body>").utf8).write(to: copy)
        return copy
    }

    @Test("at 1280 px the page does not scroll sideways: the wide table scrolls in its box with the employee column fixed")
    func fitsAt1280() throws {
        let (folder, records, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Long names, departments and addresses, as a real HR export has them.
        let roster = folder.appendingPathComponent("wide-roster.csv")
        let rows = (101...109).map { id in
            "\(id);Anna-Maria Wilhelmina van den Heuvel-Oudshoorn \(id);anna-maria.vandenheuvel-oudshoorn\(id)@klantcontact.example.org;Klantcontact en Dienstverlening Noord-Holland;2000-01-05"
        }
        try Data(("personeelsnummer;naam;e-mail;afdeling;startdatum\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: roster)
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--course", course, "--lang", "nl",
                                      "--as-of", Self.today, "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<span class=\"course\" data-id=\"test-branching\">Testcursus <span class=\"course-id\">(test-branching)</span></span>"),
                "the course's title with its id")
        let probe = """
        (function () {
          var de = document.documentElement, box = document.getElementById("learners-box");
          var cell = document.querySelector("#learners tbody td");
          var before = Math.round(cell.getBoundingClientRect().left - box.getBoundingClientRect().left);
          box.scrollLeft = 400;
          var after = Math.round(cell.getBoundingClientRect().left - box.getBoundingClientRect().left);
          document.body.setAttribute("data-probe", [de.scrollWidth, window.innerWidth, box.scrollWidth, box.clientWidth,
            box.scrollLeft, getComputedStyle(cell).position, before, after].join(" "));
        })();
        """
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(try Self.probed(page, probe: probe), width: 1280)
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        let match = try #require(run.stdout.firstMatch(of: /data-probe="(\d+) (\d+) (\d+) (\d+) (\d+) ([a-z]+) (-?\d+) (-?\d+)"/),
                                 "the probe ran: \(run.stdout.prefix(600))")
        let (pageWidth, window) = (Int(match.output.1) ?? 0, Int(match.output.2) ?? 0)
        let (boxContent, boxWidth, scrolled) = (Int(match.output.3) ?? 0, Int(match.output.4) ?? 0, Int(match.output.5) ?? 0)
        #expect(window == 1280)
        #expect(pageWidth <= window, "the page is \(pageWidth) px wide in a 1280 px window")
        #expect(boxContent > boxWidth && scrolled > 0, "the table (\(boxContent) px) scrolls inside its box (\(boxWidth) px)")
        // Within the box's border: without `position: sticky` the cell would move 400 px to the left.
        #expect(match.output.6 == "sticky" && abs((Int(match.output.7) ?? 0) - (Int(match.output.8) ?? 999)) <= 2,
                "the employee column stays put when the box scrolls: \(match.output.7) then \(match.output.8)")
        let png = try Self.screenshotPath("report-wide-1280x800.png")
        _ = try chromium.screenshot(page, to: png)
    }

    @Test("the page lists expired passes and the records not believed, and #status=expiring shows the passes about to expire")
    func expiredAndSuspect() throws {
        let (folder, records, roster) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 101's pass dated in the future: a clock set ahead.
        let learner = records.appendingPathComponent("test-branching/101")
        let file = learner.appendingPathComponent(try #require(Wegwijs.files(under: learner).first))
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacing(/"finishedAt" *: *"[^"]+"/, with: "\"finishedAt\": \"2099-01-01T10:00:00Z\"").utf8).write(to: file)
        let day = try #require(CalendarDay(Self.today))
        // A year and 10 days on, today's passes (103 and 900) are expired; 340 days on, they expire within 30 days.
        let later = day.adding(days: 375).description, sooner = day.adding(days: 340).description
        let page = folder.appendingPathComponent("report.html")
        let result = try Wegwijs.run(["report", records.path, "--roster", roster.path, "--as-of", later, "--output", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 untrusted record counted as not passed, 1 of them dated after the moment of the report"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<h2 id=\"h-expired\">Expired (2)</h2>"))
        let start = try #require(html.firstRange(of: "<table id=\"expired\">"))
        let end = try #require(html[start.upperBound...].firstRange(of: "</table>"))
        let expired = html[start.lowerBound..<end.upperBound]
        #expect(expired.contains("<td>103</td>") && expired.contains("<td>900</td>"))
        #expect(html.contains("id=\"suspect-records\" data-count=\"1\" data-future=\"1\""))
        #expect(html.contains("test-branching/101/") && html.contains("dated in the future: finishedAt is 2099-01-01T10:00:00Z"))

        let soon = folder.appendingPathComponent("soon.html")
        #expect(try Wegwijs.run(["report", records.path, "--roster", roster.path, "--as-of", sooner, "--output", soon.path]).status == 0)
        let chromium = try Chromium(profile: folder.appendingPathComponent("profile"))
        let run = try chromium.dumpDOM(soon, fragment: "#status=expiring")
        #expect(run.consoleMessages.isEmpty, "console: \(run.consoleMessages)")
        #expect(try Self.learnerRows(run.stdout).map { $0[0] }.sorted() == ["103", "900"])
    }
}
