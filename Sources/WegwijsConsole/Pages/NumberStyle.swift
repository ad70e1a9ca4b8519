import WegwijsCore

/// How numbers and days are written in one language (`--lang`): Dutch `85,4 %`, `20.000`,
/// `25-11-2026`; English `85.4%`, `20,000`, `2026-11-25`. The conventions come from the
/// language's phrase table (`Phrases.numbers`), so a new language brings its own.
public struct NumberStyle: Sendable {
    public var language: InterfaceLanguage
    private let conventions: NumberConventions

    public init(_ language: InterfaceLanguage) {
        self.language = language
        self.conventions = Phrases.of(language).numbers
    }

    /// A whole number with thousands grouped.
    public func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(conventions.groupingSeparator) }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// One decimal and the language's percent sign: `85,4 %` or `85.4%`.
    public func percent(_ value: Double) -> String {
        Percent.text(value, separator: conventions.decimalSeparator) + conventions.percentSuffix
    }

    /// A decimal with `places` places and the language's decimal sign.
    public func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let whole = magnitude / Int(scale), fraction = magnitude % Int(scale)
        var text = (negative ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += String(conventions.decimalSeparator) + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }

    /// `25-11-2026` in Dutch, `2026-11-25` in English.
    public func day(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.civil
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        func four(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }
        switch conventions.dayOrder {
        case .dayMonthYear: return two(dayOfMonth) + "-" + two(month) + "-" + four(year)
        case .yearMonthDay: return four(year) + "-" + two(month) + "-" + two(dayOfMonth)
        }
    }

    /// A duration in seconds as `12 min 05 s` or, from an hour, `1 h 02 min` (`u` in Dutch).
    public func duration(seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if hours > 0 { return "\(hours) \(conventions.hourUnit) \(two(minutes)) min" }
        return "\(minutes) min \(two(rest)) s"
    }
}
