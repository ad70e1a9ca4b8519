import WegwijsCore

/// The HR report as one self-contained HTML page (SPEC §5 `--format html`): the day, the
/// courses, a count per status, a chart per department, the overdue and soon-expiring lists,
/// and the full table. Everything is in the HTML, so it reads with JavaScript off and prints;
/// the page's one small script adds sorting, filtering and paging.
public struct ReportPage: Sendable {
    public var phrases: ReportPhrases
    /// Longest overdue and expiring lists shown in full; the table holds every row.
    public var listLimit = 100
    /// Above this many rows the full table comes in closed sections of this many rows.
    public var sectionSize = 1000

    public init(language: InterfaceLanguage) {
        phrases = ReportPhrases.of(language)
    }

    private var numbers: NumberStyle { NumberStyle(phrases.language) }

    /// The whole page.
    public func render(_ report: HRReport) -> String {
        var body = "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" focusable=\"false\">\(HTML.statusPatterns)</svg>\n"
        body += "<header>\n<h1>\(HTML.escaped(phrases.title))</h1>\n"
        body += "<p class=\"meta\" id=\"as-of\" data-day=\"\(report.asOf)\">\(HTML.escaped(phrases.asOf(numbers.day(report.asOf))))</p>\n"
        body += "<p class=\"meta\">\(HTML.escaped(phrases.courses)): "
        body += report.courses.map { id in
            // A course known only from its records has no title: its id alone.
            let name = courseTitle(id, in: report).map { "\(HTML.escaped($0)) <span class=\"course-id\">(\(HTML.escaped(id)))</span>" } ?? HTML.escaped(id)
            return "<span class=\"course\" data-id=\"\(HTML.escaped(id))\">\(name)</span>"
        }.joined(separator: ", ")
        body += "</p>\n</header>\n<main>\n"
        body += rosterWarning(report)
        body += counts(report)
        body += charts(report)
        body += lists(report)
        body += table(report)
        body += rosterProblems(report)
        body += suspectRecords(report)
        body += "</main>\n<footer><p class=\"note\">\(HTML.escaped(phrases.madeBy))</p></footer>\n"
        return HTML.page(language: phrases.language, title: "\(phrases.title) — \(numbers.day(report.asOf))",
                         style: HTML.baseStyle, body: body, script: Self.script)
    }

    /// A course's title in the page's language, when the course is known (not only from records).
    func courseTitle(_ id: String, in report: HRReport) -> String? {
        report.courseTerms.first { $0.id == id }?.title(in: phrases.language.rawValue)
    }

    /// A course as charts name it: its title and id, or its id alone.
    private func courseName(_ id: String, in report: HRReport) -> String {
        courseTitle(id, in: report).map { "\($0) (\(id))" } ?? id
    }

    /// The statuses shown: all six with a roster, else the four that can occur without one.
    private func statuses(_ report: HRReport) -> [ReportStatus] {
        report.statuses.filter { report.hasRoster || ($0 != .notStarted && $0 != .overdue) }
    }

    private func counts(_ report: HRReport) -> String {
        let total = report.rows.count
        var html = "<section aria-labelledby=\"h-counts\">\n<h2 id=\"h-counts\">\(HTML.escaped(phrases.byStatus))</h2>\n"
        html += report.hasRefreshers ? HTML.refresherPatterns : ""
        html += "<table id=\"counts\"><caption>\(HTML.escaped(phrases.countsCaption))</caption>\n"
        html += "<thead><tr><th scope=\"col\">\(HTML.escaped(phrases.statusColumn))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.countColumn))</th><th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.shareColumn))</th></tr></thead>\n<tbody>\n"
        for status in statuses(report) {
            let count = report.count(of: status)
            let share = total == 0 ? 0 : Double(count) * 100 / Double(total)
            html += "<tr data-status=\"\(status.rawValue)\" data-count=\"\(count)\"><th scope=\"row\">\(HTML.swatch(status))<span class=\"s-\(status.rawValue)\">\(HTML.escaped(phrases.status(status)))</span></th>"
            html += "<td class=\"n\">\(numbers.count(count))</td><td class=\"n\">\(numbers.percent(share))</td></tr>\n"
        }
        html += "</tbody>\n<tfoot><tr data-status=\"total\" data-count=\"\(total)\"><th scope=\"row\">\(HTML.escaped(phrases.total))</th><td class=\"n\">\(numbers.count(total))</td><td class=\"n\">\(numbers.percent(total == 0 ? 0 : 100))</td></tr></tfoot>\n</table>\n"
        if report.untrusted > 0 {
            html += "<p class=\"note\" id=\"untrusted\" data-count=\"\(report.untrusted)\"><strong>\(HTML.escaped(phrases.untrusted(numbers.count(report.untrusted))))</strong></p>\n"
        }
        return html + "</section>\n"
    }

