/// A readable account of how two texts differ, for golden-file tests whose failure would
/// otherwise print two whole files side by side.
public enum LineDiff {
    /// Nil when `recorded` and `actual` are equal; else the line count of each, then up to
    /// `limit` differing lines, each as `-` (recorded) and `+` (now) with its 1-based line number.
    /// Lines are compared at the same position (a report changes in place far more often than it
    /// gains or loses lines); an added or removed line shows as every line below it differing,
    /// and the count says so.
    public static func describe(recorded: String, actual: String, limit: Int = 8) -> String? {
        guard recorded != actual else { return nil }
        let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let differing = (0..<max(old.count, new.count)).filter { index in
            index >= old.count || index >= new.count || old[index] != new[index]
        }
        var lines = ["recorded \(old.count) lines, now \(new.count); \(differing.count) lines differ"]
        for index in differing.prefix(limit) {
            lines.append("line \(index + 1):")
            lines.append("- " + (index < old.count ? clip(old[index]) : "(none)"))
            lines.append("+ " + (index < new.count ? clip(new[index]) : "(none)"))
        }
        if differing.count > limit { lines.append("... and \(differing.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    /// A long line (a JSON or SVG line can run to kilometres) cut to what a reader can take in.
    static func clip(_ line: Substring, width: Int = 300) -> String {
        line.count <= width ? String(line) : String(line.prefix(width)) + "... (\(line.count) characters)"
    }
}
