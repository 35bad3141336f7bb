/// The ids a table or list declares, to check references against. A reference to an id whose
/// own entry was rejected is no new problem (that entry's problem is already logged), and
/// nothing can be checked against a file that could not be read: in both cases a second
/// "unknown id" message per referring row would bury the one problem to fix.
struct DeclaredIds {
    /// Ids of the entries read without a problem.
    var valid: Set<String>
    /// Ids named in the file, valid or not; `nil` when the file could not be read.
    var named: Set<String>?

    /// True when a reference to `id` deserves a problem of its own.
    func isUnknown(_ id: String) -> Bool { named.map { !$0.contains(id) } ?? false }

    /// "; did you mean 'X'?" for the declared id closest to an unknown `id`: the same id in
    /// other letter case, else the one fewest edits away (at most a third of its length, and
    /// at least one edit) when no other is as close; empty otherwise (`s7` among `s1`...`s6` is
    /// one edit from each, and naming one of them would be a guess).
    func didYouMean(_ id: String) -> String {
        let candidates = (named ?? []).sorted()
        if let sameLetters = candidates.first(where: { $0.lowercased() == id.lowercased() }) {
            return "; did you mean '\(sameLetters)'?"
        }
        let allowed = max(1, id.count / 3)
        let near = candidates.map { ($0, Self.edits(from: id, to: $0)) }.filter { $0.1 <= allowed }
        guard let fewest = near.map(\.1).min() else { return "" }
        let closest = near.filter { $0.1 == fewest }
        return closest.count == 1 ? "; did you mean '\(closest[0].0)'?" : ""
    }

    /// The Levenshtein distance: insertions, deletions and substitutions of characters.
    private static func edits(from source: String, to target: String) -> Int {
        let a = Array(source), b = Array(target)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