    private func label(_ summary: DepartmentSummary, hasDepartments: Bool) -> String {
        guard hasDepartments else { return phrases.allLearners }
        guard let department = summary.department else { return phrases.notOnRoster }
        return department.isEmpty ? phrases.noDepartment : department
    }

    private func charts(_ report: HRReport) -> String {
        let shown = statuses(report)
        var html = "<section aria-labelledby=\"h-departments\">\n<h2 id=\"h-departments\">\(HTML.escaped(phrases.byDepartment))</h2>\n"
        html += "<ul class=\"legend\" aria-hidden=\"true\">"
        for status in shown { html += "<li>\(HTML.swatch(status))\(HTML.escaped(phrases.status(status)))</li>" }
        html += "</ul>\n"
        let hasDepartments = !report.departments.isEmpty
        for (number, course) in report.courses.enumerated() {
            let summaries = report.summaries(for: course)
            let id = "chart-\(number + 1)"
            let labelWidth = 230, barWidth = 560, rowHeight = 30, top = 6
            let height = top + summaries.count * rowHeight + 4
            html += "<figure>\n<svg role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(labelWidth + barWidth + 190) \(height)\" width=\"100%\" style=\"max-width:\(labelWidth + barWidth + 190)px\">"
            let name = courseName(course, in: report)
            html += "<title id=\"\(id)-title\">\(HTML.escaped(phrases.chartTitle(name)))</title>"
            html += "<desc id=\"\(id)-desc\">\(HTML.escaped(phrases.chartDescription(name)))</desc>"
            for (index, summary) in summaries.enumerated() {
                let y = top + index * rowHeight
                let name = label(summary, hasDepartments: hasDepartments)
                let shortName = name.count > 30 ? String(name.prefix(29)) + "…" : name
                html += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\">\(HTML.escaped(shortName))<title>\(HTML.escaped(name))</title></text>"
                var x = Double(labelWidth)
                for status in shown {
                    let count = summary.counts[status] ?? 0
                    guard count > 0, summary.learners > 0 else { continue }
                    let width = Double(barWidth) * Double(count) / Double(summary.learners)
                    html += "<rect x=\"\(format(x))\" y=\"\(y)\" width=\"\(format(width))\" height=\"22\" fill=\"url(#p-\(status.rawValue))\" stroke=\"#fff\" stroke-width=\"1\"><title>\(HTML.escaped("\(phrases.status(status)): \(numbers.count(count))"))</title></rect>"
                    let text = numbers.count(count)
                    let textWidth = Double(text.count) * 7.5 + 6
                    if width >= textWidth + 2 {
                        html += "<rect x=\"\(format(x + width / 2 - textWidth / 2))\" y=\"\(y + 4)\" width=\"\(format(textWidth))\" height=\"14\" fill=\"#fff\" rx=\"2\"/>"
                        html += "<text x=\"\(format(x + width / 2))\" y=\"\(y + 15)\" text-anchor=\"middle\" font-size=\"12\">\(text)</text>"
                    }
                    x += width
                }
                html += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\" font-size=\"13\">\(HTML.escaped(phrases.passedOf(numbers.count(summary.passed), numbers.count(summary.learners))))</text>"
            }
            html += "</svg>\n<figcaption class=\"note\">\(HTML.escaped(phrases.chartTitle(name)))</figcaption>\n</figure>\n"
            html += "<table class=\"chart-data\"><caption>\(HTML.escaped(phrases.chartTable(name)))</caption>\n<thead><tr><th scope=\"col\">\(HTML.escaped(phrases.departmentColumn))</th>"
            for status in shown { html += "<th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.status(status)))</th>" }
            html += "<th scope=\"col\" class=\"n\">\(HTML.escaped(phrases.total))</th></tr></thead>\n<tbody>\n"
            for summary in summaries {
                html += "<tr><th scope=\"row\">\(HTML.escaped(label(summary, hasDepartments: hasDepartments)))</th>"
                for status in shown { html += "<td class=\"n\">\(numbers.count(summary.counts[status] ?? 0))</td>" }
                html += "<td class=\"n\">\(numbers.count(summary.learners))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    private func lists(_ report: HRReport) -> String {
        var html = ""
        let overdue = report.overdue
        if report.hasRoster {
            html += "<section aria-labelledby=\"h-overdue\">\n<h2 id=\"h-overdue\">\(HTML.escaped(phrases.overdueHeading)) (\(numbers.count(overdue.count)))</h2>\n"
            if overdue.isEmpty {
                html += "<p>\(HTML.escaped(phrases.overdueNone))</p>\n"
            } else {
                var columns = ["employee_id", "name", "department"]
                if report.hasEmails { columns.append("email") }
                columns += ["course", "due_date"]
                html += listTable(id: "overdue", caption: phrases.overdueHeading, columns: columns, extra: phrases.daysOverdue,
                                  rows: overdue, report: report) { row in
                    row.dueDate.map { numbers.count(report.asOf.number - $0.number) } ?? ""
                }
            }
            html += "</section>\n"
        }
        let expiring = report.expiring(withinDays: HRReport.expiringWindow)
        html += "<section aria-labelledby=\"h-expiring\">\n<h2 id=\"h-expiring\">\(HTML.escaped(phrases.expiringHeading)) (\(numbers.count(expiring.count)))</h2>\n"
        if expiring.isEmpty {
            html += "<p>\(HTML.escaped(phrases.expiringNone))</p>\n"
        } else {
            var columns = ["employee_id", "name", "department"]
            if report.hasEmails { columns.append("email") }
            columns += ["course", "passed_at", "expires_at"]
            html += listTable(id: "expiring", caption: phrases.expiringHeading, columns: columns, extra: nil, rows: expiring,
                              report: report) { _ in "" }
        }
        html += "</section>\n"
        return html + expiredList(report)
    }

    func listTable(id: String, caption: String, columns: [String], extra: String?, rows: [ReportRow],
                   report: HRReport, extraValue: (ReportRow) -> String) -> String {
        var html = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTML.escaped(caption))\"><table id=\"\(id)\"><caption>\(HTML.escaped(caption))</caption>\n<thead><tr>"
        for column in columns { html += "<th scope=\"col\">\(HTML.escaped(phrases.column(column)))</th>" }
        if let extra { html += "<th scope=\"col\" class=\"n\">\(HTML.escaped(extra))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows.prefix(listLimit) {
            html += "<tr>"
            for column in columns { html += "<td>\(cell(column, row))</td>" }
            if extra != nil { html += "<td class=\"n\">\(extraValue(row))</td>" }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        if rows.count > listLimit {
            html += "<p class=\"note\">\(HTML.escaped(phrases.moreRows(numbers.count(rows.count - listLimit))))</p>\n"
        }
        return html
    }

    /// One cell's content, escaped, in the language's number and date style.
    private func cell(_ column: String, _ row: ReportRow) -> String {
        switch column {
        case "employee_id": HTML.escaped(row.employeeID)
        case "name": HTML.escaped(row.name)
        case "department": HTML.escaped(row.department)
        case "email": HTML.escaped(row.email)
        case "course": HTML.escaped(row.course)
        case "status": HTML.escaped(phrases.status(row.status))
        case "best_percent": row.bestPercent.map(numbers.percent) ?? ""
        case "attempts": String(row.attempts)
        case "last_activity": row.lastActivity.map(numbers.day) ?? ""
        case "passed_at": row.passedAt.map(numbers.day) ?? ""
        case "expires_at": row.expiresAt.map(numbers.day) ?? ""
        case "due_date": row.dueDate.map(numbers.day) ?? ""
        case "acknowledged_at": row.acknowledgedAt.map(numbers.day) ?? ""
        case "refresher_due": row.refresherDue.map(numbers.day) ?? ""
        case "untrusted_records": String(row.untrustedRecords)
        case "on_roster": row.onRoster == false ? phrases.no : phrases.yes
        default: ""
        }
    }

    /// The full table. Up to `sectionSize` rows it is one table. Above that the rows come in
    /// sections of `sectionSize` rows, each a closed `<details>` with its own table: a browser
    /// lays out only what is open, so 60,000 rows load in seconds instead of minutes, and with
    /// JavaScript off every row is one click away. The script shows them all, a page at a time,
    /// in the one table `#learners`.
    private func table(_ report: HRReport) -> String {
        let columns = ReportColumns.names(for: report)
        var head = "<thead><tr>"
        for column in columns {
            let type = ["best_percent", "attempts", "untrusted_records"].contains(column) ? "num"
                : ["last_activity", "passed_at", "expires_at", "due_date", "acknowledged_at", "refresher_due"].contains(column) ? "date" : "text"
            head += "<th scope=\"col\" data-key=\"\(column)\" data-type=\"\(type)\"\(type == "num" ? " class=\"n\"" : "")>\(HTML.escaped(phrases.column(column)))</th>"
        }
        head += "</tr></thead>\n"
        let sectioned = report.rows.count > sectionSize
        var html = "<section aria-labelledby=\"h-table\">\n<h2 id=\"h-table\">\(HTML.escaped(phrases.tableHeading))</h2>\n"
        html += controls(report)
        html += "<p class=\"note no-print\" id=\"sort-hint\" hidden>\(HTML.escaped(phrases.sortHint))</p>\n"
        html += "<div class=\"scroll\" id=\"learners-box\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-table\"\(sectioned ? " hidden" : "")>"
        html += "<table id=\"learners\" class=\"wide\"><caption>\(HTML.escaped(phrases.tableCaption(numbers.count(report.rows.count))))</caption>\n"
        html += head + "<tbody>\n"
        var text = ""
        text.reserveCapacity(report.rows.count * 300)
        if sectioned {
            html += "</tbody></table></div>\n"
            text += "<div id=\"sections\">\n<p class=\"note\">\(HTML.escaped(phrases.sections(numbers.count(report.rows.count), numbers.count(sectionSize))))</p>\n"
        }
        for (index, row) in report.rows.enumerated() {
            if sectioned, index % sectionSize == 0 {
                let last = min(index + sectionSize, report.rows.count)
                let range = phrases.sectionRange(numbers.count(index + 1), numbers.count(last),
                                                 report.rows[index].employeeID, report.rows[last - 1].employeeID)
                if index > 0 { text += "</tbody></table></div>\n</details>\n" }
                text += "<details class=\"rows\"><summary>\(HTML.escaped(range))</summary>\n<div class=\"scroll\">"
                text += "<table class=\"wide rows\"><caption>\(HTML.escaped(range))</caption>\n" + head + "<tbody>\n"
            }
            text += report.isExpiring(row, withinDays: HRReport.expiringWindow) ? "<tr data-expiring=\"\">" : "<tr>"
            for column in columns {
                switch column {
                case "status": text += "<td class=\"s-\(row.status.rawValue)\">"
                case "best_percent", "attempts": text += "<td class=\"n\">"
                default: text += "<td>"
                }
                text += cell(column, row)
                text += "</td>"
            }
            text += "</tr>\n"
        }
        html += text
        html += sectioned ? "</tbody></table></div>\n</details>\n</div>\n</section>\n" : "</tbody></table></div>\n</section>\n"
        return html
    }

    /// Filter and paging controls, hidden until the script shows them (they do nothing without it).
    private func controls(_ report: HRReport) -> String {
        var html = "<form class=\"controls no-print\" id=\"controls\" hidden role=\"search\" aria-label=\"\(HTML.escaped(phrases.filterLegend))\">\n"
        html += "<label>\(HTML.escaped(phrases.statusColumn))<select id=\"f-status\"><option value=\"\">\(HTML.escaped(phrases.any))</option>"
        for status in statuses(report) {
            html += "<option value=\"\(status.rawValue)\">\(HTML.escaped(phrases.status(status)))</option>"
        }
        html += "<option value=\"expiring\">\(HTML.escaped(phrases.expiringHeading))</option>"
        html += "</select></label>\n"
        html += "<label>\(HTML.escaped(phrases.column("department")))<select id=\"f-department\"><option value=\"\">\(HTML.escaped(phrases.any))</option></select></label>\n"
        html += "<label>\(HTML.escaped(phrases.column("course")))<select id=\"f-course\"><option value=\"\">\(HTML.escaped(phrases.any))</option></select></label>\n"
        html += "<label>\(HTML.escaped(phrases.search))<input id=\"f-text\" type=\"search\"></label>\n"
        html += "<label>\(HTML.escaped(phrases.perPage))<select id=\"f-size\"><option>50</option><option selected>100</option><option>500</option><option value=\"0\">\(HTML.escaped(phrases.all))</option></select></label>\n"
        html += "<button type=\"button\" id=\"f-prev\">\(HTML.escaped(phrases.previous))</button><button type=\"button\" id=\"f-next\">\(HTML.escaped(phrases.next))</button>\n"
        html += "<output id=\"f-info\" aria-live=\"polite\" data-template=\"\(HTML.escaped(phrases.pageInfo))\"></output>\n</form>\n"
        return html
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Sorting, filtering and paging of the learners table. The rows stay in the HTML (for
    /// reading without JavaScript and for printing); the script keeps them in an array and
    /// shows one page. The address's fragment (`#status=overdue&department=IT&sort=name`)
    /// sets the first view, so a filtered view can be bookmarked.
    static let script = """
    (function () {
      "use strict";
      var d = document, table = d.getElementById("learners");
      if (!table) return;
      var body = table.tBodies[0], heads = table.tHead.rows[0].cells, rows = Array.prototype.slice.call(body.rows);
      var sections = d.getElementById("sections");
      if (sections) {
        // A large report keeps its rows in closed sections; the script shows them all here.
        rows = Array.prototype.slice.call(sections.querySelectorAll("table.rows > tbody > tr"));
        sections.hidden = true;
        table.parentNode.hidden = false;
      }
      var keys = [], types = [], i;
      for (i = 0; i < heads.length; i++) { keys.push(heads[i].getAttribute("data-key")); types.push(heads[i].getAttribute("data-type")); }
      var col = function (k) { return keys.indexOf(k); };
      var lang = d.documentElement.lang, collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
      var state = { status: "", department: "", course: "", text: "", sort: -1, dir: 1, page: 0, size: 100 }, shown = rows;
      var el = function (id) { return d.getElementById(id); };
      var info = el("f-info"), sizeSelect = el("f-size");
      function value(row, c) {
        var t = row.cells[c].textContent;
        if (types[c] === "num") { var n = parseFloat(t.replace(",", ".")); return isNaN(n) ? -Infinity : n; }
        if (types[c] === "date" && /^\\d\\d-\\d\\d-\\d{4}$/.test(t)) return t.slice(6) + t.slice(3, 5) + t.slice(0, 2);
        return t;
      }
      function fill(select, c) {
        if (c < 0) { select.parentNode.hidden = true; return; }
        var seen = {}, list = [];
        rows.forEach(function (r) { var t = r.cells[c].textContent; if (t && !seen[t]) { seen[t] = 1; list.push(t); } });
        list.sort(collator.compare).forEach(function (t) { var o = d.createElement("option"); o.value = t; o.textContent = t; select.appendChild(o); });
        if (list.length < 2) select.parentNode.hidden = true;
      }
      function render() {
        var size = state.size || shown.length || 1, pages = Math.max(1, Math.ceil(shown.length / size));
        state.page = Math.min(Math.max(state.page, 0), pages - 1);
        var from = state.page * size, to = Math.min(shown.length, from + size), frag = d.createDocumentFragment();
        for (var j = from; j < to; j++) frag.appendChild(shown[j]);
        body.textContent = "";
        body.appendChild(frag);
        info.textContent = info.getAttribute("data-template").replace("{from}", shown.length ? from + 1 : 0).replace("{to}", to).replace("{total}", shown.length);
        el("f-prev").disabled = state.page === 0;
        el("f-next").disabled = state.page >= pages - 1;
      }
      function apply() {
        var s = col("status"), dep = col("department"), c = col("course"), text = state.text.toLowerCase();
        shown = rows.filter(function (r) {
          if (state.status === "expiring") { if (!r.hasAttribute("data-expiring")) return false; }
          else if (state.status && r.cells[s].className !== "s-" + state.status) return false;
          if (state.department && r.cells[dep].textContent !== state.department) return false;
          if (state.course && r.cells[c].textContent !== state.course) return false;
          return !text || r.textContent.toLowerCase().indexOf(text) >= 0;
        });
        if (state.sort >= 0) {
          var k = state.sort, dir = state.dir;
          var decorated = shown.map(function (r, n) { return [value(r, k), n, r]; });
          decorated.sort(function (a, b) {
            var x = a[0], y = b[0], r = typeof x === "number" ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y);
            return r * dir || a[1] - b[1];
          });
          shown = decorated.map(function (e) { return e[2]; });
        }
        for (var h = 0; h < heads.length; h++) {
          if (h === state.sort) heads[h].setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending"); else heads[h].removeAttribute("aria-sort");
        }
        state.page = 0;
        render();
      }
      var labels = Array.prototype.map.call(heads, function (th) { return th.textContent; });
      // Sort buttons in the headings; printed pages get plain headings (Chromium leaves
      // buttons out of the heading it repeats on every page).
      function buttons(on) {
        Array.prototype.forEach.call(heads, function (th, n) {
          th.textContent = "";
          if (!on) { th.textContent = labels[n]; return; }
          var b = d.createElement("button");
          b.type = "button";
          b.textContent = labels[n];
          th.appendChild(b);
          b.addEventListener("click", function () { state.dir = state.sort === n ? -state.dir : 1; state.sort = n; apply(); });
        });
      }
      buttons(true);
      fill(el("f-department"), col("department"));
      fill(el("f-course"), col("course"));
      ["status", "department", "course"].forEach(function (k) {
        el("f-" + k).addEventListener("change", function (e) { state[k] = e.target.value; apply(); });
      });
      el("f-text").addEventListener("input", function (e) { state.text = e.target.value; apply(); });
      sizeSelect.addEventListener("change", function () { state.size = parseInt(sizeSelect.value, 10) || 0; state.page = 0; render(); });
      el("f-prev").addEventListener("click", function () { state.page--; render(); });
      el("f-next").addEventListener("click", function () { state.page++; render(); });
      el("controls").addEventListener("submit", function (e) { e.preventDefault(); });
      window.addEventListener("beforeprint", function () { var keep = state.size; state.size = 0; render(); state.size = keep; buttons(false); });
      window.addEventListener("afterprint", function () { buttons(true); render(); });
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var kv = part.split("="), k = decodeURIComponent(kv[0] || ""), v = decodeURIComponent(kv[1] || "");
        if (k === "status" || k === "department" || k === "course") { state[k] = v; el("f-" + k).value = v; }
        else if (k === "q") { state.text = v; el("f-text").value = v; }
        else if (k === "size") { state.size = parseInt(v, 10) || 0; sizeSelect.value = String(state.size); }
        else if (k === "sort" && col(v) >= 0) { state.sort = col(v); }
      });
      el("controls").hidden = false;
      el("sort-hint").hidden = false;
      apply();
    })();

    """
}
