/// Locale-independent number formatting for reports: thousands separated by commas, a fixed
/// number of decimals, so that output is the same on every machine.
public enum NumberFormat {
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let integer = Int(scaled / scale)
        let fraction = Int(scaled - Double(integer) * scale)
        var digits = String(integer)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = (value < 0 && scaled > 0 ? "-" : "") + groups.joined(separator: ",")
        if decimals > 0 {
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return text
    }

    /// `value` with six decimals and no grouping, for files that programs read (CSV): enough
    /// for grams and metres, and the same text on every machine.
    public static func fixed(_ value: Double) -> String { String(format: "%.6f", value) }

    /// `value` rounded to the six decimals that ``fixed(_:)`` prints, for JSON files: they then
    /// carry the same figures as the CSV files beside them, without binary noise such as
    /// `562.0999999999999`.
    public static func sixDecimals(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    /// `part / whole` as a percentage with one decimal, or "-" when the whole is 0.
    public static func percent(_ part: Double, of whole: Double) -> String {
        whole == 0 ? "-" : grouped(part / whole * 100, decimals: 1) + " %"
    }
}
