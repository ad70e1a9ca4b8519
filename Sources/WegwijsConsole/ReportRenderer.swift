import WegwijsCore

/// The HR report as an aligned table for a terminal or a log: a header, one line per learner
/// and course, a count per status, and with departments a summary per department with bars.
public struct ReportRenderer: Sendable {
    public var layout: TextLayout

    public init(layout: TextLayout) {
        self.layout = layout
    }

    /// The whole table as text.
    public func table(_ report: HRReport) -> String {
        let names = ReportColumns.names(for: report)
        var rows = [names]
        for row in report.rows {
            var values = ReportColumns.values(of: row, in: report)
            for index in ReportColumns.textColumns(for: report) {
                values[index] = TextLayout.inline(values[index], limit: index == 1 || index == 2 ? 28 : 40)
            }
            rows.append(values.map { $0.isEmpty ? "-" : $0 })
        }
        let rightAligned: Set<Int> = [5, 6]
        let widths = names.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for (index, row) in rows.enumerated() {
            var cells: [String] = []
            for (column, value) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - value.count)
                var cell = rightAligned.contains(column) ? padding + value : value + (column == row.count - 1 ? "" : padding)
                if index == 0 {
                    cell = layout.styled(cell, .bold)
                } else if column == 4, let status = ReportStatus(rawValue: value) {
                    cell = colour(status).map { layout.styled(cell, $0) } ?? cell
                }
                cells.append(cell)
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        text += "\n" + counts(report)
        text += rosterProblems(report)
        text += suspectRecords(report)
        if !report.departments.isEmpty { text += "\n" + departments(report) }
        return text
    }

    /// `passed 12, expired 1, …` over every status, then the total.
    public func counts(_ report: HRReport) -> String {
        let parts = report.statuses.compactMap { status -> String? in
            let count = report.count(of: status)
            if !report.hasRoster, status == .notStarted || status == .overdue { return nil }
            return "\(status.rawValue) \(count)"
        }
        let total = report.rows.count
        var line = "As of \(report.asOf): " + parts.joined(separator: ", ") + " (\(total) row\(total == 1 ? "" : "s"))"
        if report.untrusted > 0 {
            line += "; \(report.untrusted) untrusted record\(report.untrusted == 1 ? "" : "s") counted as not passed"
        }
        return line + "\n"
    }

    /// Per course, one line per department: passed of learners, percentage, a bar, overdue.
    public func departments(_ report: HRReport) -> String {
        let label: (DepartmentSummary) -> String = { summary in
            guard let department = summary.department else { return "(not on the roster)" }
            return department.isEmpty ? "(no department)" : TextLayout.inline(department, limit: 28)
        }
        let width = report.departments.map { label($0).count }.max() ?? 0
        var text = ""
        var course: String?
        for summary in report.departments {
            if summary.course != course {
                course = summary.course
                text += layout.styled("Per department, \(TextLayout.inline(summary.course)):", .bold) + "\n"
            }
            let name = label(summary)
            let bar = layout.bar(percent: summary.percentPassed, width: 20)
            let counts = "\(summary.passed)/\(summary.learners) passed"
            let percent = ReportColumns.percentText(summary.percentPassed) + "%"
            var line = "  " + name + String(repeating: " ", count: width - name.count) + "  "
            line += (bar.isEmpty ? "" : bar + "  ") + String(repeating: " ", count: max(0, 6 - percent.count)) + percent + "  " + counts
            if summary.overdue > 0 { line += ", \(summary.overdue) overdue" }
            text += line + "\n"
        }
        return text
    }

    private func colour(_ status: ReportStatus) -> TextLayout.Colour? {
        switch status {
        case .passed: .green
        case .expired, .overdue, .refresherOverdue: .red
        case .failed, .refresherDue: .yellow
        case .inProgress, .notStarted: nil
        }
    }
}
