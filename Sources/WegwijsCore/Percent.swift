/// The one way a percentage is written: one decimal, a point or a comma, never a trap, whatever
/// number a file held (records are read from disk and may say anything).
public enum Percent {
    /// `85.4` (or `85,4` with `separator: ","`); values outside -1000…1000 and non-finite ones
    /// are clamped, so formatting can never overflow.
    public static func text(_ value: Double, separator: Character = ".") -> String {
        let safe = value.isNaN ? 0 : min(max(value, -1000), 1000)
        let tenths = Int((safe * 10).rounded())
        let whole = abs(tenths) / 10, tenth = abs(tenths) % 10
        return "\(tenths < 0 ? "-" : "")\(whole)\(separator)\(tenth)"
    }
}
