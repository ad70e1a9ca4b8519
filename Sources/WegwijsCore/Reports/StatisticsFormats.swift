/// Item statistics as CSV (one row per scenario, option and guideline) and JSON (the whole
/// analysis), for spreadsheets and other tools. Percentages have one decimal, discrimination three.
public enum StatisticsFormat {
    /// The CSV's columns.
    public static let columns = ["type", "scenario", "option", "guideline", "critical", "key", "shown", "chosen", "share_percent",
                                 "facility_percent", "discrimination", "mean_percent", "at_or_above_percent", "flags", "too_few_for"]

    /// RFC 4180 CSV with a header row: a `scenario` row (shown, facility, discrimination,
    /// flags, the flags it was shown too few times for as `flag:needs`) followed by an `option`
    /// row per option (chosen, share, critical, key, flags), then a
    /// `guideline` row per guideline (assessed attempts in `shown`, mean, at or above).
    public static func csv(_ statistics: ItemStatistics) -> String {
        var text = CSV.line(columns, delimiter: ",")
        func line(_ values: [String: String]) {
            // Ids come from the course file: shown escaped, never run as a spreadsheet formula.
            text += CSV.line(columns.map { column in
                let value = values[column] ?? ""
                return ["scenario", "option", "guideline"].contains(column) ? ReportFormat.neutralized(ControlCharacters.escaped(value)) : value
            }, delimiter: ",")
        }
        for scenario in statistics.scenarios {
            line(["type": "scenario", "scenario": scenario.id, "shown": String(scenario.shown),
                  "facility_percent": scenario.facility.map(ReportColumns.percentText) ?? "",
                  "discrimination": scenario.discrimination.map(discriminationText) ?? "",
                  "flags": scenario.flags.map(\.rawValue).joined(separator: " "),
                  "too_few_for": scenario.tooFewFor.map { "\($0.rawValue):\(ItemStatistics.minimumShown($0))" }.joined(separator: " ")])
            for option in scenario.options {
                line(["type": "option", "scenario": scenario.id, "option": option.id, "critical": option.isCritical ? "yes" : "no", "key": option.isKey ? "yes" : "no",
                      "shown": String(scenario.shown), "chosen": String(option.chosen),
                      "share_percent": option.share.map(ReportColumns.percentText) ?? "",
                      "flags": option.flags.map(\.rawValue).joined(separator: " ")])
            }
        }
        for guideline in statistics.guidelines {
            line(["type": "guideline", "guideline": guideline.id, "shown": String(guideline.assessed),
                  "mean_percent": guideline.meanPercent.map(ReportColumns.percentText) ?? "",
                  "at_or_above_percent": guideline.atOrAbove.map(ReportColumns.percentText) ?? ""])
        }
        return text
    }

    /// One JSON object: `course` (with `attempts_counted`, `first` or `all`, and
    /// `later_attempts_not_counted`), `scenarios` (with `too_few_for`, the flags the scenario
    /// was shown too few times for, and their `options`, each with `key`), `guidelines`, `flags`.
    public static func json(_ statistics: ItemStatistics) -> String {
        func number(_ value: Double?) -> String { value.map(ReportColumns.percentText) ?? "null" }
        func flags(_ list: [ItemFlag]) -> String { "[" + list.map { JSONWriter.quoted($0.rawValue) }.joined(separator: ", ") + "]" }
        let course = statistics.course
        var text = "{\n  \"course\": {"
        text += "\"id\": \(JSONWriter.quoted(statistics.courseID)), \"version\": \(JSONWriter.quoted(statistics.courseVersion)), "
        text += "\"since\": \(statistics.since.map { JSONWriter.quoted($0.description) } ?? "null"), "
        text += "\"attempts\": \(course.attempts), \"learners\": \(course.learners), \"pass_rate\": \(number(course.passRate)), "
        text += "\"mean_percent\": \(number(course.meanPercent)), \"median_percent\": \(number(course.medianPercent)), "
        text += "\"median_duration_seconds\": \(course.medianDuration.map { String(Int($0.rounded())) } ?? "null"), "
        text += "\"failed_overall\": \(course.failedOverall), \"failed_guideline\": {"
        text += course.failedGuideline.map { "\(JSONWriter.quoted($0.id)): \($0.count)" }.joined(separator: ", ")
        text += "}, \"failed_critical\": \(course.failedCritical), \"attempts_counted\": \(JSONWriter.quoted(course.counted.rawValue)), "
        text += "\"later_attempts_not_counted\": \(course.laterAttempts)},\n  \"scenarios\": ["
        for (index, scenario) in statistics.scenarios.enumerated() {
            text += index == 0 ? "\n    {" : ",\n    {"
            text += "\"id\": \(JSONWriter.quoted(scenario.id)), \"shown\": \(scenario.shown), \"facility\": \(number(scenario.facility)), "
            text += "\"discrimination\": \(scenario.discrimination.map(discriminationText) ?? "null"), \"flags\": \(flags(scenario.flags)), "
            text += "\"too_few_for\": [" + scenario.tooFewFor.map { "{\"flag\": \(JSONWriter.quoted($0.rawValue)), \"needs\": \(ItemStatistics.minimumShown($0))}" }
                .joined(separator: ", ") + "], \"options\": ["
            text += scenario.options.map { option in
                "{\"id\": \(JSONWriter.quoted(option.id)), \"key\": \(option.isKey), \"critical\": \(option.isCritical), \"chosen\": \(option.chosen), "
                    + "\"share\": \(number(option.share)), \"flags\": \(flags(option.flags))}"
            }.joined(separator: ", ")
            text += "]}"
        }
        text += "\n  ],\n  \"guidelines\": ["
        text += statistics.guidelines.map { guideline in
            "\n    {\"id\": \(JSONWriter.quoted(guideline.id)), \"assessed\": \(guideline.assessed), "
                + "\"mean_percent\": \(number(guideline.meanPercent)), \"at_or_above_percent\": \(number(guideline.atOrAbove))}"
        }.joined(separator: ",")
        text += "\n  ],\n  \"flags\": ["
        text += statistics.flags.map { entry in
            "\n    {\"flag\": \(JSONWriter.quoted(entry.flag.rawValue)), \"scenario\": \(JSONWriter.quoted(entry.scenario)), "
                + "\"option\": \(entry.option.map(JSONWriter.quoted) ?? "null")}"
        }.joined(separator: ",")
        text += "\n  ]\n}\n"
        return text
    }

    /// Three decimals with a point, `-0.125`.
    public static func discriminationText(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
