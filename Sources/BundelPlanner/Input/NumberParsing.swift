/// Parsing of numbers, booleans and times as people type them in spreadsheets and YAML, with
/// explanations for the usual mistakes (decimal commas, units typed into the cell).
enum NumberParsing {
    /// The largest number accepted anywhere. Far above any real quantity, cost or distance,
    /// and small enough that sums, products and conversions to whole units cannot overflow
    /// (1e300 kg once trapped converting to Int).
    static let largest = 1e12
    /// The largest whole number accepted (minutes, counts), for the same reason.
    static let largestWhole = 1_000_000_000

    /// A finite number written with a decimal point, at most ``largest`` in size, or `nil`.
    static func double(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite, abs(value) <= largest else { return nil }
        return value
    }

    /// A whole number at most ``largestWhole`` in size, or `nil`.
    static func int(_ text: String) -> Int? {
        // `magnitude`, not `abs`: the absolute value of Int.min does not fit an Int and traps.
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value.magnitude <= UInt(largestWhole) else {
            return nil
        }
        return value
    }

    /// Why `text` is not a whole number, with a hint at the fix.
    static func explainWhole(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if Int(trimmed) != nil { return "'\(trimmed)' is too large; whole numbers up to \(largestWhole) are accepted" }
        return "expected a whole number, got '\(trimmed)'"
    }

    /// Why `text` is not a number, with a hint at the fix.
    static func explain(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "expected a number, found an empty value" }
        if Double(trimmed.replacingOccurrences(of: ",", with: ".")) != nil, trimmed.contains(",") {
            return
                "'\(trimmed)' uses a decimal comma; write \(trimmed.replacingOccurrences(of: ",", with: ".")) (decimal point)"
        }
        if let value = Double(trimmed), !value.isFinite {
            return "'\(trimmed)' is not a finite number; write a number such as 12.5"
        }
        if let value = Double(trimmed), abs(value) > largest {
            return "'\(trimmed)' is too large; numbers up to \(format(largest)) are accepted"
        }
        return "expected a number, got '\(trimmed)'"
    }

    static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: return nil
        }
    }

    /// Minutes after midnight of a time written `HH:MM` (00:00 to 24:00).
    static func minutesOfDay(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }

    /// A number without needless decimals, for messages.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
