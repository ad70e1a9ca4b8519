import Foundation

/// An ISO 8601 duration of whole years, months, weeks and days (`P1Y`, `P6M`, `P90D`), the
/// period a pass stays valid.
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    public var years = 0
    public var months = 0
    public var weeks = 0
    public var days = 0

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
    }

    /// Parses `PnYnMnWnD` (any non-empty subset, in that order); nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("P"), text.count > 1 else { return nil }
        var number = ""
        var lastRank = -1
        let order: [Character] = ["Y", "M", "W", "D"]
        for character in text.dropFirst() {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            // Each designator once, in the order Y M W D, after at most six digits.
            guard let value = Int(number), number.count <= 6,
                  let rank = order.firstIndex(of: character), rank > lastRank else { return nil }
            switch character {
            case "Y": years = value
            case "M": months = value
            case "W": weeks = value
            default: days = value
            }
            lastRank = rank
            number = ""
        }
        guard number.isEmpty, lastRank >= 0 else { return nil }
    }

    public var description: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 { text += "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        return text == "P" ? "P0D" : text
    }

    /// Whether the duration is nothing at all (`P0D`).
    public var isZero: Bool { years == 0 && months == 0 && weeks == 0 && days == 0 }

    /// This duration `count` times over (`P4M` × 3 is `P12M`), so that the k-th of a series
    /// of periods is added in one step and month ends do not drift.
    public func times(_ count: Int) -> ISODuration {
        ISODuration(years: years * count, months: months * count, weeks: weeks * count, days: days * count)
    }

    /// `date` plus this duration, on the Gregorian calendar in UTC.
    public func added(to date: Date) -> Date {
        var components = DateComponents()
        components.year = years
        components.month = months
        components.day = weeks * 7 + days
        return Calendar.utc.date(byAdding: components, to: date) ?? date
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, used for every date the product shows or compares.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
