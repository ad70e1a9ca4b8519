/// The limits on numbers in a course (SPEC §2), so that no computation can overflow.
public enum CourseLimits {
    /// An option's score for one guideline lies within this range.
    public static let score = -1000...1000
    /// The most `dueWithinDays` may be.
    public static let dueWithinDays = 3650
    /// Course, guideline, scenario and option ids are at most this many characters.
    public static let idLength = 64
    /// How `validFor`'s limit reads in messages.
    public static let validForText = "10 years (P10Y, P120M or P3653D)"

    /// Whether a `validFor` duration is at most 10 years: from 1 January 2000 it ends no later
    /// than 1 January 2010.
    public static func isWithinLimit(_ duration: ISODuration) -> Bool {
        guard let start = CalendarDay(year: 2000, month: 1, day: 1), let limit = CalendarDay(year: 2010, month: 1, day: 1) else { return false }
        return start.adding(duration) <= limit
    }
}
