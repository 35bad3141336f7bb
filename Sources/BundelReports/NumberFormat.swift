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

    /// `part / whole` as a percentage with one decimal, or "-" when the whole is 0.
    public static func percent(_ part: Double, of whole: Double) -> String {
        whole == 0 ? "-" : grouped(part / whole * 100, decimals: 1) + " %"
    }
}
