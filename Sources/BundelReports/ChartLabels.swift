/// Labels short enough for a chart's label column that still tell every bar apart.
///
/// A long label is shortened from the middle (its start and its end kept, "…" between), as
/// labels of runs differ at their end as often as at their start ("… scenario A baseline").
/// The split is moved until no two different labels read the same; when no split can tell two
/// apart (they differ only deep in the middle), each of those shows the stretch around where
/// it differs from the others.
enum ChartLabels {
    /// `labels`, each at most `limit` characters, different wherever the labels differ.
    static func shortened(_ labels: [String], limit: Int) -> [String] {
        precondition(limit >= 3, "a label of fewer than 3 characters cannot show a cut")
        // The even split first, then more of the end, then more of the start.
        let even = (limit - 1) / 2
        let heads = Array(stride(from: even, through: 0, by: -1)) + Array(even + 1..<limit)
        for head in heads {
            let cut = labels.map { shorten($0, head: head, limit: limit) }
            if distinct(labels, cut) { return cut }
        }
        let cut = labels.map { shorten($0, head: even, limit: limit) }
        return labels.enumerated().map { index, label in
            let twins = labels.indices.filter { cut[$0] == cut[index] && labels[$0] != label }
            guard !twins.isEmpty else { return cut[index] }
            // Where this label first differs from the others it would be mistaken for.
            let differs = twins.map { commonPrefixLength(label, labels[$0]) }.max()!
            let start = max(0, differs - (limit - 2) / 2)
            let window = label.dropFirst(start).prefix(limit - 2)
            return (start > 0 ? "…" : "") + String(window) + (start + window.count < label.count ? "…" : "")
        }
    }

    private static func shorten(_ label: String, head: Int, limit: Int) -> String {
        guard label.count > limit else { return label }
        return String(label.prefix(head)) + "…" + String(label.suffix(limit - 1 - head))
    }

    /// Whether labels that differ stay different once cut.
    private static func distinct(_ labels: [String], _ cut: [String]) -> Bool {
        var original: [String: String] = [:]
        for (label, short) in zip(labels, cut) {
            if let seen = original[short], seen != label { return false }
            original[short] = label
        }
        return true
    }

    private static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
