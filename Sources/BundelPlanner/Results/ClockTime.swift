/// The one way bundel writes a time of day: `HH:MM` of a minute after midnight, in reports,
/// route sheets, maps and in the planner's own messages (a cut-off missed, a tour that left
/// before its goods arrived). It lives beside the results rather than in BundelReports because
/// those messages are the planner's; every other number format is BundelReports'.
public enum ClockTime {
    /// `HH:MM` of `minutes` after midnight. Rounded down by default, as a clock shows it (a
    /// service start of 08:00:30 reads 08:00); `.up` for when something is done (an unloading
    /// that ends at 07:12:30 is done at 07:13, not before). Hours go past 23 rather than
    /// wrapping, so that a late return never reads as an early one; a time before midnight
    /// keeps its sign. Not a number, or a value far outside any week, is written as the number
    /// itself (`nan`): a report shows it rather than trapping on it.
    public static func text(minutes: Double, rounding: FloatingPointRoundingRule = .down) -> String {
        guard minutes.isFinite, abs(minutes) < 1e9 else { return "\(minutes)" }
        let whole = Int(minutes.rounded(rounding))
        let hours = abs(whole) / 60, rest = abs(whole) % 60
        return (whole < 0 ? "-" : "") + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "")
            + String(rest)
    }

    /// The same for a whole minute (a delivery window's ends).
    public static func text(minutes: Int) -> String { text(minutes: Double(minutes)) }
}
