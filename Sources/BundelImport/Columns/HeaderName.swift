import Foundation

/// Column names and ids compared as people write them: letter case, accents, surrounding
/// spaces, underscores and hyphens do not matter (`Lever-datum` = `leverdatum`).
enum HeaderName {
    static func normalised(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let spaced = folded.map { $0 == "_" || $0 == "-" || $0 == "." ? " " : $0 }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// A header split into its name and the unit written after it in brackets:
    /// `Gewicht (t)` is `gewicht` in `t`.
    static func nameAndUnit(_ header: String) -> (name: String, unit: String?) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("(", ")"), ("[", "]")] where trimmed.hasSuffix(close) {
            if let start = trimmed.range(of: open, options: .backwards) {
                let unit = trimmed[start.upperBound..<trimmed.index(before: trimmed.endIndex)]
                let name = trimmed[..<start.lowerBound]
                return (normalised(String(name)), normalised(String(unit)))
            }
        }
        return (normalised(trimmed), nil)
    }
}
