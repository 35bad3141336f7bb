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
}
